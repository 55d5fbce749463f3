// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/error.hpp>
#include <hujing/util/uscc.hpp>

#include <doctest/doctest.h>

#include <string>

namespace {

using hujing::Error;
using hujing::Exit;
using namespace hujing::util;

// The public fixtures of domain.md §5.1 that pass both checksums (test data only).
const char* const k_valid[] = {
    "91330681MA2D86XM28",
    "91330681MA7F19UC27",
    "91330681MA2D648J20",
    "91330681MA2BDYYQ33",
    "91330600597214350R",
    "91341822070917615C",
};

// Return the exception `validate_uscc(text)` throws.
Error validate_error(std::string_view text) {
    try {
        (void)validate_uscc(text);
    } catch (const Error& e) {
        return e;
    }
    FAIL("validate_uscc accepted ", std::string(text));
    return Error(Exit::ok, "");
}

// Recompute the GB 32100 check character from its definition, independently of uscc.cpp:
// C18 = 31 − (Σ value(cᵢ)·3ⁱ mod 31), 31 → 0.
char reference_check(std::string_view first17) {
    int sum = 0;
    int weight = 1;
    for (char c : first17) {
        sum += static_cast<int>(k_uscc_alphabet.find(c)) * weight;
        weight = weight * 3 % 31;
    }
    return k_uscc_alphabet[static_cast<std::size_t>((31 - sum % 31) % 31)];
}

} // namespace

