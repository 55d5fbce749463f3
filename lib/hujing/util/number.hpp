// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace hujing::util {

// The integer `text` spells in full (an optional '-', then decimal digits, nothing else, within
// 64 bits); nullopt otherwise.
std::optional<std::int64_t> to_int64(std::string_view text);

// The record id `text` spells: a positive integer; nullopt otherwise.
std::optional<std::int64_t> to_id(std::string_view text);

// As to_id; otherwise throws Exit::invalid "<what>编号无效: TEXT (应为正整数)".
std::int64_t parse_id(std::string_view text, std::string_view what);

} // namespace hujing::util
