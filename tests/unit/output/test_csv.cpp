// SPDX-License-Identifier: GPL-3.0-or-later
#include "output_util.hpp"

#include <hujing/error.hpp>
#include <hujing/output/detail.hpp>
#include <hujing/output/writer.hpp>
#include <hujing/util/money.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <limits>

using hujing::output::Column;
using hujing::output::Format;
using hujing::output::Kind;
using hujing::output::Row;
using hujing::test::case_columns;
using hujing::test::with_format;
using hujing::test::write_rows;

namespace {

const std::vector<std::string> k_towns = {"店口镇", "大唐街道"};

} // namespace

TEST_SUITE("hujing::output") {
    TEST_CASE("csv writes a header of machine keys and one line per row, LF-terminated") {
        const auto bytes =
            write_rows(case_columns(),
                       {Row{std::int64_t{1}, "盗窃案", std::int64_t{123450}, true, k_towns}},
                       with_format(Format::csv));
        CHECK(bytes
              == "id,title,loss_yuan,closed,towns\n"
                 "1,盗窃案,1234.50,true,店口镇;大唐街道\n");
    }

    TEST_CASE("csv quotes fields holding a comma, a quote, CR or LF and doubles the quotes") {
        const auto bytes = write_rows(case_columns(),
                                      {Row{std::int64_t{7}, "a,b", std::int64_t{0}, false, {}},
                                       Row{std::int64_t{8}, "say \"hi\"", {}, {}, {}},
                                       Row{std::int64_t{9}, "two\nlines", {}, {}, {}},
                                       Row{std::int64_t{10}, "cr\rhere", {}, {}, {}},
                                       Row{std::int64_t{11}, "\"", {}, {}, {}}},
                                      with_format(Format::csv));
        CHECK(bytes
              == "id,title,loss_yuan,closed,towns\n"
                 "7,\"a,b\",0.00,false,\n"
                 "8,\"say \"\"hi\"\"\",,,\n"
                 "9,\"two\nlines\",,,\n"
                 "10,\"cr\rhere\",,,\n"
                 "11,\"\"\"\",,,\n");
    }

    TEST_CASE("csv quotes a list whose items hold a comma") {
        const auto bytes = write_rows({Column{"tags", "标签", Kind::list}},
                                      {Row{std::vector<std::string>{"a,b", "c"}}},
                                      with_format(Format::csv));
        CHECK(bytes == "tags\n\"a,b;c\"\n");
    }

    TEST_CASE("csv writes null cells as empty fields") {
        const auto bytes =
            write_rows(case_columns(), {Row{{}, {}, {}, {}, {}}}, with_format(Format::csv));
        CHECK(bytes == "id,title,loss_yuan,closed,towns\n,,,,\n");
    }

    TEST_CASE("csv writes money from fen as yuan with two decimals") {
        const std::vector<Column> columns = {Column{"loss_yuan", "损失(元)", Kind::money}};
        const auto bytes = write_rows(columns,
                                      {Row{std::int64_t{123450}},
                                       Row{std::int64_t{5}},
                                       Row{std::int64_t{-5}},
                                       Row{std::int64_t{100}},
                                       Row{std::numeric_limits<std::int64_t>::max()}},
                                      with_format(Format::csv));
        CHECK(bytes == "loss_yuan\n1234.50\n0.05\n-0.05\n1.00\n92233720368547758.07\n");
    }

    TEST_CASE("money cells are written exactly as util::format_yuan writes them") {
        std::string cell;
        const auto same = [&](std::int64_t fen) {
            cell.clear();
            hujing::output::detail::append_yuan(cell, fen);
            return cell == hujing::util::format_yuan(fen);
        };
        for (std::int64_t fen = -100000; fen <= 100000; ++fen) {
            if (!same(fen)) {
                FAIL_CHECK("fen " << fen);
            }
        }
        CHECK(same(std::numeric_limits<std::int64_t>::max()));
        CHECK(same(std::numeric_limits<std::int64_t>::min()));
    }

    TEST_CASE("csv without header writes the rows only") {
        auto options = with_format(Format::csv);
        options.header = false;
        const auto bytes =
            write_rows(case_columns(), {Row{std::int64_t{1}, "x", {}, false, {}}}, options);
        CHECK(bytes == "1,x,,false,\n");
    }

    TEST_CASE("csv with --bom starts with EF BB BF") {
        auto options = with_format(Format::csv);
        options.bom = true;
        const auto bytes = write_rows(case_columns(), {}, options);
        CHECK(bytes == "\xEF\xBB\xBFid,title,loss_yuan,closed,towns\n");
    }

    TEST_CASE("csv of an empty result is the header alone") {
        CHECK(write_rows(case_columns(), {}, with_format(Format::csv))
              == "id,title,loss_yuan,closed,towns\n");
    }

    TEST_CASE("csv of an empty result without header is empty") {
        auto options = with_format(Format::csv);
        options.header = false;
        CHECK(write_rows(case_columns(), {}, options).empty());
    }

    TEST_CASE("tsv separates with tabs and escapes tab, LF, CR and backslash") {
        const auto bytes =
            write_rows(case_columns(),
                       {Row{std::int64_t{1}, "a\tb\nc\rd\\e", std::int64_t{99}, true, k_towns},
                        Row{std::int64_t{2}, "plain, \"quoted\"", {}, {}, {}}},
                       with_format(Format::tsv));
        CHECK(bytes
              == "id\ttitle\tloss_yuan\tclosed\ttowns\n"
                 "1\ta\\tb\\nc\\rd\\\\e\t0.99\ttrue\t店口镇;大唐街道\n"
                 "2\tplain, \"quoted\"\t\t\t\n");
    }

    TEST_CASE("tsv with --bom and without header") {
        auto options = with_format(Format::tsv);
        options.bom = true;
        options.header = false;
        const auto bytes =
            write_rows(case_columns(), {Row{std::int64_t{1}, "x", {}, {}, {}}}, options);
        CHECK(bytes
              == "\xEF\xBB\xBF"
                 "1\tx\t\t\t\n");
    }

    TEST_CASE("a row with the wrong number of values is an internal error") {
        try {
            write_rows(case_columns(), {Row{std::int64_t{1}}}, with_format(Format::csv));
            FAIL("expected an error");
        } catch (const hujing::Error& e) {
            CHECK(e.code() == hujing::Exit::internal);
        }
    }

    TEST_CASE("csv streams many rows with flat memory and writes them all") {
        const std::vector<Column> columns = {Column{"id", "编号", Kind::integer},
                                             Column{"name", "名称"}};
        const auto bytes = hujing::test::capture([&](std::FILE* out) {
            auto writer = hujing::output::make_writer(out, columns, with_format(Format::csv));
            Row row{std::int64_t{0}, std::string("企业")};
            for (std::int64_t i = 0; i < 100000; ++i) {
                row[0] = i;
                writer->row(row);
            }
            writer->finish();
        });
        CHECK(bytes.size()
              == std::string("id,name\n").size() + 100000 * std::string(",企业\n").size() + 488890);
        CHECK(bytes.substr(bytes.size() - 13) == "99999,企业\n");
    }

} // TEST_SUITE
