// SPDX-License-Identifier: GPL-3.0-or-later
#include "case_world.hpp"

using namespace hujing;
using test::date;

namespace {

std::vector<std::string> stale_on(test::CaseWorld& w, const char* as_of) {
    std::vector<std::string> out;
    for (const auto& c : domain::find_stale_cases(*w.db, as_of)) {
        out.push_back(c.case_no + ":" + c.reason);
    }
    return out;
}

} // namespace

TEST_SUITE("hujing::domain::cases::stale") {
    TEST_CASE("no movement for more than case.stale_days (180) days") {
        test::CaseWorld w;
        w.add("A-1", "2025-01-01");               // last movement 2025-01-01
        CHECK(stale_on(w, "2025-06-30").empty()); // 180 days
        const auto found = domain::find_stale_cases(*w.db, "2025-07-01");
        REQUIRE(found.size() == 1);
        CHECK(found[0].days == 181);
        CHECK(found[0].reason == "no_movement");
        CHECK(found[0].last_movement == "2025-01-01");
        w.exec("INSERT INTO setting(key, value) VALUES ('case.stale_days', '365')");
        CHECK(stale_on(w, "2025-07-01").empty());
    }

    TEST_CASE("open more than case.stale.open_days (730) after filing, however it moves") {
        test::CaseWorld w;
        const auto id = w.add("A-1", "2023-01-01", "2023-01-01");
        w.write([&](auto& tx) {
            return domain::progress_case(
                tx, *w.db, id, std::nullopt, "补充证据", std::nullopt, date("2024-12-30"));
        });
        CHECK(stale_on(w, "2024-12-31").empty()); // 730 days after filing
        CHECK(stale_on(w, "2025-01-01") == std::vector<std::string>{"A-1:open_too_long"});
    }

    TEST_CASE("more than case.stale.lifted_days (365) after the last measure was lifted") {
        test::CaseWorld w;
        w.exec("INSERT INTO setting(key, value) VALUES ('case.stale_days', '3000')");
        const auto id = w.add("A-1", "2025-01-01", "2025-01-01");
        w.exec("INSERT INTO prereport(case_id, kind, status, measure, enterprise_id, object,"
               " amount_fen, reason, impact, requested, requested_by, executed, lifted)"
               " VALUES ("
               + std::to_string(id)
               + ", 'property', 'lifted', '冻结', 1, '账户', 1,"
                 " 'r', 'i', '2025-01-02', 1, '2025-01-03', '2025-02-01')");
        CHECK(stale_on(w, "2026-02-01").empty()); // 365 days
        CHECK(stale_on(w, "2026-02-02") == std::vector<std::string>{"A-1:lifted_too_long"});
        // A measure still in force: not hanging for this reason.
        w.exec("INSERT INTO prereport(case_id, kind, status, measure, enterprise_id, object,"
               " amount_fen, reason, impact, requested, requested_by, executed)"
               " VALUES ("
               + std::to_string(id)
               + ", 'property', 'executed', '查封', 1, '厂房', 1,"
                 " 'r', 'i', '2025-01-02', 1, '2025-01-03')");
        CHECK(stale_on(w, "2026-02-02").empty());
    }

    TEST_CASE("closed cases are never stale; oldest movement comes first") {
        test::CaseWorld w;
        w.add("B", "2024-06-01");
        w.add("A", "2024-03-01");
        const auto id = w.add("C", "2024-01-01");
        w.progress(id, "not_filed", "2024-01-02");
        CHECK(stale_on(w, "2025-10-15")
              == std::vector<std::string>{"A:no_movement", "B:no_movement"});
    }
}
