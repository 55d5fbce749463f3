// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/error.hpp>
#include <hujing/util/date.hpp>
#include <hujing/util/id_number.hpp>

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

const Date k_today = Date{std::chrono::year(2025), std::chrono::month(10), std::chrono::day(15)};

// Return the exception `validate_id_number(text, k_today)` throws.
Error validate_error(std::string_view text) {
    try {
        (void)validate_id_number(text, k_today);
    } catch (const Error& e) {
        return e;
    }
    FAIL("validate_id_number accepted ", std::string(text));
    return Error(Exit::ok, "");
}

// Recompute the check character from its definition: weights 2^(17−i) mod 11, "10X98765432".
char reference_check(std::string_view first17) {
    int sum = 0;
    for (std::size_t i = 0; i < 17; ++i) {
        int weight = 1;
        for (std::size_t k = 0; k < 17 - i; ++k) {
            weight = weight * 2 % 11;
        }
        sum += (first17[i] - '0') * weight;
    }
    return std::string_view("10X98765432")[static_cast<std::size_t>(sum % 11)];
}

} // namespace

TEST_SUITE("hujing::util::id_number") {
    TEST_CASE("accepts the verified examples of domain.md §5.2") {
        for (const char* id : {"11010519491231002X", "34052419800101001X"}) {
            CAPTURE(id);
            const auto check = check_id_number(id, k_today);
            CHECK(check.ok());
            CHECK(check.message.empty());
            REQUIRE(check.expected_check.has_value());
            CHECK(*check.expected_check == 'X');
            CHECK(reference_check(std::string_view(id).substr(0, 17)) == 'X');
            CHECK(validate_id_number(id, k_today) == id);
        }
        const auto check = check_id_number("11010519491231002X", k_today);
        REQUIRE(check.birth_date.has_value());
        CHECK(format_date(*check.birth_date) == "1949-12-31");
    }

    TEST_CASE("rejects a wrong check character and names the expected one") {
        const auto check = check_id_number("340524198001010013", k_today);
        CHECK(check.problem == IdNumberProblem::check_character);
        REQUIRE(check.expected_check.has_value());
        CHECK(*check.expected_check == 'X');
        CHECK_THROWS_AS(validate_id_number("340524198001010013", k_today), Error);
        const auto e = validate_error("340524198001010013");
        CHECK(e.code() == Exit::invalid);
        CHECK(std::string(e.what()) == "公民身份号码校验位错误: 应为 X");
    }

    TEST_CASE("never repeats the whole number in an error") {
        const auto e = validate_error("340524198001010013");
        CHECK(std::string(e.what()).find("340524198001010013") == std::string::npos);
        CHECK(e.hint().find("340524198001010013") == std::string::npos);
        CHECK(e.hint().find("340524********0013") != std::string::npos);
    }

    TEST_CASE("the check digit of the misquoted example 31010819840330008 is X, not 3") {
        CHECK(id_number_check_character("31010819840330008") == 'X');
        CHECK(reference_check("31010819840330008") == 'X');
    }

    TEST_CASE("accepts a lower-case x and upper-cases it, and trims white space") {
        CHECK(validate_id_number("11010519491231002x", k_today) == "11010519491231002X");
        CHECK(validate_id_number(" 34052419800101001x\n", k_today) == "34052419800101001X");
    }

    TEST_CASE("rejects a number of the wrong length") {
        for (const char* text :
             {"", "11010519491231002", "11010519491231002XX", "110105491231002"}) {
            CAPTURE(text);
            CHECK(check_id_number(text, k_today).problem == IdNumberProblem::length);
            CHECK(validate_error(text).code() == Exit::invalid);
        }
        CHECK(std::string(validate_error("").what()) == "公民身份号码为空");
        CHECK(std::string(validate_error("110105491231002").what()).find("实为 15 位")
              != std::string::npos);
    }

    TEST_CASE("rejects letters other than a final X, naming the position") {
        auto check = check_id_number("1101051949123100X2", k_today);
        CHECK(check.problem == IdNumberProblem::character);
        CHECK(check.position == 17);
        check = check_id_number("11010519491231002Y", k_today);
        CHECK(check.problem == IdNumberProblem::character);
        CHECK(check.position == 18);
        check = check_id_number("11010５19491231002X", k_today); // a full-width 5
        CHECK(check.problem == IdNumberProblem::character);
        CHECK(check.position == 6);
        CHECK(validate_error("A1010519491231002X").code() == Exit::invalid);
    }

    TEST_CASE("rejects a stray UTF-8 continuation byte among 18 characters (found by fuzzing)") {
        // 19 bytes that count as 18 characters; the byte must not reach the checksum.
        const auto check = check_id_number("91\x8a"
                                           "3220069133200677",
                                           k_today);
        CHECK(check.problem == IdNumberProblem::character);
        CHECK(check.position == 3);
        CHECK_FALSE(check.expected_check.has_value());
    }

    TEST_CASE("rejects an impossible birth date") {
        // Check characters are recomputed so that only the date is wrong.
        for (const char* body : {"11010519490229002", "11010519491301002", "11010518991231002"}) {
            std::string id = body;
            id += id_number_check_character(body);
            CAPTURE(id);
            const auto check = check_id_number(id, k_today);
            CHECK(check.problem == IdNumberProblem::birth_date);
            CHECK_FALSE(check.birth_date.has_value());
            CHECK(validate_error(id).code() == Exit::invalid);
        }
        // 2000 is a leap year.
        std::string leap = "11010520000229002";
        leap += id_number_check_character(leap);
        CHECK(check_id_number(leap, k_today).ok());
    }

    TEST_CASE("rejects a birth date after today, and accepts one born today") {
        std::string born_today = "33068120251015001";
        born_today += id_number_check_character(born_today);
        CHECK(check_id_number(born_today, k_today).ok());
        std::string tomorrow = "33068120251016001";
        tomorrow += id_number_check_character(tomorrow);
        const auto check = check_id_number(tomorrow, k_today);
        CHECK(check.problem == IdNumberProblem::future_birth);
        CHECK(check_id_number(tomorrow, date("2025-10-16")).ok());
        const auto e = validate_error(tomorrow);
        CHECK(e.code() == Exit::invalid);
        CHECK(std::string(e.what()).find("晚于今天") != std::string::npos);
    }

    TEST_CASE("rejects an area code starting with 0") {
        std::string id = "01010519491231002";
        id += id_number_check_character(id);
        CHECK(check_id_number(id, k_today).problem == IdNumberProblem::area);
        CHECK(validate_error(id).code() == Exit::invalid);
    }

    TEST_CASE("computes the check character of 17 digits and rejects anything else") {
        CHECK(id_number_check_character("11010519491231002") == 'X');
        CHECK(id_number_check_character("34052419800101001") == 'X');
        for (int i = 0; i < 1000; ++i) {
            const std::string body = "3306811980010" + std::to_string(1000 + i);
            CAPTURE(body);
            CHECK(id_number_check_character(body) == reference_check(body));
        }
        CHECK_THROWS_AS(id_number_check_character("1101051949123100"), Error);
        CHECK_THROWS_AS(id_number_check_character("1101051949123100X"), Error);
    }

    TEST_CASE("masks an ID number to the first 6 and last 4 characters") {
        CHECK(mask_id_number("33068119800101123X") == "330681********123X");
        CHECK(mask_id_number("11010519491231002X") == "110105********002X");
        CHECK(mask_id_number("330681800101123") == "330681*****1123");
        CHECK(mask_id_number("12345678") == "****5678");
        CHECK(mask_id_number("123") == "***");
        CHECK(mask_id_number("").empty());
    }

    TEST_CASE("masks a mobile number to the first 3 and last 4 digits") {
        CHECK(mask_phone("13812345678") == "138****5678");
        CHECK(mask_phone("138 1234 5678") == "138 **** 5678");
        CHECK(mask_phone("+86 138-1234-5678") == "+86 138-****-5678");
        CHECK(mask_phone("8613812345678") == "86138****5678");
    }

    TEST_CASE("masks other phone numbers to their last 4 digits") {
        CHECK(mask_phone("0575-87012345") == "****-****2345");
        CHECK(mask_phone("87012345") == "****2345");
        CHECK(mask_phone("12345") == "*2345");
        CHECK(mask_phone("110") == "***");
        CHECK(mask_phone("").empty());
    }
}