TEST_SUITE("hujing::util::uscc") {
    TEST_CASE("accepts the real-looking fixtures of domain.md, which pass both checksums") {
        for (const char* code : k_valid) {
            CAPTURE(code);
            const auto check = check_uscc(code);
            CHECK(check.ok());
            CHECK(check.problem == UsccProblem::none);
            CHECK(check.message.empty());
            CHECK(check.check_ok);
            CHECK(check.org_code_ok);
            CHECK(validate_uscc(code) == code);
            CHECK(uscc_check_character(std::string_view(code).substr(0, 17)) == code[17]);
            CHECK(reference_check(std::string_view(code).substr(0, 17)) == code[17]);
            CHECK(org_code_check_character(std::string_view(code).substr(8, 8)) == code[16]);
        }
    }

    TEST_CASE("trims and upper-cases the input") {
        CHECK(normalize_uscc("  91330681ma2d86xm28\t") == "91330681MA2D86XM28");
        CHECK(validate_uscc(" 91330681ma2d86xm28\n") == "91330681MA2D86XM28");
        CHECK(validate_uscc("91330600597214350r") == "91330600597214350R");
    }

    TEST_CASE("rejects a USCC whose check character is wrong, naming the expected one") {
        const auto check = check_uscc("91330600MA2H000003");
        CHECK_FALSE(check.ok());
        CHECK(check.problem == UsccProblem::check_character);
        REQUIRE(check.expected_check.has_value());
        CHECK(*check.expected_check == 'E');
        CHECK(*check.expected_check == reference_check("91330600MA2H00000"));
        CHECK_FALSE(check.check_ok);
        CHECK_FALSE(check.org_code_ok);
        REQUIRE(check.expected_org_check.has_value());
        CHECK(*check.expected_org_check == '6');

        CHECK_THROWS_AS(validate_uscc("91330600MA2H000003"), Error);
        const auto e = validate_error("91330600MA2H000003");
        CHECK(e.code() == Exit::invalid);
        CHECK(std::string(e.what()) == "统一社会信用代码校验位错误: 应为 E");
        CHECK(e.hint().find("91330600MA2H000003") != std::string::npos);
    }

    TEST_CASE(
        "rejects the early Fujian pilot code, whose organisation code is nevertheless right") {
        const auto check = check_uscc("91350100M0001TGQXM");
        CHECK(check.problem == UsccProblem::check_character);
        REQUIRE(check.expected_check.has_value());
        CHECK(*check.expected_check == '1');
        CHECK(*check.expected_check == reference_check("91350100M0001TGQX"));
        CHECK(check.org_code_ok);
        const auto e = validate_error("91350100M0001TGQXM");
        CHECK(e.code() == Exit::invalid);
        CHECK(std::string(e.what()) == "统一社会信用代码校验位错误: 应为 1");
    }

    TEST_CASE("rejects a code whose check character is right but whose organisation code is "
              "wrong") {
        // 91330681MA2D86XM28 with its 17th character changed and the 18th recomputed.
        std::string code = "91330681MA2D86XM";
        code += '3';
        code += uscc_check_character(code);
        const auto check = check_uscc(code);
        CHECK(check.check_ok);
        CHECK_FALSE(check.org_code_ok);
        CHECK(check.problem == UsccProblem::org_code_check);
        REQUIRE(check.expected_org_check.has_value());
        CHECK(*check.expected_org_check == '2');
        const auto e = validate_error(code);
        CHECK(e.code() == Exit::invalid);
        CHECK(std::string(e.what()).find("组织机构代码") != std::string::npos);
        CHECK(std::string(e.what()).find("第 17 位应为 2") != std::string::npos);
    }

    TEST_CASE("rejects a code of the wrong length") {
        for (const char* text : {"", "   ", "91330681MA2D86XM2", "91330681MA2D86XM288"}) {
            CAPTURE(text);
            const auto check = check_uscc(text);
            CHECK(check.problem == UsccProblem::length);
            CHECK_FALSE(check.expected_check.has_value());
            const auto e = validate_error(text);
            CHECK(e.code() == Exit::invalid);
        }
        CHECK(std::string(validate_error("").what()) == "统一社会信用代码为空");
        CHECK(std::string(validate_error("91330681MA2D86XM2").what()).find("实为 17 位")
              != std::string::npos);
    }

    TEST_CASE("rejects a character outside the alphabet, naming it and its position") {
        SUBCASE("the letter O") {
            const auto check = check_uscc("91330681MO2D86XM28");
            CHECK(check.problem == UsccProblem::character);
            CHECK(check.position == 10);
            const auto e = validate_error("91330681MO2D86XM28");
            CHECK(e.code() == Exit::invalid);
            CHECK(std::string(e.what()) == "统一社会信用代码第 10 位的字符 'O' 无效");
        }
        SUBCASE("the letters I, S, V and Z") {
            for (const char bad : {'I', 'S', 'V', 'Z'}) {
                std::string code = "91330681MA2D86XM28";
                code[0] = bad;
                CAPTURE(code);
                CHECK(check_uscc(code).problem == UsccProblem::character);
                CHECK(check_uscc(code).position == 1);
            }
        }
        SUBCASE("a lower-case i is upper-cased first, then rejected") {
            const auto e = validate_error("91330681MA2D86XM2i");
            CHECK(std::string(e.what()) == "统一社会信用代码第 18 位的字符 'I' 无效");
        }
        SUBCASE("a full-width digit counts as one character") {
            const auto check = check_uscc("91330681MA2D86XM2８");
            CHECK(check.problem == UsccProblem::character);
            CHECK(check.position == 18);
            CHECK(check.message.find("'８'") != std::string::npos);
        }
        SUBCASE("an inner space") {
            const auto check = check_uscc("9133068 MA2D86XM28");
            CHECK(check.position == 8);
            CHECK(check.message.find("空格") != std::string::npos);
        }
    }

    TEST_CASE("computes the check character of 17 characters") {
        CHECK(uscc_check_character("91330600MA2H00000") == 'E');
        CHECK(uscc_check_character("91350100M0001TGQX") == '1');
        CHECK(uscc_check_character("00000000000000000") == '0');
        CHECK_THROWS_AS(uscc_check_character("9133060"), Error);
        CHECK_THROWS_AS(uscc_check_character("91330600MA2H0000I"), Error);
    }

    TEST_CASE("computes the GB 11714 check of an organisation code, with X and 0") {
        CHECK(org_code_check_character("MA2D86XM") == '2');
        CHECK(org_code_check_character("M0001TGQ") == 'X');
        CHECK(org_code_check_character("MA2H0000") == '6');
        CHECK(org_code_check_character("59721435") == '0');
        CHECK_THROWS_AS(org_code_check_character("ma2d86xm"), Error);
        CHECK_THROWS_AS(org_code_check_character("MA2D86X"), Error);
    }

    TEST_CASE("completes 16 characters into a code that passes both checks") {
        CHECK(complete_uscc("91330681MA2D86XM") == "91330681MA2D86XM28");
        CHECK(complete_uscc("9133060059721435") == "91330600597214350R");
        // Generated bench data: every completed code is valid.
        for (int i = 0; i < 2000; ++i) {
            std::string body = "91330681MA";
            int n = i * 7919;
            for (int k = 0; k < 6; ++k) {
                body += k_uscc_alphabet[static_cast<std::size_t>(n % 31)];
                n /= 31;
            }
            const auto code = complete_uscc(body);
            CAPTURE(code);
            CHECK(check_uscc(code).ok());
        }
        CHECK_THROWS_AS(complete_uscc("91330681MA2D86X"), Error);
        CHECK_THROWS_AS(complete_uscc("91330681MA2D86XO"), Error);
        try {
            (void)complete_uscc("short");
        } catch (const Error& e) {
            CHECK(e.code() == Exit::invalid);
        }
    }

    TEST_CASE("a single changed character is always detected") {
        const std::string code = "91330681MA2D86XM28";
        for (std::size_t i = 0; i < code.size(); ++i) {
            for (char c : k_uscc_alphabet) {
                if (c == code[i]) {
                    continue;
                }
                std::string changed = code;
                changed[i] = c;
                CAPTURE(changed);
                CHECK_FALSE(check_uscc(changed).ok());
            }
        }
    }
}
