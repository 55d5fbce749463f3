// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hujing {

// One built-in data file, embedded from schemas/ at build time.
struct EmbeddedFile {
    std::string_view path; // e.g. "schemas/calendar/2025.yaml"
    std::string_view bytes;
};

// Return the embedded file at `path`, if any.
std::optional<std::string_view> embedded_file(std::string_view path);

// Return the embedded files whose path starts with `prefix`, sorted by path.
std::vector<EmbeddedFile> embedded_files(std::string_view prefix);

// A data file as the program should use it: the copy under $HUJING_DATA_DIR when present
// (so a bureau can override built-in forms, rules and calendars), else the embedded one.
struct DataFile {
    std::string path; // "schemas/…" or the overriding file on disk
    std::string bytes;
};

// Return the data files under `prefix` (e.g. "schemas/calendar/"), overrides applied.
std::vector<DataFile> data_files(std::string_view prefix);

// Return the one data file at `path`, overrides applied; throws Exit::internal if absent.
DataFile data_file(std::string_view path);

namespace detail {
extern const EmbeddedFile k_embedded_files[];
extern const std::size_t k_embedded_count;
} // namespace detail

} // namespace hujing
