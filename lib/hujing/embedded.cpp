// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/embedded.hpp>
#include <hujing/error.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <span>
#include <sstream>

namespace hujing {

namespace {

std::span<const EmbeddedFile> all_files() {
    return {&detail::k_embedded_files[0], detail::k_embedded_count};
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

} // namespace

std::optional<std::string_view> embedded_file(std::string_view path) {
    for (const auto& f : all_files()) {
        if (f.path == path) {
            return f.bytes;
        }
    }
    return std::nullopt;
}

std::vector<EmbeddedFile> embedded_files(std::string_view prefix) {
    std::vector<EmbeddedFile> out;
    for (const auto& f : all_files()) {
        if (f.path.starts_with(prefix)) {
            out.push_back(f);
        }
    }
    return out;
}

std::vector<DataFile> data_files(std::string_view prefix) {
    std::map<std::string, DataFile> files;
    for (const auto& f : embedded_files(prefix)) {
        files[std::string(f.path)] = DataFile{std::string(f.path), std::string(f.bytes)};
    }
    if (const char* dir = std::getenv("HUJING_DATA_DIR"); dir != nullptr && *dir != '\0') {
        // $HUJING_DATA_DIR mirrors the layout below "schemas/".
        const std::string rel(prefix.substr(std::min<std::size_t>(prefix.size(), 8)));
        const std::filesystem::path base = std::filesystem::path(dir) / rel;
        std::error_code ec;
        if (std::filesystem::is_directory(base, ec)) {
            for (const auto& entry : std::filesystem::recursive_directory_iterator(base, ec)) {
                if (!entry.is_regular_file()) {
                    continue;
                }
                const auto key = std::string(prefix)
                                 + std::filesystem::relative(entry.path(), base).generic_string();
                files[key] = DataFile{entry.path().string(), read_file(entry.path())};
            }
        }
    }
    std::vector<DataFile> out;
    out.reserve(files.size());
    for (auto& [key, file] : files) {
        out.push_back(std::move(file));
    }
    return out;
}

DataFile data_file(std::string_view path) {
    if (const char* dir = std::getenv("HUJING_DATA_DIR"); dir != nullptr && *dir != '\0') {
        const auto disk = std::filesystem::path(dir) / std::string(path.substr(8));
        std::error_code ec;
        if (std::filesystem::is_regular_file(disk, ec)) {
            return DataFile{disk.string(), read_file(disk)};
        }
    }
    if (auto bytes = embedded_file(path)) {
        return DataFile{std::string(path), std::string(*bytes)};
    }
    throw Error(Exit::internal, "缺少内置数据文件: " + std::string(path));
}

} // namespace hujing
