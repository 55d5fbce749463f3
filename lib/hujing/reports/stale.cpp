// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/cases/stale.hpp>
#include <hujing/reports/scope.hpp>
#include <hujing/reports/stale.hpp>

namespace hujing::reports {

std::vector<StaleRow> stale_cases_at(storage::Database& db, const std::string& as_of) {
    if (!has_relation(db, "v_case")) {
        return {};
    }
    std::vector<StaleRow> out;
    for (const auto& s : domain::find_stale_cases(db, as_of)) {
        out.push_back(
            StaleRow{s.case_id, s.case_no, s.unit_id, s.type, s.last_movement, s.days, s.reason});
    }
    return out;
}

} // namespace hujing::reports
