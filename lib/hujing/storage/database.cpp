// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/error.hpp>
#include <hujing/notice.hpp>
#include <hujing/storage/database.hpp>
#include <hujing/storage/migrate.hpp>
#include <hujing/storage/sqlite_error.hpp>

#include <fmt/format.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio> // renameat2 (glibc, _GNU_SOURCE)
#include <cstdlib>
#include <cstring>
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

// What a file holds, judged before anything is written to it.
enum class Content {
    empty,   // no tables and user_version 0: a new file, or an empty SQLite database
    hujing,  // a hujing database (user_version and the audit log)
    foreign, // some other application's SQLite database
};

Content classify(SQLite::Database& db) {
    const int version = db.execAndGet("PRAGMA user_version").getInt();
    const int objects = db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt();
    if (objects == 0 && version == 0) {
        return Content::empty;
    }
    SQLite::Statement q(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?");
    q.bind(1, "audit_log");
    q.executeStep();
    return version > 0 && q.getColumn(0).getInt() == 1 ? Content::hujing : Content::foreign;
}

void reject_unless_hujing(Content content, const std::string& path) {
    if (content == Content::empty) {
        throw Error(Exit::invalid, "数据库是空文件: " + path, "先运行 hujing init 建立数据库");
    }
    if (content == Content::foreign) {
        throw Error(Exit::invalid,
                    "不是 hujing 数据库: " + path,
                    "文件未改动；用 --db 指定 hujing init 建立的文件");
    }
}

// Warn when the group or others may read or write the database: it holds names, ID and phone
// numbers.
void warn_if_exposed(const std::string& path) {
    struct stat st {};

    if (::stat(path.c_str(), &st) == 0 && (st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        notice(fmt::format("数据库 {} 的权限为 {:04o}，其他用户可以读取，建议 chmod 600 {}",
                           path,
                           st.st_mode & 07777,
                           path));
    }
}

// SQLite creates -wal and -shm with the mode of the database file: make them 0600 whatever the
// database's mode, so a database left readable does not leak its latest changes as well. The
// connection has read the file by now, so both exist (in WAL mode); a missing one is skipped.
void protect_side_files(const std::string& path) {
    for (const char* suffix : {"-wal", "-shm"}) {
        const auto side = path + suffix;

        struct stat st {};

        if (::stat(side.c_str(), &st) == 0 && (st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
            ::chmod(side.c_str(), S_IRUSR | S_IWUSR);
        }
    }
}

// Move `from` to `to` unless `to` exists; false when it does. Atomic: a concurrent reader sees
// either no file or the complete one.
bool move_no_replace(const std::string& from, const std::string& to) {
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) {
        return true;
    }
    if (errno == EEXIST) {
        return false;
    }
    if (errno == EINVAL || errno == ENOSYS) { // a file system without RENAME_NOREPLACE
        if (::link(from.c_str(), to.c_str()) == 0) {
            ::unlink(from.c_str());
            return true;
        }
        if (errno == EEXIST) {
            return false;
        }
    }
    throw Error(Exit::invalid,
                fmt::format("无法创建数据库文件: {}（{}）", to, std::strerror(errno)),
                "检查目录是否存在且可写");
}

// Remove a temporary database and its -wal/-shm.
void remove_database_files(const std::string& path) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        std::filesystem::remove(path + suffix, ec);
    }
}

// Build a complete database at the latest schema in a private temporary file beside `path`
// (0600 from the first byte), then move it into place unless another process did first.
void build_new_database(const std::string& path) {
    std::string tmp = path + ".init-XXXXXX";
    const int fd = ::mkstemp(tmp.data());
    if (fd < 0) {
        throw Error(Exit::invalid,
                    fmt::format("无法创建数据库文件: {}（{}）", path, std::strerror(errno)),
                    "检查目录是否存在且可写");
    }
    ::close(fd);
    try {
        {
            SQLite::Database db(tmp, SQLite::OPEN_READWRITE | SQLITE_OPEN_NOMUTEX);
            db.exec("PRAGMA journal_mode = WAL");
            db.exec("PRAGMA foreign_keys = ON");
            migrate(db, "");
        } // the last connection closes: the WAL is checkpointed into the file and removed
        if (!move_no_replace(tmp, path)) {
            remove_database_files(tmp); // another init won the race; open its file
        }
    } catch (...) {
        remove_database_files(tmp);
        throw;
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
    if (!std::filesystem::exists(path, ec)) {
        build_new_database(path);
    }
    return open_file(path, std::move(actor), /*initialise_empty=*/true);
}

std::unique_ptr<Database> Database::open(const std::string& path, Actor actor) {
    reject_directory(path);
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        throw Error(
            Exit::not_found, "数据库不存在: " + path, "先运行 hujing init，或用 --db 指定文件");
    }
    return open_file(path, std::move(actor), /*initialise_empty=*/false);
}

std::unique_ptr<Database>
Database::open_file(const std::string& path, Actor actor, bool initialise_empty) {
    try {
        std::unique_ptr<Database> db(new Database(path, SQLite::OPEN_READWRITE, std::move(actor)));
        const Content content = classify(db->m_db);
        if (content == Content::empty && initialise_empty) {
            std::error_code ec;
            std::filesystem::permissions(
                path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write, ec);
            db->m_db.exec("PRAGMA journal_mode = WAL");
        } else {
            reject_unless_hujing(content, path);
        }
        warn_if_exposed(path);
        protect_side_files(path);
        db->configure();
        if (needs_migration(db->m_db)) {
            migrate(db->m_db, path);
        }
        return db;
    } catch (const SQLite::Exception& e) {
        if (e.getErrorCode() == SQLITE_CANTOPEN) {
            throw Error(
                Exit::invalid, "无法打开数据库文件: " + path, "检查路径是否存在、是否可读写");
        }
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
