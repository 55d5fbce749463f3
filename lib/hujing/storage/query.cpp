// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/error.hpp>
#include <hujing/storage/query.hpp>
#include <hujing/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace hujing::storage {

namespace {

// Bind `values` to `stmt` from placeholder `first`; returns the next free index.
int bind_values(SQLite::Statement& stmt, const std::vector<SqlValue>& values, int first) {
    int index = first;
    for (const auto& value : values) {
        if (const auto* number = std::get_if<std::int64_t>(&value)) {
            stmt.bind(index, *number);
        } else {
            stmt.bind(index, std::get<std::string>(value));
        }
        ++index;
    }
    return index;
}

} // namespace

void SqlFilter::add(std::string condition, std::vector<SqlValue> values) {
    m_conditions.push_back(std::move(condition));
    for (auto& value : values) {
        m_values.push_back(std::move(value));
    }
}

void SqlFilter::add_date_range(const std::string& column,
                               const std::optional<std::string>& since,
                               const std::optional<std::string>& until,
                               util::Date today) {
    const auto from = since ? std::optional(util::parse_date_arg(*since, today)) : std::nullopt;
    const auto to = until ? std::optional(util::parse_date_arg(*until, today)) : std::nullopt;
    if (from && to && *to < *from) {
        throw_invalid(fmt::format(
            "--until {} 早于 --since {}", util::format_date(*to), util::format_date(*from)));
    }
    if (from) {
        add(column + " >= ?", {util::format_date(*from)});
    }
    if (to) {
        add(column + " <= ?", {util::format_date(*to)});
    }
}

std::string SqlFilter::where() const {
    if (m_conditions.empty()) {
        return {};
    }
    return " WHERE (" + util::join(m_conditions, ") AND (") + ")";
}

int SqlFilter::bind(SQLite::Statement& stmt, int first) const {
    return bind_values(stmt, m_values, first);
}

std::string order_by(const std::string& sort,
                     const std::vector<SortKey>& keys,
                     const std::string& default_order) {
    if (sort.empty()) {
        return " ORDER BY " + default_order;
    }
    const bool descending = sort.front() == '-';
    const std::string key = descending ? sort.substr(1) : sort;
    const auto it =
        std::find_if(keys.begin(), keys.end(), [&](const SortKey& k) { return k.key == key; });
    if (it == keys.end()) {
        std::vector<std::string> names;
        names.reserve(keys.size());
        for (const auto& k : keys) {
            names.push_back(k.key);
        }
        throw_invalid("未知的排序字段: " + key, "可用字段: " + util::join(names, ","));
    }
    // NULLs sort last either way, as an officer reading a deadline list expects.
    return fmt::format(" ORDER BY ({}) IS NULL, {} {}, {}",
                       it->expression,
                       it->expression,
                       descending ? "DESC" : "ASC",
                       default_order);
}

ListQuery::ListQuery(std::string select, std::vector<SortKey> sort_keys, std::string default_order)
    : m_select(std::move(select)),
      m_sort_keys(std::move(sort_keys)),
      m_default_order(std::move(default_order)) {}

ListQuery ListQuery::over_values(const std::vector<std::string>& names,
                                 const std::vector<std::vector<SqlValue>>& rows) {
    // Column `ord` keeps the given order; it is not selected and not a sort key.
    const auto placeholders =
        "(?, " + util::join(std::vector<std::string>(names.size(), "?"), ", ") + ")";
    std::vector<std::string> quoted;
    quoted.reserve(names.size());
    for (const auto& name : names) {
        quoted.push_back('"' + name + '"');
    }
    std::string select = "WITH v(ord, " + util::join(quoted, ", ") + ") AS (";
    if (rows.empty()) {
        select += "SELECT NULL, " + util::join(std::vector<std::string>(names.size(), "NULL"), ", ")
                  + " WHERE 0";
    } else {
        select += "VALUES " + util::join(std::vector<std::string>(rows.size(), placeholders), ", ");
    }
    select += ") SELECT " + util::join(quoted, ", ") + " FROM v";
    std::vector<SortKey> keys;
    keys.reserve(names.size());
    for (const auto& name : names) {
        keys.push_back(SortKey{name, "v.\"" + name + '"'});
    }
    ListQuery query(std::move(select), std::move(keys), "v.ord");
    std::int64_t ord = 0;
    for (const auto& row : rows) {
        query.m_head.emplace_back(ord++);
        if (row.size() != names.size()) {
            throw Error(Exit::internal, "VALUES 行的列数与列名不符");
        }
        query.m_head.insert(query.m_head.end(), row.begin(), row.end());
    }
    return query;
}

void ListQuery::add(std::string condition, std::vector<SqlValue> values) {
    m_filter.add(std::move(condition), std::move(values));
}

void ListQuery::add_date_range(const std::string& column,
                               const std::optional<std::string>& since,
                               const std::optional<std::string>& until,
                               util::Date today) {
    m_filter.add_date_range(column, since, until, today);
}

std::string ListQuery::sql(const ListPaging& paging) const {
    return m_select + m_filter.where() + order_by(paging.sort, m_sort_keys, m_default_order)
           + " LIMIT ? OFFSET ?";
}

int ListQuery::bind(SQLite::Statement& stmt, const ListPaging& paging, int first) const {
    int index = m_filter.bind(stmt, bind_values(stmt, m_head, first));
    stmt.bind(index++, paging.limit.value_or(-1));
    stmt.bind(index++, paging.offset.value_or(0));
    return index;
}

std::int64_t ListQuery::run(Database& db,
                            const ListPaging& paging,
                            const std::function<void(SQLite::Statement&)>& row,
                            const std::function<int(SQLite::Statement&)>& pre_bind) const {
    return run(db.sql(), paging, row, pre_bind);
}

std::int64_t ListQuery::run(SQLite::Database& db,
                            const ListPaging& paging,
                            const std::function<void(SQLite::Statement&)>& row,
                            const std::function<int(SQLite::Statement&)>& pre_bind) const {
    SQLite::Statement stmt(db, sql(paging));
    bind(stmt, paging, pre_bind ? pre_bind(stmt) : 1);
    std::int64_t count = 0;
    while (stmt.executeStep()) {
        row(stmt);
        ++count;
    }
    return count;
}

} // namespace hujing::storage
