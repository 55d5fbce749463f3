// SPDX-License-Identifier: GPL-3.0-or-later
#include "output_util.hpp"

#include <hujing/error.hpp>
#include <hujing/output/writer.hpp>

#include <doctest/doctest.h>

using hujing::output::Column;
using hujing::output::Format;
using hujing::output::Kind;
using hujing::output::Row;
using hujing::test::with_format;
using hujing::test::write_rows;

namespace {

std::vector<Column> officer_columns() {
    return {
        Column{"id", "编号", Kind::integer},
        Column{"badge", "警号"},
        Column{"name", "姓名"},
        Column{"phone", "电话"},
    };
}

const Row k_officer = {std::int64_t{3}, "330102", "张三", "13800000000"};

} // namespace

TEST_SUITE("hujing::output") {
    TEST_CASE("--fields chooses and orders the columns by key") {
        auto options = with_format(Format::csv);
        options.fields = {"name", "id"};
        CHECK(write_rows(officer_columns(), {k_officer}, options) == "name,id\n张三,3\n");
    }

    TEST_CASE("without --fields the default fields are shown, in their order") {
        CHECK(
            write_rows(officer_columns(), {k_officer}, with_format(Format::csv), {"badge", "name"})
            == "badge,name\n330102,张三\n");
    }

    TEST_CASE("without --fields or defaults every column is shown") {
        CHECK(write_rows(officer_columns(), {k_officer}, with_format(Format::csv))
              == "id,badge,name,phone\n3,330102,张三,13800000000\n");
    }

    TEST_CASE("--fields may select a column that is not among the defaults") {
        auto options = with_format(Format::tsv);
        options.fields = {"phone"};
        CHECK(write_rows(officer_columns(), {k_officer}, options, {"badge", "name"})
              == "phone\n13800000000\n");
    }

    TEST_CASE("--fields naming a column twice shows it once") {
        auto options = with_format(Format::csv);
        options.fields = {"id", "id", "name"};
        CHECK(write_rows(officer_columns(), {k_officer}, options) == "id,name\n3,张三\n");
    }

    TEST_CASE("an unknown --fields key is invalid input and the hint lists the valid keys") {
        auto options = with_format(Format::json);
        options.fields = {"name", "mobile"};
        try {
            write_rows(officer_columns(), {k_officer}, options);
            FAIL("expected an error");
        } catch (const hujing::Error& e) {
            CHECK(e.code() == hujing::Exit::invalid);
            CHECK(std::string(e.what()) == "未知字段: mobile");
            CHECK(e.hint() == "可用字段: id,badge,name,phone");
        }
    }

    TEST_CASE("an unknown --fields key is rejected before anything is written") {
        auto options = with_format(Format::csv);
        options.fields = {"nope"};
        std::string bytes;
        CHECK_THROWS_AS(bytes = hujing::test::capture([&](std::FILE* out) {
                            hujing::output::make_writer(out, officer_columns(), options);
                        }),
                        hujing::Error);
        CHECK(bytes.empty());
    }

    TEST_CASE("--fields applies to every format") {
        auto options = with_format(Format::jsonl);
        options.fields = {"badge"};
        CHECK(write_rows(officer_columns(), {k_officer}, options) == "{\"badge\":\"330102\"}\n");
        options.format = Format::table;
        CHECK(write_rows(officer_columns(), {k_officer}, options) == "警号\n330102\n");
    }

} // TEST_SUITE
