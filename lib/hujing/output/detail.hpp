// SPDX-License-Identifier: GPL-3.0-or-later
// Internal pieces shared by the writers in lib/hujing/output/; not for use outside this folder.
#pragma once

#include <hujing/output/writer.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hujing::output::detail {

// Whether to write a header row or line.
enum class Header { omit, show };

// Whether to emit ANSI colour (bold) sequences.
enum class Color { off, on };

// JSON layout: one line per object, or indented by two spaces.
enum class JsonStyle { compact, pretty };

// ---- terminal (format.cpp) ----

// Whether `out` is a terminal.
bool is_terminal(std::FILE* out);

// Resolve `options.color` for `out`: set explicitly, else a TTY with NO_COLOR unset or empty.
Color resolve_color(const OutputOptions& options, std::FILE* out);

// Resolve the width limit for tables on `out`: `options.width`, else the TTY's column count,
// else none.
std::optional<int> resolve_width(const OutputOptions& options, std::FILE* out);

// ---- field selection (fields.cpp) ----

// Return indices into `columns`: `requested` (--fields) in that order without duplicates, else
// `defaults`, else every column. An unknown requested key throws Exit::invalid naming the
// valid keys; an unknown default key is a bug (Exit::internal).
std::vector<std::size_t> select_fields(const std::vector<Column>& columns,
                                       const std::vector<std::string>& requested,
                                       const std::vector<std::string>& defaults);

// Throw Exit::internal unless `row` has one value per column (`expected`).
void check_row_size(const Row& row, std::size_t expected);

// ---- buffered output (out_buffer.cpp) ----

// A large reusable text buffer in front of a FILE*: writers append to `text()` and call
// `maybe_flush()` per row; one fwrite per ~64 KiB. A failed write throws Exit::internal.
// With `page`, the first write starts the pager when it is longer than the terminal
// (`page_if_long`); what is lost because the pager was quit is not an error.
class OutBuffer {
public:
    explicit OutBuffer(std::FILE* out, bool page = false);

    std::string& text() {
        return m_text;
    }

    // Write the buffer out once it is large.
    void maybe_flush() {
        if (m_text.size() >= k_flush_at) {
            drain();
        }
    }

    // Write everything buffered and fflush the FILE.
    void flush();

    [[nodiscard]] std::FILE* file() const {
        return m_out;
    }

private:
    static constexpr std::size_t k_flush_at = std::size_t{64} * 1024;

    void drain();

    std::FILE* m_out;
    std::string m_text;
    bool m_page;
};

// Write `bytes` to `out` entirely; throws Exit::internal on failure.
void write_all(std::FILE* out, std::string_view bytes);

// ---- cell text (cell.cpp) ----

// Append `value` in decimal.
void append_integer(std::string& out, std::int64_t value);

// Append `fen` as yuan with exactly two decimals ("1234.50"), like util::format_yuan.
void append_yuan(std::string& out, std::int64_t fen);

// Append `fen` as a JSON number in yuan with at most two decimals ("1234.5", "1234").
void append_yuan_number(std::string& out, std::int64_t fen);

// Append the plain machine text of a cell (csv/tsv before quoting): money as yuan, booleans
// "true"/"false", lists joined with ";", null as nothing.
void append_machine_text(std::string& out, const Value& value, Kind kind);

// The text of a cell for people (table, record, xlsx): money as yuan, booleans 是/否, enum
// codes through `column.display`, lists joined with ",", null as nothing.
std::string human_text(const Value& value, const Column& column);

// `human_text` made safe for one terminal line (see `sanitize_for_terminal`).
std::string display_text(const Value& value, const Column& column);

// Replace control characters in `text` so it cannot break a terminal line or emit escapes:
// tab, CR and LF become spaces, other C0 controls and DEL become "?".
std::string sanitize_for_terminal(std::string_view text);

// Whether `column` is right-aligned in tables (`right_align`, integer or money).
bool is_right_aligned(const Column& column);

// ---- csv / tsv escaping (csv_writer.cpp) ----

// Append `text` as one RFC 4180 field: quoted (quotes doubled) if it holds , " CR or LF.
void append_csv_field(std::string& out, std::string_view text);

// Append `text` as one tsv field with backslash, tab, LF and CR escaped as \\ \t \n \r.
void append_tsv_field(std::string& out, std::string_view text);

// ---- json (json_writer.cpp) ----

// Append `text` as a JSON string literal: UTF-8 kept as is, invalid bytes replaced by U+FFFD.
void append_json_string(std::string& out, std::string_view text);

// Append `value` of `kind` as JSON; `indent` is the indentation of the current line (pretty).
void append_json_value(
    std::string& out, const Value& value, Kind kind, JsonStyle style, std::size_t indent);

// ---- aligned text tables (table_layout.cpp) ----

// A table already rendered to display strings.
struct TextTable {
    std::vector<std::string> headers;
    std::vector<bool> right_aligned; // per column
    std::vector<bool> shrinkable;    // per column: text that may wrap to fit `width`
    std::vector<std::vector<std::string>> rows;
    std::vector<Tone> tones; // per row (empty: all plain)
};

// Build a TextTable's column description (no rows) for `fields` of `columns`.
TextTable text_table_for(const std::vector<Column>& columns,
                         const std::vector<std::size_t>& fields);

// The strongest tone the columns with a `tone` give `row` (all of them, shown or not).
Tone row_tone(const std::vector<Column>& columns, const Row& row);

// Remove the columns that are empty in every row (a table without --fields shows only what
// holds something); a table without rows keeps its columns.
void drop_empty_columns(TextTable& table);

// Append `table` aligned by display width, columns two spaces apart, lines without trailing
// blanks. When `width` is set and exceeded, the widest text columns (those holding CJK or
// blanks: names, notes, addresses) wrap onto more lines, down to a few characters, then long
// headers wrap over their column; ids, codes, dates and numbers are never cut or wrapped.
// With colour on, the header is bold and toned rows are coloured.
void render_table(
    std::string& out, const TextTable& table, std::optional<int> width, Header header, Color color);

// Wrap `text` to `width` columns, continuation lines indented by `indent` blanks, each line
// appended with '\n' (for the "label: value" lines of a `show` page); no limit when unset.
void append_wrapped(std::string& out,
                    std::string_view first_prefix,
                    std::string_view text,
                    std::size_t indent,
                    std::optional<int> width);

// ---- writers (csv_writer.cpp, json_writer.cpp, table_writer.cpp, xlsx_writer.cpp) ----

// The state every writer starts from: destination, columns and the chosen fields.
struct WriterSetup {
    std::FILE* out;
    std::vector<Column> columns;
    std::vector<std::size_t> fields;
    OutputOptions options;
};

std::unique_ptr<RowWriter> make_csv_writer(WriterSetup setup);
std::unique_ptr<RowWriter> make_tsv_writer(WriterSetup setup);
std::unique_ptr<RowWriter> make_json_writer(WriterSetup setup, JsonStyle style);
std::unique_ptr<RowWriter> make_table_writer(WriterSetup setup);
std::unique_ptr<RowWriter> make_xlsx_writer(WriterSetup setup);

} // namespace hujing::output::detail
