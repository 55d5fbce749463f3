// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <span>
#include <string_view>
#include <utility>

namespace hujing::cli {

// One or two examples per leaf command, shown under "示例" in its --help and run by the docs
// test against the demo database (`hujing __dump-examples` prints them, one per line).
struct Example {
    std::string_view command; // "hujing …", runnable as written
    std::string_view comment; // what it does, in Chinese
};

// An example with the path of its command ("demand route").
using PathExample = std::pair<std::string_view, Example>;

// The examples of the command at `path`; empty when it has none.
std::span<const PathExample> examples_of(std::string_view path);

// Every example, in the order of the table.
std::span<const PathExample> all_examples();

} // namespace hujing::cli
