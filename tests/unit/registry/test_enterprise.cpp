// SPDX-License-Identifier: GPL-3.0-or-later
#include "registry_testutil.hpp"

#include <hujing/registry/division.hpp>
#include <hujing/registry/enterprise.hpp>
#include <hujing/registry/risk.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <set>

using namespace hujing;
using hujing::test::code_of;
using hujing::test::count;
using hujing::test::message_of;
using hujing::test::uscc;

namespace {

using util::Date;

constexpr Date k_today{std::chrono::year{2025}, std::chrono::month{10}, std::chrono::day{15}};

Date date(int y, unsigned m, unsigned d) {
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

std::int64_t add(storage::Database& db, domain::EnterpriseData data) {
    storage::WriteTransaction tx(db);
    const auto id = domain::add_enterprise(tx, db, std::move(data));
    tx.commit();
    return id;
}

domain::EnterpriseData basic(int n, std::string name = {}) {
    domain::EnterpriseData d;
    d.uscc = uscc(n);
    d.name = name.empty() ? fmt::format("诸暨市测试{}有限公司", n) : std::move(name);
    return d;
}

std::vector<std::int64_t> ids_of(storage::Database& db, const domain::EnterpriseQuery& query) {
    test::CollectingWriter writer;
    domain::list_enterprises(db, query, {"id"}, false, writer);
    std::vector<std::int64_t> ids;
    for (const auto& row : writer.rows) {
        ids.push_back(std::get<std::int64_t>(row[0]));
    }
    return ids;
}

std::int64_t credit(storage::Database& db,
                    const std::string& key,
                    const char* grade,
                    Date on,
                    domain::CreditKind kind = domain::CreditKind::evaluation) {
    storage::WriteTransaction tx(db);
    const auto id = domain::add_credit_event(tx, db, key, grade, "理由", on, kind);
    tx.commit();
    return id;
}

} // namespace

TEST_SUITE("hujing::domain::division") {
    TEST_CASE("Zhuji has 5 subdistricts, 17 towns and 1 township") {
        const auto& all = domain::divisions();
        REQUIRE(all.size() == 23);
        auto kind_count = [&](const char* kind) {
            return std::count_if(
                all.begin(), all.end(), [&](const auto& d) { return d.kind == kind; });
        };
        CHECK(kind_count("subdistrict") == 5);
        CHECK(kind_count("town") == 17);
        CHECK(kind_count("township") == 1);
        CHECK(domain::division_kind_label("township") == "乡");
    }

    TEST_CASE("a town is found by name, with a 诸暨市 prefix, or without its suffix") {
        CHECK(domain::resolve_town("店口镇").name == "店口镇");
        CHECK(domain::resolve_town("诸暨市店口镇").name == "店口镇");
        CHECK(domain::resolve_town("浙江省绍兴市诸暨市店口镇").name == "店口镇");
        CHECK(domain::resolve_town(" 店口 ").name == "店口镇");
        CHECK(domain::resolve_town("暨阳").name == "暨阳街道");
        CHECK_FALSE(domain::resolve_town("店口镇").former.has_value());
    }

    TEST_CASE("a former name maps to its successor and says so") {
        const auto t = domain::resolve_town("草塔镇");
        CHECK(t.name == "大唐街道");
        REQUIRE(t.former.has_value());
        CHECK(*t.former == "草塔镇");
        CHECK(domain::resolve_town("大唐镇").name == "大唐街道");
        CHECK(domain::resolve_town("诸暨市草塔").name == "大唐街道");
    }

    TEST_CASE("an unknown town is invalid and points at `enterprise towns`") {
        CHECK(code_of([] { domain::resolve_town("杭州市西湖区"); }) == Exit::invalid);
        CHECK(message_of([] { domain::resolve_town("火星镇"); }).find("enterprise towns")
              != std::string::npos);
        CHECK_FALSE(domain::find_town("").has_value());
    }
}

TEST_SUITE("hujing::domain::enterprise") {
    TEST_CASE("an enterprise is added with a lower-case USCC stored upper case") {
        auto db = test::registry_db();
        auto d = basic(1);
        std::string lower = d.uscc;
        std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) {
            return static_cast<char>(std::tolower(c));
        });
        d.uscc = lower;
        d.town = "诸暨市店口镇";
        d.scale = "规上";
        d.tags = {"规上;五金，铜加工"};
        d.sectors = {"hazchem,delivery"};
        const auto id = add(*db, d);
        const auto e = domain::get_enterprise(*db, lower);
        CHECK(e.id == id);
        CHECK(e.data.uscc == uscc(1));
        CHECK(e.data.town == "店口镇");
        CHECK(e.data.scale == "above");
        CHECK(e.data.tags == std::vector<std::string>{"五金", "规上", "铜加工"});
        CHECK(e.data.sectors == std::vector<std::string>{"delivery", "hazchem"});
        CHECK(count(*db, "SELECT count(*) FROM audit_log WHERE entity = 'enterprise'") == 1);
    }

    TEST_CASE("a wrong check character is invalid and the message names the expected one") {
        auto db = test::registry_db();
        auto d = basic(1);
        const char right = d.uscc.back();
        d.uscc.back() = right == '0' ? '1' : '0';
        const auto message = message_of([&] { add(*db, d); });
        CHECK(message.find(std::string(1, right)) != std::string::npos);
        CHECK(code_of([&] { add(*db, d); }) == Exit::invalid);
        CHECK(count(*db, "SELECT count(*) FROM enterprise") == 0);
    }

    TEST_CASE("a bad organisation code in characters 9-17 is invalid") {
        // 17th character changed and the 18th recomputed: only GB 11714 fails.
        auto code = uscc(7).substr(0, 16);
        const char org = uscc(7)[16];
        code += org == '1' ? '2' : '1';
        code += util::uscc_check_character(code);
        auto db = test::registry_db();
        auto d = basic(7);
        d.uscc = code;
        CHECK(code_of([&] { add(*db, d); }) == Exit::invalid);
    }

    TEST_CASE("a duplicate USCC is a conflict") {
        auto db = test::registry_db();
        add(*db, basic(1));
        CHECK(code_of([&] { add(*db, basic(1, "别的名字")); }) == Exit::conflict);
    }

    TEST_CASE("field validation: name, town, scale, industry code, phone, sector") {
        auto db = test::registry_db();
        auto bad = [&](const std::function<void(domain::EnterpriseData&)>& change) {
            auto d = basic(2);
            change(d);
            return code_of([&] { add(*db, d); });
        };
        CHECK(bad([](auto& d) { d.name = "  "; }) == Exit::invalid);
        CHECK(bad([](auto& d) { d.name = "甲\x01乙"; }) == Exit::invalid);
        CHECK(bad([](auto& d) { d.town = "火星镇"; }) == Exit::invalid);
        CHECK(bad([](auto& d) { d.scale = "big"; }) == Exit::invalid);
        CHECK(bad([](auto& d) { d.industry_code = "183"; }) == Exit::invalid);
        CHECK(bad([](auto& d) { d.industry_code = "18A0"; }) == Exit::invalid);
        CHECK(bad([](auto& d) { d.industry_code = "0012"; }) == Exit::invalid);
        CHECK(bad([](auto& d) { d.phone = "138-abc"; }) == Exit::invalid);
        CHECK(bad([](auto& d) { d.phone = "123"; }) == Exit::invalid);
        CHECK(bad([](auto& d) { d.sectors = {"lodgin"}; }) == Exit::invalid);
        CHECK(count(*db, "SELECT count(*) FROM enterprise") == 0);
        CHECK(bad([](auto& d) {
                  d.industry_code = "1830";
                  d.scale = "below";
                  d.phone = "0575-87001234";
              })
              == Exit::ok);
    }

    TEST_CASE("update changes given fields, clears with an empty string, maps a former town") {
        auto db = test::registry_db();
        auto d = basic(3);
        d.town = "店口镇";
        d.phone = "13800000000";
        d.tags = {"a;b"};
        const auto id = add(*db, d);
        domain::EnterpriseUpdate u;
        u.town = "草塔镇";
        u.phone = "";
        u.tags = std::vector<std::string>{"c"};
        storage::WriteTransaction tx(*db);
        CHECK(domain::update_enterprise(tx, *db, std::to_string(id), u) == id);
        tx.commit();
        const auto e = domain::get_enterprise(*db, uscc(3));
        CHECK(e.data.town == "大唐街道");
        CHECK_FALSE(e.data.phone.has_value());
        CHECK(e.data.tags == std::vector<std::string>{"c"});
        CHECK(e.data.name == d.name);
    }

    TEST_CASE("update to another enterprise's USCC is a conflict") {
        auto db = test::registry_db();
        add(*db, basic(1));
        add(*db, basic(2));
        domain::EnterpriseUpdate u;
        u.uscc = uscc(1);
        storage::WriteTransaction tx(*db);
        CHECK(code_of([&] { domain::update_enterprise(tx, *db, uscc(2), u); }) == Exit::conflict);
    }

    TEST_CASE("an unknown enterprise is not found") {
        auto db = test::registry_db();
        CHECK(code_of([&] { domain::get_enterprise(*db, "42"); }) == Exit::not_found);
        CHECK(code_of([&] { domain::get_enterprise(*db, uscc(9)); }) == Exit::not_found);
    }

    TEST_CASE("list filters combine with AND and page in SQL") {
        auto db = test::registry_db();
        for (int i = 1; i <= 10; ++i) {
            auto d = basic(i);
            d.town = i % 2 == 0 ? "店口镇" : "大唐街道";
            d.scale = i <= 3 ? "above" : "below";
            d.industry = i % 3 == 0 ? "袜业" : "五金";
            if (i == 4) {
                d.tags = {"规上"};
                d.sectors = {"lodging"};
            }
            add(*db, d);
        }
        domain::EnterpriseQuery q;
        q.town = "店口";
        CHECK(ids_of(*db, q) == std::vector<std::int64_t>{2, 4, 6, 8, 10});
        q.scale = "规上";
        CHECK(ids_of(*db, q) == std::vector<std::int64_t>{2});
        q = {};
        q.industry = "袜业";
        q.sort = "-id";
        CHECK(ids_of(*db, q) == std::vector<std::int64_t>{9, 6, 3});
        q = {};
        q.limit = 3;
        q.offset = 2;
        CHECK(ids_of(*db, q) == std::vector<std::int64_t>{3, 4, 5});
        q = {};
        q.tag = "规上";
        CHECK(ids_of(*db, q) == std::vector<std::int64_t>{4});
        q = {};
        q.sector = "lodging";
        CHECK(ids_of(*db, q) == std::vector<std::int64_t>{4});
        q = {};
        q.credit = "none";
        CHECK(ids_of(*db, q).size() == 10);
        q = {};
        q.sort = "tags";
        CHECK(code_of([&] { ids_of(*db, q); }) == Exit::invalid);
        q = {};
        q.sector = "nope";
        CHECK(code_of([&] { ids_of(*db, q); }) == Exit::invalid);
        q = {};
        q.officer = "999999";
        CHECK(code_of([&] { ids_of(*db, q); }) == Exit::not_found);
    }

    TEST_CASE("list computes only the requested columns and masks phones") {
        auto db = test::registry_db();
        auto d = basic(1);
        d.phone = "13812345678";
        d.tags = {"x;y"};
        add(*db, d);
        test::CollectingWriter writer;
        domain::list_enterprises(*db, {}, {"id", "phone"}, false, writer);
        REQUIRE(writer.rows.size() == 1);
        const auto& row = writer.rows[0];
        const auto columns = domain::enterprise_columns();
        for (std::size_t i = 0; i < columns.size(); ++i) {
            if (columns[i].key == "tags") {
                CHECK(std::holds_alternative<std::monostate>(row[i]));
            }
            if (columns[i].key == "phone") {
                CHECK(std::get<std::string>(row[i]) != "13812345678");
            }
        }
        test::CollectingWriter revealed;
        domain::list_enterprises(*db, {}, {"phone", "tags"}, true, revealed);
        for (std::size_t i = 0; i < columns.size(); ++i) {
            if (columns[i].key == "phone") {
                CHECK(std::get<std::string>(revealed.rows[0][i]) == "13812345678");
            }
            if (columns[i].key == "tags") {
                CHECK(std::get<std::vector<std::string>>(revealed.rows[0][i])
                      == std::vector<std::string>{"x", "y"});
            }
        }
    }

    TEST_CASE("search returns exactly the substring matches, via FTS and via the short fallback") {
        auto db = test::registry_db();
        // Names and addresses over a small alphabet so that substrings repeat a lot, with
        // characters that are special to FTS5 queries and to LIKE.
        const std::vector<std::string> alphabet = {
            "珍", "珠", "袜", "业", "店", "口", "A", "a", "%", "_", "\"", " ", "*", "-"};
        std::mt19937 rng(42); // NOLINT(cert-msc32-c,cert-msc51-cpp): reproducible test data
        auto random_text = [&](std::size_t min, std::size_t max) {
            std::string s;
            const auto n = min + rng() % (max - min + 1);
            for (std::size_t i = 0; i < n; ++i) {
                s += alphabet[rng() % alphabet.size()];
            }
            return s;
        };
        std::vector<std::pair<std::string, std::string>> rows;
        for (int i = 1; i <= 300; ++i) {
            auto d = basic(i, random_text(2, 8));
            if (rng() % 4 != 0) {
                d.address = random_text(0, 10);
            }
            add(*db, d);
            const auto e = domain::get_enterprise(*db, std::to_string(i));
            rows.emplace_back(e.data.name, e.data.address.value_or(""));
        }
        std::vector<std::string> queries = {"珍珠",
                                            "珍珠袜",
                                            R"(""")",
                                            "%",
                                            "_",
                                            "a%_",
                                            "A",
                                            "a",
                                            "* -",
                                            "\"a",
                                            "珍",
                                            "珠A",
                                            "zzz"};
        for (int i = 0; i < 60; ++i) {
            const auto& [name, address] = rows[rng() % rows.size()];
            const auto& source = rng() % 2 != 0 ? name : address;
            // a substring of whole characters: re-split by the known alphabet
            std::vector<std::string> chars;
            for (std::size_t p = 0; p < source.size();) {
                const auto len = (static_cast<unsigned char>(source[p]) & 0x80U) != 0 ? 3 : 1;
                chars.push_back(source.substr(p, static_cast<std::size_t>(len)));
                p += static_cast<std::size_t>(len);
            }
            if (chars.empty()) {
                continue;
            }
            const auto from = rng() % chars.size();
            const auto n = 1 + rng() % std::min<std::size_t>(5, chars.size() - from);
            std::string q;
            for (std::size_t k = from; k < from + n; ++k) {
                q += chars[k];
            }
            queries.push_back(q);
        }
        for (const auto& q : queries) {
            std::vector<std::int64_t> expected;
            for (std::size_t i = 0; i < rows.size(); ++i) {
                if (rows[i].first.find(q) != std::string::npos
                    || rows[i].second.find(q) != std::string::npos) {
                    expected.push_back(static_cast<std::int64_t>(i + 1));
                }
            }
            domain::EnterpriseQuery query;
            query.search = q;
            INFO("query: [" << q << "]");
            CHECK(ids_of(*db, query) == expected);
        }
    }

    TEST_CASE("search follows renames through the FTS triggers") {
        auto db = test::registry_db();
        add(*db, basic(1, "诸暨市老名字袜业有限公司"));
        domain::EnterpriseUpdate u;
        u.name = "诸暨市新名字珍珠有限公司";
        storage::WriteTransaction tx(*db);
        domain::update_enterprise(tx, *db, "1", u);
        tx.commit();
        domain::EnterpriseQuery q;
        q.search = "老名字";
        CHECK(ids_of(*db, q).empty());
        q.search = "新名字珍珠";
        CHECK(ids_of(*db, q) == std::vector<std::int64_t>{1});
    }

    TEST_CASE("credit history is kept and the grade is the latest by date") {
        auto db = test::registry_db();
        add(*db, basic(1));
        const auto key = uscc(1);
        credit(*db, key, "A", date(2025, 1, 1));
        credit(*db, key, "c", date(2025, 6, 1));
        CHECK(domain::get_enterprise(*db, key).credit_grade == "C");
        credit(*db, key, "B", date(2025, 3, 1)); // back-dated: history only
        CHECK(domain::get_enterprise(*db, key).credit_grade == "C");
        credit(*db, key, "B", date(2025, 7, 1), domain::CreditKind::repair);
        CHECK(domain::get_enterprise(*db, key).credit_grade == "B");
        CHECK(count(*db, "SELECT count(*) FROM credit_event") == 4);
        CHECK(count(*db, "SELECT count(*) FROM credit_event WHERE kind = 'repair'") == 1);
        const auto file = domain::load_enterprise_file(*db, key, {false, k_today});
        REQUIRE(file.part("credit_history").json().size() == 4);
        CHECK(file.part("credit_history").json()[0]["date"] == "2025-07-01");
        CHECK(file.part("credit_history").json()[0]["kind"] == "repair");
    }

    TEST_CASE("a repair must raise the grade; a bad grade or empty reason is invalid") {
        auto db = test::registry_db();
        add(*db, basic(1));
        const auto key = uscc(1);
        CHECK(code_of([&] { credit(*db, key, "A", date(2025, 1, 1), domain::CreditKind::repair); })
              == Exit::conflict);
        credit(*db, key, "B", date(2025, 1, 1));
        CHECK(code_of([&] { credit(*db, key, "C", date(2025, 2, 1), domain::CreditKind::repair); })
              == Exit::conflict);
        CHECK(code_of([&] { credit(*db, key, "E", date(2025, 2, 1)); }) == Exit::invalid);
        storage::WriteTransaction tx(*db);
        CHECK(code_of([&] {
                  domain::add_credit_event(
                      tx, *db, key, "A", " ", date(2025, 2, 1), domain::CreditKind::evaluation);
              })
              == Exit::invalid);
    }

    TEST_CASE("assign and unassign officers") {
        auto db = test::registry_db();
        add(*db, basic(1));
        const auto key = uscc(1);
        {
            storage::WriteTransaction tx(*db);
            domain::assign_officer(tx, *db, key, "100001", "企业警官", date(2025, 3, 1));
            domain::assign_officer(tx, *db, key, "100001", "行业警官", date(2025, 3, 2));
            tx.commit();
        }
        storage::WriteTransaction tx(*db);
        CHECK(code_of([&] { domain::assign_officer(tx, *db, key, "100001", "企业警官", k_today); })
              == Exit::conflict);
        CHECK(code_of([&] { domain::assign_officer(tx, *db, key, "100004", "企业警官", k_today); })
              == Exit::conflict); // inactive
        CHECK(code_of([&] { domain::assign_officer(tx, *db, key, "100001", "警官", k_today); })
              == Exit::invalid);
        CHECK(code_of([&] { domain::assign_officer(tx, *db, key, "999999", "企业警官", k_today); })
              == Exit::not_found);
        domain::EnterpriseQuery q;
        q.officer = "100001";
        CHECK(ids_of(*db, q) == std::vector<std::int64_t>{1});
        domain::unassign_officer(tx, *db, key, "100001", std::string("企业警官"));
        CHECK(count(*db, "SELECT count(*) FROM enterprise_officer") == 1);
        domain::unassign_officer(tx, *db, key, "100001", std::nullopt);
        CHECK(count(*db, "SELECT count(*) FROM enterprise_officer") == 0);
        CHECK(code_of([&] { domain::unassign_officer(tx, *db, key, "100001", std::nullopt); })
              == Exit::not_found);
    }

    TEST_CASE("exemptions: form id format, until not before today") {
        auto db = test::registry_db();
        add(*db, basic(1));
        storage::WriteTransaction tx(*db);
        CHECK(domain::add_exemption(tx, *db, "1", "lodging", date(2026, 1, 1), "无事不扰", k_today)
              > 0);
        CHECK(domain::add_exemption(tx, *db, "1", "fire_2", k_today, "当天", k_today) > 0);
        for (const char* bad : {"Lodging", "1abc", "", "a-b", "住宿"}) {
            CHECK(code_of([&] {
                      domain::add_exemption(tx, *db, "1", bad, date(2026, 1, 1), "x", k_today);
                  })
                  == Exit::invalid);
        }
        CHECK(code_of([&] {
                  domain::add_exemption(tx, *db, "1", "pawn", date(2025, 10, 14), "x", k_today);
              })
              == Exit::invalid);
        CHECK(code_of([&] {
                  domain::add_exemption(tx, *db, "1", "pawn", date(2026, 1, 1), " ", k_today);
              })
              == Exit::invalid);
        const auto file = domain::load_enterprise_file(*db, "1", {false, date(2025, 12, 1)});
        REQUIRE(file.part("exemptions").json().size() == 2);
        CHECK(file.part("exemptions").json()[0]["form_id"] == "lodging");
        CHECK(file.part("exemptions").json()[0]["active"] == true);
        CHECK(file.part("exemptions").json()[1]["active"] == false);
    }

    TEST_CASE("the enterprise file holds basics, officers, credit, open risks, exemptions") {
        auto db = test::registry_db();
        auto d = basic(1);
        d.phone = "13812345678";
        add(*db, d);
        storage::WriteTransaction tx(*db);
        domain::assign_officer(tx, *db, "1", "100001", "企业警官", date(2025, 3, 1));
        domain::NewRisk risk{"1", "橙", "资金链", "经侦大队", "王某", date(2025, 5, 1)};
        const auto open = domain::add_risk(tx, *db, risk);
        risk.level = "blue";
        const auto closed = domain::add_risk(tx, *db, risk);
        domain::close_risk(tx, *db, closed, date(2025, 6, 1));
        tx.commit();
        const auto file = domain::load_enterprise_file(*db, uscc(1), {false, k_today});
        const auto doc = domain::enterprise_file_json(file, false);
        CHECK(doc["uscc"] == uscc(1));
        CHECK(doc["phone"] != "13812345678");
        CHECK(domain::enterprise_file_json(file, true)["phone"] == "13812345678");
        REQUIRE(doc["officers"].size() == 1);
        CHECK(doc["officers"][0]["badge"] == "100001");
        CHECK(doc["officers"][0]["since"] == "2025-03-01");
        REQUIRE(doc["risks"].size() == 1);
        CHECK(doc["risks"][0]["id"] == open);
        CHECK(doc["risks"][0]["level"] == "orange");
        CHECK(doc["credit_history"].is_array());
        CHECK(doc["exemptions"].is_array());
        CHECK(doc["projects"].is_array());
        const auto sections = domain::enterprise_file_sections(file, false);
        CHECK(sections.size() >= 6);
    }
}

