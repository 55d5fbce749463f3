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

TEST_SUITE("hujing::audit anchors") {
    TEST_CASE("the head anchor is the newest row and checks out; text round-trips") {
        auto db = db_with_rows(4);
        const auto head = audit::head_anchor(*db);
        CHECK(head.id == 4);
        CHECK(head.hash == audit::head(*db));
        CHECK_FALSE(audit::check_anchor(*db, head));
        const auto parsed = audit::parse_anchor(head.text());
        REQUIRE(parsed);
        CHECK(parsed->id == 4);
        CHECK(parsed->hash == head.hash);
        CHECK_FALSE(audit::parse_anchor("4:" + head.hash.substr(1)));
        CHECK_FALSE(audit::parse_anchor("x:" + head.hash));
    }

    TEST_CASE("anchors are found in report footers and lists, not inside longer words") {
        const std::string h(64, 'a');
        const auto found = audit::find_anchors("审计链头: 12:" + h + "\n7:" + h + "\nx9:" + h);
        REQUIRE(found.size() == 2);
        CHECK(found[0].id == 12);
        CHECK(found[1].id == 7);
        CHECK(audit::find_anchors("12:" + h + "b").empty());
    }

    TEST_CASE("a cut tail and a recomputed chain both fail the anchor, naming the row") {
        auto db = db_with_rows(4);
        const auto anchor = audit::head_anchor(*db);
        auto& sql = db->sql();
        sql.exec("DROP TRIGGER audit_log_no_delete");
        sql.exec("DELETE FROM audit_log WHERE id >= 3");
        sql.exec("UPDATE sqlite_sequence SET seq = 2 WHERE name = 'audit_log'");
        CHECK(audit::verify(*db).ok); // the plain chain cannot tell
        const auto why = audit::check_anchor(*db, anchor);
        REQUIRE(why);
        CHECK(why->find("第 4 行已不在审计链中") != std::string::npos);

        auto db2 = db_with_rows(3);
        const auto anchor2 = audit::head_anchor(*db2);
        auto& sql2 = db2->sql();
        sql2.exec("DROP TRIGGER audit_log_no_update");
        // Rewrite row 2 and recompute every hash after it: verify passes, the anchor does not.
        sql2.exec("UPDATE audit_log SET actor = 'forged' WHERE id = 2");
        std::string prev(audit::k_genesis);
        for (const auto& e : audit::log(*db2, {})) {
            auto fixed = e;
            fixed.prev_hash = prev;
            fixed.hash = audit::compute_hash(fixed);
            SQLite::Statement up(sql2, "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?");
            up.bind(1, fixed.prev_hash);
            up.bind(2, fixed.hash);
            up.bind(3, fixed.id);
            up.exec();
            prev = fixed.hash;
        }
        CHECK(audit::verify(*db2).ok);
        const auto why2 = audit::check_anchor(*db2, anchor2);
        REQUIRE(why2);
        CHECK(why2->find("第 3 行的哈希与锚点不符") != std::string::npos);
    }

    TEST_CASE("the empty chain's anchor is row 0 with the genesis hash") {
        auto db = db_with_rows(0);
        const auto head = audit::head_anchor(*db);
        CHECK(head.id == 0);
        CHECK_FALSE(audit::check_anchor(*db, head));
    }
}
