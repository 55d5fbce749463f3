// SPDX-License-Identifier: GPL-3.0-or-later
#include "testutil.hpp"

#include <hujing/error.hpp>
#include <hujing/util/number.hpp>
#include <hujing/util/pii.hpp>

#include <doctest/doctest.h>

using namespace hujing;

TEST_SUITE("hujing::util::number") {
    TEST_CASE("to_int64 takes a whole decimal integer and nothing else") {
        CHECK(util::to_int64("42") == 42);
        CHECK(util::to_int64("-7") == -7);
        CHECK(util::to_int64("0") == 0);
        CHECK_FALSE(util::to_int64("").has_value());
        CHECK_FALSE(util::to_int64(" 4").has_value());
        CHECK_FALSE(util::to_int64("4x").has_value());
        CHECK_FALSE(util::to_int64("+4").has_value());
        CHECK_FALSE(util::to_int64("99999999999999999999").has_value());
    }

    TEST_CASE("parse_id accepts a positive integer and names what is wrong in Chinese") {
        CHECK(util::parse_id("12", "走访") == 12);
        for (const char* bad : {"0", "-3", "x", "", "1.5"}) {
            CAPTURE(bad);
            try {
                util::parse_id(bad, "诉求");
                FAIL("accepted");
            } catch (const Error& e) {
                CHECK(e.code() == Exit::invalid);
                CHECK(std::string(e.what()) == std::string("诉求编号无效: ") + bad);
                CHECK(e.hint() == "应为正整数");
            }
        }
    }

    TEST_CASE("check_phone accepts 5 to 20 digits with spaces, + and -") {
        CHECK_NOTHROW(util::check_phone("0575-87012345"));
        CHECK_NOTHROW(util::check_phone("+86 138 0000 0000"));
        CHECK_THROWS_AS(util::check_phone("1234"), Error);
        CHECK_THROWS_AS(util::check_phone("138x0000000"), Error);
    }
}
