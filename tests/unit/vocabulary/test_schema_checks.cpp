// SPDX-License-Identifier: GPL-3.0-or-later
// The schema's CHECK lists repeat the vocabularies on purpose (a third-party writer — the sqlite3
// shell, a BI tool — meets the same closed lists), so this test keeps the two in step.
#include <hujing/storage/database.hpp>
#include <hujing/vocabulary/vocabulary.hpp>

#include <doctest/doctest.h>

#include <regex>
#include <string>
#include <vector>

using namespace hujing;

namespace {

struct Checked {
    const domain::Vocabulary* vocabulary;
    const char* table;
    const char* column;
};

// Built on first use: the vocabularies are globals of another translation unit.
std::vector<Checked> checked_columns() {
    return {
        {&domain::k_unit_kinds, "unit", "kind"},
        {&domain::k_officer_roles, "officer_role", "role"},
        {&domain::k_officer_roles, "enterprise_officer", "role"},
        {&domain::k_scales, "enterprise", "scale"},
        {&domain::k_credit_grades, "enterprise", "credit_grade"},
        {&domain::k_credit_grades, "credit_event", "grade"},
        {&domain::k_credit_kinds, "credit_event", "kind"},
        {&domain::k_risk_levels, "risk", "level"},
        {&domain::k_visit_kinds, "visit", "kind"},
        {&domain::k_demand_categories, "demand", "category"},
        {&domain::k_demand_sources, "demand", "source"},
        {&domain::k_demand_statuses, "demand", "status"},
        {&domain::k_demand_actions, "demand_event", "action"},
        {&domain::k_report_kinds, "report_number", "kind"},
        {&domain::k_case_types, "case_", "type"},
        {&domain::k_case_statuses, "case_", "status"},
        {&domain::k_case_origins, "case_", "origin"},
        {&domain::k_review_results, "case_", "review"},
        {&domain::k_review_results, "case_review", "result"},
        {&domain::k_case_roles, "case_enterprise", "role"},
        {&domain::k_case_actions, "case_event", "action"},
        {&domain::k_prereport_kinds, "prereport", "kind"},
        {&domain::k_prereport_statuses, "prereport", "status"},
        {&domain::k_detainee_positions, "prereport", "position"},
        {&domain::k_form_kinds, "form_item", "kind"},
        {&domain::k_severities, "form_item", "severity"},
        {&domain::k_inspection_results, "inspection_result", "result"},
        {&domain::k_conclusions, "inspection", "conclusion"},
    };
}

// The quoted values of the `column IN (…)` check in the CREATE TABLE text of `table`.
std::vector<std::string> check_list(storage::Database& db, const char* table, const char* column) {
    SQLite::Statement q(db.sql(),
                        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?");
    q.bind(1, table);
    REQUIRE(q.executeStep());
    const auto sql = q.getColumn(0).getString();
    std::smatch in;
    const std::regex in_list(std::string("\\b") + column + " IN \\(([^)]*)\\)");
    REQUIRE(std::regex_search(sql, in, in_list));
    std::vector<std::string> values;
    const std::string list = in[1].str();
    const std::regex quoted("'([^']*)'");
    for (std::sregex_iterator it(list.begin(), list.end(), quoted), end; it != end; ++it) {
        values.push_back((*it)[1].str());
    }
    return values;
}

} // namespace

TEST_SUITE("hujing::domain::vocabulary") {
    TEST_CASE("every CHECK list of the schema holds exactly its vocabulary's codes, in order") {
        auto db = storage::Database::open_memory();
        for (const auto& checked : checked_columns()) {
            const std::string where = std::string(checked.table) + "." + checked.column;
            CAPTURE(where);
            CHECK(check_list(*db, checked.table, checked.column) == checked.vocabulary->codes());
        }
        // One column holds the measures of both kinds of pre-report, detention's first.
        auto measures = domain::k_detention_measures.codes();
        const auto property = domain::k_property_measures.codes();
        measures.insert(measures.end(), property.begin(), property.end());
        CHECK(check_list(*db, "prereport", "measure") == measures);
    }
}
