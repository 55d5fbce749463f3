// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace hujing::util {

// Parse an amount in yuan ("1234", "1234.5", "1234.56", optional leading "+"; no sign for
// negatives, no exponent, no thousands separators) into integer fen. More than two decimals,
// an empty string, a negative amount or an overflow throws Exit::invalid.
std::int64_t parse_yuan(std::string_view text);

// Format `fen` as yuan with exactly two decimals, e.g. 123456 → "1234.56", -5 → "-0.05".
std::string format_yuan(std::int64_t fen);

// Format the ratio `numerator` / `denominator` as a percentage with one decimal ("87.5%"),
// computed in integers (halves rounded away from zero); "-" when `denominator` is 0.
std::string format_percent(std::int64_t numerator, std::int64_t denominator);

} // namespace hujing::util
