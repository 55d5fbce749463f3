// SPDX-License-Identifier: GPL-3.0-or-later
// The time frame of a report: the period, and the day its "at the end" figures are taken on.
#pragma once

#include <hujing/storage/database.hpp>
#include <hujing/util/date.hpp>

#include <cstdint>
#include <string>

namespace hujing::reports {

struct Scope {
    util::Period period;
    std::string from;  // YYYY-MM-DD, first day
    std::string to;    // YYYY-MM-DD, last day
    std::string as_of; // the period's last day, or today when the period has not ended yet
};

// The scope of `period` seen on `today`.
Scope make_scope(const util::Period& period, util::Date today);

// Whether the schema has the view or table `name` (a capability built on another branch may not
// be there yet: its figures and rules are left out).
bool has_relation(storage::Database& db, const std::string& name);

// "87.5%" style rate of `num` / `den` ("-" when `den` is 0).
std::string rate_text(std::int64_t num, std::int64_t den);

// The mean `sum` / `count` with two decimals, rounded half away from zero ("-" when 0).
std::string mean_text(std::int64_t sum, std::int64_t count);

} // namespace hujing::reports
