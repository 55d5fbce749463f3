// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <hujing/util/date.hpp>

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace hujing::calendar {

// The official working-day calendar: Mon–Fri, minus public holidays, plus make-up working
// weekend days (调休). Years without a loaded file fall back to Mon–Fri, with one notice.
class Calendar {
public:
    // Build from YAML documents in the format of schemas/calendar/*.yaml; `names` label each
    // document in error messages. A malformed document throws Exit::invalid with FILE:LINE.
    static Calendar from_yaml(const std::vector<std::string>& documents,
                              const std::vector<std::string>& names);

    // The calendar from the built-in (or $HUJING_DATA_DIR) files schemas/calendar/*.yaml,
    // loaded once per process.
    static const Calendar& builtin();

    // Whether `date` is a working day.
    [[nodiscard]] bool is_working_day(util::Date date) const;

    // Return the `n`-th working day after `from` (`from` itself not counted; n = 0 returns
    // `from`); a negative `n` counts backwards to the `-n`-th working day before `from`.
    [[nodiscard]] util::Date add_working_days(util::Date from, int n) const;

    // Return the number of working days in (`from`, `to`]; negative when `to` < `from`.
    [[nodiscard]] int working_days_between(util::Date from, util::Date to) const;

    // Whether a file for `year` was loaded.
    [[nodiscard]] bool covers(int year) const;

    // The name of the holiday on `date`, or empty.
    [[nodiscard]] std::string holiday_name(util::Date date) const;

private:
    std::set<int> m_years;
    std::map<int, std::string> m_holidays; // key: days since epoch
    std::set<int> m_workdays;              // weekend days that are working days
    // The fallback notice is once per year per process (not per Calendar): see calendar.cpp.
};

} // namespace hujing::calendar
