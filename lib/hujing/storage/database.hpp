// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>

namespace hujing::storage {

// Who is acting and what they typed, recorded with every audit row: `name` is the officer's
// badge for casework (then `officer_id` is set, once the badge is checked against the register)
// or the operating-system user for organisation set-up; `os_user` is always the login.
struct Actor {
    std::string name = "unknown";
    std::string command_line;
    std::string os_user;
    std::optional<std::int64_t> officer_id;
};

// An open hujing database: one SQLite file in WAL mode with foreign keys on and a busy timeout
// ($HUJING_BUSY_MS, default 5000). Older schemas are migrated on open (STYLE 11).
class Database {
public:
    // Create `path` (mode 0600) if missing, or open it, and migrate to the latest schema; only
    // `hujing init` calls this. A new file is built complete in a temporary file and moved into
    // place, so concurrent creators all succeed and nobody sees a half-made file. An empty file
    // is initialised; another application's SQLite file is Exit::invalid and left untouched.
    static std::unique_ptr<Database> create(const std::string& path, Actor actor);

    // Open the existing database at `path`; a missing file is Exit::not_found with the hint to
    // run `hujing init`; an empty or foreign file is Exit::invalid, untouched; a schema newer
    // than this binary is Exit::schema; an older hujing schema is upgraded (backup first). A
    // notice warns when others may read the file.
    static std::unique_ptr<Database> open(const std::string& path, Actor actor);

    // Open an in-memory database at the latest schema (tests).
    static std::unique_ptr<Database> open_memory(Actor actor = {});

    SQLite::Database& sql() {
        return m_db;
    }

    [[nodiscard]] const Actor& actor() const {
        return m_actor;
    }

    // Record that the acting officer is the registered officer `officer_id` with `badge`.
    void set_officer(std::int64_t officer_id, std::string badge) {
        m_actor.officer_id = officer_id;
        m_actor.name = std::move(badge);
    }

    [[nodiscard]] const std::string& path() const {
        return m_path;
    }

    // The schema version of the file (PRAGMA user_version).
    int schema_version();

private:
    Database(const std::string& path, int flags, Actor actor);
    static std::unique_ptr<Database>
    open_file(const std::string& path, Actor actor, bool initialise_empty);
    void configure();

    SQLite::Database m_db;
    Actor m_actor;
    std::string m_path;
};

// Bind `value` at `index`, or NULL when it is empty.
template <typename T>
void bind_optional(SQLite::Statement& stmt, int index, const std::optional<T>& value) {
    if (value) {
        stmt.bind(index, *value);
    } else {
        stmt.bind(index);
    }
}

// Read column `index` as an optional string (NULL → nullopt).
std::optional<std::string> optional_text(SQLite::Statement& stmt, int index);

// Read column `index` as an optional integer (NULL → nullopt).
std::optional<std::int64_t> optional_int(SQLite::Statement& stmt, int index);

} // namespace hujing::storage
