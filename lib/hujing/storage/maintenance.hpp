// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <hujing/storage/database.hpp>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace hujing::storage {

// Write a consistent copy of `db` to `path` with SQLite's online backup (safe while others
// write); refuses to overwrite an existing file (Exit::conflict).
void backup(Database& db, const std::string& path);

// One finding of check().
struct CheckFinding {
    std::string check; // integrity | foreign_keys | audit
    std::string message;
};

// Run PRAGMA integrity_check, PRAGMA foreign_key_check and the audit chain verification;
// returns the problems found (empty when healthy).
std::vector<CheckFinding> check(Database& db);

// Row counts of every table, the schema version, file size and audit head.
std::vector<std::pair<std::string, std::string>> stats(Database& db);

} // namespace hujing::storage
