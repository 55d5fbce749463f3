// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/audit/audit.hpp>
#include <hujing/storage/transaction.hpp>

#include <sqlite3.h>

namespace hujing::storage {

WriteTransaction::WriteTransaction(Database& db)
    : m_db(db) {
    m_db.sql().exec("BEGIN IMMEDIATE");
}

WriteTransaction::~WriteTransaction() {
    if (m_open) {
        try {
            m_db.sql().exec("ROLLBACK");
        } catch (...) { // NOLINT(bugprone-empty-catch): nothing more can be done in a destructor
        }
    }
}

void WriteTransaction::audit(std::string_view entity,
                             std::optional<std::int64_t> entity_id,
                             std::string_view action,
                             const nlohmann::json& before,
                             const nlohmann::json& after) {
    audit::append(m_db, entity, entity_id, action, before, after);
}

void WriteTransaction::commit() {
    m_db.sql().exec("COMMIT");
    m_open = false;
}

ReadTransaction::ReadTransaction(Database& db)
    : m_db(db),
      m_own(sqlite3_get_autocommit(db.sql().getHandle()) != 0) {
    if (m_own) {
        m_db.sql().exec("BEGIN DEFERRED");
    }
}

ReadTransaction::~ReadTransaction() {
    if (!m_own) {
        return;
    }
    try {
        m_db.sql().exec("COMMIT");
    } catch (...) { // NOLINT(bugprone-empty-catch)
    }
}

} // namespace hujing::storage
