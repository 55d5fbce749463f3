// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <hujing/output/table.hpp>
#include <hujing/util/date.hpp>

#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace hujing::domain {

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

    // " WHERE a AND b", or "" when no condition was added.
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

// Return " ORDER BY … [LIMIT … OFFSET …]" for `paging`; `default_order` (SQL) is used when no
// --sort is given, and breaks ties otherwise. An unknown sort key throws Exit::invalid listing
// the valid ones.
std::string order_and_limit(const ListPaging& paging,
                            const std::vector<SortKey>& keys,
                            const std::string& default_order);

} // namespace hujing::domain
