// SPDX-License-Identifier: GPL-3.0-or-later
// Aligning display strings into columns by terminal width, shrinking to fit.
#include <hujing/output/detail.hpp>
#include <hujing/util/text.hpp>

#include <algorithm>
#include <numeric>

namespace hujing::output::detail {

namespace {

constexpr int k_gap = 2;       // blanks between columns
constexpr int k_min_width = 6; // a shrunk column keeps at least this many display columns
constexpr std::string_view k_bold = "\x1b[1m";
constexpr std::string_view k_reset = "\x1b[0m";

// The natural width of every column: its widest cell (and header when shown).
std::vector<int> natural_widths(const TextTable& table, Header header) {
    std::vector<int> widths(table.headers.size(), 0);
    for (std::size_t i = 0; i < widths.size(); ++i) {
        if (header == Header::show) {
            widths[i] = util::display_width(table.headers[i]);
        }
        for (const auto& row : table.rows) {
            widths[i] = std::max(widths[i], util::display_width(row[i]));
        }
    }
    return widths;
}

// Narrow the widest shrinkable columns one column at a time until the line fits `limit`
// or nothing is left to shrink.
void shrink_to_fit(std::vector<int>& widths, const std::vector<bool>& shrinkable, int limit) {
    if (widths.empty()) {
        return;
    }
    int total = std::accumulate(widths.begin(), widths.end(), 0)
                + k_gap * static_cast<int>(widths.size() - 1);
    while (total > limit) {
        std::optional<std::size_t> widest;
        for (std::size_t i = 0; i < widths.size(); ++i) {
            if (shrinkable[i] && widths[i] > k_min_width
                && (!widest || widths[i] > widths[*widest])) {
                widest = i;
            }
        }
        if (!widest) {
            return;
        }
        --widths[*widest];
        --total;
    }
}

void append_cell(std::string& line, const std::string& cell, int width, bool right) {
    int used = util::display_width(cell);
    std::string cut;
    const std::string* shown = &cell;
    if (used > width) {
        cut = util::truncate_to_width(cell, width);
        used = util::display_width(cut);
        shown = &cut;
    }
    const auto pad = static_cast<std::size_t>(std::max(0, width - used));
    if (right) {
        line.append(pad, ' ');
        line += *shown;
    } else {
        line += *shown;
        line.append(pad, ' ');
    }
}

void append_line(std::string& out,
                 const std::vector<std::string>& cells,
                 const std::vector<int>& widths,
                 const std::vector<bool>& right_aligned,
                 Color color) {
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) {
            line.append(k_gap, ' ');
        }
        append_cell(line, cells[i], widths[i], right_aligned[i]);
    }
    line.erase(line.find_last_not_of(' ') + 1);
    if (color == Color::on) {
        out += k_bold;
        out += line;
        out += k_reset;
    } else {
        out += line;
    }
    out += '\n';
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

void render_table(std::string& out,
                  const TextTable& table,
                  std::optional<int> width,
                  Header header,
                  Color color) {
    auto widths = natural_widths(table, header);
    if (width) {
        shrink_to_fit(widths, table.shrinkable, *width);
    }
    if (header == Header::show) {
        append_line(out, table.headers, widths, table.right_aligned, color);
    }
    for (const auto& row : table.rows) {
        append_line(out, row, widths, table.right_aligned, Color::off);
    }
}

} // namespace hujing::output::detail
