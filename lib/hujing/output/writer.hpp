// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <hujing/output/table.hpp>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hujing::output {

// The output formats. Machine formats use the column keys and codes; table and xlsx are for people.
//   table  aligned by display width (CJK = 2), Chinese labels, enum labels, 是/否; long text
//          wraps to the terminal width, ids, codes and dates never cut; columns empty in every
//          row left out (without --fields); bold header and toned rows only when colour is on;
//          "(无记录)" when empty
//   csv    RFC 4180 with LF line ends; money "1234.50", booleans true/false, lists joined with
//          ";", null empty
//   tsv    like csv, tab-separated and never quoted: backslash, tab, LF and CR inside a value
//          are written as \\ \t \n \r, so every row is one line for cut/awk/sort
//   json   one array of objects, two-space indent, UTF-8; money a number (1234.5), lists arrays,
//          null null; an empty result is "[]"
//   jsonl  one compact object per line
//   xlsx   one sheet: bold Chinese-label header, money as numbers formatted "0.00", integers as
//          numbers, enum labels and 是/否 as text; refused on a terminal
enum class Format { table, csv, tsv, json, jsonl, xlsx };

// Parse "table", "csv", "tsv", "json", "jsonl", "xlsx"; throws Exit::invalid otherwise.
Format parse_format(std::string_view name);

// How listings are written; filled from the global options -f, --fields, --no-header, --bom.
struct OutputOptions {
    std::optional<Format> format;    // unset: table when stdout is a TTY, else tsv
    std::vector<std::string> fields; // empty: the command's default columns
    bool header = true;              // csv/tsv header row
    bool bom = false;                // UTF-8 BOM before csv/tsv output
    std::optional<bool> color;       // unset: on when stdout is a TTY and NO_COLOR is unset
    std::optional<int> width;        // terminal width tables fit; unset: $COLUMNS, else the TTY's
    bool pager = true;               // long output to a terminal goes through the pager
};

// Resolve the format actually used for `out` (the TTY default applied).
Format effective_format(const OutputOptions& options, std::FILE* out);

// A streaming writer: `row` may be called a million times; memory stays flat for every format
// but `table`, which must see all rows to size its columns (xlsx rows go to libxlsxwriter's
// constant-memory temporary files). Call `finish` at the end: without it, nothing is guaranteed
// to be written.
class RowWriter {
public:
    RowWriter() = default;
    RowWriter(const RowWriter&) = delete;
    RowWriter& operator=(const RowWriter&) = delete;
    RowWriter(RowWriter&&) = delete;
    RowWriter& operator=(RowWriter&&) = delete;
    virtual ~RowWriter() = default;
    // Write one row with one value per column given to `make_writer` (before --fields is applied).
    virtual void row(const Row& values) = 0;
    // Flush everything; an empty result still prints the header (csv/tsv) or "[]" (json).
    virtual void finish() = 0;
};

// Create a writer for `columns` to `out`. `default_fields` (keys) are the columns table, csv,
// tsv and xlsx show without --fields; empty means all; json and jsonl show every column unless
// --fields narrows them. An unknown --fields name throws Exit::invalid listing the valid keys.
std::unique_ptr<RowWriter> make_writer(std::FILE* out,
                                       std::vector<Column> columns,
                                       const OutputOptions& options,
                                       const std::vector<std::string>& default_fields = {});

// The keys of the columns a writer made with the same arguments shows, in order.
std::vector<std::string> shown_fields(std::FILE* out,
                                      const std::vector<Column>& columns,
                                      const OutputOptions& options,
                                      const std::vector<std::string>& default_fields = {});

// Write a whole `table` (convenience over make_writer).
void write_table(std::FILE* out,
                 const Table& table,
                 const OutputOptions& options,
                 const std::vector<std::string>& default_fields = {});

// A labelled section of a `show` page: scalar fields, or a sub-table.
struct Section {
    std::string title;          // Chinese heading; empty for the top fields
    std::vector<Column> fields; // for a record section: one value per field
    Row values;                 //   …
    std::optional<Table> table; // for a list section instead
};

// A `show` page, built only in the format asked for: `json` for json and jsonl, `sections`
// for table, csv and tsv. Each is called at most once.
struct RecordPage {
    std::function<nlohmann::json()> json;
    std::function<std::vector<Section>()> sections;
};

// Write a record for `show`: json/jsonl print the page's document (one object); table prints
// its sections as aligned "label: value" lines and sub-tables ("(无)" under an empty one);
// csv/tsv print "field,value" rows of the first section, then each further section after a
// blank line and a "# 标题" line (a sub-table as a header of keys and one row per record).
// --fields does not apply; xlsx is Exit::invalid.
void write_record(std::FILE* out, const RecordPage& page, const OutputOptions& options);

// Write `text` (help, a report) to `out`, through the pager when it is long (options.pager).
void write_text(std::FILE* out, std::string_view text, const OutputOptions& options);

// Convert `value` of `kind` to JSON: money → yuan, an integer when whole, else the double
// nearest to the amount, which prints as the exact amount below 10^13 yuan; Kind::json text
// → the parsed document (text that is not JSON stays a string).
nlohmann::json to_json(const Value& value, Kind kind);

} // namespace hujing::output
