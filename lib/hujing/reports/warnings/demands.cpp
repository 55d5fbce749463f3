// SPDX-License-Identifier: GPL-3.0-or-later
// Rules over the demand loop: overdue_demands (per enterprise at the end of the period) and
// low_satisfaction (per unit over the ratings of the period).
#include <hujing/reports/kpi/kpi.hpp>
#include <hujing/reports/sql.hpp>
#include <hujing/reports/warnings/warning.hpp>

#include <fmt/format.h>

#include <map>

namespace hujing::reports {

namespace {

struct Group {
    std::vector<std::int64_t> ids;
    std::vector<std::string> dues;
    std::vector<std::optional<std::int64_t>> units;
    std::int64_t sum = 0;
};

} // namespace

std::vector<Warning>
rule_overdue_demands(storage::Database& db, const Scope& scope, const RuleConfig& rule) {
    std::map<std::int64_t, Group> by_enterprise;
    SQLite::Statement q(db.sql(), fmt::format("SELECT * FROM ({}) ORDER BY id", sql::k_overdue_at));
    bind_scope(q, scope);
    while (q.executeStep()) {
        auto& g = by_enterprise[q.getColumn(1).getInt64()];
        g.ids.push_back(q.getColumn(0).getInt64());
        g.units.push_back(storage::optional_int(q, 2));
        g.dues.push_back(q.getColumn(3).getString());
    }
    std::vector<Warning> out;
    for (const auto& [enterprise, g] : by_enterprise) {
        const auto count = static_cast<std::int64_t>(g.ids.size());
        if (count * 1000 < rule.threshold_milli) {
            continue;
        }
        nlohmann::json evidence = {{"enterprise_id", enterprise},
                                   {"enterprise", enterprise_name(db, enterprise)},
                                   {"count", count},
                                   {"as_of", scope.as_of},
                                   {"demand_ids", g.ids},
                                   {"dues", g.dues}};
        out.push_back(make_warning(
            db, rule, rule.level_for(count * 1000), main_unit(g.units), std::move(evidence)));
    }
    return out;
}

std::vector<Warning>
rule_low_satisfaction(storage::Database& db, const Scope& scope, const RuleConfig& rule) {
    std::map<std::int64_t, Group> by_unit;
    SQLite::Statement q(
        db.sql(), fmt::format("SELECT * FROM ({}) WHERE unit_id IS NOT NULL", sql::k_ratings));
    bind_scope(q, scope);
    while (q.executeStep()) {
        auto& g = by_unit[q.getColumn(1).getInt64()];
        g.ids.push_back(q.getColumn(0).getInt64());
        g.sum += q.getColumn(2).getInt64();
    }
    std::vector<Warning> out;
    for (const auto& [unit, g] : by_unit) {
        const auto count = static_cast<std::int64_t>(g.ids.size());
        // mean < threshold, in integers: sum × 1000 < threshold_milli × count
        if (count < rule.min_count || g.sum * 1000 >= rule.threshold_milli * count) {
            continue;
        }
        nlohmann::json evidence = {{"count", count},
                                   {"score_sum", g.sum},
                                   {"mean", mean_text(g.sum, count)},
                                   {"demand_ids", g.ids}};
        out.push_back(make_warning(db, rule, rule.level, unit, std::move(evidence)));
    }
    return out;
}

} // namespace hujing::reports
