// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/error.hpp>
#include <hujing/util/date.hpp>

#include <fmt/format.h>

#include <ctime>

namespace hujing::util {

namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::sys_days;
using std::chrono::year;

bool digits(std::string_view text) {
    for (char c : text) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return !text.empty();
}

int to_int(std::string_view text) {
    int value = 0;
    for (char c : text) {
        value = value * 10 + (c - '0');
    }
    return value;
}

Date quarter_start(int y, int q) {
    return Date{year(y), month(static_cast<unsigned>((q - 1) * 3 + 1)), day(1)};
}

Date quarter_end(int y, int q) {
    const Date next = q == 4 ? quarter_start(y + 1, 1) : quarter_start(y, q + 1);
    return add_days(next, -1);
}

Period quarter(int y, int q) {
    return Period{quarter_start(y, q), quarter_end(y, q), fmt::format("{}Q{}", y, q)};
}

[[noreturn]] void bad_period(std::string_view text) {
    throw Error(Exit::invalid,
                fmt::format("期间无效: {}", text),
                "可用 2025Q1、2025-03、2025、last-quarter、this-quarter");
}

} // namespace

std::optional<Date> parse_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !digits(text.substr(0, 4))
        || !digits(text.substr(5, 2)) || !digits(text.substr(8, 2))) {
        return std::nullopt;
    }
    const int y = to_int(text.substr(0, 4));
    const Date date{year(y),
                    month(static_cast<unsigned>(to_int(text.substr(5, 2)))),
                    day(static_cast<unsigned>(to_int(text.substr(8, 2))))};
    if (!date.ok() || y < 1900 || y > 2999) {
        return std::nullopt;
    }
    return date;
}

Date parse_date_arg(std::string_view text, Date today) {
    if (text == "today") {
        return today;
    }
    if (text == "yesterday") {
        return add_days(today, -1);
    }
    if (auto date = parse_iso_date(text)) {
        return *date;
    }
    throw Error(
        Exit::invalid, fmt::format("日期无效: {}", text), "格式为 YYYY-MM-DD，或 today、yesterday");
}

std::string format_date(Date date) {
    return fmt::format("{:04}-{:02}-{:02}",
                       static_cast<int>(date.year()),
                       static_cast<unsigned>(date.month()),
                       static_cast<unsigned>(date.day()));
}

Date add_days(Date date, int days) {
    return Date{sys_days(date) + std::chrono::days(days)};
}

int days_between(Date from, Date to) {
    return static_cast<int>((sys_days(to) - sys_days(from)).count());
}

int iso_weekday(Date date) {
    return static_cast<int>(std::chrono::weekday(sys_days(date)).iso_encoding());
}

Date system_today() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    localtime_r(&now, &tm);
    return Date{year(tm.tm_year + 1900),
                month(static_cast<unsigned>(tm.tm_mon + 1)),
                day(static_cast<unsigned>(tm.tm_mday))};
}

Period quarter_of(Date date) {
    const int q = static_cast<int>((static_cast<unsigned>(date.month()) - 1) / 3 + 1);
    return quarter(static_cast<int>(date.year()), q);
}

Period make_period(Date from, Date to) {
    if (sys_days(to) < sys_days(from)) {
        throw Error(
            Exit::invalid,
            fmt::format("期间的结束日期 {} 早于开始日期 {}", format_date(to), format_date(from)));
    }
    return Period{from, to, format_date(from) + ".." + format_date(to)};
}

Period parse_period(std::string_view text, Date today) {
    if (text == "this-quarter") {
        return quarter_of(today);
    }
    if (text == "last-quarter") {
        const Period current = quarter_of(today);
        return quarter_of(add_days(current.from, -1));
    }
    if (text.size() == 6 && digits(text.substr(0, 4)) && (text[4] == 'Q' || text[4] == 'q')
        && text[5] >= '1' && text[5] <= '4') {
        const int y = to_int(text.substr(0, 4));
        if (y < 1900 || y > 2999) {
            bad_period(text);
        }
        return quarter(y, text[5] - '0');
    }
    if (text.size() == 7 && digits(text.substr(0, 4)) && text[4] == '-'
        && digits(text.substr(5, 2))) {
        const int y = to_int(text.substr(0, 4));
        const int m = to_int(text.substr(5, 2));
        if (y < 1900 || y > 2999 || m < 1 || m > 12) {
            bad_period(text);
        }
        const Date from{year(y), month(static_cast<unsigned>(m)), day(1)};
        const std::chrono::year_month_day_last to{
            year(y), std::chrono::month_day_last{month(static_cast<unsigned>(m))}};
        return Period{from, Date{to}, std::string(text)};
    }
    if (text.size() == 4 && digits(text)) {
        const int y = to_int(text);
        if (y < 1900 || y > 2999) {
            bad_period(text);
        }
        return Period{
            Date{year(y), month(1), day(1)}, Date{year(y), month(12), day(31)}, std::string(text)};
    }
    bad_period(text);
}

} // namespace hujing::util
