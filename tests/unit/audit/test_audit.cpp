// SPDX-License-Identifier: GPL-3.0-or-later
#include "testutil.hpp"

#include <hujing/audit/audit.hpp>
#include <hujing/storage/database.hpp>
#include <hujing/storage/transaction.hpp>

#include <doctest/doctest.h>

using namespace hujing;

namespace {

std::unique_ptr<storage::Database> db_with_rows(int n) {
    auto db =
        storage::Database::open_memory(storage::Actor{"100001", "hujing test", {}, std::nullopt});
    for (int i = 0; i < n; ++i) {
        storage::WriteTransaction tx(*db);
        tx.audit("thing", i + 1, "add", nullptr, nlohmann::json{{"n", i}});
        tx.commit();
    }
    return db;
}

} // namespace

TEST_SUITE("hujing::audit") {
    TEST_CASE("an intact chain verifies and its head is the last hash") {
        auto db = db_with_rows(5);
        const auto result = audit::verify(*db);
        CHECK(result.ok);
        CHECK(result.rows == 5);
        CHECK(result.head == audit::head(*db));
        CHECK(result.head.size() == 64);
    }

    TEST_CASE("the empty chain verifies with the genesis head") {
        auto db = db_with_rows(0);
        CHECK(audit::verify(*db).ok);
        CHECK(audit::head(*db) == audit::k_genesis);
    }

    TEST_CASE("the triggers refuse updates and deletes") {
        auto db = db_with_rows(2);
        CHECK_THROWS(db->sql().exec("UPDATE audit_log SET actor = 'x' WHERE id = 1"));
        CHECK_THROWS(db->sql().exec("DELETE FROM audit_log WHERE id = 2"));
    }

    TEST_CASE("an altered row is found even after the triggers are dropped") {
        auto db = db_with_rows(4);
        db->sql().exec("DROP TRIGGER audit_log_no_update");
        db->sql().exec("UPDATE audit_log SET after = '{\"n\":99}' WHERE id = 3");
        const auto result = audit::verify(*db);
        CHECK_FALSE(result.ok);
        CHECK(result.bad_id == 3);
    }

    TEST_CASE("a removed middle row is found") {
        auto db = db_with_rows(4);
        db->sql().exec("DROP TRIGGER audit_log_no_delete");
        db->sql().exec("DELETE FROM audit_log WHERE id = 2");
        const auto result = audit::verify(*db);
        CHECK_FALSE(result.ok);
        CHECK(result.bad_id == 3);
    }

    TEST_CASE("a truncated tail is found through the AUTOINCREMENT sequence") {
        auto db = db_with_rows(4);
        db->sql().exec("DROP TRIGGER audit_log_no_delete");
        db->sql().exec("DELETE FROM audit_log WHERE id = 4");
        const auto result = audit::verify(*db);
        CHECK_FALSE(result.ok);
        CHECK(result.bad_id == 4);
    }

    TEST_CASE("a rewritten chain with recomputed hashes still breaks at the first edit's successor "
              "link") {
        auto db = db_with_rows(3);
        db->sql().exec("DROP TRIGGER audit_log_no_update");
        // Recompute row 2's own hash after editing it: its successor's prev_hash no longer matches.
        auto rows = audit::log(*db, {});
        auto e = rows[1];
        e.actor = "intruder";
        const auto forged = audit::compute_hash(e);
        SQLite::Statement q(db->sql(),
                            "UPDATE audit_log SET actor = 'intruder', hash = ? WHERE id = 2");
        q.bind(1, forged);
        q.exec();
        const auto result = audit::verify(*db);
        CHECK_FALSE(result.ok);
        CHECK(result.bad_id == 3);
    }

    TEST_CASE("a rolled-back transaction leaves no audit row") {
        auto db = db_with_rows(1);
        {
            storage::WriteTransaction tx(*db);
            tx.audit("thing", 9, "add", nullptr, nlohmann::json{{"n", 9}});
        }
        CHECK(audit::verify(*db).rows == 1);
        CHECK(audit::verify(*db).ok);
    }

    TEST_CASE("the log filters by entity and actor") {
        auto db = db_with_rows(3);
        audit::LogQuery q;
        q.entity = "thing";
        q.entity_id = 2;
        CHECK(audit::log(*db, q).size() == 1);
        q = {};
        q.actor = "nobody";
        CHECK(audit::log(*db, q).empty());
    }
}
