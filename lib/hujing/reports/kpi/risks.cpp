// SPDX-License-Identifier: GPL-3.0-or-later
// Risk assessments (风险评估): opened in the period, open at its end.
#include <hujing/reports/kpi/kpi.hpp>
#include <hujing/reports/sql.hpp>

#include <fmt/format.h>

namespace hujing::reports {

std::vector<Kpi> risk_kpis(storage::Database& db, const Scope& scope) {
    const char* g = "风险";
    const auto opened =
        scalar(db, "SELECT count(*) FROM risk WHERE opened BETWEEN :from AND :to", scope);
    const auto open =
        scalar(db, fmt::format("SELECT count(*) FROM ({})", sql::k_open_risks), scope);
    return {count_kpi("risks_opened", g, "新增风险评估", opened),
            count_kpi("risks_open", g, "期末在评风险", open)};
}

} // namespace hujing::reports
