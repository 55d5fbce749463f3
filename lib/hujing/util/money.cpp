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
    const std::uint64_t abs =
        negative ? 0ULL - static_cast<std::uint64_t>(fen) : static_cast<std::uint64_t>(fen);
    return fmt::format("{}{}.{:02}", negative ? "-" : "", abs / 100, abs % 100);
}

std::string format_percent(std::int64_t numerator, std::int64_t denominator) {
    if (denominator == 0) {
        return "-";
    }
    // permille, rounded half up, in integers
    const std::int64_t scaled = (numerator * 2000 + denominator) / (2 * denominator);
    return fmt::format("{}.{}%", scaled / 10, scaled % 10);
}

} // namespace hujing::util
