// SPDX-License-Identifier: GPL-3.0-or-later
// Reading a result row into the fields of a struct in one call, by the fields' types:
//     storage::read_columns(q, d.id, d.uscc, d.visit_id);   // int64, string, optional<int64>
// Column i goes into the i-th argument; NULL reads as an empty optional (or "" / 0 / false).
#pragma once

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>

namespace hujing::storage {

namespace detail {

template <typename T>
inline constexpr bool k_is_optional = false;

template <typename T>
inline constexpr bool k_is_optional<std::optional<T>> = true;

template <typename T>
T column_value(SQLite::Statement& stmt, int index) {
    const auto column = stmt.getColumn(index);
    if constexpr (std::is_same_v<T, std::string>) {
        return column.getString();
    } else if constexpr (std::is_same_v<T, bool>) {
        return column.getInt() != 0;
    } else if constexpr (std::is_same_v<T, double>) {
        return column.getDouble();
    } else if constexpr (std::is_same_v<T, int>) {
        return column.getInt();
    } else {
        static_assert(std::is_same_v<T, std::int64_t>, "read_columns: unsupported field type");
        return column.getInt64();
    }
}

template <typename T>
void read_column(SQLite::Statement& stmt, int index, T& out) {
    if constexpr (k_is_optional<T>) {
        if (stmt.isColumnNull(index)) {
            out.reset();
        } else {
            out = column_value<typename T::value_type>(stmt, index);
        }
    } else {
        out = column_value<T>(stmt, index);
    }
}

} // namespace detail

// Columns first, first+1, … of the current row into `out…`, in order.
template <typename... T>
void read_columns_from(SQLite::Statement& stmt, int first, T&... out) {
    int index = first;
    (detail::read_column(stmt, index++, out), ...);
}

// Columns 0, 1, … of the current row into `out…`, in order.
template <typename... T>
void read_columns(SQLite::Statement& stmt, T&... out) {
    read_columns_from(stmt, 0, out...);
}

} // namespace hujing::storage
