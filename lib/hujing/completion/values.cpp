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
#include <optional>

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

using Values = std::vector<std::string>;

// Values that depend on the command as well as the option.
std::optional<Values> command_values(std::string_view command, std::string_view option) {
    if (option == "--kind") {
        if (command.starts_with("visit")) {
            return visit_kinds();
        }
        if (command.starts_with("case")) {
            return k_property_measures.codes(); // case measure request --kind
        }
        return command.starts_with("unit") ? unit_kinds() : Values{};
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
    return std::nullopt;
}

// Values of the vocabularies and fixed lists, one list per option.
std::optional<Values> fixed_values(std::string_view option) {
    using Make = Values (*)();
    static const std::map<std::string_view, Make> k_lists = {
        {"--format",
         [] {
             return Values{"table", "csv", "tsv", "json", "jsonl", "xlsx"};
         }},
        {"-f",
         [] {
             return Values{"table", "csv", "tsv", "json", "jsonl", "xlsx"};
         }},
        {"--role", [] { return officer_roles(); }},
        {"--type", [] { return k_case_types.codes(); }},
        {"--origin", [] { return k_case_origins.codes(); }},
        {"--result", [] { return k_review_results.codes(); }},
        {"--position", [] { return k_detainee_positions.codes(); }},
        {"--measure", [] { return k_detention_measures.codes(); }},
        {"--category", [] { return demand_categories(); }},
        {"--source", [] { return demand_sources(); }},
        {"--score",
         [] {
             return Values{"1", "2", "3", "4", "5"};
         }},
        {"--town",
         [] {
             Values towns;
             for (const auto& d : divisions()) {
                 towns.push_back(d.name);
             }
             return towns;
         }},
        {"--sector", [] { return enterprise_sectors(); }},
        {"--sectors", [] { return enterprise_sectors(); }},
        {"--grade", [] { return credit_grades(); }},
        {"--credit",
         [] {
             auto grades = credit_grades();
             grades.emplace_back("none");
             return grades;
         }},
        {"--scale",
         [] {
             return Values{"above", "below"};
         }},
        {"--level", [] { return codes_and_labels(k_risk_levels); }},
        {"--risk",
         [] {
             auto levels = codes_and_labels(k_risk_levels);
             levels.emplace_back("any");
             return levels;
         }},
        {"--on-conflict",
         [] {
             return Values{"fail", "skip", "update"};
         }},
        {"--conclusion", [] { return k_conclusions.codes(); }},
    };
    const auto it = k_lists.find(option);
    if (it == k_lists.end()) {
        return std::nullopt;
    }
    return it->second();
}

// Values of options that name what is in the database.
Values database_values(storage::Database& db, std::string_view option) {
    if (option == "--unit" || option == "--parent") {
        return unit_values(db);
    }
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
    return column_values(db, it->second);
}

} // namespace

std::vector<std::string>
completion_values(storage::Database* db, std::string_view command, std::string_view option) {
    if (auto values = command_values(command, option)) {
        return std::move(*values);
    }
    if (auto values = fixed_values(option)) {
        return std::move(*values);
    }
    return db == nullptr ? Values{} : database_values(*db, option);
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
