// SPDX-License-Identifier: GPL-3.0-or-later
// Visits: how many, which enterprises, and how many of the assigned ones were seen.
#include <hujing/reports/kpi/kpi.hpp>

namespace hujing::reports {

std::vector<Kpi> visit_kpis(storage::Database& db, const Scope& scope) {
    const char* g = "走访";
    const auto visits =
        scalar(db, "SELECT count(*) FROM visit WHERE date BETWEEN :from AND :to", scope);
    const auto visited =
        scalar(db,
               "SELECT count(DISTINCT enterprise_id) FROM visit WHERE date BETWEEN :from AND :to",
               scope);
    const auto assigned =
        scalar(db,
               "SELECT count(DISTINCT enterprise_id) FROM enterprise_officer WHERE since <= :to",
               scope);
    const auto covered =
        scalar(db,
               "SELECT count(DISTINCT a.enterprise_id) FROM enterprise_officer a"
               " WHERE a.since <= :to AND EXISTS (SELECT 1 FROM visit v WHERE"
               " v.enterprise_id = a.enterprise_id AND v.date BETWEEN :from AND :to)",
               scope);
    return {count_kpi("visits", g, "走访次数", visits),
            count_kpi("enterprises_visited", g, "走访企业数", visited),
            count_kpi("enterprises_assigned", g, "包联企业数", assigned),
            rate_kpi("visit_coverage", g, "包联企业走访覆盖率", covered, assigned)};
}

} // namespace hujing::reports
