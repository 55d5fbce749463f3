// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <SQLiteCpp/Database.h>

#include <string>
#include <vector>

namespace hujing::storage {

// One schema step, from schemas/migrations/NNNN_name.sql.
struct Migration {
    int version = 0;
    std::string name;
    std::string sql;
};

// The built-in migrations in increasing version order (a version may be missing: an empty step).
const std::vector<Migration>& migrations();

// The schema version this binary writes.
int latest_version();

// Whether the database needs a migration; throws Exit::schema when it is newer than the binary.
bool needs_migration(SQLite::Database& db);

// Bring `db` to `target` (default: latest) in one exclusive transaction, one process at a time.
// When `backup_path_prefix` is not empty and the file already holds data, an online backup
// "<prefix>.bak-v<old>" is written first. Returns the version before migrating.
int migrate(SQLite::Database& db, const std::string& backup_path_prefix, int target = 0);

} // namespace hujing::storage
