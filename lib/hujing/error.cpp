// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/error.hpp>

#include <fmt/format.h>

namespace hujing {

namespace {

constexpr std::size_t k_max_details = 50;
// An error line stays readable when it echoes a huge value (a pasted file, a runaway argument).
constexpr std::size_t k_max_line_bytes = 400;

// `text` on one line: control characters written as \n, \t, \r or \xNN, and at most
// k_max_line_bytes bytes (cut at a character boundary, ending in "…").
std::string one_line(std::string_view text) {
    std::string out;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (out.size() >= k_max_line_bytes && (u & 0xC0U) != 0x80U) {
            out += "…";
            break;
        }
        switch (c) {
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (u < 0x20 || u == 0x7F) {
                out += fmt::format("\\x{:02x}", u);
            } else {
                out += c;
            }
        }
    }
    return out;
}

} // namespace

std::string to_string(const SourceLocation& where) {
    if (where.column > 0) {
        return fmt::format("{}:{}:{}:", where.file, where.line, where.column);
    }
    if (where.line > 0) {
        return fmt::format("{}:{}:", where.file, where.line);
    }
    return where.file + ":";
}

Error::Error(Exit code,
             const std::string& message,
             std::string hint,
             std::optional<SourceLocation> where)
    : std::runtime_error(message),
      m_code(code),
      m_hint(std::move(hint)),
      m_where(std::move(where)) {}

Error Error::with_details(std::vector<Diagnostic> details) && {
    m_details = std::move(details);
    return std::move(*this);
}

void throw_not_found(std::string_view what, std::string_view key, std::string hint) {
    throw Error(Exit::not_found, fmt::format("{}不存在: {}", what, key), std::move(hint));
}

void throw_invalid(const std::string& message, std::string hint) {
    throw Error(Exit::invalid, message, std::move(hint));
}

void throw_conflict(const std::string& message, std::string hint) {
    throw Error(Exit::conflict, message, std::move(hint));
}

void throw_diagnostics(const std::string& summary, std::vector<Diagnostic> diagnostics) {
    const auto total = diagnostics.size();
    std::string hint;
    if (total > k_max_details) {
        diagnostics.resize(k_max_details);
        hint = fmt::format("仅列出前 {} 条，共 {} 条", k_max_details, total);
    }
    throw Error(Exit::invalid, summary, std::move(hint)).with_details(std::move(diagnostics));
}

std::string format_error(const Error& error) {
    std::string out;
    for (const auto& d : error.details()) {
        out += one_line(fmt::format("{} {}", to_string(d.where), d.message)) + "\n";
    }
    std::string line;
    if (error.where()) {
        line += to_string(*error.where()) + " ";
    }
    line += error.what();
    // The hint is kept whole however long the echoed value before it.
    out += "hujing: 错误: " + one_line(line);
    if (!error.hint().empty()) {
        out += fmt::format(" ({})", one_line(error.hint()));
    }
    out += "\n";
    return out;
}

} // namespace hujing
