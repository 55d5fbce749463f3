// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <hujing/output/view.hpp>
#include <hujing/output/writer.hpp>
#include <hujing/storage/database.hpp>
#include <hujing/util/date.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <memory>
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
// holding an array, and a titled sub-table for the human page. Its records are read once;
// `table` and `json` build the sub-table or the array from them, and `enterprise show` calls
// only the one the format needs.
struct LoadedPart {
    std::string key;
    std::string title;
    std::function<output::Table()> table;
    std::function<nlohmann::json()> json;
};

// The part `key` over `records` shown through `view`, its one field declaration: the sub-table
// has the view's default fields (every field when it has none), the json array every field.
template <typename T>
LoadedPart
view_part(std::string key, std::string title, output::View<T> view, std::vector<T> records) {
    auto shared = std::make_shared<const std::pair<output::View<T>, std::vector<T>>>(
        std::move(view), std::move(records));
    return LoadedPart{std::move(key),
                      std::move(title),
                      [shared] { return shared->first.shown().table(shared->second); },
                      [shared] { return shared->first.json_array(shared->second); }};
}

// The earlier form of a part, with its table and json built side by side as it is loaded.
// Still accepted (parts not yet declared through a View: visits, demands); eager_part() turns
// its function into a PartLoader.
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

// Reads one part of the file of enterprise `enterprise_id`.
using PartLoader = std::function<LoadedPart(
    storage::Database& db, std::int64_t enterprise_id, const FileOptions& options)>;

// The loader of an earlier-form part: it serves the table and json it already built.
PartLoader eager_part(FilePartFn fn);

// Every part of the enterprise file, the registry's own and those of other capabilities, in
// display order. The list lives in file.cpp: a new capability adds one line there and its own
// function — the registry's show code never changes.
const std::vector<PartLoader>& enterprise_file_parts();

} // namespace hujing::domain
