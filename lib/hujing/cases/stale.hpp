// SPDX-License-Identifier: GPL-3.0-or-later
// Hanging cases (挂案): cases still with the police (受理, 立案, 侦查) that neither close nor move.
#pragma once

#include <hujing/output/view.hpp>
#include <hujing/storage/database.hpp>
#include <hujing/storage/query.hpp>
#include <hujing/util/date.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace hujing::domain {

// One hanging case. `days`: days since the last movement; `reason`: the codes of the rules it
// meets, ';'-separated, in this order: no_movement (more than case.stale_days without
// movement), open_too_long (more than case.stale.open_days since filing, or since it was
// registered when never filed), lifted_too_long (more than case.stale.lifted_days since its
// last measure was lifted, none in force).
struct StaleCase {
    std::int64_t case_id = 0;
    std::string case_no;
    std::int64_t unit_id = 0;
    std::string type;
    std::string last_movement; // YYYY-MM-DD
    int days = 0;
    std::string reason;
    std::string title;
    std::string status;
    std::string unit_name;
    std::string opened;                     // filed, or registered when not filed
    std::optional<std::string> last_lifted; // the last measure lifted
};

// The three thresholds in days (settings case.stale_days, case.stale.open_days,
// case.stale.lifted_days).
struct StaleThresholds {
    int days = 180;
    int open_days = 730;
    int lifted_days = 365;
};

// The thresholds from the settings; `days` (`case stale --days`) overrides case.stale_days
// (1..3660, else Exit::invalid).
StaleThresholds stale_thresholds(storage::Database& db, std::optional<std::int64_t> days = {});

// Add the condition "hanging as of `as_of`" on case_ alias `c` to `query`.
void add_stale_filter(ListQuery& query, util::Date as_of, const StaleThresholds& limits);

// The Chinese text of a reason code list ("no_movement;open_too_long" → "无进展超期；立案超期").
std::string stale_reason_label(std::string_view codes);

// The fields of a hanging case (`case stale`).
const output::View<StaleCase>& stale_view();

// Stream the hanging cases as of `as_of`, oldest movement first (then by id), paged by
// `paging`; returns the count.
std::int64_t for_each_stale_case(storage::Database& db,
                                 util::Date as_of,
                                 const StaleThresholds& limits,
                                 const ListPaging& paging,
                                 const std::function<void(const StaleCase&)>& each);

// Every hanging case as of `as_of` (YYYY-MM-DD) with the thresholds of the settings, oldest
// first — the interface the reports read.
std::vector<StaleCase> find_stale_cases(storage::Database& db, const std::string& as_of);

} // namespace hujing::domain
