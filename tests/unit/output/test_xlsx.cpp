// SPDX-License-Identifier: GPL-3.0-or-later
#include "output_util.hpp"
#include "testutil.hpp"

#include <hujing/error.hpp>
#include <hujing/output/writer.hpp>

#include <doctest/doctest.h>

#include <filesystem>

using hujing::output::Format;
using hujing::output::Row;
using hujing::test::case_columns;
using hujing::test::with_format;
using hujing::test::write_rows;

namespace {

const std::vector<Row> k_rows = {
    Row{std::int64_t{1}, "盗窃案", std::int64_t{123450}, true, std::vector<std::string>{"店口镇"}},
    Row{{}, "a\nb", {}, {}, {}},
};

} // namespace

TEST_SUITE("hujing::output") {
    TEST_CASE("xlsx output is a zip file") {
        const auto bytes = write_rows(case_columns(), k_rows, with_format(Format::xlsx));
        REQUIRE(bytes.size() > 4);
        CHECK(bytes.substr(0, 4) == "PK\x03\x04");
    }

    TEST_CASE("xlsx of an empty result is still a workbook") {
        const auto bytes = write_rows(case_columns(), {}, with_format(Format::xlsx));
        CHECK(bytes.substr(0, 2) == "PK");
    }

    TEST_CASE("xlsx leaves no temporary file behind") {
        const auto dir = hujing::test::run_dir() / "xlsx-tmp";
        std::filesystem::create_directories(dir);
        hujing::test::ScopedEnv tmpdir("TMPDIR", dir.c_str());
        write_rows(case_columns(), k_rows, with_format(Format::xlsx));
        CHECK(std::filesystem::is_empty(dir));
    }

    TEST_CASE("xlsx refuses to write to a terminal, before any byte") {
        hujing::test::Pty pty;
        try {
            hujing::output::make_writer(pty.file(), case_columns(), with_format(Format::xlsx));
            FAIL("expected an error");
        } catch (const hujing::Error& e) {
            CHECK(e.code() == hujing::Exit::invalid);
            CHECK(std::string(e.what()) == "xlsx 不能输出到终端");
            CHECK(e.hint() == "重定向到文件: > out.xlsx");
        }
        CHECK(pty.read_all().empty());
    }

} // TEST_SUITE
