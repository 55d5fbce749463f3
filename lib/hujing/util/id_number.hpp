// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <hujing/util/date.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace hujing::util {

// The first problem found in a 公民身份号码 (GB 11643-1999), in the order they are checked.
enum class IdNumberProblem {
    none,            // a valid number
    length,          // not 18 characters (or empty)
    character,       // not 17 digits followed by a digit or X
    area,            // the 6-digit area code starts with 0
    birth_date,      // characters 7–14 are not a real date YYYYMMDD (1900 or later)
    future_birth,    // the birth date is after `today`
    check_character, // the 18th character is not the ISO 7064 MOD 11-2 check character
};

// The outcome of checking an ID number. `message` never repeats the whole number.
struct IdNumberCheck {
    std::string normalized; // the input trimmed, a lower-case x upper-cased
    IdNumberProblem problem = IdNumberProblem::none;
    std::string message;                // Chinese; empty when valid
    std::size_t position = 0;           // 1-based position of a bad character, else 0
    std::optional<Date> birth_date;     // once characters 7–14 form a date
    std::optional<char> expected_check; // once the first 17 characters are digits

    // Whether the number is valid.
    [[nodiscard]] bool ok() const {
        return problem == IdNumberProblem::none;
    }
};

// Check `text` as an 18-character 公民身份号码: 6-digit area code, birth date YYYYMMDD not
// after `today`, 3-digit sequence and check character. Never throws.
IdNumberCheck check_id_number(std::string_view text, Date today);

// Return `text` normalized (trimmed, "x" upper-cased) if it is a valid ID number as of
// `today`; otherwise throw Exit::invalid naming the problem (the expected check character).
std::string validate_id_number(std::string_view text, Date today);

// Return the check character (0–9 or X) of the 17 digits `first17`; throws Exit::invalid
// unless they are 17 digits.
char id_number_check_character(std::string_view first17);

// Mask `id_number` for display: the first 6 and last 4 characters around 8 stars
// ("330681********123X"). Other lengths keep at most the last 4 (and the first 6 when longer
// than 10), so that no more than 10 characters ever show.
std::string mask_id_number(std::string_view id_number);

// Mask the digits of `phone`, keeping other characters: an 11-digit mobile (optionally after
// 86) keeps its first 3 and last 4 digits ("138****5678"); any other number keeps its last 4
// ("****-****2345"), and a number of 4 digits or fewer keeps none.
std::string mask_phone(std::string_view phone);

} // namespace hujing::util
