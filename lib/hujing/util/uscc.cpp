// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/error.hpp>
#include <hujing/util/text.hpp>
#include <hujing/util/uscc.hpp>

#include <fmt/format.h>

#include <array>

namespace hujing::util {

namespace {

constexpr std::size_t k_length = 18;

// GB 32100 weights: 3^i mod 31.
constexpr std::array<int, 17> k_uscc_weights = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

// GB 11714 weights of the 8 body characters of an organisation code.
constexpr std::array<int, 8> k_org_weights = {3, 7, 9, 10, 5, 8, 4, 2};

// Return the value 0–30 of `c` in k_uscc_alphabet, or -1.
int uscc_value(char c) {
    const auto pos = k_uscc_alphabet.find(c);
    return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

// Return the GB 11714 value of `c` (0–9, A–Z = 10–35), or -1.
int org_value(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'A' && c <= 'Z') {
        return c - 'A' + 10;
    }
    return -1;
}

// Return the length in bytes of the UTF-8 sequence starting with `lead` (1 for a bad byte).
std::size_t sequence_length(unsigned char lead) {
    if (lead >= 0xF0 && lead <= 0xF7) {
        return 4;
    }
    if (lead >= 0xE0) {
        return lead <= 0xEF ? 3 : 1;
    }
    if (lead >= 0xC0) {
        return 2;
    }
    return 1;
}

// Return the number of characters (UTF-8 code points) in `text`.
std::size_t character_count(std::string_view text) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size();
         i += sequence_length(static_cast<unsigned char>(text[i]))) {
        ++count;
    }
    return count;
}

// Return `character` (one UTF-8 sequence) as it should appear in a message.
std::string describe(std::string_view character) {
    if (character == " ") {
        return "空格";
    }
    if (character.size() == 1) {
        const auto byte = static_cast<unsigned char>(character[0]);
        if (byte < 0x20 || byte >= 0x7F) {
            return fmt::format("\\x{:02X}", byte);
        }
    }
    return fmt::format("'{}'", character);
}

char uscc_check_unchecked(std::string_view first17) {
    int sum = 0;
    for (std::size_t i = 0; i < 17; ++i) {
        sum += uscc_value(first17[i]) * k_uscc_weights[i];
    }
    return k_uscc_alphabet[static_cast<std::size_t>((31 - sum % 31) % 31)];
}

char org_check_unchecked(std::string_view body8) {
    int sum = 0;
    for (std::size_t i = 0; i < 8; ++i) {
        sum += org_value(body8[i]) * k_org_weights[i];
    }
    const int check = 11 - sum % 11;
    if (check == 10) {
        return 'X';
    }
    return check == 11 ? '0' : static_cast<char>('0' + check);
}

[[noreturn]] void bad_input(std::string_view function, std::string_view text) {
    throw Error(Exit::invalid, fmt::format("{}: 输入无效: {}", function, text));
}

} // namespace

std::string normalize_uscc(std::string_view text) {
    std::string out(trim(text));
    for (char& c : out) {
        if (c >= 'a' && c <= 'z') {
            c = static_cast<char>(c - 'a' + 'A');
        }
    }
    return out;
}

UsccCheck check_uscc(std::string_view text) {
    UsccCheck out;
    out.normalized = normalize_uscc(text);
    const std::string_view code = out.normalized;

    const std::size_t count = character_count(code);
    if (count != k_length) {
        out.problem = UsccProblem::length;
        out.message = code.empty()
                          ? std::string("统一社会信用代码为空")
                          : fmt::format("统一社会信用代码应为 18 位，实为 {} 位: {}", count, code);
        return out;
    }
    std::size_t position = 1;
    for (std::size_t i = 0; i < code.size(); ++position) {
        const std::size_t n = sequence_length(static_cast<unsigned char>(code[i]));
        if (n != 1 || uscc_value(code[i]) < 0) {
            out.problem = UsccProblem::character;
            out.position = position;
            out.message = fmt::format(
                "统一社会信用代码第 {} 位的字符 {} 无效", position, describe(code.substr(i, n)));
            return out;
        }
        i += n;
    }

    out.expected_check = uscc_check_unchecked(code.substr(0, 17));
    out.expected_org_check = org_check_unchecked(code.substr(8, 8));
    out.check_ok = code[17] == *out.expected_check;
    out.org_code_ok = code[16] == *out.expected_org_check;
    if (!out.check_ok) {
        out.problem = UsccProblem::check_character;
        out.message = fmt::format("统一社会信用代码校验位错误: 应为 {}", *out.expected_check);
    } else if (!out.org_code_ok) {
        out.problem = UsccProblem::org_code_check;
        out.message = fmt::format("统一社会信用代码中的组织机构代码（第 9–17 位）校验位错误: "
                                  "第 17 位应为 {}",
                                  *out.expected_org_check);
    }
    return out;
}

std::string validate_uscc(std::string_view text) {
    UsccCheck check = check_uscc(text);
    std::string hint;
    switch (check.problem) {
    case UsccProblem::none:
        return std::move(check.normalized);
    case UsccProblem::length:
        hint = "统一社会信用代码由 18 位数字或大写字母组成";
        break;
    case UsccProblem::character:
        hint = "只能使用数字和除 I、O、S、V、Z 以外的大写字母";
        break;
    case UsccProblem::check_character:
    case UsccProblem::org_code_check:
        hint = fmt::format("请核对 {} 是否抄错", check.normalized);
        break;
    }
    throw Error(Exit::invalid, check.message, std::move(hint));
}

char uscc_check_character(std::string_view first17) {
    if (first17.size() != 17) {
        bad_input("uscc_check_character", first17);
    }
    for (char c : first17) {
        if (uscc_value(c) < 0) {
            bad_input("uscc_check_character", first17);
        }
    }
    return uscc_check_unchecked(first17);
}

char org_code_check_character(std::string_view body8) {
    if (body8.size() != 8) {
        bad_input("org_code_check_character", body8);
    }
    for (char c : body8) {
        if (org_value(c) < 0) {
            bad_input("org_code_check_character", body8);
        }
    }
    return org_check_unchecked(body8);
}

std::string complete_uscc(std::string_view first16) {
    if (first16.size() != 16) {
        bad_input("complete_uscc", first16);
    }
    for (char c : first16) {
        if (uscc_value(c) < 0) {
            bad_input("complete_uscc", first16);
        }
    }
    std::string code(first16);
    code += org_check_unchecked(code.substr(8, 8));
    code += uscc_check_unchecked(code);
    return code;
}

} // namespace hujing::util
