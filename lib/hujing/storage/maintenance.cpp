// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/audit/audit.hpp>
#include <hujing/error.hpp>
#include <hujing/storage/maintenance.hpp>
#include <hujing/storage/migrate.hpp>

#include <SQLiteCpp/Backup.h>
#include <fmt/format.h>

#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <sqlite3.h>
#include <thread>

namespace hujing::storage {

namespace {

// Copy all of `source` into `dest`. A step that finds the source or the copy locked (BUSY,
// LOCKED: sqlite3_backup_step reports these without failing) is retried until the busy timeout
// of `source` has passed; then Exit::busy. Only SQLITE_DONE is a finished copy.
void copy_all(SQLite::Database& dest, SQLite::Database& source) {
    using Clock = std::chrono::steady_clock;
    const auto timeout =
        std::chrono::milliseconds(source.execAndGet("PRAGMA busy_timeout").getInt());
    const auto deadline = Clock::now() + timeout;
    SQLite::Backup backup(dest, source);
    for (;;) {
        const int rc = backup.executeStep(-1);
        if (rc == SQLITE_DONE) {
            return;
        }
        if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED && rc != SQLITE_OK) {
            throw Error(Exit::internal, fmt::format("备份失败（SQLite 代码 {}）", rc));
        }
        if (rc != SQLITE_OK) {
            if (Clock::now() >= deadline) {
                throw Error(Exit::busy,
                            "数据库忙，备份未完成",
                            fmt::format("等待 {} 毫秒后仍被锁定；稍后重试，或调大 HUJING_BUSY_MS",
                                        timeout.count()));
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    }
}

} // namespace

void backup(Database& db, const std::string& path) {
    std::error_code ec;
    if (std::filesystem::exists(path, ec)) {
        throw_conflict("备份文件已存在: " + path, "换一个文件名，或先删除它");
    }
    const auto folder = std::filesystem::path(path).parent_path();
    if (!folder.empty() && !std::filesystem::is_directory(folder, ec)) {
        throw_invalid("备份目标的目录不存在: " + path, "先建立目录，或换一个路径");
    }
    const mode_t old = ::umask(077);
    try {
        {
            SQLite::Database dest(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            copy_all(dest, db.sql());
        }
    } catch (...) {
        ::umask(old);
        // Never leave a partial copy behind (nor its journal).
        std::filesystem::remove(path, ec);
        std::filesystem::remove(path + "-journal", ec);
        throw;
    }
    ::umask(old);
}

std::vector<CheckFinding> check(Database& db) {
    std::vector<CheckFinding> out;
    {
        SQLite::Statement q(db.sql(), "PRAGMA integrity_check");
        while (q.executeStep()) {
            const auto line = q.getColumn(0).getString();
            if (line != "ok") {
                out.push_back({"integrity", line});
            }
        }
    }
    {
        SQLite::Statement q(db.sql(), "PRAGMA foreign_key_check");
        while (q.executeStep()) {
            out.push_back({"foreign_keys",
                           fmt::format("{} 第 {} 行引用的 {} 不存在",
                                       q.getColumn(0).getString(),
                                       q.getColumn(1).getInt64(),
                                       q.getColumn(2).getString())});
        }
    }
    const auto audit = audit::verify(db);
    if (!audit.ok) {
        out.push_back({"audit", audit.reason});
    }
    return out;
}

std::vector<std::pair<std::string, std::string>> stats(Database& db) {
    std::vector<std::pair<std::string, std::string>> out;
    out.emplace_back("path", db.path());
    out.emplace_back("schema_version", fmt::format("{}/{}", db.schema_version(), latest_version()));
    std::error_code ec;
    const auto size = std::filesystem::file_size(db.path(), ec);
    out.emplace_back("file_bytes", ec ? "-" : std::to_string(size));
    SQLite::Statement tables(
        db.sql(),
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        " AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT GLOB '*_fts_*' ORDER BY name");
    std::vector<std::string> names;
    while (tables.executeStep()) {
        names.push_back(tables.getColumn(0).getString());
    }
    for (const auto& name : names) {
        // Table names come from sqlite_schema, not from the user: quoting them is enough.
        SQLite::Statement count(db.sql(), fmt::format("SELECT count(*) FROM \"{}\"", name));
        count.executeStep();
        out.emplace_back("rows." + name, std::to_string(count.getColumn(0).getInt64()));
    }
    out.emplace_back("audit_head", audit::head(db));
    return out;
}

} // namespace hujing::storage
