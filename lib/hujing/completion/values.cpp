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
        const auto measures = k_property_measures.codes(); // case measure request --kind
        kinds.insert(kinds.end(), measures.begin(), measures.end());
        return kinds;
    }
    if (option == "--type") {
        return k_case_types.codes();
    }
    if (option == "--origin") {
        return k_case_origins.codes();
    }
    if (option == "--result") {
        return k_review_results.codes();
    }
    if (option == "--position") {
        return k_detainee_positions.codes();
    }
    if (option == "--measure") {
        return k_detention_measures.codes();
    }
    if (option == "--category") {
        return demand_categories();
    }
    if (option == "--status") {
        // demand, case and pre-report listings share the option name.
        auto statuses = demand_statuses();
        for (const auto* vocabulary : {&k_case_statuses, &k_prereport_statuses}) {
            const auto codes = vocabulary->codes();
            statuses.insert(statuses.end(), codes.begin(), codes.end());
        }
        return statuses;
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
    if (db == nullptr) {
        return {};
    }
    // Options whose values come from the database.
    static const std::map<std::string_view, const char*> k_queries = {
        {"--case", "SELECT id FROM case_ ORDER BY id"},
        {"--unit", "SELECT code FROM unit ORDER BY code"},
        {"--parent", "SELECT code FROM unit ORDER BY code"},
        {"--officer", "SELECT badge FROM officer WHERE active = 1 ORDER BY badge"},
        {"--inspectors",
         "SELECT badge FROM officer WHERE active = 1 AND inspector = 1 ORDER BY badge"},
        {"--actor", "SELECT DISTINCT actor FROM audit_log ORDER BY actor"},
        {"--tag", "SELECT DISTINCT tag FROM enterprise_tag ORDER BY tag"},
        {"--industry",
         "SELECT DISTINCT industry FROM enterprise WHERE industry IS NOT NULL ORDER BY industry"},
    };
    const auto it = k_queries.find(option);
    if (it == k_queries.end()) {
        return {};
    }
    return column_values(*db, it->second);
}

std::vector<std::string> positional_values(storage::Database* db, std::string_view path) {
    if (db == nullptr || !path.starts_with("case ")) {
        return {};
    }
    static const std::map<std::string_view, const char*> k_queries = {
        {"case update", "SELECT id FROM case_ ORDER BY id"},
        {"case progress",
         "SELECT id FROM case_ WHERE status IN ('accepted', 'filed', 'investigating', "
         "'prosecuted') ORDER BY id"},
        {"case review",
         "SELECT id FROM case_ WHERE status IN ('accepted', 'filed', 'investigating') ORDER BY id"},
        {"case recover", "SELECT id FROM case_ ORDER BY id"},
        {"case show", "SELECT id FROM case_ ORDER BY id"},
        {"case detention request",
         "SELECT id FROM case_ WHERE status IN ('accepted', 'filed', 'investigating') ORDER BY id"},
        {"case measure request",
         "SELECT id FROM case_ WHERE status IN ('accepted', 'filed', 'investigating') ORDER BY id"},
    };
    if (const auto it = k_queries.find(path); it != k_queries.end()) {
        return column_values(*db, it->second);
    }
    const bool detention = path.starts_with("case detention ");
    if (!detention && !path.starts_with("case measure ")) {
        return {};
    }
    if (path.ends_with(" list")) {
        return {};
    }
    return column_values(*db,
                         detention
                             ? "SELECT id FROM prereport WHERE kind = 'detention' ORDER BY id"
                             : "SELECT id FROM prereport WHERE kind = 'property' ORDER BY id");
}

} // namespace hujing::domain
