// SPDX-License-Identifier: GPL-3.0-or-later
// The quarterly report (两书一单): 提示书 (prompts), 意见建议书 (advice), 风险预警单 (warnings)
// and the KPI table, built once from one snapshot and written as md, html or json.
#pragma once

#include <hujing/audit/audit.hpp>
#include <hujing/reports/kpi/kpi.hpp>
#include <hujing/reports/number.hpp>
#include <hujing/reports/scope.hpp>
#include <hujing/reports/warnings/rules.hpp>
#include <hujing/reports/warnings/warning.hpp>
#include <hujing/storage/database.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace hujing::reports {

struct Report {
    Scope scope;
    std::string generated_at; // YYYY-MM-DD (--today / SOURCE_DATE_EPOCH)
    audit::Anchor head;       // the audit chain's head when the report was made
    std::vector<DocNumber> numbers;
    std::vector<Kpi> kpis;
    std::vector<Warning> warnings;
    nlohmann::json prompts = nlohmann::json::array(); // 提示书 items
    nlohmann::json advice = nlohmann::json::array();  // 意见建议书 items (demands by category)
    nlohmann::json charts = nlohmann::json::object(); // the series the HTML charts draw
};

// Build the report of `scope` with the document `numbers` already given, on `generated_at`.
Report build_report(storage::Database& db,
                    const Scope& scope,
                    const std::string& generated_at,
                    std::vector<DocNumber> numbers,
                    const Rules& rules);

// The json document: {period, period_from, period_to, generated_at, audit_head, numbers, kpi,
// prompts, advice, warnings}.
nlohmann::json report_json(const Report& report);

// The report as Markdown (schemas/templates/quarterly.md.mustache).
std::string render_markdown(const Report& report);

// The report as one self-contained HTML file (schemas/templates/quarterly.html.mustache, inline
// CSS and SVG charts).
std::string render_html(const Report& report);

// The items of the 提示书: case patterns, failed inspection items, open risk assessments.
nlohmann::json collect_prompts(storage::Database& db, const Scope& scope);

// The items of the 意见建议书: demands by category, with those still open at the end.
nlohmann::json collect_advice(storage::Database& db, const Scope& scope);

// The chart series: demands by status and category, cases by type, pass rate per form.
nlohmann::json
collect_charts(storage::Database& db, const Scope& scope, const std::vector<Kpi>& kpis);

} // namespace hujing::reports
