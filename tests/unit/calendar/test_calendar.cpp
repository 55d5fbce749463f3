// SPDX-License-Identifier: GPL-3.0-or-later
#include "testutil.hpp"

#include <hujing/calendar/calendar.hpp>
#include <hujing/embedded.hpp>
#include <hujing/error.hpp>
#include <hujing/util/date.hpp>

#include <doctest/doctest.h>

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

namespace {

using hujing::Error;
using hujing::Exit;
using hujing::calendar::Calendar;
using hujing::util::Date;
using hujing::util::format_date;

Date date(const char* text) {
    const auto parsed = hujing::util::parse_iso_date(text);
    REQUIRE(parsed.has_value());
    return *parsed;
}

// Run `body` with file descriptor 2 redirected to a file; return what was written to it.
std::string capture_stderr(const std::function<void()>& body) {
    const auto path = (hujing::test::run_dir() / "stderr.txt").string();
    std::fflush(stderr);
    const int saved = ::dup(2);
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    REQUIRE(saved >= 0);
    REQUIRE(fd >= 0);
    ::dup2(fd, 2);
    ::close(fd);
    try {
        body();
    } catch (...) {
        std::fflush(stderr);
        ::dup2(saved, 2);
        ::close(saved);
        throw;
    }
    std::fflush(stderr);
    ::dup2(saved, 2);
    ::close(saved);
    std::ifstream in(path);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::size_t count_of(const std::string& text, const std::string& needle) {
    std::size_t n = 0;
    for (auto pos = text.find(needle); pos != std::string::npos;
         pos = text.find(needle, pos + needle.size())) {
        ++n;
    }
    return n;
}

// Load one document named "test.yaml" and return the error it raises.
Error load_error(const std::string& document) {
    try {
        (void)Calendar::from_yaml({document}, {"test.yaml"});
    } catch (const Error& e) {
        return e;
    }
    FAIL("the document was accepted");
    return Error(Exit::ok, "");
}

const char* const k_header = "year: 2027\nsource: test\nholidays:\n";
const char* const k_empty_2027 = "year: 2027\nholidays: []\n";

} // namespace

TEST_SUITE("hujing::calendar") {
    TEST_CASE("the built-in calendar covers 2025 and 2026 only") {
        const auto& cal = Calendar::builtin();
        CHECK(cal.covers(2025));
        CHECK(cal.covers(2026));
        CHECK_FALSE(cal.covers(2024));
        CHECK_FALSE(cal.covers(2027));
    }

    TEST_CASE("a demand routed on Monday 2025-09-29 with 5 working days is due on 2025-10-13") {
        const auto& cal = Calendar::builtin();
        const Date routed = date("2025-09-29");
        CHECK(format_date(cal.add_working_days(routed, 1)) == "2025-09-30");
        CHECK(format_date(cal.add_working_days(routed, 2)) == "2025-10-09");
        CHECK(format_date(cal.add_working_days(routed, 3)) == "2025-10-10");
        CHECK(format_date(cal.add_working_days(routed, 4)) == "2025-10-11");
        CHECK(format_date(cal.add_working_days(routed, 5)) == "2025-10-13");
        CHECK(cal.working_days_between(routed, date("2025-10-13")) == 5);
    }

    TEST_CASE("adding zero working days returns the start date, even on a holiday") {
        const auto& cal = Calendar::builtin();
        CHECK(format_date(cal.add_working_days(date("2025-10-01"), 0)) == "2025-10-01");
        CHECK(format_date(cal.add_working_days(date("2025-10-04"), 0)) == "2025-10-04");
    }

    TEST_CASE("the start date is not counted even when it is a working day") {
        const auto& cal = Calendar::builtin();
        CHECK(format_date(cal.add_working_days(date("2025-09-01"), 1)) == "2025-09-02");
        CHECK(format_date(cal.add_working_days(date("2025-09-05"), 1)) == "2025-09-08");
        CHECK(format_date(cal.add_working_days(date("2025-09-06"), 1)) == "2025-09-08");
    }

    TEST_CASE("the 2025 holidays and make-up working days are those of 国办发明电〔2024〕12号") {
        const auto& cal = Calendar::builtin();
        for (const char* off : {"2025-01-01",
                                "2025-01-28",
                                "2025-02-03",
                                "2025-02-04",
                                "2025-04-04",
                                "2025-05-01",
                                "2025-05-05",
                                "2025-05-31",
                                "2025-06-02",
                                "2025-10-01",
                                "2025-10-08"}) {
            CAPTURE(off);
            CHECK_FALSE(cal.is_working_day(date(off)));
            CHECK_FALSE(cal.holiday_name(date(off)).empty());
        }
        for (const char* on :
             {"2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"}) {
            CAPTURE(on);
            CHECK(cal.is_working_day(date(on)));
            CHECK(cal.holiday_name(date(on)).empty());
        }
        CHECK(cal.holiday_name(date("2025-01-29")) == "春节");
        CHECK(cal.holiday_name(date("2025-10-06")) == "国庆节、中秋节");
        CHECK(cal.is_working_day(date("2025-10-09")));
        CHECK_FALSE(cal.is_working_day(date("2025-10-12")));
        CHECK(cal.holiday_name(date("2025-10-12")).empty());
    }

    TEST_CASE("Saturdays 2026-02-14 and 2026-02-28 are working days around the 2026 Spring "
              "Festival") {
        const auto& cal = Calendar::builtin();
        CHECK(cal.is_working_day(date("2026-02-14")));
        CHECK(cal.is_working_day(date("2026-02-28")));
        for (Date d = date("2026-02-15"); d != date("2026-02-24");
             d = hujing::util::add_days(d, 1)) {
            CAPTURE(format_date(d));
            CHECK_FALSE(cal.is_working_day(d));
            CHECK(cal.holiday_name(d) == "春节");
        }
        CHECK(format_date(cal.add_working_days(date("2026-02-13"), 1)) == "2026-02-14");
        CHECK(format_date(cal.add_working_days(date("2026-02-13"), 2)) == "2026-02-24");
        CHECK(format_date(cal.add_working_days(date("2026-02-24"), 4)) == "2026-02-28");
        CHECK(format_date(cal.add_working_days(date("2026-02-24"), 5)) == "2026-03-02");
        // Feb 14, 24, 25, 26, 27, 28
        CHECK(cal.working_days_between(date("2026-02-13"), date("2026-02-28")) == 6);
    }

    TEST_CASE("Sunday 2026-01-04 is a working day after the 2026 New Year holiday") {
        const auto& cal = Calendar::builtin();
        CHECK(cal.is_working_day(date("2026-01-04")));
        CHECK_FALSE(cal.is_working_day(date("2026-01-02")));
        CHECK(cal.holiday_name(date("2026-01-02")) == "元旦");
        CHECK(format_date(cal.add_working_days(date("2025-12-31"), 1)) == "2026-01-04");
        CHECK(format_date(cal.add_working_days(date("2025-12-31"), 2)) == "2026-01-05");
    }

    TEST_CASE("the remaining 2026 dates follow the 2026 notice") {
        const auto& cal = Calendar::builtin();
        for (const char* off : {"2026-01-01",
                                "2026-01-03",
                                "2026-04-06",
                                "2026-05-01",
                                "2026-05-05",
                                "2026-06-19",
                                "2026-09-25",
                                "2026-10-01",
                                "2026-10-07"}) {
            CAPTURE(off);
            CHECK_FALSE(cal.is_working_day(date(off)));
        }
        for (const char* on : {"2026-05-09", "2026-09-20", "2026-10-10", "2026-10-08"}) {
            CAPTURE(on);
            CHECK(cal.is_working_day(date(on)));
        }
    }

    TEST_CASE("working days between counts (from, to] and is negative backwards") {
        const auto& cal = Calendar::builtin();
        CHECK(cal.working_days_between(date("2025-09-29"), date("2025-09-29")) == 0);
        CHECK(cal.working_days_between(date("2025-09-29"), date("2025-09-30")) == 1);
        CHECK(cal.working_days_between(date("2025-10-13"), date("2025-09-29")) == -5);
        CHECK(cal.working_days_between(date("2025-10-01"), date("2025-10-08")) == 0);
        // 2025: 261 Mondays–Fridays, 18 of them holidays (1+6+1+3+1+6), 5 working weekend
        // days: 248 working days.
        CHECK(cal.working_days_between(date("2024-12-31"), date("2025-12-31")) == 248);
    }

    TEST_CASE("working days between agrees with counting day by day") {
        const auto& cal = Calendar::builtin();
        const Date start = date("2024-12-31");
        int expected = 0;
        for (int i = 1; i <= 731; ++i) {
            const Date d = hujing::util::add_days(start, i);
            if (d.year() == std::chrono::year(2027)) {
                break;
            }
            expected += cal.is_working_day(d) ? 1 : 0;
            CHECK(cal.working_days_between(start, d) == expected);
            CHECK(cal.working_days_between(d, start) == -expected);
            if (cal.is_working_day(d)) {
                CHECK(format_date(cal.add_working_days(start, expected)) == format_date(d));
            }
        }
    }

    TEST_CASE("a negative count moves backwards over holidays") {
        const auto& cal = Calendar::builtin();
        CHECK(format_date(cal.add_working_days(date("2025-10-13"), -1)) == "2025-10-11");
        CHECK(format_date(cal.add_working_days(date("2025-10-09"), -1)) == "2025-09-30");
        CHECK(format_date(cal.add_working_days(date("2025-10-09"), -2)) == "2025-09-29");
        CHECK(format_date(cal.add_working_days(date("2025-10-09"), -3)) == "2025-09-28");
    }

    TEST_CASE("a year without a calendar file falls back to Monday to Friday") {
        const auto& cal = Calendar::builtin();
        const std::string err = capture_stderr([&] {
            CHECK_FALSE(cal.covers(2030));
            // 2030-01-01 is a Tuesday: New Year is not known, so it is a working day.
            CHECK(cal.is_working_day(date("2030-01-01")));
            CHECK_FALSE(cal.is_working_day(date("2030-01-05")));
            CHECK(format_date(cal.add_working_days(date("2030-09-27"), 5)) == "2030-10-04");
            CHECK(cal.working_days_between(date("2030-01-01"), date("2030-12-31")) == 260);
            CHECK(cal.holiday_name(date("2030-10-01")).empty());
        });
        CHECK(count_of(err, "2030 年没有载入官方节假日安排") == 1);
        CHECK(count_of(err, "hujing: 注意:") == 1);
    }

    TEST_CASE("the fallback notice is given once per year per process, across calendars") {
        const auto& cal = Calendar::builtin();
        const Calendar other = Calendar::from_yaml({}, {});
        const std::string first = capture_stderr([&] {
            (void)cal.working_days_between(date("2031-12-30"), date("2033-01-03"));
            (void)other.is_working_day(date("2032-06-01"));
            (void)cal.add_working_days(date("2031-06-01"), 40);
        });
        CHECK(count_of(first, "2031 年没有载入") == 1);
        CHECK(count_of(first, "2032 年没有载入") == 1);
        CHECK(count_of(first, "2033 年没有载入") == 1);
        CHECK(count_of(first, "hujing: 注意:") == 3);
        const std::string again =
            capture_stderr([&] { (void)other.is_working_day(date("2031-06-02")); });
        CHECK(again.empty());
    }

    TEST_CASE("a range inside loaded years gives no notice") {
        const auto& cal = Calendar::builtin();
        const std::string err = capture_stderr([&] {
            (void)cal.working_days_between(date("2024-12-31"), date("2026-12-31"));
            (void)cal.add_working_days(date("2025-01-01"), 100);
        });
        CHECK(err.empty());
    }

    TEST_CASE("from_yaml reads holidays, a defaulted `to` and workdays") {
        const auto cal = Calendar::from_yaml({std::string(k_header)
                                              + "  - name: 元旦\n"
                                                "    from: 2027-01-01\n"
                                                "  - {name: 春节, from: 2027-02-05, to: "
                                                "2027-02-11, workdays: [2027-02-13]}\n"},
                                             {"2027.yaml"});
        CHECK(cal.covers(2027));
        CHECK(cal.holiday_name(date("2027-01-01")) == "元旦");
        CHECK(cal.holiday_name(date("2027-01-02")).empty());
        CHECK(cal.holiday_name(date("2027-02-11")) == "春节");
        CHECK(cal.is_working_day(date("2027-02-13")));
        CHECK_FALSE(cal.is_working_day(date("2027-02-08")));
    }

    TEST_CASE("a malformed calendar file is rejected at its line and column") {
        SUBCASE("an impossible date") {
            const auto e =
                load_error(std::string(k_header) + "  - name: 春节\n    from: 2027-02-29\n");
            CHECK(e.code() == Exit::invalid);
            CHECK(std::string(e.what()).find("2027-02-29") != std::string::npos);
            REQUIRE(e.where().has_value());
            CHECK(e.where()->file == "test.yaml");
            CHECK(e.where()->line == 5);
            CHECK(e.where()->column == 11);
        }
        SUBCASE("a holiday outside the file's year") {
            const auto e =
                load_error(std::string(k_header)
                           + "  - name: 元旦\n    from: 2026-12-31\n    to: 2027-01-01\n");
            CHECK(e.code() == Exit::invalid);
            CHECK(std::string(e.what()).find("不在 2027 年内") != std::string::npos);
            REQUIRE(e.where().has_value());
            CHECK(e.where()->line == 5);
        }
        SUBCASE("a workday that is not a weekend day") {
            // 2027-02-12 is a Friday.
            const auto e = load_error(std::string(k_header)
                                      + "  - name: 春节\n    from: 2027-02-05\n"
                                        "    workdays: [2027-02-13, 2027-02-12]\n");
            CHECK(e.code() == Exit::invalid);
            CHECK(std::string(e.what()).find("星期五") != std::string::npos);
            REQUIRE(e.where().has_value());
            CHECK(e.where()->line == 6);
            CHECK(e.where()->column == 28);
        }
        SUBCASE("an unknown key in a holiday") {
            const auto e =
                load_error(std::string(k_header)
                           + "  - name: 春节\n    from: 2027-02-05\n    until: 2027-02-11\n");
            CHECK(e.code() == Exit::invalid);
            CHECK(std::string(e.what()).find("until") != std::string::npos);
            REQUIRE(e.where().has_value());
            CHECK(e.where()->line == 6);
            CHECK(e.where()->column == 5);
        }
        SUBCASE("an unknown top-level key") {
            const auto e = load_error("year: 2027\nholiday: []\n");
            CHECK(e.code() == Exit::invalid);
            REQUIRE(e.where().has_value());
            CHECK(e.where()->line == 2);
            CHECK(e.where()->column == 1);
        }
        SUBCASE("a YAML syntax error") {
            const auto e = load_error("year: 2027\nholidays: [\n");
            CHECK(e.code() == Exit::invalid);
            REQUIRE(e.where().has_value());
            CHECK(e.where()->line >= 2);
        }
        SUBCASE("a missing year") {
            const auto e = load_error("holidays: []\n");
            CHECK(e.code() == Exit::invalid);
        }
        SUBCASE("a year that is not a number") {
            const auto e = load_error("year: next\nholidays: []\n");
            CHECK(e.code() == Exit::invalid);
        }
        SUBCASE("`to` before `from`") {
            const auto e = load_error(std::string(k_header)
                                      + "  - {name: 春节, from: 2027-02-11, to: 2027-02-05}\n");
            CHECK(e.code() == Exit::invalid);
        }
        SUBCASE("overlapping holidays") {
            const auto e = load_error(std::string(k_header)
                                      + "  - {name: 甲, from: 2027-05-01, to: 2027-05-05}\n"
                                        "  - {name: 乙, from: 2027-05-05}\n");
            CHECK(e.code() == Exit::invalid);
            CHECK(std::string(e.what()).find("甲") != std::string::npos);
        }
        SUBCASE("a workday that is also a holiday") {
            const auto e =
                load_error(std::string(k_header)
                           + "  - {name: 甲, from: 2027-05-01, to: 2027-05-05}\n"
                             "  - {name: 乙, from: 2027-06-01, workdays: [2027-05-01]}\n");
            CHECK(e.code() == Exit::invalid);
        }
        SUBCASE("a year that does not match the file name") {
            try {
                (void)Calendar::from_yaml({k_empty_2027}, {"calendar/2028.yaml"});
                FAIL("accepted");
            } catch (const Error& e) {
                CHECK(e.code() == Exit::invalid);
                REQUIRE(e.where().has_value());
                CHECK(e.where()->line == 1);
                CHECK(e.where()->column == 7);
            }
        }
    }

    TEST_CASE("two files for the same year are rejected") {
        CHECK_THROWS_AS(Calendar::from_yaml({k_empty_2027, k_empty_2027}, {"a.yaml", "b.yaml"}),
                        Error);
        try {
            (void)Calendar::from_yaml({k_empty_2027, k_empty_2027}, {"a.yaml", "b.yaml"});
        } catch (const Error& e) {
            CHECK(e.code() == Exit::invalid);
            REQUIRE(e.where().has_value());
            CHECK(e.where()->file == "b.yaml");
            CHECK(std::string(e.what()).find("a.yaml") != std::string::npos);
        }
    }

    TEST_CASE("the built-in files are well-formed and agree with their file names") {
        const auto files = hujing::data_files("schemas/calendar/");
        REQUIRE(files.size() >= 2);
        for (const auto& f : files) {
            CAPTURE(f.path);
            CHECK_NOTHROW((void)Calendar::from_yaml({f.bytes}, {f.path}));
        }
    }
}
