// SPDX-License-Identifier: GPL-3.0-or-later
// Format names, the TTY default, and what the terminal allows (colour, width).
#include <hujing/error.hpp>
#include <hujing/output/detail.hpp>
#include <hujing/output/writer.hpp>

#include <sys/ioctl.h>
#include <unistd.h>

#include <array>
#include <cstdlib>
#include <utility>

namespace hujing::output {

namespace {

constexpr std::array<std::pair<std::string_view, Format>, 6> k_formats = {{
    {"table", Format::table},
    {"csv", Format::csv},
    {"tsv", Format::tsv},
    {"json", Format::json},
    {"jsonl", Format::jsonl},
    {"xlsx", Format::xlsx},
}};

} // namespace

Format parse_format(std::string_view name) {
    for (const auto& [known, format] : k_formats) {
        if (known == name) {
            return format;
        }
    }
    throw Error(Exit::invalid,
                "未知输出格式: " + std::string(name),
                "可用格式: table,csv,tsv,json,jsonl,xlsx");
}

Format effective_format(const OutputOptions& options, std::FILE* out) {
    if (options.format) {
        return *options.format;
    }
    return detail::is_terminal(out) ? Format::table : Format::tsv;
}

namespace detail {

bool is_terminal(std::FILE* out) {
    const int fd = ::fileno(out);
    return fd >= 0 && ::isatty(fd) == 1;
}

Color resolve_color(const OutputOptions& options, std::FILE* out) {
    if (options.color) {
        return *options.color ? Color::on : Color::off;
    }
    const char* no_color = std::getenv("NO_COLOR");
    const bool disabled = no_color != nullptr && *no_color != '\0';
    return !disabled && is_terminal(out) ? Color::on : Color::off;
}

std::optional<int> resolve_width(const OutputOptions& options, std::FILE* out) {
    if (options.width) {
        return options.width;
    }
    if (const char* columns = std::getenv("COLUMNS"); columns != nullptr && *columns != '\0') {
        char* end = nullptr;
        const long value = std::strtol(columns, &end, 10);
        if (*end == '\0' && value > 0 && value < 10000) {
            return static_cast<int>(value);
        }
    }
    if (!is_terminal(out)) {
        return std::nullopt;
    }
    winsize size{};
    if (::ioctl(::fileno(out), TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
        return static_cast<int>(size.ws_col);
    }
    return std::nullopt;
}

} // namespace detail

} // namespace hujing::output
