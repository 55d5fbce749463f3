// SPDX-License-Identifier: GPL-3.0-or-later
// The warning rules: the file format with FILE:LINE:COL errors, and each rule at its threshold
// and one below.
#include "../report_world.hpp"

#include <hujing/error.hpp>
#include <hujing/reports/warnings/rules.hpp>
#include <hujing/reports/warnings/warning.hpp>

#include <doctest/doctest.h>

using namespace hujing;

namespace {

std::vector<std::string> problems(const std::string& text) {
    try {
        reports::load_rules(text, "r.yaml");
    } catch (const Error& e) {
        CHECK(e.code() == Exit::invalid);
        std::vector<std::string> out;
        for (const auto& d : e.details()) {
            out.push_back(to_string(d.where) + " " + d.message);
        }
        return out;
    }
    return {};
}

} // namespace

TEST_SUITE("hujing::reports::rules") {
    TEST_CASE("the built-in rules load with the thresholds of DESIGN §4.5") {
        const auto rules = reports::builtin_rules();
        CHECK(rules.rules.size() == 7);
        CHECK(rules.at("case_cluster").threshold_milli == 3000);
        CHECK(rules.at("case_cluster").level_for(4000) == "orange");
        CHECK(rules.at("case_cluster").level_for(5000) == "red");
        CHECK(rules.at("inspection_failures").threshold_milli == 300);
        CHECK(rules.at("inspection_failures").min_count == 5);
        CHECK(rules.at("low_satisfaction").level == "yellow");
        CHECK(rules.at("emergency_detention").level == "red");
    }

    TEST_CASE("a file overrides only what it names; Chinese level labels are accepted") {
        const auto rules =
            reports::load_rules("overdue_demands:\n  threshold: 3\n  level: 橙\n", "r.yaml");
        CHECK(rules.at("overdue_demands").threshold_milli == 3000);
        CHECK(rules.at("overdue_demands").level == "orange");
        CHECK(rules.at("overdue_demands").enabled);
        CHECK(rules.at("case_cluster").threshold_milli == 3000);
    }

    TEST_CASE("each problem is one FILE:LINE:COL line") {
        const auto p = problems("overdue_demands:\n  threshold: -1\n  colour: red\n"
                                "no_such_rule: {}\nopen_risk:\n  enabled: maybe\n"
                                "low_satisfaction:\n  level: purple\n  title: \"{{#a}}\"\n");
        REQUIRE(p.size() == 6);
        CHECK(p[0] == "r.yaml:2:14: threshold 应为不小于 0 的数");
        CHECK(p[1].starts_with("r.yaml:3:3: 规则 overdue_demands 没有键 colour"));
        CHECK(p[2].starts_with("r.yaml:4:1: 没有规则 no_such_rule"));
        CHECK(p[3] == "r.yaml:6:12: enabled 应为 true 或 false");
        CHECK(p[4].starts_with("r.yaml:8:10: level 应为"));
        CHECK(p[5].starts_with("r.yaml:9:10: title 不是有效的 Mustache 模板"));
        CHECK(problems("a: [").size() == 1);
    }
}

TEST_SUITE("hujing::reports::warnings") {
    TEST_CASE("overdue_demands fires at 2 overdue demands of one enterprise, not at 1") {
        test::ReportWorld w;
        const auto rule = reports::builtin_rules().at("overdue_demands");
        const auto a = w.demand(1, "ZADD", "2025-07-01", "2025-07-10");
        w.demand(2, "ZADD", "2025-07-01", "2025-07-10");
        w.demand(1, "ZADD", "2025-07-01", "2025-10-10"); // not due at the end
        CHECK(reports::rule_overdue_demands(*w.db, test::quarter("2025Q3"), rule).empty());
        const auto b = w.demand(1, "PCS-DK", "2025-08-01", "2025-09-01", "2025-10-05");
        const auto out = reports::rule_overdue_demands(*w.db, test::quarter("2025Q3"), rule);
        REQUIRE(out.size() == 1);
        CHECK(out[0].level == "yellow");
        CHECK(out[0].title == "甲铜业有 2 件诉求超期未办结");
        CHECK(out[0].unit == "治安大队");
        CHECK(out[0].evidence["demand_ids"] == nlohmann::json::array({a, b}));
        CHECK(out[0].evidence["count"] == 2);
    }

    TEST_CASE("low_satisfaction fires below a mean of 3 over 5 ratings, not over 4 or at 3") {
        test::ReportWorld w;
        const auto rule = reports::builtin_rules().at("low_satisfaction");
        std::vector<std::int64_t> ids;
        ids.reserve(5);
        for (int i = 0; i < 5; ++i) {
            ids.push_back(w.demand(1, "ZADD", "2025-07-01", "2025-07-10", "2025-07-05"));
        }
        for (int i = 0; i < 4; ++i) {
            w.rate(ids[i], 2, "2025-07-06");
        }
        CHECK(reports::rule_low_satisfaction(*w.db, test::quarter("2025Q3"), rule).empty());
        w.rate(ids[4], 5, "2025-07-06"); // 13 / 5 = 2.6
        auto out = reports::rule_low_satisfaction(*w.db, test::quarter("2025Q3"), rule);
        REQUIRE(out.size() == 1);
        CHECK(out[0].evidence["mean"] == "2.60");
        CHECK(out[0].title == "治安大队诉求评价均分 2.60（5 次评价）");
        w.rate(ids[4], 2, "2025-07-07"); // 15 / 6 = 2.5 still below
        w.rate(ids[3], 5, "2025-07-07");
        w.rate(ids[2], 5, "2025-07-07"); // 25 / 8 = 3.125: not below 3
        CHECK(reports::rule_low_satisfaction(*w.db, test::quarter("2025Q3"), rule).empty());
    }

    TEST_CASE("open_risk gives each risk open at the end at its own level") {
        test::ReportWorld w;
        const auto rule = reports::builtin_rules().at("open_risk");
        w.exec("INSERT INTO risk(enterprise_id, level, description, unit_id, opened, closed) VALUES"
               " (1, 'red', '资金链断裂', 1, '2025-05-01', NULL),"
               " (2, 'blue', '合同纠纷', NULL, '2025-08-01', '2025-10-03'),"
               " (3, 'orange', '已化解', NULL, '2025-08-01', '2025-09-03'),"
               " (3, 'yellow', '下季度才评估', NULL, '2025-10-08', NULL)");
        const auto out = reports::rule_open_risk(*w.db, test::quarter("2025Q3"), rule);
        REQUIRE(out.size() == 2);
        CHECK(out[0].level == "red");
        CHECK(out[0].title == "甲铜业: 资金链断裂");
        CHECK(out[1].level == "blue");
        CHECK(out[1].evidence["risk_id"] == 2);
    }

    TEST_CASE("a disabled rule gives nothing; warnings come red first") {
        test::ReportWorld w;
        w.exec("INSERT INTO risk(enterprise_id, level, description, opened) VALUES"
               " (1, 'blue', 'b', '2025-05-01'), (1, 'red', 'r', '2025-05-01')");
        auto rules = reports::builtin_rules();
        auto out = reports::evaluate_warnings(*w.db, test::quarter("2025Q3"), rules);
        REQUIRE(out.size() == 2);
        CHECK(out[0].level == "red");
        rules = reports::load_rules("open_risk:\n  enabled: false\n", "r.yaml");
        CHECK(reports::evaluate_warnings(*w.db, test::quarter("2025Q3"), rules).empty());
    }
}
