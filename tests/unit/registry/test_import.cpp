// SPDX-License-Identifier: GPL-3.0-or-later
#include "registry_testutil.hpp"

#include <hujing/registry/enterprise.hpp>
#include <hujing/registry/import.hpp>

#include <doctest/doctest.h>

#include <sstream>

using namespace hujing;
using hujing::test::count;
using hujing::test::uscc;

namespace {

struct Outcome {
    domain::EnterpriseImportResult result;
    std::optional<Error> error;
    std::vector<std::string> skipped; // "FILE:LINE: reason" reported with --skip-invalid
};

Outcome run_import(storage::Database& db,
                   const std::string& csv,
                   domain::EnterpriseImportOptions options = {},
                   bool commit = true) {
    Outcome out;
    options.skipped_row = [&out](const std::string& where, const std::string& reason) {
        out.skipped.push_back(where + " " + reason);
    };
    std::istringstream in(csv);
    try {
        storage::WriteTransaction tx(db);
        out.result = domain::import_enterprises(tx, db, in, "f.csv", options);
        if (commit) {
            tx.commit();
        }
    } catch (const Error& e) {
        out.error = e;
    }
    return out;
}

// The lines and messages of an error's details, as "LINE: message".
std::vector<std::string> details(const Error& e) {
    std::vector<std::string> out;
    for (const auto& d : e.details()) {
        CHECK(d.where.file == "f.csv");
        out.push_back(std::to_string(d.where.line) + ": " + d.message);
    }
    return out;
}

domain::EnterpriseImportOptions opts(domain::OnConflict on_conflict,
                                     domain::SkipInvalid skip = domain::SkipInvalid::no,
                                     domain::DryRun dry_run = domain::DryRun::no) {
    domain::EnterpriseImportOptions o;
    o.on_conflict = on_conflict;
    o.skip_invalid = skip;
    o.dry_run = dry_run;
    return o;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// The whole registry as text, to compare before and after.
std::string snapshot(storage::Database& db) {
    std::string out;
    SQLite::Statement q(
        db.sql(),
        "SELECT (SELECT group_concat(id || uscc || name || coalesce(town, '') ||"
        " coalesce(address, '') || updated_at, '|') FROM enterprise),"
        " (SELECT group_concat(enterprise_id || tag, '|') FROM enterprise_tag),"
        " (SELECT count(*) FROM enterprise_sector),"
        " (SELECT count(*) FROM audit_log),"
        " (SELECT count(*) FROM enterprise_fts WHERE enterprise_fts MATCH '\"诸暨市\"')");
    q.executeStep();
    for (int i = 0; i < q.getColumnCount(); ++i) {
        out += q.isColumnNull(i) ? std::string("-") : q.getColumn(i).getString();
        out += '\n';
    }
    return out;
}

std::string header() {
    return "uscc,name,town,industry,industry_code,scale,legal_rep,phone,address,tags,sectors\n";
}

std::string row(int n,
                const std::string& rest =
                    ",店口镇,五金,3389,above,张三,13800000000,诸暨市店口镇1号,规上;五金,hazchem") {
    return uscc(n) + ",诸暨市测试" + std::to_string(n) + "有限公司" + rest + "\n";
}

} // namespace

TEST_SUITE("hujing::domain::enterprise_import") {
    TEST_CASE("a good file imports every row with tags, sectors and one audit row") {
        auto db = test::registry_db();
        const auto audit_before = count(*db, "SELECT count(*) FROM audit_log");
        const auto out = run_import(*db, header() + row(1) + row(2) + row(3));
        REQUIRE_FALSE(out.error.has_value());
        CHECK(out.result.added == 3);
        CHECK(domain::format_import_result(out.result) == "added=3 updated=0 skipped=0 invalid=0");
        CHECK(count(*db, "SELECT count(*) FROM enterprise") == 3);
        CHECK(count(*db, "SELECT count(*) FROM enterprise_tag") == 6);
        CHECK(count(*db, "SELECT count(*) FROM enterprise_sector WHERE sector = 'hazchem'") == 3);
        CHECK(count(*db, "SELECT count(*) FROM audit_log") == audit_before + 1);
        CHECK(count(*db,
                    "SELECT count(*) FROM audit_log WHERE action = 'import'"
                    " AND after LIKE '%\"added\":3%' AND after LIKE '%f.csv%'")
              == 1);
        const auto e = domain::get_enterprise(*db, uscc(2));
        CHECK(e.data.town == "店口镇");
        CHECK(e.data.scale == "above");
        CHECK(e.data.industry_code == "3389");
    }

    TEST_CASE("columns in any order, only uscc and name required, lower-case USCC") {
        auto db = test::registry_db();
        std::string lower = uscc(5);
        for (auto& c : lower) {
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        const auto out = run_import(*db, "name,uscc\n甲公司," + lower + "\n");
        REQUIRE_FALSE(out.error.has_value());
        CHECK(domain::get_enterprise(*db, uscc(5)).data.name == "甲公司");
    }

    TEST_CASE("any bad row imports nothing and every bad row is reported at its line") {
        auto db = test::registry_db();
        auto bad_check = uscc(3);
        bad_check.back() = bad_check.back() == '0' ? '1' : '0';
        const std::string csv = header() + row(1)                    // line 2
                                + bad_check + ",坏校验码,,,,,,,,,\n" // line 3
                                + row(4, ",火星镇,,,,,,,,")          // line 4
                                + row(5, ",店口镇,,183,,,,,,")       // line 5
                                + row(6, ",店口镇,,,huge,,,,,")      // line 6
                                + row(7, ",店口镇,,,,,,,,lodgin")    // line 7
                                + uscc(8) + ",,店口镇,,,,,,,,\n"     // line 8
                                + ",无代码,店口镇,,,,,,,,\n"         // line 9
                                + uscc(10) + ",少列\n"               // line 10
                                + row(11, ",店口镇,,,,,abc,,,");     // line 11
        const auto before = snapshot(*db);
        const auto out = run_import(*db, csv);
        REQUIRE(out.error.has_value());
        CHECK(out.error->code() == Exit::invalid);
        const auto lines = details(*out.error);
        REQUIRE(lines.size() == 9);
        CHECK(lines[0].starts_with("3: "));
        CHECK(contains(lines[0], std::string("应为 ") + uscc(3).back()));
        CHECK(lines[1].starts_with("4: "));
        CHECK(contains(lines[1], "火星镇"));
        CHECK(lines[2].starts_with("5: "));
        CHECK(contains(lines[2], "行业代码"));
        CHECK(lines[3].starts_with("6: "));
        CHECK(contains(lines[3], "规模"));
        CHECK(lines[4].starts_with("7: "));
        CHECK(contains(lines[4], "lodgin"));
        CHECK(lines[5].starts_with("8: "));
        CHECK(contains(lines[5], "名称"));
        CHECK(lines[6].starts_with("9: "));
        CHECK(contains(lines[6], "uscc"));
        CHECK(lines[7].starts_with("10: "));
        CHECK(contains(lines[7], "列数"));
        CHECK(lines[8].starts_with("11: "));
        CHECK(contains(lines[8], "电话"));
        CHECK(contains(out.error->what(), "9 行"));
        CHECK(snapshot(*db) == before);
    }

    TEST_CASE("--skip-invalid imports the good rows and reports the bad ones") {
        auto db = test::registry_db();
        const auto out = run_import(*db,
                                    header() + row(1) + row(2, ",火星镇,,,,,,,,") + row(3),
                                    opts(domain::OnConflict::fail, domain::SkipInvalid::yes));
        REQUIRE_FALSE(out.error.has_value());
        CHECK(out.result.added == 2);
        CHECK(out.result.invalid == 1);
        REQUIRE(out.skipped.size() == 1);
        CHECK(out.skipped[0].starts_with("f.csv:3: "));
        CHECK(count(*db, "SELECT count(*) FROM enterprise") == 2);
    }

    TEST_CASE("more than 50 bad rows: 50 listed, all counted") {
        auto db = test::registry_db();
        std::string csv = "uscc,name\n";
        for (int i = 0; i < 70; ++i) {
            csv += "X,坏\n";
        }
        const auto out = run_import(*db, csv);
        REQUIRE(out.error.has_value());
        CHECK(out.error->details().size() == 50);
        CHECK(contains(out.error->hint(), "70"));
        CHECK(contains(out.error->what(), "70 行"));
    }

    TEST_CASE("--on-conflict fail|skip|update for a USCC already registered") {
        auto db = test::registry_db();
        REQUIRE_FALSE(run_import(*db, header() + row(1) + row(2)).error.has_value());
        const std::string again = "uscc,name,town,tags\n" + uscc(1) + ",改名公司,草塔镇,新标签\n"
                                  + uscc(3) + ",新公司,,\n";

        SUBCASE("fail: exit 5 when every bad row is a conflict, nothing imported") {
            const auto before = snapshot(*db);
            const auto out = run_import(*db, again);
            REQUIRE(out.error.has_value());
            CHECK(out.error->code() == Exit::conflict);
            REQUIRE(out.error->details().size() == 1);
            CHECK(out.error->details()[0].where.line == 2);
            CHECK(snapshot(*db) == before);
        }
        SUBCASE("fail mixed with an invalid row: exit 4") {
            const auto out = run_import(*db, again + "X,坏,,\n");
            REQUIRE(out.error.has_value());
            CHECK(out.error->code() == Exit::invalid);
            CHECK(out.error->details().size() == 2);
        }
        SUBCASE("skip") {
            const auto out = run_import(*db, again, opts(domain::OnConflict::skip));
            REQUIRE_FALSE(out.error.has_value());
            CHECK(out.result.added == 1);
            CHECK(out.result.skipped == 1);
            CHECK(domain::get_enterprise(*db, uscc(1)).data.name == "诸暨市测试1有限公司");
        }
        SUBCASE("update changes only the columns in the file") {
            const auto out = run_import(*db, again, opts(domain::OnConflict::update));
            REQUIRE_FALSE(out.error.has_value());
            CHECK(out.result.added == 1);
            CHECK(out.result.updated == 1);
            const auto e = domain::get_enterprise(*db, uscc(1));
            CHECK(e.data.name == "改名公司");
            CHECK(e.data.town == "大唐街道");
            CHECK(e.data.tags == std::vector<std::string>{"新标签"});
            CHECK(e.data.sectors == std::vector<std::string>{"hazchem"}); // column absent: kept
            CHECK(e.data.industry == "五金");                             // column absent: kept
            domain::EnterpriseQuery q;
            q.search = "改名公司";
            test::CollectingWriter w;
            domain::list_enterprises(*db, q, {"id"}, false, w);
            CHECK(w.rows.size() == 1);
            REQUIRE(out.result.notices.size() == 1);
            CHECK(contains(out.result.notices[0], "草塔镇"));
        }
    }

    TEST_CASE("a USCC twice in the file is reported at its second occurrence") {
        auto db = test::registry_db();
        SUBCASE("new enterprise") {
            const auto out = run_import(*db, header() + row(1) + row(2) + row(1));
            REQUIRE(out.error.has_value());
            const auto lines = details(*out.error);
            REQUIRE(lines.size() == 1);
            CHECK(lines[0].starts_with("4: "));
            CHECK(contains(lines[0], "重复"));
            CHECK(contains(lines[0], uscc(1)));
        }
        SUBCASE("existing enterprise with --on-conflict update") {
            REQUIRE_FALSE(run_import(*db, header() + row(1)).error.has_value());
            const auto out =
                run_import(*db, header() + row(1) + row(1), opts(domain::OnConflict::update));
            REQUIRE(out.error.has_value());
            const auto lines = details(*out.error);
            REQUIRE(lines.size() == 1);
            CHECK(lines[0].starts_with("3: "));
        }
        SUBCASE("with --skip-invalid the first occurrence is kept") {
            const auto out = run_import(*db,
                                        header() + row(1) + row(1),
                                        opts(domain::OnConflict::fail, domain::SkipInvalid::yes));
            REQUIRE_FALSE(out.error.has_value());
            CHECK(out.result.added == 1);
            CHECK(out.result.invalid == 1);
        }
    }

    TEST_CASE("--dry-run counts but leaves the database unchanged") {
        auto db = test::registry_db();
        REQUIRE_FALSE(run_import(*db, header() + row(1)).error.has_value());
        const auto before = snapshot(*db);
        const auto out = run_import(
            *db,
            header() + row(1, ",草塔镇,,,,,,,x,") + row(2) + row(3),
            opts(domain::OnConflict::update, domain::SkipInvalid::no, domain::DryRun::yes));
        REQUIRE_FALSE(out.error.has_value());
        CHECK(out.result.added == 2);
        CHECK(out.result.updated == 1);
        CHECK(snapshot(*db) == before);
        CHECK(domain::import_result_json(out.result, domain::DryRun::yes)["dry_run"] == true);
    }

    TEST_CASE("header problems: unknown, duplicate and missing columns, empty file") {
        auto db = test::registry_db();
        auto error_of = [&](const std::string& csv) {
            auto out = run_import(*db, csv);
            REQUIRE(out.error.has_value());
            return *out.error;
        };
        const auto unknown = error_of("uscc,name,colour\n" + uscc(1) + ",甲,红\n");
        CHECK(unknown.code() == Exit::invalid);
        CHECK(contains(unknown.what(), "colour"));
        CHECK(contains(unknown.hint(), "industry_code"));
        REQUIRE(unknown.where().has_value());
        CHECK(unknown.where()->line == 1);
        CHECK(contains(error_of("uscc,name,name\n").what(), "重复"));
        CHECK(contains(error_of("uscc,town\n" + uscc(1) + ",店口镇\n").what(), "name"));
        CHECK(contains(error_of("name\n甲\n").what(), "uscc"));
        CHECK(contains(error_of("").what(), "空"));
        CHECK(count(*db, "SELECT count(*) FROM enterprise") == 0);
    }

    TEST_CASE("a former town maps to its successor, one notice per former name") {
        auto db = test::registry_db();
        const auto out = run_import(*db,
                                    "uscc,name,town\n" + uscc(1) + ",甲,草塔镇\n" + uscc(2)
                                        + ",乙,诸暨市草塔镇\n" + uscc(3) + ",丙,大唐镇\n");
        REQUIRE_FALSE(out.error.has_value());
        CHECK(count(*db, "SELECT count(*) FROM enterprise WHERE town = '大唐街道'") == 3);
        REQUIRE(out.result.notices.size() == 2);
        CHECK(contains(out.result.notices[0] + out.result.notices[1], "2 行"));
    }

    TEST_CASE("quoted fields with commas, quotes and newlines keep the right line numbers") {
        auto db = test::registry_db();
        const std::string csv =
            "\xEF\xBB\xBFuscc,name,address\r\n"                                      // 1
            + uscc(1) + ",\"甲,\"\"乙\"\"公司\",\"诸暨市店口镇\r\n工业区\n8号\"\r\n" // 2-4
            + uscc(2) + ",乙公司,\"x\ny\"\n"                                         // 5-6
            + "\n"                                                                   // 7
            + "X,坏,\"多行\n地址\"\n"                                                // 8-9
            + uscc(3) + ",丙,\n";                                                    // 10
        auto out = run_import(*db, csv);
        REQUIRE(out.error.has_value());
        auto lines = details(*out.error);
        INFO(lines[0]);
        REQUIRE(lines.size() == 1);
        CHECK(lines[0].starts_with("8: "));
        out = run_import(*db, csv, opts(domain::OnConflict::fail, domain::SkipInvalid::yes));
        REQUIRE_FALSE(out.error.has_value());
        CHECK(out.result.added == 3);
        const auto e = domain::get_enterprise(*db, uscc(1));
        CHECK(e.data.name == "甲,\"乙\"公司");
        CHECK(e.data.address == "诸暨市店口镇\r\n工业区\n8号");
        domain::EnterpriseQuery q;
        q.search = "工业区";
        test::CollectingWriter w;
        domain::list_enterprises(*db, q, {"id"}, false, w);
        CHECK(w.rows.size() == 1);
    }

    TEST_CASE("invalid UTF-8 is rejected with its line") {
        auto db = test::registry_db();
        const std::string csv =
            "uscc,name\n" + uscc(1) + ",甲\n" + uscc(2) + ",\xC3\x28\n" + uscc(3) + ",丙\n";
        auto out = run_import(*db, csv);
        REQUIRE(out.error.has_value());
        CHECK(out.error->code() == Exit::invalid);
        const auto lines = details(*out.error);
        REQUIRE(lines.size() == 1);
        CHECK(lines[0].starts_with("3: "));
        CHECK(count(*db, "SELECT count(*) FROM enterprise") == 0);
        // Nothing after a byte that is not UTF-8 can be read: even --skip-invalid fails.
        out = run_import(*db, csv, opts(domain::OnConflict::fail, domain::SkipInvalid::yes));
        REQUIRE(out.error.has_value());
        CHECK(out.error->code() == Exit::invalid);
        CHECK(count(*db, "SELECT count(*) FROM enterprise") == 0);
    }

    TEST_CASE("an unterminated quote is reported at the record's line") {
        auto db = test::registry_db();
        const auto out = run_import(*db, "uscc,name\n" + uscc(1) + ",甲\n" + uscc(2) + ",\"乙\n");
        REQUIRE(out.error.has_value());
        CHECK(out.error->code() == Exit::invalid);
        CHECK(count(*db, "SELECT count(*) FROM enterprise") == 0);
    }

    TEST_CASE("--on-conflict accepts fail, skip and update only") {
        CHECK(domain::parse_on_conflict("skip") == domain::OnConflict::skip);
        CHECK(test::code_of([] { domain::parse_on_conflict("merge"); }) == Exit::invalid);
    }
}
