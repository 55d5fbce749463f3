// SPDX-License-Identifier: GPL-3.0-or-later
// How one cell reads as text: for machines (csv/tsv) and for people (table, record).
#include <hujing/output/detail.hpp>

#include <array>
#include <charconv>

namespace hujing::output::detail {

namespace {

// |`fen`| split into yuan and the two fen digits, without overflow for INT64_MIN.
struct Yuan {
    bool negative;
    std::uint64_t whole;
    unsigned cents;
};

Yuan split_yuan(std::int64_t fen) {
    const bool negative = fen < 0;
    const std::uint64_t abs =
        negative ? 0ULL - static_cast<std::uint64_t>(fen) : static_cast<std::uint64_t>(fen);
    return {negative, abs / 100, static_cast<unsigned>(abs % 100)};
}

void append_unsigned(std::string& out, std::uint64_t value) {
    std::array<char, 24> digits{};
    const auto result = std::to_chars(digits.data(), digits.data() + digits.size(), value);
    out.append(digits.data(), result.ptr);
}

} // namespace

void append_integer(std::string& out, std::int64_t value) {
    std::array<char, 24> digits{};
    const auto result = std::to_chars(digits.data(), digits.data() + digits.size(), value);
    out.append(digits.data(), result.ptr);
}

void append_yuan(std::string& out, std::int64_t fen) {
    const auto yuan = split_yuan(fen);
    if (yuan.negative) {
        out += '-';
    }
    append_unsigned(out, yuan.whole);
    out += '.';
    out += static_cast<char>('0' + yuan.cents / 10);
    out += static_cast<char>('0' + yuan.cents % 10);
}

void append_yuan_number(std::string& out, std::int64_t fen) {
    const auto yuan = split_yuan(fen);
    if (yuan.negative) {
        out += '-';
    }
    append_unsigned(out, yuan.whole);
    if (yuan.cents == 0) {
        return;
    }
    out += '.';
    out += static_cast<char>('0' + yuan.cents / 10);
    if (yuan.cents % 10 != 0) {
        out += static_cast<char>('0' + yuan.cents % 10);
    }
}

void append_machine_text(std::string& out, const Value& value, Kind kind) {
    if (const auto* text = std::get_if<std::string>(&value)) {
        out += *text;
    } else if (const auto* number = std::get_if<std::int64_t>(&value)) {
        if (kind == Kind::money) {
            append_yuan(out, *number);
        } else {
            append_integer(out, *number);
        }
    } else if (const auto* flag = std::get_if<bool>(&value)) {
        out += *flag ? "true" : "false";
    } else if (const auto* list = std::get_if<std::vector<std::string>>(&value)) {
        for (std::size_t i = 0; i < list->size(); ++i) {
            if (i > 0) {
                out += ';';
            }
            out += (*list)[i];
        }
    }
}

std::string sanitize_for_terminal(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '\t' || c == '\n' || c == '\r') {
            c = ' ';
        } else if (byte < 0x20 || byte == 0x7f) {
            c = '?';
        }
    }
    return out;
}

std::string human_text(const Value& value, const Column& column) {
    std::string out;
    if (const auto* text = std::get_if<std::string>(&value)) {
        out = column.display ? column.display(*text) : *text;
    } else if (const auto* number = std::get_if<std::int64_t>(&value)) {
        if (column.kind == Kind::money) {
            append_yuan(out, *number);
        } else {
            append_integer(out, *number);
        }
    } else if (const auto* flag = std::get_if<bool>(&value)) {
        out = *flag ? "是" : "否";
    } else if (const auto* list = std::get_if<std::vector<std::string>>(&value)) {
        for (std::size_t i = 0; i < list->size(); ++i) {
            if (i > 0) {
                out += ',';
            }
            out += column.display ? column.display((*list)[i]) : (*list)[i];
        }
    }
    return out;
}

std::string display_text(const Value& value, const Column& column) {
    return sanitize_for_terminal(human_text(value, column));
}

bool is_right_aligned(const Column& column) {
    return column.right_align || column.kind == Kind::integer || column.kind == Kind::money;
}

} // namespace hujing::output::detail
