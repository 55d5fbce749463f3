// SPDX-License-Identifier: GPL-3.0-or-later
// Warnings (风险预警): each built-in rule of rules.hpp is one function over the scope; each
// warning carries the ids and figures that fired it, so a reader can check it.
#pragma once

#include <hujing/output/view.hpp>
#include <hujing/reports/scope.hpp>
#include <hujing/reports/warnings/rules.hpp>
#include <hujing/storage/database.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hujing::reports {

struct Warning {
    std::string rule;
    std::string level; // red orange yellow blue
    std::string title;
    std::optional<std::int64_t> unit_id;
    std::string unit; // the responsible unit's name, empty when none
    nlohmann::json evidence;
};

// The warnings of every enabled rule over `scope`, red first, then by rule and title. Rules over
// cases and inspections run when their views exist.
std::vector<Warning>
evaluate_warnings(storage::Database& db, const Scope& scope, const Rules& rules);

// The fields of a warning row for `report warnings`.
output::View<Warning> warning_view();

// A warning of `rule` at `level` with its title rendered from `evidence`.
Warning make_warning(storage::Database& db,
                     const RuleConfig& rule,
                     std::string level,
                     std::optional<std::int64_t> unit_id,
                     nlohmann::json evidence);

// The name of unit `id` (empty when none).
std::string unit_name(storage::Database& db, std::optional<std::int64_t> id);

// The name of enterprise `id`.
std::string enterprise_name(storage::Database& db, std::int64_t id);

// The unit most of `units` name (ties: the smallest id); nullopt when none is known.
std::optional<std::int64_t> main_unit(const std::vector<std::optional<std::int64_t>>& units);

// The rules, one function each.
std::vector<Warning>
rule_overdue_demands(storage::Database& db, const Scope& s, const RuleConfig& r);
std::vector<Warning>
rule_low_satisfaction(storage::Database& db, const Scope& s, const RuleConfig& r);
std::vector<Warning> rule_open_risk(storage::Database& db, const Scope& s, const RuleConfig& r);
std::vector<Warning> rule_case_cluster(storage::Database& db, const Scope& s, const RuleConfig& r);
std::vector<Warning> rule_stale_cases(storage::Database& db, const Scope& s, const RuleConfig& r);
std::vector<Warning>
rule_emergency_detention(storage::Database& db, const Scope& s, const RuleConfig& r);
std::vector<Warning>
rule_inspection_failures(storage::Database& db, const Scope& s, const RuleConfig& r);

} // namespace hujing::reports
