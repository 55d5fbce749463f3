// SPDX-License-Identifier: GPL-3.0-or-later
// The demand loop: received, resolved, on time, how long, how satisfied, overdue at the end.
#include <hujing/calendar/calendar.hpp>
#include <hujing/reports/kpi/kpi.hpp>
#include <hujing/reports/sql.hpp>

#include <fmt/format.h>

namespace hujing::reports {

namespace {

// Working days from collection to resolution over the demands resolved in the period.
std::pair<std::int64_t, std::int64_t> working_days(storage::Database& db, const Scope& scope) {
    const auto& cal = calendar::Calendar::builtin();
    SQLite::Statement q(
        db.sql(), "SELECT created, resolved FROM demand WHERE resolved BETWEEN :from AND :to");
    bind_scope(q, scope);
    std::int64_t sum = 0;
    std::int64_t n = 0;
    while (q.executeStep()) {
        const auto from = util::parse_iso_date(q.getColumn(0).getString().substr(0, 10));
        const auto to = util::parse_iso_date(q.getColumn(1).getString().substr(0, 10));
        if (from && to) {
            sum += cal.working_days_between(*from, *to);
            ++n;
        }
    }
    return {sum, n};
}

} // namespace

std::vector<Kpi> demand_kpis(storage::Database& db, const Scope& scope) {
    const char* g = "诉求";
    const auto received =
        scalar(db, "SELECT count(*) FROM demand WHERE created BETWEEN :from AND :to", scope);
    const auto resolved =
        scalar(db, "SELECT count(*) FROM demand WHERE resolved BETWEEN :from AND :to", scope);
    const auto closed_of_received =
        scalar(db,
               "SELECT count(*) FROM demand WHERE created BETWEEN :from AND :to"
               " AND resolved <= :as_of",
               scope);
    // Due in the period; open ones whose deadline is not past on :as_of are counted apart.
    const auto pending = scalar(db,
                                "SELECT count(*) FROM demand WHERE due BETWEEN :from AND :to"
                                " AND due >= :as_of AND (resolved IS NULL OR resolved > :as_of)",
                                scope);
    const auto due =
        scalar(db, "SELECT count(*) FROM demand WHERE due BETWEEN :from AND :to", scope);
    const auto on_time = scalar(db,
                                "SELECT count(*) FROM demand WHERE due BETWEEN :from AND :to"
                                " AND resolved <= due AND resolved <= :as_of",
                                scope);
    const auto [days, days_n] = working_days(db, scope);
    const auto score_sum =
        scalar(db, fmt::format("SELECT sum(score) FROM ({})", sql::k_ratings), scope);
    const auto ratings =
        scalar(db, fmt::format("SELECT count(*) FROM ({})", sql::k_ratings), scope);
    const auto overdue =
        scalar(db, fmt::format("SELECT count(*) FROM ({})", sql::k_overdue_at), scope);
    auto mean_days =
        Kpi{"mean_working_days", g, "平均办理工作日", mean_text(days, days_n), days, days_n};
    auto mean_score = Kpi{
        "mean_satisfaction", g, "平均满意度", mean_text(score_sum, ratings), score_sum, ratings};
    return {count_kpi("demands_received", g, "收集诉求", received),
            count_kpi("demands_resolved", g, "办结诉求", resolved),
            rate_kpi("resolution_rate", g, "办结率", closed_of_received, received),
            rate_kpi("on_time_rate", g, "按期办结率", on_time, due - pending),
            count_kpi("demands_not_yet_due", g, "期内到期、期末未到期的未办结诉求", pending),
            std::move(mean_days),
            std::move(mean_score),
            count_kpi("demands_overdue", g, "期末超期未办结", overdue)};
}

} // namespace hujing::reports