TEST_SUITE("hujing::domain::risk") {
    TEST_CASE("levels are accepted as codes or Chinese labels") {
        CHECK(domain::parse_risk_level("红") == "red");
        CHECK(domain::parse_risk_level("橙色") == "orange");
        CHECK(domain::parse_risk_level("yellow") == "yellow");
        CHECK(domain::risk_level_label("blue") == "蓝");
        CHECK(code_of([] { domain::parse_risk_level("紫"); }) == Exit::invalid);
    }

    TEST_CASE("a risk opens and closes once, not before it opened") {
        auto db = test::registry_db();
        add(*db, basic(1));
        storage::WriteTransaction tx(*db);
        const auto id =
            domain::add_risk(tx, *db, {"1", "黄", "拖欠货款", "JZDD", "郭某", date(2025, 7, 2)});
        CHECK(code_of([&] { domain::close_risk(tx, *db, id, date(2025, 7, 1)); }) == Exit::invalid);
        domain::close_risk(tx, *db, id, date(2025, 9, 30));
        CHECK(code_of([&] { domain::close_risk(tx, *db, id, date(2025, 10, 1)); })
              == Exit::conflict);
        CHECK(code_of([&] { domain::close_risk(tx, *db, 99, k_today); }) == Exit::not_found);
        domain::RiskQuery q;
        const auto count = [&] { return domain::list_risks(*db, q, {}, [](const auto&) {}); };
        CHECK(count() == 1);
        q.open_only = true;
        CHECK(count() == 0);
        domain::EnterpriseQuery eq;
        eq.risk = "any";
        CHECK(ids_of(*db, eq).empty());
    }

    TEST_CASE("add rejects an unknown unit, enterprise, empty description or leader") {
        auto db = test::registry_db();
        add(*db, basic(1));
        storage::WriteTransaction tx(*db);
        CHECK(code_of([&] {
                  domain::add_risk(tx, *db, {"1", "红", "x", "没有的单位", "王", k_today});
              })
              == Exit::not_found);
        CHECK(code_of([&] {
                  domain::add_risk(tx, *db, {"2", "红", "x", "JZDD", "王", k_today});
              })
              == Exit::not_found);
        CHECK(code_of([&] {
                  domain::add_risk(tx, *db, {"1", "红", " ", "JZDD", "王", k_today});
              })
              == Exit::invalid);
        CHECK(code_of([&] {
                  domain::add_risk(tx, *db, {"1", "红", "x", "JZDD", "", k_today});
              })
              == Exit::invalid);
        domain::add_risk(tx, *db, {"1", "red", "x", "JZDD", "王", k_today});
        domain::EnterpriseQuery q;
        q.risk = "红";
        CHECK(ids_of(*db, q) == std::vector<std::int64_t>{1});
        q.risk = "blue";
        CHECK(ids_of(*db, q).empty());
    }
}
