// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/error.hpp>
#include <hujing/util/money.hpp>

#include <fmt/format.h>

#include <limits>

namespace hujing::util {

namespace {

[[noreturn]] void bad_amount(std::string_view text, const char* why) {
    throw Error(Exit::invalid,
                fmt::format("金额无效: {} ({})", text, why),
                "单位为元，最多两位小数，如 1234.56");
}

// Return |`value`| without overflow for the most negative value.
std::uint64_t magnitude(std::int64_t value) {
    return value < 0 ? 0ULL - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
}

} // namespace

std::int64_t parse_yuan(std::string_view text) {
    std::string_view s = text;
    if (!s.empty() && s.front() == '+') {
        s.remove_prefix(1);
    }
    if (s.empty()) {
        bad_amount(text, "为空");
    }
    if (s.front() == '-') {
        bad_amount(text, "不能为负数");
    }
    const auto dot = s.find('.');
    const std::string_view whole = s.substr(0, dot);
    const std::string_view frac =
        dot == std::string_view::npos ? std::string_view{} : s.substr(dot + 1);
    if (whole.empty() || (dot != std::string_view::npos && frac.empty())) {
        bad_amount(text, "格式不对");
    }
    if (frac.size() > 2) {
        bad_amount(text, "超过两位小数");
    }
    constexpr std::int64_t k_max = std::numeric_limits<std::int64_t>::max() / 100 - 1;
    std::int64_t yuan = 0;
    for (char c : whole) {
        if (c < '0' || c > '9') {
            bad_amount(text, "含非数字字符");
        }
        yuan = yuan * 10 + (c - '0');
        if (yuan > k_max) {
            bad_amount(text, "数额过大");
        }
    }
    std::int64_t fen = 0;
    for (std::size_t i = 0; i < 2; ++i) {
        fen *= 10;
        if (i < frac.size()) {
            const char c = frac[i];
            if (c < '0' || c > '9') {
                bad_amount(text, "含非数字字符");
            }
            fen += c - '0';
        }
    }
    return yuan * 100 + fen;
}

std::string format_yuan(std::int64_t fen) {
    const bool negative = fen < 0;
    const std::uint64_t abs = magnitude(fen);
    return fmt::format("{}{}.{:02}", negative ? "-" : "", abs / 100, abs % 100);
}

std::string format_percent(std::int64_t numerator, std::int64_t denominator) {
    if (denominator == 0) {
        return "-";
    }
    // Permille in integers, rounded half away from zero. Work on magnitudes: C++ division
    // truncates toward zero, which would print -1/3 as "-33.-2%". Splitting off the quotient
    // keeps the intermediate products small (no overflow below ~9e15).
    const bool negative = (numerator < 0) != (denominator < 0);
    const std::uint64_t n = magnitude(numerator);
    const std::uint64_t d = magnitude(denominator);
    const std::uint64_t scaled = n / d * 1000 + (n % d * 2000 + d) / (2 * d);
    return fmt::format("{}{}.{}%", negative && scaled != 0 ? "-" : "", scaled / 10, scaled % 10);
}

} // namespace hujing::util
