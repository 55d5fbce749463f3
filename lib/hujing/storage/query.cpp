// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/error.hpp>
#include <hujing/storage/query.hpp>
#include <hujing/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace hujing::domain {

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
    int index = first;
    for (const auto& value : m_values) {
        if (const auto* number = std::get_if<std::int64_t>(&value)) {
            stmt.bind(index, *number);
        } else {
            stmt.bind(index, std::get<std::string>(value));
        }
        ++index;
    }
    return index;
}

std::string order_and_limit(const ListPaging& paging,
                            const std::vector<SortKey>& keys,
                            const std::string& default_order) {
    std::string sql = " ORDER BY ";
    if (paging.sort.empty()) {
        sql += default_order;
    } else {
        const bool descending = paging.sort.front() == '-';
        const std::string key = descending ? paging.sort.substr(1) : paging.sort;
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
        sql += fmt::format("({}) IS NULL, {} {}, {}",
                           it->expression,
                           it->expression,
                           descending ? "DESC" : "ASC",
                           default_order);
    }
    if (paging.limit || paging.offset) {
        sql += fmt::format(
            " LIMIT {} OFFSET {}", paging.limit.value_or(-1), paging.offset.value_or(0));
    }
    return sql;
}

} // namespace hujing::domain
