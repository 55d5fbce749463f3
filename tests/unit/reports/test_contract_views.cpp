// SPDX-License-Identifier: GPL-3.0-or-later
// Cases and inspections are read only through the reporting views of the contract between the
// capabilities (v_case, v_case_enterprise, v_recovery, v_prereport, v_inspection,
// v_inspection_result, v_rectification). Here they are plain tables made by the test, so the
// rules and figures are checked before (and independently of) those capabilities.
#include "report_world.hpp"

#include <hujing/reports/kpi/kpi.hpp>
#include <hujing/reports/warnings/rules.hpp>
#include <hujing/reports/warnings/warning.hpp>

#include <doctest/doctest.h>

#include <algorithm>

using namespace hujing;

namespace {

void make_case_views(test::ReportWorld& w) {
    w.drop_contract_views();
    w.exec(
        "CREATE TABLE v_case(id INTEGER PRIMARY KEY, case_no TEXT, title TEXT, type TEXT,"
        " status TEXT, origin TEXT, agency TEXT, unit_id INTEGER, filed TEXT, created TEXT,"
        " closed TEXT, loss_fen INTEGER, recovered_fen INTEGER, last_movement TEXT,"
        " registered_by TEXT);"
        "CREATE TABLE v_case_enterprise(case_id INTEGER, enterprise_id INTEGER, role TEXT);"
        "CREATE TABLE v_recovery(id INTEGER PRIMARY KEY, case_id INTEGER, date TEXT,"
        " amount_fen INTEGER);"
        "CREATE TABLE v_prereport(id INTEGER PRIMARY KEY, case_id INTEGER, kind TEXT, status TEXT,"
        " emergency INTEGER, reviewed INTEGER, requested TEXT, decided TEXT, executed TEXT,"
        " lifted TEXT, enterprise_id INTEGER)");
}

// Case `id` of `type` filed on `filed` against victim `enterprise`, at unit `unit`.
void add_case(test::ReportWorld& w,
              int id,
              const char* type,
              const char* filed,
              int enterprise,
              std::int64_t unit,
              const char* last = "2025-09-25",
              std::int64_t loss = 100000) {
    w.exec(fmt::format("INSERT INTO v_case(id, case_no, type, status, unit_id, filed, loss_fen,"
                       " recovered_fen, last_movement) VALUES ({0}, 'A{0}', '{1}', 'open', {4},"
                       " '{2}', {6}, 0, '{5}'); INSERT INTO v_case_enterprise VALUES ({0}, {3},"
                       " 'victim')",
                       id,
                       type,
                       filed,
                       enterprise,
                       unit,
                       last,
                       loss));
}

void make_inspection_views(test::ReportWorld& w) {
    w.drop_contract_views();
    w.exec("CREATE TABLE v_inspection(id INTEGER PRIMARY KEY, enterprise_id INTEGER, date TEXT,"
           " plan_id INTEGER, conclusion TEXT, unit_id INTEGER, published TEXT,"
           " published_late INTEGER);"
           "CREATE TABLE v_inspection_result(inspection_id INTEGER, form_id TEXT,"
           " form_version INTEGER, item_id TEXT, result TEXT, note TEXT);"
           "CREATE TABLE v_rectification(id INTEGER PRIMARY KEY, inspection_id INTEGER,"
           " form_id TEXT, item_id TEXT, due TEXT, done TEXT)");
}

// Inspection `id` of form `form` on 2025-08-01 with one item, failed or passed.
void add_inspection(
    test::ReportWorld& w, int id, const char* form, bool failed, std::int64_t unit) {
    w.exec(fmt::format("INSERT INTO v_inspection VALUES ({0}, 1, '2025-08-01', NULL, 'x', {1},"
                       " '2025-08-05', 0); INSERT INTO v_inspection_result VALUES ({0}, '{2}', 1,"
                       " 'i1', '{3}', NULL)",
                       id,
                       unit,
                       form,
                       failed ? "fail" : "pass"));
}

const reports::Kpi& find(const std::vector<reports::Kpi>& kpis, const std::string& key) {
    const auto it =
        std::find_if(kpis.begin(), kpis.end(), [&](const auto& k) { return k.key == key; });
    REQUIRE(it != kpis.end());
    return *it;
}

} // namespace

