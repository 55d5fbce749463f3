// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <hujing/output/view.hpp>
#include <hujing/output/writer.hpp>
#include <hujing/storage/database.hpp>
#include <hujing/util/date.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace hujing::domain {

// How a part of the enterprise file is rendered.
struct FileOptions {
    bool reveal = false;
    util::Date today{};
};

// One part of `enterprise show` (一企一档) contributed by a capability: a json member `key`
// holding an array, and a titled sub-table for the human page.
struct FilePart {
    std::string key;
    std::string title;
    output::Table table;
    nlohmann::json json = nlohmann::json::array();
};

// A part whose records `records` are declared by `view`: each one is a json object of every
// field and a table row of the fields `table_keys` — one declaration for both.
template <typename T, typename Range>
FilePart file_part(std::string key,
                   std::string title,
                   const output::View<T>& view,
                   const std::vector<std::string>& table_keys,
                   const Range& records) {
    return FilePart{std::move(key),
                    std::move(title),
                    view.only(table_keys).table(records),
                    view.json_array(records)};
}

using FilePartFn = FilePart (*)(storage::Database& db,
                                std::int64_t enterprise_id,
                                const FileOptions& options);

// Every part of the enterprise file, the registry's own and those of other capabilities, in
// display order. The list lives in file.cpp: a new capability adds one line there and its own
// function — the registry's show code never changes.
const std::vector<FilePartFn>& enterprise_file_parts();

} // namespace hujing::domain
