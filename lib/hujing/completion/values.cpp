// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/completion/values.hpp>
#include <hujing/demands/demand.hpp>
#include <hujing/org/officer.hpp>
#include <hujing/org/unit.hpp>
#include <hujing/registry/division.hpp>
#include <hujing/registry/enterprise.hpp>
#include <hujing/registry/risk.hpp>
#include <hujing/visits/visit.hpp>
#include <hujing/vocabulary/vocabulary.hpp>

#include <array>
#include <map>

namespace hujing::domain {

namespace {

std::vector<std::string> column_values(storage::Database& db, const char* sql) {
    std::vector<std::string> out;
    SQLite::Statement q(db.sql(), sql);
    while (q.executeStep()) {
        out.push_back(q.getColumn(0).getString());
    }
    return out;
}

} // namespace

std::vector<std::string> completion_values(storage::Database* db, std::string_view option) {
    if (option == "--format" || option == "-f") {
        return {"table", "csv", "tsv", "json", "jsonl", "xlsx"};
    }
    if (option == "--role") {
        return officer_roles();
    }
    if (option == "--kind") {
        // Used by `unit` (unit kinds) and `visit` (visit kinds); the option name alone cannot
        // tell them apart, so both are offered.
        auto kinds = unit_kinds();
        const auto& visits = visit_kinds();
        kinds.insert(kinds.end(), visits.begin(), visits.end());
        return kinds;
    }
    if (option == "--category") {
        return demand_categories();
    }
    if (option == "--status") {
        return demand_statuses();
    }
    if (option == "--source") {
        return demand_sources();
    }
    if (option == "--score") {
        return {"1", "2", "3", "4", "5"};
    }
    if (option == "--town") {
        std::vector<std::string> towns;
        for (const auto& d : divisions()) {
            towns.push_back(d.name);
        }
        return towns;
    }
    if (option == "--sector" || option == "--sectors") {
        return enterprise_sectors();
    }
    if (option == "--grade") {
        return credit_grades();
    }
    if (option == "--credit") {
        auto grades = credit_grades();
        grades.emplace_back("none");
        return grades;
    }
    if (option == "--scale") {
        return {"above", "below"};
    }
    if (option == "--level") {
        return risk_levels();
    }
    if (option == "--risk") {
        auto levels = risk_levels();
        levels.emplace_back("any");
        return levels;
    }
    if (option == "--on-conflict") {
        return {"fail", "skip", "update"};
    }
    if (option == "--conclusion") {
        return k_conclusions.codes();
    }
    if (db == nullptr) {
        return {};
    }
    // Options whose values come from the database.
    static const std::map<std::string_view, const char*> k_queries = {
        {"--unit", "SELECT code FROM unit ORDER BY code"},
        {"--parent", "SELECT code FROM unit ORDER BY code"},
        {"--officer", "SELECT badge FROM officer WHERE active = 1 ORDER BY badge"},
        {"--inspectors",
         "SELECT badge FROM officer WHERE active = 1 AND inspector = 1 ORDER BY badge"},
        {"--actor", "SELECT DISTINCT actor FROM audit_log ORDER BY actor"},
        {"--tag", "SELECT DISTINCT tag FROM enterprise_tag ORDER BY tag"},
        {"--industry",
         "SELECT DISTINCT industry FROM enterprise WHERE industry IS NOT NULL ORDER BY industry"},
        {"--forms", "SELECT DISTINCT id FROM form ORDER BY id"},
        {"--form", "SELECT DISTINCT id FROM form ORDER BY id"},
        {"--plan", "SELECT id FROM inspection_plan ORDER BY id"},
        {"--item",
         "SELECT DISTINCT i.form_id || '.' || i.item_id FROM form_item i WHERE i.version ="
         " (SELECT max(version) FROM form f WHERE f.id = i.form_id) ORDER BY 1"},
    };
    const auto it = k_queries.find(option);
    if (it == k_queries.end()) {
        return {};
    }
    return column_values(*db, it->second);
}

} // namespace hujing::domain
