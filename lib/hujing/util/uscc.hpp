// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace hujing::util {

// The 31 characters of a 统一社会信用代码 (GB 32100-2015) in value order: digits and upper-case
// letters without I, O, S, V, Z.
inline constexpr std::string_view k_uscc_alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

// The first problem found in a USCC, in the order they are checked.
enum class UsccProblem {
    none,            // a valid code
    length,          // not 18 characters (or empty)
    character,       // a character outside k_uscc_alphabet
    check_character, // the 18th character is not the GB 32100 check character
    org_code_check,  // characters 9–17 fail the GB 11714 organisation-code check
};

// The outcome of checking a USCC: the first problem, a Chinese message for it, and what each
// checksum says, so that callers can report or (for early pilot codes) tolerate a failure.
struct UsccCheck {
    std::string normalized; // the input trimmed and upper-cased
    UsccProblem problem = UsccProblem::none;
    std::string message;                    // empty when valid
    std::size_t position = 0;               // 1-based position of a bad character, else 0
    std::optional<char> expected_check;     // the right 18th character, once 17 are valid
    std::optional<char> expected_org_check; // the right 17th character (GB 11714), likewise
    bool check_ok = false;                  // the 18th character is right
    bool org_code_ok = false;               // characters 9–17 pass GB 11714

    // Whether the code is valid.
    [[nodiscard]] bool ok() const {
        return problem == UsccProblem::none;
    }
};

// Return `text` without surrounding white space and with ASCII letters upper-cased.
std::string normalize_uscc(std::string_view text);

// Check `text` (normalized first) as a USCC: length 18, alphabet, the GB 32100 check character
// and the GB 11714 check of the organisation code in characters 9–17. Never throws.
UsccCheck check_uscc(std::string_view text);

// Return `text` normalized if it is a valid USCC; otherwise throw Exit::invalid with a Chinese
// message naming the problem (the bad character and its position, or the expected check
// character). A code whose 18th character is right but whose organisation code fails is
// rejected too.
std::string validate_uscc(std::string_view text);

// Return the GB 32100 check character (18th) for the 17 characters `first17`; throws
// Exit::invalid unless they are 17 characters of k_uscc_alphabet.
char uscc_check_character(std::string_view first17);

// Return the GB 11714 check character (0–9 or X) of the 8-character organisation-code body
// `body8` (USCC characters 9–16); throws Exit::invalid unless they are 8 of [0-9A-Z].
char org_code_check_character(std::string_view body8);

// Return a valid USCC made from its first 16 characters `first16` by appending the organisation
// code's check character and then the USCC check character (for test and bench data); throws
// Exit::invalid unless they are 16 characters of k_uscc_alphabet.
std::string complete_uscc(std::string_view first16);

} // namespace hujing::util
