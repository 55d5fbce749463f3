// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "context.hpp"

#include <hujing/output/writer.hpp>

#include <CLI/CLI.hpp>

#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace hujing::cli {

// Open `path` for reading, "-" meaning stdin; a missing file is Exit::not_found.
std::unique_ptr<std::istream> open_input(const std::string& path);

// Expand `args`: "-" is replaced by the ids read from stdin, one per line (the first csv/tsv
// column; blank lines and a header line "id"/"uscc"/"badge" skipped).
std::vector<std::string> expand_ids(const std::vector<std::string>& args);

// Write `rows` of `columns` to stdout in the format chosen by the global options.
void write_rows(const Context& ctx,
                std::vector<output::Column> columns,
                const std::vector<output::Row>& rows,
                const std::vector<std::string>& default_fields = {});

// Return a CLI11 check: the value is a non-negative integer.
CLI::Validator non_negative();

// Add --limit, --offset and --sort to `cmd`, bound into `paging`.
struct Paging {
    std::optional<std::int64_t> limit;
    std::optional<std::int64_t> offset;
    std::string sort;
};

void add_paging_options(CLI::App& cmd, Paging& paging);

// A tri-state flag pair --NAME / --no-NAME bound into `value`.
void add_bool_flag_pair(CLI::App& cmd,
                        const std::string& name,
                        std::optional<bool>& value,
                        const std::string& help_on,
                        const std::string& help_off);

} // namespace hujing::cli
