// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace hujing::output {

// What a column holds; it decides how each format renders a cell.
enum class Kind {
    text,    // string
    integer, // int64
    money,   // int64 fen; machine formats print yuan with two decimals, json a number
    boolean, // bool; table shows 是/否, csv/tsv "true"/"false", json true/false
    list,    // vector<string>; csv/tsv join with ";", table with ",", json an array
    json,    // string holding raw JSON; json output embeds it, other formats print it as is
};

// How a row stands out in a table on a colour terminal: an overdue demand or visit, a red or
// orange risk. Machine formats ignore it.
enum class Tone { plain, orange, red };

// One cell: null, integer, boolean, text or a list of texts.
using Value =
    std::variant<std::monostate, std::int64_t, bool, std::string, std::vector<std::string>>;

using Row = std::vector<Value>;

// A column: its stable machine key (csv header, json key, --fields name), its Chinese label
// (table header), its kind, and for enum codes an optional code → Chinese label map for tables.
struct Column {
    std::string key;
    std::string label;
    Kind kind = Kind::text;
    std::function<std::string(std::string_view)> display = {};
    bool right_align = false; // numbers align right in tables
    // The tone this column's value gives its whole row (the strongest of all columns wins,
    // shown or not); empty: none.
    std::function<Tone(const Value&)> tone = {};
};

// A whole listing held in memory (small results, `show` sub-tables).
struct Table {
    std::vector<Column> columns;
    std::vector<Row> rows;
};

} // namespace hujing::output
