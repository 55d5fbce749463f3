// SPDX-License-Identifier: GPL-3.0-or-later
// Enterprise-related cases, through v_case, v_recovery and v_prereport (left out while the
// schema has no cases): new, closed, losses, recoveries, stale cases, detention reports.
#include <hujing/reports/kpi/kpi.hpp>
#include <hujing/reports/stale.hpp>

#include <algorithm>
#include <set>

namespace hujing::reports {

namespace {

// Stale cases on the day before the period that are no longer stale on :as_of.
std::pair<std::int64_t, std::int64_t> cleared(storage::Database& db, const Scope& scope) {
    const auto before = util::format_date(util::add_days(scope.period.from, -1));
    std::set<std::int64_t> now;
    for (const auto& s : stale_cases_at(db, scope.as_of)) {
        now.insert(s.case_id);
    }
    std::int64_t was = 0;
    std::int64_t gone = 0;
    for (const auto& s : stale_cases_at(db, before)) {
        ++was;
        gone += now.contains(s.case_id) ? 0 : 1;
    }
    return {gone, was};
}

} // namespace

std::vector<Kpi> case_kpis(storage::Database& db, const Scope& scope) {
    if (!has_relation(db, "v_case")) {
        return {};
    }
    const char* g = "案件";
    const auto* const filed = "FROM v_case WHERE filed BETWEEN :from AND :to";
    const auto added = scalar(db, std::string("SELECT count(*) ") + filed, scope);
    const auto closed =
        scalar(db, "SELECT count(*) FROM v_case WHERE closed BETWEEN :from AND :to", scope);
    const auto loss = scalar(db, std::string("SELECT sum(loss_fen) ") + filed, scope);
    std::int64_t recovered = 0;
    std::int64_t recovered_of_new = 0;
    if (has_relation(db, "v_recovery")) {
        recovered = scalar(
            db, "SELECT sum(amount_fen) FROM v_recovery WHERE date BETWEEN :from AND :to", scope);
        recovered_of_new = scalar(db,
                                  "SELECT sum(r.amount_fen) FROM v_recovery r JOIN v_case c ON"
                                  " c.id = r.case_id WHERE c.filed BETWEEN :from AND :to"
                                  " AND r.date <= :as_of",
                                  scope);
    }
    const auto stale = static_cast<std::int64_t>(stale_cases_at(db, scope.as_of).size());
    const auto [gone, was] = cleared(db, scope);
    std::vector<Kpi> out = {count_kpi("cases_new", g, "新立涉企案件", added),
                            count_kpi("cases_closed", g, "办结案件", closed),
                            money_kpi("case_loss_yuan", g, "新立案件涉案损失（元）", loss),
                            money_kpi("recovered_yuan", g, "期内追赃挽损（元）", recovered),
                            rate_kpi("recovery_rate", g, "新立案件挽损率", recovered_of_new, loss),
                            count_kpi("cases_stale", g, "期末挂案", stale),
                            rate_kpi("stale_clearance_rate", g, "挂案清理率", gone, was)};
    if (has_relation(db, "v_prereport")) {
        out.push_back(count_kpi("detention_reports",
                                g,
                                "羁押报备",
                                scalar(db,
                                       "SELECT count(*) FROM v_prereport WHERE kind = 'detention'"
                                       " AND requested BETWEEN :from AND :to",
                                       scope)));
    }
    return out;
}

} // namespace hujing::reports
