// SPDX-License-Identifier: GPL-3.0-or-later
// open_risk: each risk assessment open at the end of the period, at its own level.
#include <hujing/reports/kpi/kpi.hpp>
#include <hujing/reports/sql.hpp>
#include <hujing/reports/warnings/warning.hpp>

#include <fmt/format.h>

namespace hujing::reports {

std::vector<Warning>
rule_open_risk(storage::Database& db, const Scope& scope, const RuleConfig& rule) {
    SQLite::Statement q(db.sql(), fmt::format("SELECT * FROM ({}) ORDER BY id", sql::k_open_risks));
    bind_scope(q, scope);
    std::vector<Warning> out;
    while (q.executeStep()) {
        const auto enterprise = q.getColumn(1).getInt64();
        nlohmann::json evidence = {{"risk_id", q.getColumn(0).getInt64()},
                                   {"enterprise_id", enterprise},
                                   {"enterprise", enterprise_name(db, enterprise)},
                                   {"description", q.getColumn(3).getString()},
                                   {"leader", storage::optional_text(q, 5).value_or("")},
                                   {"opened", q.getColumn(6).getString()}};
        out.push_back(make_warning(db,
                                   rule,
                                   q.getColumn(2).getString(),
                                   storage::optional_int(q, 4),
                                   std::move(evidence)));
    }
    return out;
}

} // namespace hujing::reports
