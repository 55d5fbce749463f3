// SPDX-License-Identifier: GPL-3.0-or-later
#include "loop_fixture.hpp"

#include <hujing/inspect/draw.hpp>
#include <hujing/inspect/form.hpp>
#include <hujing/inspect/plan.hpp>
#include <hujing/org/unit.hpp>
#include <hujing/util/sha256.hpp>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string>
#include <vector>

using hujing::Exit;
using hujing::test::date;
using hujing::test::exit_of;
namespace domain = hujing::domain;
namespace storage = hujing::storage;

TEST_SUITE("hujing::domain::draw") {
    TEST_CASE("tickets are the hex SHA-256 of SEED:USCC, as sha256sum prints them") {
        // printf '%s' 20250401:91330681MA2EDNXU2B | sha256sum
        CHECK(domain::draw_ticket("20250401", "91330681MA2EDNXU2B")
              == "61dd169f42eebd2c5491c3b77ee10c5decfca103fcfab4e4fe031bc7de6ff82a");
        CHECK(domain::draw_ticket("20250401", "91330681MA2FF2KRXM")
              == "159d30906e36dadb7003327417e91e6b111062f2eaf616372fc8eb6eba84a355");
        CHECK(domain::team_ticket("20250401", "91330681MA2EDNXU2B", "100001")
              == "0ad64d418dc979537c9d9203c67596c645bb8cd0ba93c10a1b52d16390335623");
        const auto c = domain::make_candidate("20250401", 7, "91330681MA2FF2KRXM", 1);
        CHECK(domain::ticket_hex(c)
              == "159d30906e36dadb7003327417e91e6b111062f2eaf616372fc8eb6eba84a355");
    }

    TEST_CASE("decimals are parsed exactly into millionths") {
        CHECK(domain::parse_decimal("0.05", "r") == 50'000);
        CHECK(domain::parse_decimal("3", "r") == 3'000'000);
        CHECK(domain::parse_decimal("0.000001", "r") == 1);
        CHECK(exit_of([] { domain::parse_decimal("0.0000001", "r"); }) == Exit::invalid);
        CHECK(exit_of([] { domain::parse_decimal("-1", "r"); }) == Exit::invalid);
        CHECK(exit_of([] { domain::parse_decimal("1e-2", "r"); }) == Exit::invalid);
        CHECK(exit_of([] { domain::parse_decimal(".5", "r"); }) == Exit::invalid);
        CHECK(domain::format_factors(domain::parse_factors("D=3,C=2,B=1,A=0.50"))
              == "A=0.5,B=1,C=2,D=3");
        CHECK(exit_of([] { domain::parse_factors("A=1,B=1,C=1"); }) == Exit::invalid);
        CHECK(exit_of([] { domain::parse_factors("A=1,A=1,C=1,D=1"); }) == Exit::invalid);
    }

    TEST_CASE("ratio quotas: ceil(n·r·f) exactly, where floating point rounds up wrongly") {
        // In doubles 0.07 * 100 * 3 = 21.000000000000004, whose ceiling is 22.
        CHECK(0.07 * 100 * 3 > 21.0);
        const auto f = domain::parse_factors("A=3,B=1,C=1,D=1");
        const auto k = domain::ratio_quotas({100, 0, 0, 0}, domain::parse_decimal("0.07", "r"), f);
        CHECK(k[0] == 21);
        // By hand: A 10·0.05·0.5 = 0.25 → 1; B 40·0.05 = 2; C 20·0.05·2 = 2; D 3·0.05·3 = 0.45 → 1.
        const auto k2 = domain::ratio_quotas(
            {10, 40, 20, 3}, 50'000, domain::parse_factors("A=0.5,B=1,C=2,D=3"));
        CHECK(k2 == domain::GradeCounts{1, 2, 2, 1});
        // Never above n_g: D 3·0.5·3 = 4.5 → 5, capped at 3.
        const auto k3 =
            domain::ratio_quotas({10, 0, 0, 3}, 500'000, domain::parse_factors("A=1,B=1,C=1,D=3"));
        CHECK(k3 == domain::GradeCounts{5, 0, 0, 3});
    }

    TEST_CASE("count quotas: largest remainder, ties to the earlier grade, excess shared again") {
        const auto f = domain::parse_factors("A=0.5,B=1,C=2,D=3");
        // Weights 5, 40, 40, 9 (sum 94): floors 0, 4, 4, 0; remainders 50, 24, 24, 90 → D, A.
        CHECK(domain::count_quotas({10, 40, 20, 3}, 10, f) == domain::GradeCounts{1, 4, 4, 1});
        const auto one = domain::parse_factors("A=1,B=1,C=1,D=1");
        // 1.5 and 1.5: the tie goes to A.
        CHECK(domain::count_quotas({10, 10, 0, 0}, 3, one) == domain::GradeCounts{2, 1, 0, 0});
        // A's share 4 exceeds its 2 candidates: A = 2, the other 4 go to B.
        CHECK(domain::count_quotas({2, 10, 0, 0}, 6, domain::parse_factors("A=10,B=1,C=1,D=1"))
              == domain::GradeCounts{2, 4, 0, 0});
        // More than there are: everyone.
        CHECK(domain::count_quotas({2, 3, 0, 1}, 50, one) == domain::GradeCounts{2, 3, 0, 1});
        // 0.1 + 0.2 style weights: 3 shared over factors 0.1 and 0.2 → 1 and 2.
        CHECK(domain::count_quotas({1, 1, 0, 0}, 2, domain::parse_factors("A=0.1,B=0.2,C=1,D=1"))
              == domain::GradeCounts{1, 1, 0, 0});
        CHECK(domain::count_quotas({10, 10, 0, 0}, 3, domain::parse_factors("A=0.1,B=0.2,C=1,D=1"))
              == domain::GradeCounts{1, 2, 0, 0});
    }

    TEST_CASE("the smallest tickets of each grade are drawn, then ordered by ticket") {
        std::vector<domain::DrawCandidate> c = {
            domain::make_candidate("20250401", 1, "91330681MA2EDNXU2B", 1), // 61dd…
            domain::make_candidate("20250401", 2, "91330681MA2FF2KRXM", 1), // 159d…
        };
        const auto select = [&](const domain::GradeCounts& quotas) {
            domain::TargetSelector selector(quotas);
            for (const auto& x : c) {
                selector.offer(x);
            }
            return selector.take();
        };
        const auto drawn = select({0, 1, 0, 0});
        REQUIRE(drawn.size() == 1);
        CHECK(drawn[0].enterprise_id == 2);
        const auto all = select({0, 2, 0, 0});
        REQUIRE(all.size() == 2);
        CHECK(all[0].enterprise_id == 2);
        CHECK(all[1].enterprise_id == 1);
        CHECK(select({0, 0, 0, 0}).empty());
        CHECK(select({1, 0, 1, 1}).empty()); // no candidate of those grades
    }

    TEST_CASE("the selector keeps the smallest tickets of each grade whatever the order offered") {
        std::vector<domain::DrawCandidate> c;
        c.reserve(200);
        for (int i = 0; i < 200; ++i) {
            c.push_back(domain::make_candidate("seed", i, fmt::format("U{:03d}", i), i % 3));
        }
        auto expected = c;
        std::sort(expected.begin(), expected.end(), [](const auto& a, const auto& b) {
            return a.ticket < b.ticket;
        });
        std::array<std::int64_t, 4> left = {5, 7, 3, 0};
        std::vector<std::int64_t> want;
        for (const auto& x : expected) {
            if (left[static_cast<std::size_t>(x.grade)]-- > 0) {
                want.push_back(x.enterprise_id);
            }
        }
        for (const bool reversed : {false, true}) {
            domain::TargetSelector selector({5, 7, 3, 4});
            for (std::size_t i = 0; i < c.size(); ++i) {
                selector.offer(c[reversed ? c.size() - 1 - i : i]);
            }
            std::vector<std::int64_t> got;
            for (const auto& x : selector.take()) {
                got.push_back(x.enterprise_id);
            }
            CHECK(got == want);
        }
    }

    TEST_CASE("teams: least loaded first, then the SEED:USCC:BADGE ticket; 回避 excluded") {
        // Tickets for 91330681MA2EDNXU2B: 100001 0ad6…, 100002 3b68…, 100003 1f89….
        const std::vector<domain::PoolInspector> pool = {
            {11, "100001"}, {12, "100002"}, {13, "100003"}};
        const std::vector<domain::TeamTarget> one = {{1, "91330681MA2EDNXU2B", "海亮"}};
        auto teams = domain::form_teams("20250401", one, pool, {}, 2);
        CHECK(teams.at(0) == std::vector<std::size_t>{0, 2});
        teams = domain::form_teams("20250401", one, pool, {{1, 11}}, 2);
        CHECK(teams.at(0) == std::vector<std::size_t>{2, 1});
        CHECK(exit_of([&] {
                  domain::form_teams("20250401", one, pool, {{1, 11}, {1, 12}}, 2);
              })
              == Exit::conflict);
        // The same target twice: the second team starts with the one not yet used.
        const std::vector<domain::TeamTarget> twice = {one[0], one[0]};
        teams = domain::form_teams("20250401", twice, pool, {}, 2);
        CHECK(teams.at(1).at(0) == 1);
    }
}

namespace {

std::string uscc_of(int i) {
    return fmt::format("91330681MA{:08d}", i);
}

// A database with `n` lodging enterprises and five inspectors, inserted in the given order.
std::vector<std::string> drawn_on(bool reversed) {
    auto db = storage::Database::open_memory(storage::Actor{"t", "test", {}, std::nullopt});
    {
        storage::WriteTransaction tx(*db);
        domain::load_builtin_units(tx, *db);
        domain::load_form_files(
            tx, *db, {HUJING_TESTDATA_DIR "/forms/lodging.yaml"}, date("2025-01-01"));
        tx.commit();
    }
    const int n = 60;
    const char* grades[] = {"A", "B", "C", "D", nullptr};
    for (int k = 0; k < n; ++k) {
        const int i = reversed ? n - 1 - k : k;
        SQLite::Statement q(
            db->sql(),
            "INSERT INTO enterprise(uscc, name, credit_grade, created_at, updated_at)"
            " VALUES (?, ?, ?, '2025-01-01', '2025-01-01')");
        q.bind(1, uscc_of(i));
        q.bind(2, fmt::format("旅馆{}", i));
        if (grades[i % 5] != nullptr) {
            q.bind(3, grades[i % 5]);
        }
        q.exec();
        db->sql().exec(fmt::format("INSERT INTO enterprise_sector SELECT id, 'lodging' FROM"
                                   " enterprise WHERE uscc = '{}'",
                                   uscc_of(i)));
    }
    for (int k = 0; k < 5; ++k) {
        const int i = reversed ? 4 - k : k;
        db->sql().exec(fmt::format("INSERT INTO officer(badge, name, unit_id, inspector)"
                                   " SELECT '20000{}', '民警', id, 1 FROM unit WHERE code = 'ZADD'",
                                   i));
    }
    storage::WriteTransaction tx(*db);
    domain::NewPlan plan;
    plan.name = "2025 住宿";
    plan.forms = {"lodging"};
    plan.ratio = "0.1";
    plan.window = "2025-04-01..2025-06-30";
    plan.seed = "dice-3-1-4-1-5";
    const auto id = domain::add_plan(tx, *db, plan, date("2025-03-01"));
    std::vector<std::string> out;
    for (const auto& t : domain::draw_plan(tx, *db, std::to_string(id), date("2025-03-02"))) {
        out.push_back(
            fmt::format("{} {} {} {}", t.rank, t.uscc, t.credit_grade, fmt::join(t.team, ",")));
    }
    CHECK(domain::verify_plan(*db, std::to_string(id)).size() == out.size());
    CHECK(exit_of([&] { domain::draw_plan(tx, *db, std::to_string(id), date("2025-03-02")); })
          == Exit::conflict);
    tx.commit();
    return out;
}

} // namespace

TEST_SUITE("hujing::domain::draw") {
    TEST_CASE("the draw is the same whatever order the rows were inserted in") {
        const auto forward = drawn_on(false);
        const auto backward = drawn_on(true);
        // 12 per grade (B includes the ungraded 12): A 12·0.1·0.5 → 1, B 24·0.1 → 3, C 12·0.2 → 3,
        // D 12·0.3 → 4 (3.6 rounded up): 11 targets.
        CHECK(forward.size() == 11);
        CHECK(forward == backward);
    }
}

TEST_SUITE("hujing::domain::draw candidates") {
    TEST_CASE(
        "candidates sort by USCC bytes, each enterprise once; the digest is sort | sha256sum") {
        domain::DrawCandidates c;
        c.add(3, "91330681MA2FF2KRXM", 1);
        c.add(1, "91330681MA2EDNXU2B", 0);
        c.add(2, "91330681092812345X", 3);
        c.add(3, "91330681MA2FF2KRXM", 1); // through a second form
        c.sort_unique();
        REQUIRE(c.rows().size() == 3);
        CHECK(c.rows()[0].uscc_view() == "91330681092812345X");
        CHECK(c.rows()[1].uscc_view() == "91330681MA2EDNXU2B");
        CHECK(c.rows()[2].uscc_view() == "91330681MA2FF2KRXM");
        CHECK(c.counts() == domain::GradeCounts{1, 1, 0, 1});
        CHECK(domain::candidate_digest(c)
              == hujing::util::sha256_hex("91330681092812345X D\n91330681MA2EDNXU2B A\n"
                                          "91330681MA2FF2KRXM B\n"));
        CHECK(exit_of([&] { c.add(4, "9133068109281234", 1); }) == Exit::internal);
    }

    TEST_CASE("USCCs that differ only in the last bytes still sort by them") {
        domain::DrawCandidates c;
        c.add(1, "91330681MA2EDNXU2Z", 1);
        c.add(2, "91330681MA2EDNXU2B", 1);
        c.add(3, "91330681MA2EDNXU1Z", 1);
        c.sort_unique();
        CHECK(c.rows()[0].enterprise_id == 3);
        CHECK(c.rows()[1].enterprise_id == 2);
        CHECK(c.rows()[2].enterprise_id == 1);
    }

    TEST_CASE("the two-thread draw keeps what one selector over all candidates keeps") {
        domain::DrawCandidates c;
        for (int i = 0; i < 1001; ++i) {
            c.add(i, fmt::format("91330681{:010d}", i * 7919 % 100'003), i % 4);
        }
        c.sort_unique();
        const domain::GradeCounts quotas = {3, 40, 7, 1};
        domain::TargetSelector one(quotas);
        for (const auto& r : c.rows()) {
            one.offer(domain::make_candidate("s", r.enterprise_id, r.uscc_view(), r.grade));
        }
        const auto expected = one.take();
        const auto got = domain::draw_targets("s", c, quotas);
        REQUIRE(got.size() == 51);
        REQUIRE(got.size() == expected.size());
        for (std::size_t i = 0; i < got.size(); ++i) {
            CHECK(got[i].enterprise_id == expected[i].enterprise_id);
        }
    }
}
