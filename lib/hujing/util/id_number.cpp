// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/error.hpp>
#include <hujing/util/id_number.hpp>
#include <hujing/util/text.hpp>

#include <fmt/format.h>

#include <array>
#include <vector>

namespace hujing::util {

namespace {

constexpr std::size_t k_length = 18;

// ISO 7064 MOD 11-2 weights: 2^(17−i) mod 11.
constexpr std::array<int, 17> k_weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

constexpr std::string_view k_check_characters = "10X98765432";

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

char check_unchecked(std::string_view first17) {
    int sum = 0;
    for (std::size_t i = 0; i < 17; ++i) {
        sum += (first17[i] - '0') * k_weights[i];
    }
    return k_check_characters[static_cast<std::size_t>(sum % 11)];
}

// Return the number of characters (UTF-8 code points) in `text`.
std::size_t character_count(std::string_view text) {
    std::size_t count = 0;
    for (char c : text) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++count;
        }
    }
    return count;
}

} // namespace

IdNumberCheck check_id_number(std::string_view text, Date today) {
    IdNumberCheck out;
    out.normalized = std::string(trim(text));
    if (!out.normalized.empty() && out.normalized.back() == 'x') {
        out.normalized.back() = 'X';
    }
    const std::string_view id = out.normalized;

    const std::size_t count = character_count(id);
    if (count != k_length) {
        out.problem = IdNumberProblem::length;
        out.message = id.empty() ? std::string("公民身份号码为空")
                                 : fmt::format("公民身份号码应为 18 位，实为 {} 位", count);
        return out;
    }
    // Every byte before the first bad one is ASCII, so byte and character positions agree up to
    // it. A non-ASCII byte (the lead of a character, or a stray continuation byte that
    // character_count did not count) is the bad character.
    std::size_t position = 0;
    for (const char c : id) {
        ++position;
        if (!is_digit(c) && !(position == k_length && c == 'X')) {
            out.problem = IdNumberProblem::character;
            out.position = position;
            out.message = position == k_length
                              ? std::string("公民身份号码第 18 位应为数字或 X")
                              : fmt::format("公民身份号码第 {} 位应为数字", position);
            return out;
        }
    }
    out.expected_check = check_unchecked(id.substr(0, 17));
    if (id[0] == '0') {
        out.problem = IdNumberProblem::area;
        out.message = fmt::format("公民身份号码的地址码 {} 无效", id.substr(0, 6));
        return out;
    }
    const std::string iso =
        fmt::format("{}-{}-{}", id.substr(6, 4), id.substr(10, 2), id.substr(12, 2));
    out.birth_date = parse_iso_date(iso);
    if (!out.birth_date) {
        out.problem = IdNumberProblem::birth_date;
        out.message = fmt::format("公民身份号码的出生日期 {} 无效", id.substr(6, 8));
        return out;
    }
    if (days_between(today, *out.birth_date) > 0) {
        out.problem = IdNumberProblem::future_birth;
        out.message =
            fmt::format("公民身份号码的出生日期 {} 晚于今天 ({})", iso, format_date(today));
        return out;
    }
    if (id[17] != *out.expected_check) {
        out.problem = IdNumberProblem::check_character;
        out.message = fmt::format("公民身份号码校验位错误: 应为 {}", *out.expected_check);
    }
    return out;
}

std::string validate_id_number(std::string_view text, Date today) {
    IdNumberCheck check = check_id_number(text, today);
    std::string hint;
    switch (check.problem) {
    case IdNumberProblem::none:
        return std::move(check.normalized);
    case IdNumberProblem::length:
    case IdNumberProblem::character:
        hint = "18 位：17 位数字加 1 位数字或 X；15 位旧号码请换用新号码";
        break;
    case IdNumberProblem::area:
    case IdNumberProblem::birth_date:
    case IdNumberProblem::future_birth:
    case IdNumberProblem::check_character:
        hint = fmt::format("请核对号码 {} 是否抄错", mask_id_number(check.normalized));
        break;
    }
    throw Error(Exit::invalid, check.message, std::move(hint));
}

char id_number_check_character(std::string_view first17) {
    if (first17.size() != 17) {
        throw Error(Exit::invalid, "id_number_check_character: 需要 17 位数字");
    }
    for (char c : first17) {
        if (!is_digit(c)) {
            throw Error(Exit::invalid, "id_number_check_character: 需要 17 位数字");
        }
    }
    return check_unchecked(first17);
}

std::string mask_id_number(std::string_view id_number) {
    const std::size_t n = id_number.size();
    if (n > 10) {
        return std::string(id_number.substr(0, 6)) + std::string(n - 10, '*')
               + std::string(id_number.substr(n - 4));
    }
    if (n > 4) {
        return std::string(n - 4, '*') + std::string(id_number.substr(n - 4));
    }
    return std::string(n, '*');
}

std::string mask_phone(std::string_view phone) {
    std::string out(phone);
    std::vector<std::size_t> digits; // positions of the digits in `out`
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (is_digit(out[i])) {
            digits.push_back(i);
        }
    }
    const std::size_t count = digits.size();
    std::size_t keep_front = 0;
    if (count == 11 && out[digits[0]] == '1') {
        keep_front = 3;
    } else if (count == 13 && out[digits[0]] == '8' && out[digits[1]] == '6'
               && out[digits[2]] == '1') {
        keep_front = 5; // country code 86 + the first 3 digits of the mobile
    }
    const std::size_t keep_back = count > 4 ? 4 : 0;
    for (std::size_t k = keep_front; k + keep_back < count; ++k) {
        out[digits[k]] = '*';
    }
    return out;
}

} // namespace hujing::util