TEST_SUITE("hujing::reports contract views") {
    TEST_CASE("case_cluster: 3 cases of one type in one industry are orange, 5 red, 2 nothing") {
        test::ReportWorld w;
        make_case_views(w);
        const auto rule = reports::builtin_rules().at("case_cluster");
        const auto q3 = test::quarter("2025Q3");
        const auto unit = w.unit("JZDD");
        add_case(w, 1, "合同诈骗", "2025-07-02", 2, unit);
        add_case(w, 2, "合同诈骗", "2025-08-02", 3, unit);
        add_case(w, 3, "合同诈骗", "2025-08-03", 1, unit); // another industry
        add_case(w, 4, "合同诈骗", "2025-06-30", 2, unit); // another quarter
        CHECK(reports::rule_case_cluster(*w.db, q3, rule).empty());
        add_case(w, 5, "合同诈骗", "2025-09-30", 2, unit);
        auto out = reports::rule_case_cluster(*w.db, q3, rule);
        REQUIRE(out.size() == 1);
        CHECK(out[0].level == "orange");
        CHECK(out[0].title == "袜业企业发生合同诈骗案件 3 起");
        CHECK(out[0].unit == "经侦大队");
        CHECK(out[0].evidence["case_ids"] == nlohmann::json::array({1, 2, 5}));
        add_case(w, 6, "合同诈骗", "2025-09-01", 3, unit);
        CHECK(reports::rule_case_cluster(*w.db, q3, rule)[0].level == "orange"); // 4
        add_case(w, 7, "合同诈骗", "2025-09-02", 3, unit);
        CHECK(reports::rule_case_cluster(*w.db, q3, rule)[0].level == "red"); // 5
    }

#if !__has_include(<hujing/cases/stale.hpp>)
    // The fallback over v_case; with the cases capability built in, find_stale_cases decides.
    TEST_CASE("stale_cases: a unit with one stale case is yellow, five orange") {
        test::ReportWorld w;
        make_case_views(w);
        const auto rule = reports::builtin_rules().at("stale_cases");
        const auto q3 = test::quarter("2025Q3");
        const auto unit = w.unit("JZDD");
        add_case(w, 1, "合同诈骗", "2025-01-02", 2, unit, "2025-07-02"); // 90 days on 09-30
        add_case(w, 2, "合同诈骗", "2025-01-02", 2, unit, "2025-07-03"); // 89 days: not stale
        auto out = reports::rule_stale_cases(*w.db, q3, rule);
        REQUIRE(out.size() == 1);
        CHECK(out[0].level == "yellow");
        CHECK(out[0].evidence["case_ids"] == nlohmann::json::array({1}));
        for (int id = 3; id <= 6; ++id) {
            add_case(w, id, "职务侵占", "2025-01-02", 1, unit, "2025-05-01");
        }
        CHECK(reports::rule_stale_cases(*w.db, q3, rule)[0].level == "orange");
    }
#endif

    TEST_CASE("emergency_detention: each unreviewed emergency detention is red") {
        test::ReportWorld w;
        make_case_views(w);
        add_case(w, 1, "合同诈骗", "2025-07-02", 2, w.unit("JZDD"));
        w.exec("INSERT INTO v_prereport(id, case_id, kind, status, emergency, reviewed, requested)"
               " VALUES (1, 1, 'detention', 'executed', 1, 0, '2025-09-01'),"
               " (2, 1, 'detention', 'executed', 1, 1, '2025-09-01'),"
               " (3, 1, 'detention', 'requested', 0, 0, '2025-09-01'),"
               " (4, 1, 'property', 'executed', 1, 0, '2025-09-01')");
        const auto out = reports::rule_emergency_detention(
            *w.db, test::quarter("2025Q3"), reports::builtin_rules().at("emergency_detention"));
        REQUIRE(out.size() == 1);
        CHECK(out[0].level == "red");
        CHECK(out[0].title == "案件 A1 紧急羁押尚未审核");
    }

    TEST_CASE("inspection_failures: 30% of 5 fires, 1 of 4 or 1 of 5 does not") {
        test::ReportWorld w;
        make_inspection_views(w);
        const auto rule = reports::builtin_rules().at("inspection_failures");
        const auto q3 = test::quarter("2025Q3");
        const auto unit = w.unit("ZADD");
        add_inspection(w, 1, "lodging", true, unit);
        for (int id = 2; id <= 4; ++id) {
            add_inspection(w, id, "lodging", false, unit);
        }
        CHECK(reports::rule_inspection_failures(*w.db, q3, rule).empty()); // 4 < min_count
        add_inspection(w, 5, "lodging", false, unit);
        CHECK(reports::rule_inspection_failures(*w.db, q3, rule).empty()); // 1/5 = 20%
        for (int id = 6; id <= 10; ++id) {
            add_inspection(w, id, "lodging", id <= 7, unit); // 3 of 10 = 30%
        }
        const auto out = reports::rule_inspection_failures(*w.db, q3, rule);
        REQUIRE(out.size() == 1);
        CHECK(out[0].evidence["rate"] == "30.0%");
        CHECK(out[0].evidence["failed_inspection_ids"] == nlohmann::json::array({1, 6, 7}));
        CHECK(out[0].unit == "治安大队");
    }

    TEST_CASE("case and inspection figures by hand") {
        test::ReportWorld w;
        make_case_views(w);
        make_inspection_views(w);
        const auto unit = w.unit("JZDD");
        add_case(w, 1, "合同诈骗", "2025-07-02", 2, unit, "2025-09-25", 200000);
        add_case(w, 2, "合同诈骗", "2025-08-02", 3, unit, "2025-09-25", 300000);
        w.exec(
            "INSERT INTO v_recovery VALUES (1, 1, '2025-08-01', 50000), (2, 2, '2025-10-05', 1)");
        const auto q3 = test::quarter("2025Q3");
        const auto cases = reports::case_kpis(*w.db, q3);
        CHECK(find(cases, "cases_new").value == "2");
        CHECK(find(cases, "case_loss_yuan").value == "5000.00");
        CHECK(find(cases, "recovery_rate").numerator == 50000);
        CHECK(find(cases, "recovery_rate").denominator == 500000);
        CHECK(find(cases, "recovery_rate").value == "10.0%");
        add_inspection(w, 1, "lodging", true, unit);
        add_inspection(w, 2, "lodging", false, unit);
        w.exec("INSERT INTO v_rectification VALUES (1, 1, 'lodging', 'i1', '2025-08-20', "
               "'2025-08-19'),"
               " (2, 1, 'lodging', 'i2', '2025-08-20', NULL)");
        const auto insp = reports::inspection_kpis(*w.db, q3);
        CHECK(find(insp, "inspections_done").value == "2");
        CHECK(find(insp, "pass_rate.lodging").numerator == 1);
        CHECK(find(insp, "pass_rate.lodging").denominator == 2);
        CHECK(find(insp, "rectification_rate").value == "50.0%");
        CHECK(find(insp, "publication_on_time").numerator == 2);
    }
}
