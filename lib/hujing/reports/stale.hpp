// SPDX-License-Identifier: GPL-3.0-or-later
// Stale cases (挂案) as the cases capability finds them (find_stale_cases of
// <hujing/cases/stale.hpp>); before that capability is built in, a fallback over v_case.
#pragma once

#include <hujing/storage/database.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace hujing::reports {

struct StaleRow {
    std::int64_t case_id = 0;
    std::string case_no;
    std::int64_t unit_id = 0;
    std::string type;
    std::string last_movement;
    int days = 0;
    std::string reason;
};

// The stale cases on `as_of` (YYYY-MM-DD); empty when the schema has no cases.
std::vector<StaleRow> stale_cases_at(storage::Database& db, const std::string& as_of);

} // namespace hujing::reports
