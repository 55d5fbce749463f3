// SPDX-License-Identifier: GPL-3.0-or-later
// Aligning display strings into columns by terminal width, wrapping long text to fit.
#include <hujing/output/detail.hpp>
#include <hujing/util/text.hpp>

#include <algorithm>
#include <numeric>

namespace hujing::output::detail {

namespace {

constexpr int k_gap = 2;      // blanks between columns
constexpr int k_min_wrap = 8; // a wrapped text column keeps at least this many display columns
constexpr std::string_view k_bold = "\x1b[1m";
constexpr std::string_view k_red = "\x1b[31m";
constexpr std::string_view k_orange = "\x1b[38;5;208m";
constexpr std::string_view k_reset = "\x1b[0m";

// The widths a column may take: `natural` (its widest cell or header), `floor` (as far as it
// may shrink), and whether it shrinks by wrapping its cells or only its header.
struct Span {
    int natural = 0;
    int widest_cell = 0;
    int floor = 0;
    bool wraps = false;
};

// Text for people (CJK or blanks) may wrap; ids, codes, dates and numbers may not.
bool is_prose(const std::string& cell) {
    return std::any_of(cell.begin(), cell.end(), [](char c) {
        return c == ' ' || static_cast<unsigned char>(c) >= 0x80;
    });
}

std::vector<Span> spans_of(const TextTable& table, Header header) {
    std::vector<Span> spans(table.headers.size());
    for (std::size_t i = 0; i < spans.size(); ++i) {
        auto& span = spans[i];
        bool prose = false;
        for (const auto& row : table.rows) {
            span.widest_cell = std::max(span.widest_cell, util::display_width(row[i]));
            prose = prose || is_prose(row[i]);
        }
        const int head = header == Header::show ? util::display_width(table.headers[i]) : 0;
        span.natural = std::max(span.widest_cell, head);
        span.wraps = table.shrinkable[i] && prose;
        span.floor = span.wraps ? std::min(span.natural, k_min_wrap)
                                : std::max(span.widest_cell, std::min(span.natural, 2));
    }
    return spans;
}

// Narrow the widest column still above its floor, one display column at a time, until the
// line fits `limit`: wrapping text first, then long headers over narrow values.
std::vector<int> fit_widths(const std::vector<Span>& spans, std::optional<int> limit) {
    std::vector<int> widths;
    widths.reserve(spans.size());
    for (const auto& span : spans) {
        widths.push_back(span.natural);
    }
    if (!limit || widths.empty()) {
        return widths;
    }
    int total = std::accumulate(widths.begin(), widths.end(), 0)
                + k_gap * static_cast<int>(widths.size() - 1);
    for (const bool wrapping : {true, false}) {
        while (total > *limit) {
            std::optional<std::size_t> widest;
            for (std::size_t i = 0; i < widths.size(); ++i) {
                if (spans[i].wraps == wrapping && widths[i] > spans[i].floor
                    && (!widest || widths[i] > widths[*widest])) {
                    widest = i;
                }
            }
            if (!widest) {
                break;
            }
            --widths[*widest];
            --total;
        }
    }
    return widths;
}

void append_padded(std::string& line, const std::string& cell, int width, bool right) {
    const auto pad = static_cast<std::size_t>(std::max(0, width - util::display_width(cell)));
    if (right) {
        line.append(pad, ' ');
        line += cell;
    } else {
        line += cell;
        line.append(pad, ' ');
    }
}

std::string_view tone_code(Tone tone) {
    switch (tone) {
    case Tone::red:
        return k_red;
    case Tone::orange:
        return k_orange;
    case Tone::plain:
        break;
    }
    return {};
}

// One table row, its cells wrapped to `widths`, as many lines as its tallest cell.
void append_row(std::string& out,
                const std::vector<std::string>& cells,
                const std::vector<int>& widths,
                const std::vector<bool>& right_aligned,
                std::string_view start) {
    std::vector<std::vector<std::string>> parts;
    parts.reserve(cells.size());
    std::size_t height = 1;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        parts.push_back(util::display_width(cells[i]) <= widths[i]
                            ? std::vector<std::string>{cells[i]}
                            : util::wrap_to_width(cells[i], widths[i]));
        height = std::max(height, parts.back().size());
    }
    const std::string blank;
    for (std::size_t n = 0; n < height; ++n) {
        std::string line;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i > 0) {
                line.append(k_gap, ' ');
            }
            append_padded(line,
                          n < parts[i].size() ? parts[i][n] : blank,
                          widths[i],
                          right_aligned[i] && n == 0);
        }
        line.erase(line.find_last_not_of(' ') + 1);
        if (!start.empty()) {
            out += start;
            out += line;
            out += k_reset;
        } else {
            out += line;
        }
        out += '\n';
    }
}

} // namespace

TextTable text_table_for(const std::vector<Column>& columns,
                         const std::vector<std::size_t>& fields) {
    TextTable table;
    for (const auto index : fields) {
        const auto& column = columns[index];
        table.headers.push_back(sanitize_for_terminal(column.label));
        const bool right = is_right_aligned(column);
        table.right_aligned.push_back(right);
        table.shrinkable.push_back(!right && column.kind != Kind::boolean);
    }
    return table;
}

Tone row_tone(const std::vector<Column>& columns, const Row& row) {
    Tone tone = Tone::plain;
    for (std::size_t i = 0; i < columns.size() && i < row.size(); ++i) {
        if (columns[i].tone) {
            tone = std::max(tone, columns[i].tone(row[i]));
        }
    }
    return tone;
}

void drop_empty_columns(TextTable& table) {
    if (table.rows.empty()) {
        return;
    }
    for (std::size_t i = table.headers.size(); i-- > 0;) {
        const bool empty = std::all_of(
            table.rows.begin(), table.rows.end(), [i](const auto& row) { return row[i].empty(); });
        if (!empty || table.headers.size() == 1) {
            continue;
        }
        const auto at = static_cast<std::ptrdiff_t>(i);
        table.headers.erase(table.headers.begin() + at);
        table.right_aligned.erase(table.right_aligned.begin() + at);
        table.shrinkable.erase(table.shrinkable.begin() + at);
        for (auto& row : table.rows) {
            row.erase(row.begin() + at);
        }
    }
}

void render_table(std::string& out,
                  const TextTable& table,
                  std::optional<int> width,
                  Header header,
                  Color color) {
    const auto widths = fit_widths(spans_of(table, header), width);
    if (header == Header::show) {
        append_row(out,
                   table.headers,
                   widths,
                   table.right_aligned,
                   color == Color::on ? k_bold : std::string_view{});
    }
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto tone = r < table.tones.size() ? table.tones[r] : Tone::plain;
        append_row(out,
                   table.rows[r],
                   widths,
                   table.right_aligned,
                   color == Color::on ? tone_code(tone) : std::string_view{});
    }
}

void append_wrapped(std::string& out,
                    std::string_view first_prefix,
                    std::string_view text,
                    std::size_t indent,
                    std::optional<int> width) {
    const int room = width ? std::max(k_min_wrap, *width - static_cast<int>(indent)) : 0;
    const auto lines = width && util::display_width(text) > room
                           ? util::wrap_to_width(text, room)
                           : std::vector<std::string>{std::string(text)};
    for (std::size_t n = 0; n < lines.size(); ++n) {
        std::string line = n == 0 ? std::string(first_prefix) : std::string(indent, ' ');
        line += lines[n];
        line.erase(line.find_last_not_of(' ') + 1);
        out += line;
        out += '\n';
    }
}

} // namespace hujing::output::detail
