// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/error.hpp>
#include <hujing/util/money.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <string>

namespace {

using hujing::Error;
using hujing::Exit;
using namespace hujing::util;

// Return the exit code of the hujing::Error that `parse_yuan(text)` throws, or Exit::ok.
Exit parse_error(std::string_view text) {
    try {
        (void)parse_yuan(text);
    } catch (const Error& e) {
        return e.code();
    }
    return Exit::ok;
}

} // namespace

TEST_SUITE("hujing::util::money") {
    TEST_CASE("parse_yuan converts yuan with up to two decimals into fen") {
        CHECK(parse_yuan("12.3") == 1230);
        CHECK(parse_yuan("0.05") == 5);
        CHECK(parse_yuan("1234.56") == 123456);
        CHECK(parse_yuan("1234") == 123400);
        CHECK(parse_yuan("0") == 0);
        CHECK(parse_yuan("0.1") == 10);
        CHECK(parse_yuan("+7.50") == 750);
        CHECK(parse_yuan("007") == 700);
    }

    TEST_CASE("parse_yuan rejects more than two decimals") {
        CHECK_THROWS_AS(parse_yuan("1.234"), Error);
        CHECK(parse_error("1.234") == Exit::invalid);
        CHECK(parse_error("0.001") == Exit::invalid);
    }

    TEST_CASE("parse_yuan rejects negative, empty and malformed amounts") {
        for (const char* text : {"-1",
                                 "-0.5",
                                 "",
                                 "+",
                                 "1e3",
                                 "1E3",
                                 ".5",
                                 "1.",
                                 "1,000",
                                 "1 000",
                                 " 1",
                                 "1.2.3",
                                 "abc",
                                 "1.x",
                                 "0x10",
                                 "１２"}) {
            CAPTURE(text);
            CHECK_THROWS_AS(parse_yuan(text), Error);
            CHECK(parse_error(text) == Exit::invalid);
        }
    }

    TEST_CASE("parse_yuan rejects an amount too large for fen in 64 bits") {
        CHECK(parse_error("99999999999999999999") == Exit::invalid);
        CHECK(parse_yuan("92233720368547757.00") == 9223372036854775700);
        CHECK(parse_error("92233720368547758") == Exit::invalid);
    }

    TEST_CASE("format_yuan prints exactly two decimals") {
        CHECK(format_yuan(123456) == "1234.56");
        CHECK(format_yuan(1230) == "12.30");
        CHECK(format_yuan(5) == "0.05");
        CHECK(format_yuan(0) == "0.00");
        CHECK(format_yuan(-5) == "-0.05");
        CHECK(format_yuan(-123456) == "-1234.56");
        CHECK(format_yuan(std::numeric_limits<std::int64_t>::min()) == "-92233720368547758.08");
    }

    TEST_CASE("format_yuan and parse_yuan round-trip") {
        for (const std::int64_t fen : {0, 1, 9, 10, 99, 100, 101, 123456, 100000000}) {
            CAPTURE(fen);
            CHECK(parse_yuan(format_yuan(fen)) == fen);
        }
    }

    TEST_CASE("format_percent prints one decimal, rounding halves up") {
        CHECK(format_percent(7, 8) == "87.5%");
        CHECK(format_percent(1, 3) == "33.3%");
        CHECK(format_percent(2, 3) == "66.7%");
        CHECK(format_percent(1, 2000) == "0.1%"); // exactly 0.05%
        CHECK(format_percent(1, 2001) == "0.0%");
        CHECK(format_percent(0, 5) == "0.0%");
        CHECK(format_percent(5, 5) == "100.0%");
        CHECK(format_percent(3, 2) == "150.0%");
    }

    TEST_CASE("format_percent prints a dash for a zero denominator") {
        CHECK(format_percent(0, 0) == "-");
        CHECK(format_percent(3, 0) == "-");
    }

    TEST_CASE("format_percent prints one sign for a negative ratio") {
        CHECK(format_percent(-1, 3) == "-33.3%");
        CHECK(format_percent(1, -3) == "-33.3%");
        CHECK(format_percent(-1, -3) == "33.3%");
        CHECK(format_percent(-1, 2000) == "-0.1%");
        CHECK(format_percent(-1, 3000) == "0.0%");
    }

    TEST_CASE("format_percent does not overflow on large fen amounts") {
        // 100 billion yuan recovered of 300 billion: 1e13 / 3e13 fen.
        CHECK(format_percent(10'000'000'000'000, 30'000'000'000'000) == "33.3%");
    }
}
