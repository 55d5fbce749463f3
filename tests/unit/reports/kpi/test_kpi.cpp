// SPDX-License-Identifier: GPL-3.0-or-later
// KPI figures against values worked out by hand.
#include "../report_world.hpp"

#include <hujing/reports/kpi/kpi.hpp>

#include <doctest/doctest.h>

#include <algorithm>

using namespace hujing;

namespace {

const reports::Kpi& find(const std::vector<reports::Kpi>& kpis, const std::string& key) {
    const auto it =
        std::find_if(kpis.begin(), kpis.end(), [&](const auto& k) { return k.key == key; });
    REQUIRE(it != kpis.end());
    return *it;
}

} // namespace

TEST_SUITE("hujing::reports::kpi") {
    TEST_CASE("demand figures of a quarter, each rate with numerator and denominator") {
        test::ReportWorld w;
        // Q3 2025 = 07-01..09-30.
        w.demand(1, "ZADD", "2025-07-01", "2025-07-08", "2025-07-07"); // on time
        w.demand(1, "ZADD", "2025-07-02", "2025-07-09", "2025-07-15"); // late
        w.demand(2, "ZADD", "2025-08-01", "2025-08-08");               // open, overdue at end
        w.demand(2, "ZADD", "2025-09-20", "2025-10-10");               // due after the quarter
        w.demand(3, "ZADD", "2025-06-20", "2025-07-03", "2025-07-03"); // created in Q2, due Q3
        w.demand(3, "ZADD", "2025-09-01", "2025-09-05", "2025-10-02"); // resolved after the end
        const auto k = reports::demand_kpis(*w.db, test::quarter("2025Q3"));
        CHECK(find(k, "demands_received").value == "5");
        CHECK(find(k, "demands_resolved").value == "3"); // 07-07, 07-15, 07-03
        CHECK_FALSE(find(k, "demands_resolved").numerator);
        const auto& resolution = find(k, "resolution_rate");
        CHECK(resolution.numerator == 2); // of the 5 received, resolved by 09-30: 07-07, 07-15
        CHECK(resolution.denominator == 5);
        CHECK(resolution.value == "40.0%");
        // Due in Q3: 07-08, 07-09, 08-08, 07-03, 09-05 = 5; on time: 07-07 ≤ 07-08, 07-03 ≤ 07-03.
        const auto& on_time = find(k, "on_time_rate");
        CHECK(on_time.numerator == 2);
        CHECK(on_time.denominator == 5);
        CHECK(find(k, "demands_not_yet_due").value == "0");
        // Overdue on 09-30: 08-08 (open) and 09-05 (resolved 10-02); 10-10 is not due yet.
        CHECK(find(k, "demands_overdue").value == "2");
    }

    TEST_CASE("open items not yet due are counted apart from the on-time rate") {
        test::ReportWorld w;
        w.demand(1, "ZADD", "2025-09-01", "2025-09-10", "2025-09-09");
        w.demand(1, "ZADD", "2025-09-01", "2025-09-25");
        // Seen on 09-20, in the middle of the quarter: 09-25 is not due yet.
        const auto scope =
            reports::make_scope(util::parse_period("2025Q3", *util::parse_iso_date("2025-09-20")),
                                *util::parse_iso_date("2025-09-20"));
        const auto k = reports::demand_kpis(*w.db, scope);
        CHECK(find(k, "on_time_rate").numerator == 1);
        CHECK(find(k, "on_time_rate").denominator == 1);
        CHECK(find(k, "demands_not_yet_due").value == "1");
    }

    TEST_CASE("mean satisfaction and mean working days") {
        test::ReportWorld w;
        // Mon 2025-07-07 → Fri 2025-07-11: 4 working days; Mon 07-14 → Mon 07-21: 5.
        const auto a = w.demand(1, "ZADD", "2025-07-07", "2025-07-20", "2025-07-11");
        const auto b = w.demand(1, "ZADD", "2025-07-14", "2025-07-30", "2025-07-21");
        w.rate(a, 5, "2025-07-12");
        w.rate(b, 2, "2025-07-22");
        w.rate(b, 4, "2025-10-01"); // next quarter
        const auto k = reports::demand_kpis(*w.db, test::quarter("2025Q3"));
        const auto& days = find(k, "mean_working_days");
        CHECK(days.numerator == 9);
        CHECK(days.denominator == 2);
        CHECK(days.value == "4.50");
        const auto& score = find(k, "mean_satisfaction");
        CHECK(score.numerator == 7);
        CHECK(score.denominator == 2);
        CHECK(score.value == "3.50");
    }

    TEST_CASE("visit coverage counts assigned enterprises visited in the period") {
        test::ReportWorld w;
        w.exec("INSERT INTO officer(id, badge, name, unit_id) VALUES (1, '100001', '甲', 1)");
        w.exec("INSERT INTO enterprise_officer VALUES (1, 1, '企业警官', '2025-01-01'),"
               " (2, 1, '企业警官', '2025-01-01'), (3, 1, '企业警官', '2025-12-01')");
        w.exec("INSERT INTO visit(enterprise_id, date, kind, summary, created_at) VALUES"
               " (1, '2025-07-05', '走访', 's', 'x'), (1, '2025-08-05', '走访', 's', 'x'),"
               " (3, '2025-08-05', '走访', 's', 'x'), (2, '2025-06-30', '走访', 's', 'x')");
        const auto k = reports::visit_kpis(*w.db, test::quarter("2025Q3"));
        CHECK(find(k, "visits").value == "3");
        CHECK(find(k, "enterprises_visited").value == "2");
        CHECK(find(k, "enterprises_assigned").value == "2"); // 3 only from December
        CHECK(find(k, "visit_coverage").numerator == 1);
        CHECK(find(k, "visit_coverage").denominator == 2);
    }

    TEST_CASE("without the cases and inspections views their figures are left out") {
        test::ReportWorld w;
        w.drop_contract_views();
        CHECK(reports::case_kpis(*w.db, test::quarter("2025Q3")).empty());
        CHECK(reports::inspection_kpis(*w.db, test::quarter("2025Q3")).empty());
        CHECK(reports::mean_text(10, 3) == "3.33");
        CHECK(reports::mean_text(5, 2) == "2.50");
        CHECK(reports::mean_text(0, 0) == "-");
    }
}
