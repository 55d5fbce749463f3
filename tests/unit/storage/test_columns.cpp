// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/storage/columns.hpp>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <doctest/doctest.h>

#include <cstdint>
#include <optional>
#include <string>

using namespace hujing;

TEST_SUITE("hujing::storage::columns") {
    TEST_CASE("read_columns fills each field by its type, NULL as an empty optional") {
        SQLite::Database db(":memory:", SQLite::OPEN_READWRITE);
        SQLite::Statement q(db, "SELECT 9007199254740993, '诸暨', NULL, 7, NULL, 'x', 0, 1, 42");
        REQUIRE(q.executeStep());
        std::int64_t big = 0;
        std::string town;
        std::optional<std::string> none_text = "stale";
        std::optional<std::int64_t> seven;
        std::optional<std::int64_t> none_int = 3;
        std::optional<std::string> x;
        bool no = true;
        std::optional<bool> yes;
        int small = 0;
        storage::read_columns(q, big, town, none_text, seven, none_int, x, no, yes, small);
        CHECK(big == 9007199254740993); // beyond a double's exact integers
        CHECK(town == "诸暨");
        CHECK_FALSE(none_text.has_value());
        CHECK(seven == 7);
        CHECK_FALSE(none_int.has_value());
        CHECK(x == "x");
        CHECK_FALSE(no);
        CHECK(yes == true);
        CHECK(small == 42);
    }

    TEST_CASE("read_columns_from starts at the column given") {
        SQLite::Database db(":memory:", SQLite::OPEN_READWRITE);
        SQLite::Statement q(db, "SELECT 1, 2, 'three'");
        REQUIRE(q.executeStep());
        std::int64_t two = 0;
        std::string three;
        storage::read_columns_from(q, 1, two, three);
        CHECK(two == 2);
        CHECK(three == "three");
    }
}
