// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/error.hpp>
#include <hujing/storage/database.hpp>
#include <hujing/storage/migrate.hpp>
#include <hujing/storage/sqlite_error.hpp>

#include <fmt/format.h>

#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sqlite3.h>
#include <string>

namespace hujing::storage {

namespace {

// No memory statistics: they cost a global mutex on every SQLite allocation. Set before SQLite
// initialises (static initialisation precedes any open).
// NOLINTNEXTLINE(cert-err58-cpp): a C function, it cannot throw.
[[maybe_unused]] const int k_no_memstatus = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);

int busy_timeout_ms() {
    if (const char* env = std::getenv("HUJING_BUSY_MS"); env != nullptr && *env != '\0') {
        char* end = nullptr;
        const long value = std::strtol(env, &end, 10);
        if (*end == '\0' && value >= 0 && value <= 3'600'000) {
            return static_cast<int>(value);
        }
        throw Error(Exit::invalid, fmt::format("HUJING_BUSY_MS 无效: {}", env), "应为毫秒数");
    }
    return 5000;
}

// A directory given as the database is a mistyped --db, not an I/O failure.
void reject_directory(const std::string& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        throw Error(Exit::invalid, "数据库路径是目录: " + path, "用 --db 指定数据库文件");
    }
}

} // namespace

Database::Database(const std::string& path, int flags, Actor actor)
    // One connection per process, used by one thread: no per-call connection mutex.
    : m_db(path, flags | SQLITE_OPEN_NOMUTEX, busy_timeout_ms()),
      m_actor(std::move(actor)),
      m_path(path) {}

void Database::configure() {
    m_db.exec("PRAGMA foreign_keys = ON");
    m_db.exec("PRAGMA synchronous = NORMAL");
}

std::unique_ptr<Database> Database::create(const std::string& path, Actor actor) {
    reject_directory(path);
    std::error_code ec;
    const bool existed = std::filesystem::exists(path, ec);
    if (!existed) {
        // Create the file ourselves so it is 0600 from the first byte.
        const mode_t old = ::umask(077);
        { std::ofstream touch(path, std::ios::binary | std::ios::app); }
        ::umask(old);
        if (!std::filesystem::exists(path, ec)) {
            throw Error(Exit::internal, "无法创建数据库文件: " + path, "检查目录是否存在且可写");
        }
    }
    try {
        std::unique_ptr<Database> db(
            new Database(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, std::move(actor)));
        db->m_db.exec("PRAGMA journal_mode = WAL");
        db->configure();
        if (needs_migration(db->m_db)) {
            migrate(db->m_db, path);
        }
        return db;
    } catch (const SQLite::Exception& e) {
        if (!existed) {
            std::filesystem::remove(path, ec);
        }
        throw to_error(e);
    }
}

std::unique_ptr<Database> Database::open(const std::string& path, Actor actor) {
    reject_directory(path);
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        throw Error(
            Exit::not_found, "数据库不存在: " + path, "先运行 hujing init，或用 --db 指定文件");
    }
    try {
        std::unique_ptr<Database> db(new Database(path, SQLite::OPEN_READWRITE, std::move(actor)));
        db->configure();
        if (needs_migration(db->m_db)) {
            migrate(db->m_db, path);
        }
        return db;
    } catch (const SQLite::Exception& e) {
        throw to_error(e);
    }
}

std::unique_ptr<Database> Database::open_memory(Actor actor) {
    std::unique_ptr<Database> db(
        new Database(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, std::move(actor)));
    db->configure();
    migrate(db->m_db, "");
    return db;
}

int Database::schema_version() {
    return m_db.execAndGet("PRAGMA user_version").getInt();
}

std::optional<std::string> optional_text(SQLite::Statement& stmt, int index) {
    if (stmt.isColumnNull(index)) {
        return std::nullopt;
    }
    return stmt.getColumn(index).getString();
}

std::optional<std::int64_t> optional_int(SQLite::Statement& stmt, int index) {
    if (stmt.isColumnNull(index)) {
        return std::nullopt;
    }
    return stmt.getColumn(index).getInt64();
}

} // namespace hujing::storage
