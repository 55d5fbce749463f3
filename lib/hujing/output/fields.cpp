// SPDX-License-Identifier: GPL-3.0-or-later
// --fields: choosing and ordering columns by machine key.
#include <hujing/error.hpp>
#include <hujing/output/detail.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace hujing::output::detail {

namespace {

std::string valid_keys(const std::vector<Column>& columns) {
    std::string keys;
    for (const auto& column : columns) {
        if (!keys.empty()) {
            keys += ',';
        }
        keys += column.key;
    }
    return keys;
}

std::optional<std::size_t> find_key(const std::vector<Column>& columns, std::string_view key) {
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (columns[i].key == key) {
            return i;
        }
    }
    return std::nullopt;
}

} // namespace

std::vector<std::size_t> select_fields(const std::vector<Column>& columns,
                                       const std::vector<std::string>& requested,
                                       const std::vector<std::string>& defaults) {
    std::vector<std::size_t> fields;
    const auto add = [&fields](std::size_t index) {
        if (std::find(fields.begin(), fields.end(), index) == fields.end()) {
            fields.push_back(index);
        }
    };
    if (!requested.empty()) {
        for (const auto& key : requested) {
            const auto index = find_key(columns, key);
            if (!index) {
                throw Error(Exit::invalid, "未知字段: " + key, "可用字段: " + valid_keys(columns));
            }
            add(*index);
        }
        return fields;
    }
    if (!defaults.empty()) {
        for (const auto& key : defaults) {
            const auto index = find_key(columns, key);
            if (!index) {
                throw Error(Exit::internal, "默认字段不在列中: " + key);
            }
            add(*index);
        }
        return fields;
    }
    for (std::size_t i = 0; i < columns.size(); ++i) {
        fields.push_back(i);
    }
    return fields;
}

void check_row_size(const Row& row, std::size_t expected) {
    if (row.size() != expected) {
        throw Error(Exit::internal,
                    fmt::format("输出行有 {} 个值，应为 {} 个", row.size(), expected));
    }
}

} // namespace hujing::output::detail
