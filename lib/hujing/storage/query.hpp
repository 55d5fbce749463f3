// SPDX-License-Identifier: GPL-3.0-or-later
// The one listing pipeline: every `list` verb builds its SELECT through ListQuery (filters with
// bound parameters, whitelisted sort keys, LIMIT/OFFSET bound in SQL) and streams the rows.
#pragma once

#include <hujing/output/table.hpp>
#include <hujing/output/view.hpp>
#include <hujing/storage/database.hpp>
#include <hujing/util/date.hpp>

#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace hujing::storage {

// Receives the rows of a streaming listing one at a time (memory stays flat).
using RowSink = std::function<void(const output::Row&)>;

// --limit, --offset and --sort of a listing, applied in SQL.
struct ListPaging {
    std::optional<std::int64_t> limit;
    std::optional<std::int64_t> offset;
    std::string sort; // a column key, "-key" for descending; empty: the listing's default order
};

// A value bound to a `?` placeholder.
using SqlValue = std::variant<std::int64_t, std::string>;

// A WHERE clause assembled from the filters actually given, with the values to bind in order.
class SqlFilter {
public:
    // Add `condition` (with `?` placeholders) taking `values` in order; conditions combine
    // with AND.
    void add(std::string condition, std::vector<SqlValue> values = {});

    // Add `column` >= --since and <= --until for the dates given (each as parse_date_arg reads
    // it against `today`); --until before --since throws Exit::invalid.
    void add_date_range(const std::string& column,
                        const std::optional<std::string>& since,
                        const std::optional<std::string>& until,
                        util::Date today);

    // " WHERE (a) AND (b)", or "" when no condition was added.
    [[nodiscard]] std::string where() const;

    // Bind the values to `stmt` from placeholder `first`; returns the next free index.
    int bind(SQLite::Statement& stmt, int first = 1) const;

private:
    std::vector<std::string> m_conditions;
    std::vector<SqlValue> m_values;
};

// A sortable column: its machine key and the SQL expression it sorts by.
struct SortKey {
    std::string key;
    std::string expression;
};

// The sort whitelist of `view`: every field that declares a sort expression.
template <typename T>
std::vector<SortKey> sort_keys(const output::View<T>& view) {
    std::vector<SortKey> out;
    for (const auto& f : view.fields()) {
        if (!f.sort.empty()) {
            out.push_back(SortKey{f.key, f.sort});
        }
    }
    return out;
}

// Return " ORDER BY …" for `sort` ("key" or "-key"; empty: `default_order`, which also breaks
// ties). NULLs sort last either way. A key not in `keys` throws Exit::invalid listing the
// valid ones.
std::string order_by(const std::string& sort,
                     const std::vector<SortKey>& keys,
                     const std::string& default_order);

// One listing query: `select` ("SELECT … FROM … JOIN …", no WHERE) plus the filters given,
// the order (a whitelisted --sort key or the default) and " LIMIT ? OFFSET ?", whose values
// are bound after the filter values.
class ListQuery {
public:
    ListQuery(std::string select, std::vector<SortKey> sort_keys, std::string default_order);

    // A listing of rows that are not stored in a table (built-in data): `rows` become the
    // bound VALUES of a table `v` whose columns are `names` (each one also a sort key), so
    // they filter, sort and page in SQL like any stored listing; by default in their order.
    static ListQuery over_values(const std::vector<std::string>& names,
                                 const std::vector<std::vector<SqlValue>>& rows);

    // Add a filter condition (see SqlFilter::add).
    void add(std::string condition, std::vector<SqlValue> values = {});

    // Add a --since/--until range on `column` (see SqlFilter::add_date_range).
    void add_date_range(const std::string& column,
                        const std::optional<std::string>& since,
                        const std::optional<std::string>& until,
                        util::Date today);

    // The whole statement text for `paging`; an unknown sort key throws Exit::invalid.
    [[nodiscard]] std::string sql(const ListPaging& paging) const;

    // Bind the filter values from placeholder `first`, then limit (-1: none) and offset;
    // returns the next free index.
    int bind(SQLite::Statement& stmt, const ListPaging& paging, int first = 1) const;

    // Prepare the statement on `db`, let `pre_bind` bind placeholders before the filters'
    // (it returns the first index left for them), and call `row` once per result row;
    // returns the number of rows.
    std::int64_t run(Database& db,
                     const ListPaging& paging,
                     const std::function<void(SQLite::Statement&)>& row,
                     const std::function<int(SQLite::Statement&)>& pre_bind = {}) const;

    // As above on a plain SQLite connection (over_values needs no hujing schema).
    std::int64_t run(SQLite::Database& db,
                     const ListPaging& paging,
                     const std::function<void(SQLite::Statement&)>& row,
                     const std::function<int(SQLite::Statement&)>& pre_bind = {}) const;

private:
    std::string m_select;
    std::vector<SortKey> m_sort_keys;
    std::string m_default_order;
    std::vector<SqlValue> m_head; // bound before the filters (over_values)
    SqlFilter m_filter;
};

} // namespace hujing::storage

namespace hujing::domain {

using storage::ListPaging;
using storage::ListQuery;
using storage::RowSink;
using storage::SortKey;
using storage::SqlFilter;
using storage::SqlValue;

} // namespace hujing::domain
