// SPDX-License-Identifier: GPL-3.0-or-later
#include "testutil.hpp"

#include <hujing/error.hpp>
#include <hujing/storage/database.hpp>
#include <hujing/storage/migrate.hpp>

#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <filesystem>

using namespace hujing;

TEST_SUITE("hujing::storage::migrate") {
    TEST_CASE("migrations are numbered 1..N without gaps") {
        const auto& all = storage::migrations();
        REQUIRE(!all.empty());
        for (std::size_t i = 0; i < all.size(); ++i) {
            CHECK(all[i].version == static_cast<int>(i) + 1);
        }
        CHECK(storage::latest_version() == static_cast<int>(all.size()));
    }

    TEST_CASE("every earlier version migrates forward to the latest") {
        for (int start = 0; start < storage::latest_version(); ++start) {
            CAPTURE(start);
            SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            db.exec("PRAGMA foreign_keys = ON");
            if (start > 0) {
                storage::migrate(db, "", start);
            }
            CHECK(db.execAndGet("PRAGMA user_version").getInt() == start);
            storage::migrate(db, "");
            CHECK(db.execAndGet("PRAGMA user_version").getInt() == storage::latest_version());
            SQLite::Statement fk(db, "PRAGMA foreign_key_check");
            CHECK_FALSE(fk.executeStep());
            CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
        }
    }

    TEST_CASE("an older file is upgraded in place on open, with a backup beside it") {
        const auto path = (test::run_dir() / "old.db").string();
        {
            SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            db.exec("PRAGMA journal_mode = WAL"); // as `hujing init` leaves it
            storage::migrate(db, "", 1);
            db.exec("INSERT INTO setting(key, value) VALUES ('case.stale_days', '90')");
        }
        auto db = storage::Database::open(path, storage::Actor{"t", "test"});
        CHECK(db->schema_version() == storage::latest_version());
        CHECK(db->sql().execAndGet("SELECT value FROM setting").getString() == "90");
        const auto backup = path + ".bak-v1";
        REQUIRE(std::filesystem::exists(backup));
        SQLite::Database old(backup, SQLite::OPEN_READONLY);
        CHECK(old.execAndGet("PRAGMA user_version").getInt() == 1);
    }

    TEST_CASE("a file newer than the binary is refused with the schema exit status") {
        const auto path = (test::run_dir() / "newer.db").string();
        {
            SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            storage::migrate(db, "");
            db.exec("PRAGMA user_version = 999");
        }
        try {
            storage::Database::open(path, storage::Actor{});
            FAIL("expected an error");
        } catch (const Error& e) {
            CHECK(e.code() == Exit::schema);
        }
    }

    TEST_CASE("opening a missing file is not found and creates nothing") {
        const auto path = (test::run_dir() / "missing.db").string();
        try {
            storage::Database::open(path, storage::Actor{});
            FAIL("expected an error");
        } catch (const Error& e) {
            CHECK(e.code() == Exit::not_found);
        }
        CHECK_FALSE(std::filesystem::exists(path));
    }

    TEST_CASE("a created database file has mode 0600 and WAL journaling") {
        const auto path = (test::run_dir() / "created.db").string();
        auto db = storage::Database::create(path, storage::Actor{});

        struct stat st {};

        REQUIRE(::stat(path.c_str(), &st) == 0);
        CHECK((st.st_mode & 0777) == 0600);
        CHECK(db->sql().execAndGet("PRAGMA journal_mode").getString() == "wal");
        CHECK(db->sql().execAndGet("PRAGMA foreign_keys").getInt() == 1);
    }
}
