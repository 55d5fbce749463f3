// SPDX-License-Identifier: GPL-3.0-or-later
#include "output_util.hpp"

#include <hujing/error.hpp>
#include <hujing/output/writer.hpp>

#include <doctest/doctest.h>

using hujing::output::effective_format;
using hujing::output::Format;
using hujing::output::OutputOptions;
using hujing::output::parse_format;

TEST_SUITE("hujing::output") {
    TEST_CASE("parse_format knows table, csv, tsv, json, jsonl and xlsx") {
        CHECK(parse_format("table") == Format::table);
        CHECK(parse_format("csv") == Format::csv);
        CHECK(parse_format("tsv") == Format::tsv);
        CHECK(parse_format("json") == Format::json);
        CHECK(parse_format("jsonl") == Format::jsonl);
        CHECK(parse_format("xlsx") == Format::xlsx);
    }

    TEST_CASE("parse_format rejects an unknown name as invalid input listing the valid ones") {
        try {
            parse_format("yaml");
            FAIL("expected an error");
        } catch (const hujing::Error& e) {
            CHECK(e.code() == hujing::Exit::invalid);
            CHECK(std::string(e.what()) == "未知输出格式: yaml");
            CHECK(e.hint() == "可用格式: table,csv,tsv,json,jsonl,xlsx");
        }
        CHECK_THROWS_AS(parse_format("CSV"), hujing::Error);
        CHECK_THROWS_AS(parse_format(""), hujing::Error);
    }

    TEST_CASE("effective_format is the chosen format, else table on a terminal, else tsv") {
        OutputOptions options;
        std::FILE* file = std::tmpfile();
        REQUIRE(file != nullptr);
        CHECK(effective_format(options, file) == Format::tsv);
        hujing::test::Pty pty;
        CHECK(effective_format(options, pty.file()) == Format::table);
        options.format = Format::json;
        CHECK(effective_format(options, file) == Format::json);
        CHECK(effective_format(options, pty.file()) == Format::json);
        std::fclose(file);
    }

    TEST_CASE("without -f, output that is not a terminal is tsv") {
        CHECK(hujing::test::write_rows(
                  {hujing::output::Column{"id", "编号"}}, {{"1"}}, OutputOptions{})
              == "id\n1\n");
    }

} // TEST_SUITE
