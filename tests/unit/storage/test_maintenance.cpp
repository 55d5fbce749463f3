// SPDX-License-Identifier: GPL-3.0-or-later
#include "testutil.hpp"

#include <hujing/error.hpp>
#include <hujing/storage/database.hpp>
#include <hujing/storage/maintenance.hpp>
#include <hujing/storage/migrate.hpp>

#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>

using namespace hujing;

namespace {

// A fresh WAL database file under the run directory, with one setting row.
std::unique_ptr<storage::Database> make_db(const std::string& name) {
    const auto path = (test::run_dir() / name).string();
    std::filesystem::remove(path);
    auto db = storage::Database::create(path, storage::Actor{"t", "test", {}, std::nullopt});
    db->sql().exec("INSERT INTO setting(key, value) VALUES ('case.stale_days', '90')");
    return db;
}

} // namespace

TEST_SUITE("hujing::storage::maintenance") {
    TEST_CASE("a backup is a complete copy of the database") {
        auto db = make_db("backup-ok.db");
        const auto target = (test::run_dir() / "backup-ok.copy").string();
        storage::backup(*db, target);
        SQLite::Database copy(target, SQLite::OPEN_READONLY);
        CHECK(copy.execAndGet("SELECT value FROM setting").getString() == "90");
    }

    TEST_CASE("a source locked beyond the busy timeout is exit 6 and leaves no partial copy") {
        // A rollback-journal database (an old file, or one a tool switched out of WAL): a
        // writer's EXCLUSIVE lock keeps every reader out, so each backup step reports BUSY.
        const auto path = (test::run_dir() / "backup-busy.db").string();
        std::filesystem::remove(path);
        {
            SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            storage::migrate(raw, "");
        }
        auto db = storage::Database::open(path, storage::Actor{"t", "test", {}, std::nullopt});
        db->sql().exec("PRAGMA busy_timeout = 200");
        SQLite::Database other(path, SQLite::OPEN_READWRITE);
        other.exec("BEGIN EXCLUSIVE");
        other.exec("INSERT INTO setting(key, value) VALUES ('x', '1')");
        const auto target = (test::run_dir() / "backup-busy.copy").string();
        try {
            storage::backup(*db, target);
            FAIL("backup reported success while the source was locked");
        } catch (const Error& e) {
            CHECK(e.code() == Exit::busy);
        }
        CHECK_FALSE(std::filesystem::exists(target));
        other.exec("ROLLBACK");
        storage::backup(*db, target);
        CHECK(std::filesystem::exists(target));
    }
}
