// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/error.hpp>
#include <hujing/util/number.hpp>

#include <fmt/format.h>

#include <charconv>

namespace hujing::util {

std::optional<std::int64_t> to_int64(std::string_view text) {
    std::int64_t value = 0;
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc{} || ptr != end) {
        return std::nullopt;
    }
    return value;
}

std::optional<std::int64_t> to_id(std::string_view text) {
    const auto value = to_int64(text);
    if (!value || *value <= 0) {
        return std::nullopt;
    }
    return value;
}

std::int64_t parse_id(std::string_view text, std::string_view what) {
    if (const auto id = to_id(text)) {
        return *id;
    }
    throw_invalid(fmt::format("{}编号无效: {}", what, text), "应为正整数");
}

} // namespace hujing::util
