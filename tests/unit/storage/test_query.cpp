// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/error.hpp>
#include <hujing/storage/query.hpp>

#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace hujing;

namespace {

// A table t(id, name, town) of five rows; town is NULL for id 5.
SQLite::Database sample_db() {
    SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, town TEXT);"
            "INSERT INTO t VALUES (1, 'a', '店口镇'), (2, 'b', '大唐街道'), (3, 'c', '店口镇'),"
            " (4, 'd', '大唐街道'), (5, 'e', NULL);");
    return db;
}

storage::ListQuery sample_query() {
    return storage::ListQuery(
        "SELECT id FROM t", {{"id", "t.id"}, {"name", "t.name"}, {"town", "t.town"}}, "t.id");
}

std::vector<std::int64_t>
ids(SQLite::Database& db, const storage::ListQuery& query, const storage::ListPaging& paging = {}) {
    std::vector<std::int64_t> out;
    query.run(db, paging, [&](SQLite::Statement& q) { out.push_back(q.getColumn(0).getInt64()); });
    return out;
}

} // namespace

TEST_SUITE("hujing::storage::query") {
    TEST_CASE("without filters or paging every row comes in the default order") {
        auto db = sample_db();
        CHECK(ids(db, sample_query()) == std::vector<std::int64_t>{1, 2, 3, 4, 5});
    }

    TEST_CASE("an unknown sort key is invalid input naming the whitelisted keys") {
        auto db = sample_db();
        try {
            ids(db, sample_query(), {std::nullopt, std::nullopt, "-mobile"});
            FAIL("expected an error");
        } catch (const Error& e) {
            CHECK(e.code() == Exit::invalid);
            CHECK(std::string(e.what()) == "未知的排序字段: mobile");
            CHECK(e.hint() == "可用字段: id,name,town");
        }
    }

    TEST_CASE("a sort key is never pasted into the SQL, only its whitelisted expression") {
        CHECK_THROWS_AS(sample_query().sql({std::nullopt, std::nullopt, "id; DROP TABLE t"}),
                        Error);
        CHECK(sample_query().sql({std::nullopt, std::nullopt, "-name"}).find("t.name DESC")
              != std::string::npos);
    }

    TEST_CASE("descending sort puts NULLs last and breaks ties by the default order") {
        auto db = sample_db();
        CHECK(ids(db, sample_query(), {std::nullopt, std::nullopt, "-town"})
              == std::vector<std::int64_t>{1, 3, 2, 4, 5});
        CHECK(ids(db, sample_query(), {std::nullopt, std::nullopt, "town"})
              == std::vector<std::int64_t>{2, 4, 1, 3, 5});
    }

    TEST_CASE("limit and offset are bound parameters, not text") {
        const auto sql = sample_query().sql({5, 10, ""});
        CHECK(sql.find("LIMIT ? OFFSET ?") != std::string::npos);
        CHECK(sql.find("10") == std::string::npos);
        auto db = sample_db();
        CHECK(ids(db, sample_query(), {2, 1, ""}) == std::vector<std::int64_t>{2, 3});
        CHECK(ids(db, sample_query(), {std::nullopt, 3, ""}) == std::vector<std::int64_t>{4, 5});
        CHECK(ids(db, sample_query(), {0, std::nullopt, ""}).empty());
    }

    TEST_CASE("filters combine with AND and bind their values in order") {
        auto db = sample_db();
        auto query = sample_query();
        query.add("t.town = ?", {std::string("店口镇")});
        query.add("t.id > ?", {std::int64_t{1}});
        CHECK(ids(db, query) == std::vector<std::int64_t>{3});
        query.add("t.name = ? OR t.name = ?", {std::string("a"), std::string("c")});
        CHECK(ids(db, query, {1, 0, "-id"}) == std::vector<std::int64_t>{3});
    }

    TEST_CASE("a filter value is bound, so quotes in it match literally") {
        auto db = sample_db();
        auto query = sample_query();
        query.add("t.name = ?", {std::string("a' OR '1'='1")});
        CHECK(ids(db, query).empty());
    }

    TEST_CASE("built-in rows sort and page in SQL like a table, in their order by default") {
        SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        const auto query = storage::ListQuery::over_values({"key", "default"},
                                                           {{std::string("b"), std::int64_t{2}},
                                                            {std::string("a"), std::int64_t{3}},
                                                            {std::string("c"), std::int64_t{1}}});
        std::vector<std::string> keys;
        auto collect = [&](const storage::ListPaging& paging) {
            keys.clear();
            query.run(db, paging, [&](SQLite::Statement& q) {
                keys.push_back(q.getColumn(0).getString());
            });
            return keys;
        };
        CHECK(collect({}) == std::vector<std::string>{"b", "a", "c"});
        CHECK(collect({std::nullopt, std::nullopt, "default"})
              == std::vector<std::string>{"c", "b", "a"});
        CHECK(collect({1, 1, "-key"}) == std::vector<std::string>{"b"});
        CHECK_THROWS_AS(collect({std::nullopt, std::nullopt, "ord"}), Error);
    }
}
