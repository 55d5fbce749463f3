// SPDX-License-Identifier: GPL-3.0-or-later
// Checks for `show` pages: the json and the table come from the same field declarations, and
// how many statements a read runs.
#pragma once

#include <hujing/output/writer.hpp>
#include <hujing/storage/database.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cstddef>
#include <sqlite3.h>
#include <string>
#include <vector>

namespace hujing::test {

// Check that every fact of `sections` is in `json` with the same value: the fields of a
// record section as members of the object `members[i]` names ("" for `json` itself), each
// row of a sub-table as the object at the same place of the array `members[i]`.
inline void check_same_facts(const nlohmann::json& json,
                             const std::vector<output::Section>& sections,
                             const std::vector<std::string>& members) {
    REQUIRE(sections.size() == members.size());
    for (std::size_t s = 0; s < sections.size(); ++s) {
        const auto& section = sections[s];
        const auto& object = members[s].empty() ? json : json.at(members[s]);
        INFO("section ", section.title, " ↔ json ", members[s]);
        if (!section.table) {
            REQUIRE(section.values.size() == section.fields.size());
            for (std::size_t i = 0; i < section.fields.size(); ++i) {
                const auto& f = section.fields[i];
                INFO("field ", f.key);
                REQUIRE(object.contains(f.key));
                CHECK(object.at(f.key) == output::to_json(section.values[i], f.kind));
            }
            continue;
        }
        const auto& table = *section.table;
        REQUIRE(object.is_array());
        REQUIRE(object.size() == table.rows.size());
        for (std::size_t r = 0; r < table.rows.size(); ++r) {
            for (std::size_t i = 0; i < table.columns.size(); ++i) {
                const auto& c = table.columns[i];
                INFO("row ", r, " column ", c.key);
                REQUIRE(object[r].contains(c.key));
                CHECK(object[r].at(c.key) == output::to_json(table.rows[r][i], c.kind));
            }
        }
    }
}

// Counts the statements run on a database while it lives (sqlite3_trace_v2).
class StatementCounter {
public:
    explicit StatementCounter(storage::Database& db)
        : m_handle(db.sql().getHandle()) {
        sqlite3_trace_v2(m_handle, SQLITE_TRACE_STMT, &StatementCounter::on_statement, this);
    }

    ~StatementCounter() {
        sqlite3_trace_v2(m_handle, 0, nullptr, nullptr);
    }

    StatementCounter(const StatementCounter&) = delete;
    StatementCounter& operator=(const StatementCounter&) = delete;
    StatementCounter(StatementCounter&&) = delete;
    StatementCounter& operator=(StatementCounter&&) = delete;

    [[nodiscard]] int count() const {
        return m_count;
    }

private:
    static int on_statement(unsigned /*type*/, void* self, void* /*stmt*/, void* sql) {
        // Statements run by triggers come as "-- …" comments; count only the top level.
        const auto* text = static_cast<const char*>(sql);
        if (text == nullptr || text[0] != '-' || text[1] != '-') {
            ++static_cast<StatementCounter*>(self)->m_count;
        }
        return 0;
    }

    sqlite3* m_handle;
    int m_count = 0;
};

} // namespace hujing::test
