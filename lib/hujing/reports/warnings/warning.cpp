// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/reports/template.hpp>
#include <hujing/reports/warnings/warning.hpp>
#include <hujing/vocabulary/vocabulary.hpp>

#include <algorithm>
#include <map>
#include <tuple>

namespace hujing::reports {

namespace {

using RuleFn = std::vector<Warning> (*)(storage::Database&, const Scope&, const RuleConfig&);

const std::map<std::string, RuleFn>& rule_functions() {
    static const std::map<std::string, RuleFn> fns = {
        {"case_cluster", rule_case_cluster},
        {"overdue_demands", rule_overdue_demands},
        {"stale_cases", rule_stale_cases},
        {"inspection_failures", rule_inspection_failures},
        {"low_satisfaction", rule_low_satisfaction},
        {"emergency_detention", rule_emergency_detention},
        {"open_risk", rule_open_risk},
    };
    return fns;
}

long level_rank(const std::string& level) {
    const auto codes = domain::k_risk_levels.codes();
    return std::find(codes.begin(), codes.end(), level) - codes.begin();
}

long rule_rank(const std::string& rule) {
    const auto& names = rule_names();
    return std::find(names.begin(), names.end(), rule) - names.begin();
}

} // namespace

std::string unit_name(storage::Database& db, std::optional<std::int64_t> id) {
    if (!id) {
        return {};
    }
    SQLite::Statement q(db.sql(), "SELECT name FROM unit WHERE id = ?");
    q.bind(1, *id);
    return q.executeStep() ? q.getColumn(0).getString() : std::string();
}

std::string enterprise_name(storage::Database& db, std::int64_t id) {
    SQLite::Statement q(db.sql(), "SELECT name FROM enterprise WHERE id = ?");
    q.bind(1, id);
    return q.executeStep() ? q.getColumn(0).getString() : std::to_string(id);
}

std::optional<std::int64_t> main_unit(const std::vector<std::optional<std::int64_t>>& units) {
    std::map<std::int64_t, int> count;
    for (const auto& u : units) {
        if (u) {
            ++count[*u];
        }
    }
    std::optional<std::int64_t> best;
    int most = 0;
    for (const auto& [id, n] : count) {
        if (n > most) {
            best = id;
            most = n;
        }
    }
    return best;
}

Warning make_warning(storage::Database& db,
                     const RuleConfig& rule,
                     std::string level,
                     std::optional<std::int64_t> unit_id,
                     nlohmann::json evidence) {
    Warning w{
        rule.name, std::move(level), {}, unit_id, unit_name(db, unit_id), std::move(evidence)};
    auto values = w.evidence;
    values["unit"] = w.unit;
    w.title = render_template(rule.title, "规则 " + rule.name + " 的 title", values, Escape::none);
    return w;
}

std::vector<Warning>
evaluate_warnings(storage::Database& db, const Scope& scope, const Rules& rules) {
    std::vector<Warning> out;
    for (const auto& name : rule_names()) {
        const auto& rule = rules.at(name);
        if (!rule.enabled) {
            continue;
        }
        auto part = rule_functions().at(name)(db, scope, rule);
        out.insert(out.end(), part.begin(), part.end());
    }
    std::stable_sort(out.begin(), out.end(), [](const Warning& a, const Warning& b) {
        const auto ka = std::make_tuple(level_rank(a.level), rule_rank(a.rule));
        const auto kb = std::make_tuple(level_rank(b.level), rule_rank(b.rule));
        return ka < kb;
    });
    return out;
}

output::View<Warning> warning_view() {
    using F = output::Field<Warning>;
    using output::Kind;
    using output::member;
    using W = const Warning&;
    const auto level_label = [](std::string_view code) {
        return domain::k_risk_levels.label(code);
    };
    return output::View<Warning>(
        {F{"rule", "规则", Kind::text, member(&Warning::rule)},
         F{"level", "等级", Kind::text, member(&Warning::level), {}, level_label},
         F{"title", "预警", Kind::text, member(&Warning::title)},
         F{"unit_id", "单位编号", Kind::integer, member(&Warning::unit_id)},
         F{"unit", "责任单位", Kind::text, member(&Warning::unit)},
         F{"evidence", "依据", Kind::json, [](W w) { return output::Value(w.evidence.dump()); }}},
        {"level", "title", "unit", "rule", "evidence"});
}

} // namespace hujing::reports
