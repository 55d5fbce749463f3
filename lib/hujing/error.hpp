// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace hujing {

// The exit statuses of DESIGN.md §2.
enum class Exit : int {
    ok = 0,
    internal = 1,
    usage = 2,
    not_found = 3,
    invalid = 4,
    conflict = 5,
    busy = 6,
    schema = 7,
};

// A place in an input file; `line` and `column` are 1-based, 0 when unknown.
struct SourceLocation {
    std::string file;
    int line = 0;
    int column = 0;
};

// Format `where` as "FILE:LINE:" or "FILE:LINE:COL:".
std::string to_string(const SourceLocation& where);

// One problem found in an input that may have many (CSV import, form validation).
struct Diagnostic {
    SourceLocation where;
    std::string message;
};

// The one error type of hujing: a message in Chinese, the exit status, a hint, and optionally
// the input location and further per-line diagnostics printed before the summary line.
class Error : public std::runtime_error {
public:
    Error(Exit code,
          const std::string& message,
          std::string hint = {},
          std::optional<SourceLocation> where = std::nullopt);

    [[nodiscard]] Exit code() const {
        return m_code;
    }

    [[nodiscard]] const std::string& hint() const {
        return m_hint;
    }

    [[nodiscard]] const std::optional<SourceLocation>& where() const {
        return m_where;
    }

    [[nodiscard]] const std::vector<Diagnostic>& details() const {
        return m_details;
    }

    // Attach per-line `details`, printed one per line before the summary.
    Error with_details(std::vector<Diagnostic> details) &&;

private:
    Exit m_code;
    std::string m_hint;
    std::optional<SourceLocation> m_where;
    std::vector<Diagnostic> m_details;
};

// Throw exit 3: "<what>不存在: <key>".
[[noreturn]] void
throw_not_found(std::string_view what, std::string_view key, std::string hint = {});

// Throw exit 4 with `message`.
[[noreturn]] void throw_invalid(const std::string& message, std::string hint = {});

// Throw exit 5 with `message`.
[[noreturn]] void throw_conflict(const std::string& message, std::string hint = {});

// Throw exit 4 summarising `diagnostics` (the first 50 are kept as details, then a count).
[[noreturn]] void throw_diagnostics(const std::string& summary,
                                    std::vector<Diagnostic> diagnostics);

// The lines printed for `error` on stderr: details, then "hujing: 错误: <what> (<hint>)".
std::string format_error(const Error& error);

} // namespace hujing
