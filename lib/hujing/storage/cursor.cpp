// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/storage/cursor.hpp>

#include <SQLiteCpp/Exception.h>

#include <sqlite3.h>

namespace hujing::storage {

Cursor::Cursor(Database& db, const char* sql)
    : m_db(&db) {
    check(sqlite3_prepare_v3(db.sql().getHandle(), sql, -1, 0, &m_stmt, nullptr));
}

Cursor::~Cursor() {
    sqlite3_finalize(m_stmt);
}

void Cursor::check(int rc) const {
    if (rc != SQLITE_OK) {
        throw SQLite::Exception(m_db->sql().getHandle(), rc);
    }
}

Cursor& Cursor::bind(int index, std::int64_t value) {
    check(sqlite3_bind_int64(m_stmt, index, value));
    return *this;
}

Cursor& Cursor::bind(int index, std::string_view value) {
    auto& kept = m_text[index];
    kept.assign(value);
    check(sqlite3_bind_text64(m_stmt, index, kept.data(), kept.size(), nullptr, SQLITE_UTF8));
    return *this;
}

bool Cursor::step() {
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc != SQLITE_DONE) {
        check(rc);
    }
    return false;
}

void Cursor::reset() {
    check(sqlite3_reset(m_stmt));
}

std::int64_t Cursor::int64(int column) const {
    return sqlite3_column_int64(m_stmt, column);
}

std::string_view Cursor::text(int column) const {
    const auto* text = sqlite3_column_text(m_stmt, column);
    if (text == nullptr) {
        return {};
    }
    return {reinterpret_cast<const char*>(text), // NOLINT: SQLite's text is unsigned char
            static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column))};
}

} // namespace hujing::storage
