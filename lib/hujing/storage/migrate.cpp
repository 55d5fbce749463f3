// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/embedded.hpp>
#include <hujing/error.hpp>
#include <hujing/notice.hpp>
#include <hujing/storage/migrate.hpp>

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include <fcntl.h>
#include <unistd.h>

#include <charconv>
#include <filesystem>
#include <sqlite3.h>

namespace hujing::storage {

namespace {

std::vector<Migration> load_migrations() {
    std::vector<Migration> out;
    for (const auto& file : embedded_files("schemas/migrations/")) {
        const auto name = file.path.substr(file.path.rfind('/') + 1);
        if (!name.ends_with(".sql")) {
            continue;
        }
        Migration m;
        const auto [ptr, ec] = std::from_chars(name.data(), name.data() + name.size(), m.version);
        if (ec != std::errc{} || ptr == name.data()) {
            throw Error(Exit::internal, "迁移文件名无效: " + std::string(file.path));
        }
        m.name = std::string(name);
        m.sql = std::string(file.bytes);
        out.push_back(std::move(m));
    }
    // Versions increase; a number may be missing while the capability that holds it is built
    // on another branch (a missing version is an empty step).
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (out[i].version <= (i == 0 ? 0 : out[i - 1].version)) {
            throw Error(Exit::internal, "迁移编号重复或顺序错误: " + out[i].name);
        }
    }
    return out;
}

int user_version(SQLite::Database& db) {
    return db.execAndGet("PRAGMA user_version").getInt();
}

} // namespace

const std::vector<Migration>& migrations() {
    static const std::vector<Migration> all = load_migrations();
    return all;
}

int latest_version() {
    return migrations().empty() ? 0 : migrations().back().version;
}

bool needs_migration(SQLite::Database& db) {
    const int version = user_version(db);
    if (version > latest_version()) {
        throw Error(
            Exit::schema,
            fmt::format("数据库结构版本 {} 比本程序支持的版本 {} 新", version, latest_version()),
            "请升级 hujing");
    }
    return version < latest_version();
}

int migrate(SQLite::Database& db, const std::string& backup_path_prefix, int target) {
    if (target <= 0) {
        target = latest_version();
    }
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::EXCLUSIVE);
    const int from = user_version(db);
    if (from > latest_version()) {
        throw Error(
            Exit::schema,
            fmt::format("数据库结构版本 {} 比本程序支持的版本 {} 新", from, latest_version()),
            "请升级 hujing");
    }
    if (from >= target) {
        return from; // another process migrated while we waited for the lock
    }
    if (from > 0 && !backup_path_prefix.empty()) {
        const auto backup = fmt::format("{}.bak-v{}", backup_path_prefix, from);
        std::filesystem::remove(backup);
        // 0600 from the first byte, like the database: SQLite would create it 0644 & ~umask.
        if (const int fd = ::open(backup.c_str(), O_CREAT | O_EXCL | O_WRONLY, 0600); fd >= 0) {
            ::close(fd);
        }
        // The migrating connection holds the write lock, and SQLite refuses to back up from a
        // connection that is writing; a second connection still reads the pre-migration
        // snapshot (the file is in WAL mode).
        SQLite::Database source(db.getFilename(), SQLite::OPEN_READONLY, 5000);
        SQLite::Database dest(backup, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        if (SQLite::Backup(dest, source).executeStep() != SQLITE_DONE) {
            throw Error(Exit::schema, "升级前的备份失败: " + backup, "数据库未改动，稍后重试");
        }
        notice(
            fmt::format("数据库结构从版本 {} 升级到 {}，升级前的备份: {}", from, target, backup));
    }
    try {
        for (const auto& m : migrations()) {
            if (m.version > from && m.version <= target) {
                db.exec(m.sql);
            }
        }
        db.exec(fmt::format("PRAGMA user_version = {}", target));
        tx.commit();
    } catch (const SQLite::Exception& e) {
        throw Error(Exit::schema, fmt::format("数据库结构升级失败: {}", e.what()), "数据库未改动");
    }
    return from;
}

} // namespace hujing::storage
