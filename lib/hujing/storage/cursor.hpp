// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <hujing/storage/database.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

struct sqlite3_stmt;

namespace hujing::storage {

// A forward-only read of one prepared statement, for the loops that read a million rows (the
// draw's candidates). SQLite::Statement::getColumn() copies a shared pointer for every value it
// returns, a third of such a loop; a Cursor reads the values in place. Failures throw
// SQLite::Exception, as SQLiteCpp does. Values are valid until the next step().
class Cursor {
public:
    Cursor(Database& db, const char* sql);
    ~Cursor();
    Cursor(const Cursor&) = delete;
    Cursor& operator=(const Cursor&) = delete;
    Cursor(Cursor&&) = delete;
    Cursor& operator=(Cursor&&) = delete;

    Cursor& bind(int index, std::int64_t value);
    Cursor& bind(int index, std::string_view value); // kept by the cursor
    // Advance to the next row; false when there is none.
    bool step();
    // Rewind, keeping the bindings.
    void reset();

    [[nodiscard]] std::int64_t int64(int column) const;
    [[nodiscard]] std::string_view text(int column) const; // empty for NULL

private:
    void check(int rc) const;
    Database* m_db;
    sqlite3_stmt* m_stmt = nullptr;
    std::map<int, std::string> m_text; // bound texts, alive while bound
};

} // namespace hujing::storage
