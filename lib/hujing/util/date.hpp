// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace hujing::util {

// A calendar date (no time zone); hujing stores dates as "YYYY-MM-DD" text.
using Date = std::chrono::year_month_day;

// Parse strict "YYYY-MM-DD" (a real date, years 1900..2999); nullopt otherwise.
std::optional<Date> parse_iso_date(std::string_view text);

// Parse a date argument: "YYYY-MM-DD", "today" or "yesterday" relative to `today`;
// throws Exit::invalid naming `text` otherwise.
Date parse_date_arg(std::string_view text, Date today);

// Format `date` as "YYYY-MM-DD".
std::string format_date(Date date);

// Return `date` moved by `days` calendar days (may be negative).
Date add_days(Date date, int days);

// Return the number of calendar days from `from` to `to` (negative when `to` is earlier).
int days_between(Date from, Date to);

// Return the ISO weekday of `date`: 1 = Monday … 7 = Sunday.
int iso_weekday(Date date);

// The system's local date today.
Date system_today();

// An inclusive range of dates with the label it was given (e.g. "2025Q3").
struct Period {
    Date from{};
    Date to{};
    std::string label;
};

// Parse a period: "2025Q1", "2025-03", "2025", "last-quarter", "this-quarter" (relative to
// `today`); throws Exit::invalid otherwise.
Period parse_period(std::string_view text, Date today);

// Return the period from `from` to `to` inclusive; throws Exit::invalid when `to` < `from`.
Period make_period(Date from, Date to);

// Return the quarter containing `date`, labelled "YYYYQn".
Period quarter_of(Date date);

} // namespace hujing::util
