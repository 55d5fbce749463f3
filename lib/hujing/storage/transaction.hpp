// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <hujing/storage/database.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string_view>

namespace hujing::storage {

// The one write transaction of a command (BEGIN IMMEDIATE, so concurrent writers queue on the
// busy timeout instead of failing). Leaving scope without commit() rolls back. Every mutation
// records itself with audit() before commit().
class WriteTransaction {
public:
    explicit WriteTransaction(Database& db);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;
    WriteTransaction(WriteTransaction&&) = delete;
    WriteTransaction& operator=(WriteTransaction&&) = delete;

    // Append a hash-chained audit row: `action` on `entity` `entity_id` with the record
    // `before` and `after` (null when absent).
    void audit(std::string_view entity,
               std::optional<std::int64_t> entity_id,
               std::string_view action,
               const nlohmann::json& before,
               const nlohmann::json& after);

    void commit();

private:
    Database& m_db;
    bool m_open = true;
};

// A read transaction: one consistent snapshot for commands that run several queries. Inside a
// transaction already open on `db` (a write, or the --reveal audit) it joins that one, which is
// a snapshot already.
class ReadTransaction {
public:
    explicit ReadTransaction(Database& db);
    ~ReadTransaction();
    ReadTransaction(const ReadTransaction&) = delete;
    ReadTransaction& operator=(const ReadTransaction&) = delete;
    ReadTransaction(ReadTransaction&&) = delete;
    ReadTransaction& operator=(ReadTransaction&&) = delete;

private:
    Database& m_db;
    bool m_own; // this object began the transaction (and ends it)
};

} // namespace hujing::storage
