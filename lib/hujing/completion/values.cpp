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

// The codes of `vocabulary` and, where they differ, its Chinese labels (both are accepted).
std::vector<std::string> codes_and_labels(const Vocabulary& vocabulary) {
    std::vector<std::string> out = vocabulary.codes();
    for (const auto& term : vocabulary.terms()) {
        if (term.label != term.code) {
            out.emplace_back(term.label);
        }
    }
    return out;
}

// Units by code, by name and by the aliases the plan uses.
std::vector<std::string> unit_values(storage::Database& db) {
    auto out = column_values(db, "SELECT code FROM unit ORDER BY code");
    for (auto& name : column_values(db, "SELECT name FROM unit ORDER BY code")) {
        out.push_back(std::move(name));
    }
    for (auto& alias : unit_alias_names()) {
        out.push_back(std::move(alias));
    }
    return out;
}

} // namespace

std::vector<std::string>
completion_values(storage::Database* db, std::string_view command, std::string_view option) {
    if (option == "--format" || option == "-f") {
        return {"table", "csv", "tsv", "json", "jsonl", "xlsx"};
    }
    if (option == "--role") {
        return officer_roles();
    }
    if (option == "--kind") {
        if (command.starts_with("visit")) {
            return visit_kinds();
        }
        if (command.starts_with("case")) {
            return k_property_measures.codes(); // case measure request --kind
        }
        return command.starts_with("unit") ? unit_kinds() : std::vector<std::string>{};
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
        if (command.starts_with("case detention") || command.starts_with("case measure")) {
            return codes_and_labels(k_prereport_statuses);
        }
        if (command.starts_with("case")) {
            return codes_and_labels(k_case_statuses);
        }
        return codes_and_labels(k_demand_statuses);
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
        return codes_and_labels(k_risk_levels);
    }
    if (option == "--risk") {
        auto levels = codes_and_labels(k_risk_levels);
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
    if (option == "--unit" || option == "--parent") {
        return unit_values(*db);
    }
    // Options whose values come from the database.
    static const std::map<std::string_view, const char*> k_queries = {
        {"--case", "SELECT id FROM case_ ORDER BY id"},
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
