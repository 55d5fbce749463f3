// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/reports/quarterly.hpp>
#include <hujing/util/money.hpp>
#include <hujing/vocabulary/vocabulary.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace hujing::reports {

namespace {

nlohmann::json optional_json(const std::optional<std::int64_t>& v) {
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json series(storage::Database& db, const Scope& scope, const std::string& sql) {
    auto out = nlohmann::json::array();
    SQLite::Statement q(db.sql(), sql);
    bind_scope(q, scope);
    while (q.executeStep()) {
        nlohmann::json row = {{"label", q.getColumn(0).getString()}};
        for (int i = 1; i < q.getColumnCount(); ++i) {
            row["v" + std::to_string(i)] = q.getColumn(i).getInt64();
        }
        out.push_back(std::move(row));
    }
    return out;
}

} // namespace

nlohmann::json
collect_charts(storage::Database& db, const Scope& scope, const std::vector<Kpi>& kpis) {
    nlohmann::json out = nlohmann::json::object();
    auto by_status = nlohmann::json::array();
    for (const auto& row : series(db,
                                  scope,
                                  "SELECT status, count(*) FROM demand WHERE created BETWEEN :from"
                                  " AND :to GROUP BY 1")) {
        by_status.push_back(
            {{"label", domain::k_demand_statuses.label(row["label"].get<std::string>())},
             {"code", row["label"]},
             {"v1", row["v1"]}});
    }
    out["demands_by_status"] = by_status;
    out["demands_by_category"] = series(db,
                                        scope,
                                        "SELECT category, count(*) FROM demand WHERE created"
                                        " BETWEEN :from AND :to GROUP BY 1 ORDER BY 2 DESC, 1");
    out["cases_by_type"] = nlohmann::json::array();
    if (has_relation(db, "v_case")) {
        out["cases_by_type"] = series(db,
                                      scope,
                                      "SELECT type, count(*), coalesce(sum(loss_fen), 0),"
                                      " coalesce(sum(recovered_fen), 0) FROM v_case WHERE filed"
                                      " BETWEEN :from AND :to GROUP BY 1 ORDER BY 2 DESC, 1");
    }
    auto pass = nlohmann::json::array();
    for (const auto& k : kpis) {
        if (k.key.starts_with("pass_rate.") && k.denominator) {
            pass.push_back({{"label", k.label.substr(k.label.find(' ') + 1)},
                            {"v1", *k.numerator},
                            {"v2", *k.denominator},
                            {"text", k.value}});
        }
    }
    out["pass_rate_by_form"] = pass;
    return out;
}

Report build_report(storage::Database& db,
                    const Scope& scope,
                    const std::string& generated_at,
                    std::vector<DocNumber> numbers,
                    const Rules& rules) {
    Report r;
    r.scope = scope;
    r.generated_at = generated_at;
    r.head = audit::head_anchor(db);
    r.numbers = std::move(numbers);
    r.kpis = collect_kpis(db, scope);
    r.warnings = evaluate_warnings(db, scope, rules);
    r.prompts = collect_prompts(db, scope);
    r.advice = collect_advice(db, scope);
    r.charts = collect_charts(db, scope, r.kpis);
    auto levels = nlohmann::json::array();
    for (const auto& level : domain::k_risk_levels.codes()) {
        const auto n = std::count_if(
            r.warnings.begin(), r.warnings.end(), [&](const auto& w) { return w.level == level; });
        levels.push_back(
            {{"label", domain::k_risk_levels.label(level)}, {"code", level}, {"v1", n}});
    }
    r.charts["warnings_by_level"] = levels;
    return r;
}

nlohmann::json report_json(const Report& r) {
    nlohmann::json numbers = nlohmann::json::object();
    for (const auto& n : r.numbers) {
        numbers[n.kind] = n.text();
    }
    nlohmann::json kpi = nlohmann::json::object();
    for (const auto& k : r.kpis) {
        kpi[k.key] = {{"group", k.group},
                      {"label", k.label},
                      {"value", k.value},
                      {"numerator", optional_json(k.numerator)},
                      {"denominator", optional_json(k.denominator)}};
    }
    auto warnings = nlohmann::json::array();
    for (const auto& w : r.warnings) {
        warnings.push_back(
            {{"rule", w.rule},
             {"level", w.level},
             {"title", w.title},
             {"unit", w.unit.empty() ? nlohmann::json(nullptr) : nlohmann::json(w.unit)},
             {"evidence", w.evidence}});
    }
    return {{"period", r.scope.period.label},
            {"period_from", r.scope.from},
            {"period_to", r.scope.to},
            {"as_of", r.scope.as_of},
            {"generated_at", r.generated_at},
            {"audit_head", r.head.text()},
            {"numbers", numbers},
            {"kpi", kpi},
            {"prompts", r.prompts},
            {"advice", r.advice},
            {"warnings", warnings}};
}

} // namespace hujing::reports
