// SPDX-License-Identifier: GPL-3.0-or-later
// Key performance indicators of a period: one small source per capability (kpi_visits.cpp,
// kpi_demands.cpp, kpi_cases.cpp, kpi_inspections.cpp). Every rate carries its numerator and
// denominator; the formulas are in hujing-report(1).
#pragma once

#include <hujing/output/view.hpp>
#include <hujing/reports/scope.hpp>
#include <hujing/storage/database.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hujing::reports {

struct Kpi {
    std::string key;   // machine key, e.g. on_time_rate, pass_rate.lodging
    std::string group; // 走访 诉求 风险 案件 检查
    std::string label; // Chinese name
    std::string value; // as printed: "12", "87.5%", "3.67", "1234.50"
    std::optional<std::int64_t> numerator;
    std::optional<std::int64_t> denominator;
};

// A count (value = `n`; no numerator or denominator).
Kpi count_kpi(std::string key, std::string group, std::string label, std::int64_t n);

// A rate num/den with both kept.
Kpi rate_kpi(
    std::string key, std::string group, std::string label, std::int64_t num, std::int64_t den);

// An amount of money in fen (value in yuan).
Kpi money_kpi(std::string key, std::string group, std::string label, std::int64_t fen);

// Every KPI of `scope`, source by source (cases and inspections when their views exist).
std::vector<Kpi> collect_kpis(storage::Database& db, const Scope& scope);

// The fields of a KPI row for `report kpi`.
output::View<Kpi> kpi_view();

// One row count or sum of an SQL query with the scope's bounds bound by name (:from :to :as_of).
std::int64_t scalar(storage::Database& db, const std::string& sql, const Scope& scope);

// The sources, one per capability.
std::vector<Kpi> visit_kpis(storage::Database& db, const Scope& scope);
std::vector<Kpi> demand_kpis(storage::Database& db, const Scope& scope);
std::vector<Kpi> risk_kpis(storage::Database& db, const Scope& scope);
std::vector<Kpi> case_kpis(storage::Database& db, const Scope& scope);
std::vector<Kpi> inspection_kpis(storage::Database& db, const Scope& scope);

// The name of form `form_id` (its newest version), or the id when unknown.
std::string form_name(storage::Database& db, const std::string& form_id);

// Bind :from :to :as_of of `stmt` where present.
void bind_scope(SQLite::Statement& stmt, const Scope& scope);

} // namespace hujing::reports
