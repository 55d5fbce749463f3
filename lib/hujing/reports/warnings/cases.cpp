// SPDX-License-Identifier: GPL-3.0-or-later
// Rules over enterprise-related cases, read through the views of the cases capability
// (v_case, v_case_enterprise, v_prereport): case_cluster, stale_cases, emergency_detention.
// Without those views (cases not built in yet) they find nothing.
#include <hujing/reports/kpi/kpi.hpp>
#include <hujing/reports/stale.hpp>
#include <hujing/reports/warnings/warning.hpp>

#include <map>
#include <set>
#include <utility>

namespace hujing::reports {

std::vector<Warning>
rule_case_cluster(storage::Database& db, const Scope& scope, const RuleConfig& rule) {
    if (!has_relation(db, "v_case") || !has_relation(db, "v_case_enterprise")) {
        return {};
    }
    SQLite::Statement q(
        db.sql(),
        "SELECT DISTINCT c.type, e.industry, c.id, c.case_no, c.unit_id FROM v_case c"
        " JOIN v_case_enterprise ce ON ce.case_id = c.id AND ce.role = 'victim'"
        " JOIN enterprise e ON e.id = ce.enterprise_id"
        " WHERE c.filed BETWEEN :from AND :to AND e.industry IS NOT NULL"
        " ORDER BY c.type, e.industry, c.id");
    bind_scope(q, scope);

    struct Cluster {
        std::vector<std::int64_t> ids;
        std::vector<std::string> numbers;
        std::vector<std::optional<std::int64_t>> units;
    };

    std::map<std::pair<std::string, std::string>, Cluster> clusters;
    while (q.executeStep()) {
        auto& c = clusters[{q.getColumn(0).getString(), q.getColumn(1).getString()}];
        c.ids.push_back(q.getColumn(2).getInt64());
        c.numbers.push_back(q.getColumn(3).getString());
        c.units.push_back(storage::optional_int(q, 4));
    }
    std::vector<Warning> out;
    for (const auto& [key, c] : clusters) {
        const auto count = static_cast<std::int64_t>(c.ids.size());
        if (count * 1000 < rule.threshold_milli) {
            continue;
        }
        nlohmann::json evidence = {{"type", key.first},
                                   {"industry", key.second},
                                   {"count", count},
                                   {"case_ids", c.ids},
                                   {"case_nos", c.numbers}};
        out.push_back(make_warning(
            db, rule, rule.level_for(count * 1000), main_unit(c.units), std::move(evidence)));
    }
    return out;
}

std::vector<Warning>
rule_stale_cases(storage::Database& db, const Scope& scope, const RuleConfig& rule) {
    std::map<std::int64_t, std::vector<StaleRow>> by_unit;
    for (auto& s : stale_cases_at(db, scope.as_of)) {
        by_unit[s.unit_id].push_back(std::move(s));
    }
    std::vector<Warning> out;
    for (const auto& [unit, rows] : by_unit) {
        const auto count = static_cast<std::int64_t>(rows.size());
        if (count * 1000 < rule.threshold_milli) {
            continue;
        }
        auto ids = nlohmann::json::array();
        auto numbers = nlohmann::json::array();
        for (const auto& s : rows) {
            ids.push_back(s.case_id);
            numbers.push_back(s.case_no);
        }
        nlohmann::json evidence = {
            {"count", count}, {"as_of", scope.as_of}, {"case_ids", ids}, {"case_nos", numbers}};
        out.push_back(
            make_warning(db, rule, rule.level_for(count * 1000), unit, std::move(evidence)));
    }
    return out;
}

std::vector<Warning>
rule_emergency_detention(storage::Database& db, const Scope& scope, const RuleConfig& rule) {
    if (!has_relation(db, "v_prereport") || !has_relation(db, "v_case")) {
        return {};
    }
    SQLite::Statement q(db.sql(),
                        "SELECT p.id, p.case_id, c.case_no, p.status, p.requested, c.unit_id"
                        " FROM v_prereport p JOIN v_case c ON c.id = p.case_id"
                        " WHERE p.kind = 'detention' AND p.emergency = 1 AND p.reviewed = 0"
                        " AND p.requested <= :as_of ORDER BY p.id");
    bind_scope(q, scope);
    std::vector<Warning> out;
    while (q.executeStep()) {
        nlohmann::json evidence = {{"prereport_id", q.getColumn(0).getInt64()},
                                   {"case_id", q.getColumn(1).getInt64()},
                                   {"case_no", q.getColumn(2).getString()},
                                   {"status", q.getColumn(3).getString()},
                                   {"requested", storage::optional_text(q, 4).value_or("")}};
        out.push_back(
            make_warning(db, rule, rule.level, storage::optional_int(q, 5), std::move(evidence)));
    }
    return out;
}

} // namespace hujing::reports
