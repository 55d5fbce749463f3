// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/error.hpp>
#include <hujing/util/date.hpp>

#include <doctest/doctest.h>

#include <string>

namespace {

using hujing::Error;
using hujing::Exit;
using namespace hujing::util;

Date date(const char* text) {
    const auto parsed = parse_iso_date(text);
    REQUIRE(parsed.has_value());
    return *parsed;
}

// Check that `period` runs from `from` to `to` with `label`.
void check_period(const Period& period, const char* from, const char* to, const char* label) {
    CHECK(format_date(period.from) == from);
    CHECK(format_date(period.to) == to);
    CHECK(period.label == label);
}

// Return the exit code of the hujing::Error thrown by `body`.
template <typename F>
Exit thrown_code(F&& body) {
    try {
        body();
    } catch (const Error& e) {
        return e.code();
    }
    return Exit::ok;
}

} // namespace

TEST_SUITE("hujing::util::date") {
    TEST_CASE("parse_iso_date accepts real YYYY-MM-DD dates and round-trips them") {
        for (const char* text :
             {"2025-01-01", "2024-02-29", "2000-02-29", "1900-01-01", "2999-12-31"}) {
            CAPTURE(text);
            const auto parsed = parse_iso_date(text);
            REQUIRE(parsed.has_value());
            CHECK(format_date(*parsed) == text);
        }
    }

    TEST_CASE("parse_iso_date rejects impossible dates such as 2025-02-29") {
        for (const char* text : {"2025-02-29",
                                 "1900-02-29",
                                 "2025-04-31",
                                 "2025-13-01",
                                 "2025-00-10",
                                 "2025-01-00",
                                 "2025-01-32"}) {
            CAPTURE(text);
            CHECK_FALSE(parse_iso_date(text).has_value());
        }
    }

    TEST_CASE("parse_iso_date rejects anything but strict YYYY-MM-DD in 1900..2999") {
        for (const char* text : {"",
                                 "2025-1-01",
                                 "2025-01-1",
                                 "2025/01/01",
                                 "20250101",
                                 " 2025-01-01",
                                 "2025-01-01 ",
                                 "2025-01-01T00",
                                 "+025-01-01",
                                 "1899-12-31",
                                 "3000-01-01",
                                 "２０２５-01-01"}) {
            CAPTURE(text);
            CHECK_FALSE(parse_iso_date(text).has_value());
        }
    }

    TEST_CASE("parse_date_arg understands today and yesterday, and throws Exit::invalid") {
        const Date today = date("2025-03-01");
        CHECK(format_date(parse_date_arg("today", today)) == "2025-03-01");
        CHECK(format_date(parse_date_arg("yesterday", today)) == "2025-02-28");
        CHECK(format_date(parse_date_arg("2024-02-29", today)) == "2024-02-29");
        CHECK_THROWS_AS(parse_date_arg("2025-02-29", today), Error);
        CHECK(thrown_code([&] { (void)parse_date_arg("2025-02-29", today); }) == Exit::invalid);
        CHECK(thrown_code([&] { (void)parse_date_arg("tomorrow", today); }) == Exit::invalid);
    }

    TEST_CASE("add_days, days_between and iso_weekday agree across months and years") {
        CHECK(format_date(add_days(date("2024-12-31"), 1)) == "2025-01-01");
        CHECK(format_date(add_days(date("2024-03-01"), -1)) == "2024-02-29");
        CHECK(format_date(add_days(date("2025-03-01"), -1)) == "2025-02-28");
        CHECK(days_between(date("2025-01-01"), date("2026-01-01")) == 365);
        CHECK(days_between(date("2024-01-01"), date("2025-01-01")) == 366);
        CHECK(days_between(date("2025-10-13"), date("2025-09-29")) == -14);
        CHECK(iso_weekday(date("2025-09-29")) == 1); // Monday
        CHECK(iso_weekday(date("2026-01-04")) == 7); // Sunday
        CHECK(iso_weekday(date("1970-01-01")) == 4); // Thursday
    }

    TEST_CASE("parse_period reads a quarter such as 2025Q3") {
        const Date today = date("2025-10-15");
        check_period(parse_period("2025Q1", today), "2025-01-01", "2025-03-31", "2025Q1");
        check_period(parse_period("2025Q3", today), "2025-07-01", "2025-09-30", "2025Q3");
        check_period(parse_period("2025Q4", today), "2025-10-01", "2025-12-31", "2025Q4");
        check_period(parse_period("2025q2", today), "2025-04-01", "2025-06-30", "2025Q2");
    }

    TEST_CASE("parse_period reads a month, with the leap day of February 2024") {
        const Date today = date("2025-10-15");
        check_period(parse_period("2025-02", today), "2025-02-01", "2025-02-28", "2025-02");
        check_period(parse_period("2024-02", today), "2024-02-01", "2024-02-29", "2024-02");
        check_period(parse_period("2025-12", today), "2025-12-01", "2025-12-31", "2025-12");
    }

    TEST_CASE("parse_period reads a whole year") {
        check_period(parse_period("2025", date("2025-10-15")), "2025-01-01", "2025-12-31", "2025");
    }

    TEST_CASE("last-quarter from the first quarter is the fourth quarter of the year before") {
        check_period(
            parse_period("last-quarter", date("2026-02-10")), "2025-10-01", "2025-12-31", "2025Q4");
        check_period(
            parse_period("last-quarter", date("2026-01-01")), "2025-10-01", "2025-12-31", "2025Q4");
        check_period(
            parse_period("last-quarter", date("2025-10-01")), "2025-07-01", "2025-09-30", "2025Q3");
    }

    TEST_CASE("this-quarter is the quarter containing today") {
        check_period(
            parse_period("this-quarter", date("2025-10-15")), "2025-10-01", "2025-12-31", "2025Q4");
        check_period(
            parse_period("this-quarter", date("2025-03-31")), "2025-01-01", "2025-03-31", "2025Q1");
    }

    TEST_CASE("parse_period rejects anything else with Exit::invalid") {
        const Date today = date("2025-10-15");
        for (const char* text : {"",
                                 "2025Q5",
                                 "2025Q0",
                                 "2025-13",
                                 "2025-00",
                                 "2025-2",
                                 "25",
                                 "1899",
                                 "next-quarter",
                                 "2025-Q1",
                                 "2025-02-01"}) {
            CAPTURE(text);
            CHECK_THROWS_AS(parse_period(text, today), Error);
            CHECK(thrown_code([&] { (void)parse_period(text, today); }) == Exit::invalid);
        }
    }

    TEST_CASE("make_period spans from..to and rejects an inverted range") {
        check_period(make_period(date("2025-01-15"), date("2025-02-15")),
                     "2025-01-15",
                     "2025-02-15",
                     "2025-01-15..2025-02-15");
        check_period(make_period(date("2025-01-15"), date("2025-01-15")),
                     "2025-01-15",
                     "2025-01-15",
                     "2025-01-15..2025-01-15");
        CHECK(thrown_code([&] { (void)make_period(date("2025-02-15"), date("2025-01-15")); })
              == Exit::invalid);
    }

    TEST_CASE("quarter_of labels the quarter of a date") {
        check_period(quarter_of(date("2024-02-29")), "2024-01-01", "2024-03-31", "2024Q1");
        check_period(quarter_of(date("2025-06-30")), "2025-04-01", "2025-06-30", "2025Q2");
        check_period(quarter_of(date("2025-07-01")), "2025-07-01", "2025-09-30", "2025Q3");
    }
}
