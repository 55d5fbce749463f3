// SPDX-License-Identifier: GPL-3.0-or-later
#include "output_util.hpp"

#include <hujing/output/view.hpp>
#include <hujing/output/writer.hpp>
#include <hujing/util/text.hpp>

#include <doctest/doctest.h>

#include <sstream>

using hujing::output::Column;
using hujing::output::Format;
using hujing::output::Kind;
using hujing::output::OutputOptions;
using hujing::output::Row;
using hujing::test::write_rows;

namespace {

OutputOptions plain_table() {
    OutputOptions options;
    options.format = Format::table;
    options.color = false;
    return options;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        lines.push_back(line);
    }
    return lines;
}

std::vector<Column> town_columns() {
    return {Column{"id", "编号", Kind::integer}, Column{"town", "镇街"}, Column{"name", "名称"}};
}

const std::vector<Row> k_town_rows = {
    Row{std::int64_t{1}, "店口镇", "abc"},
    Row{std::int64_t{22}, "ab", "店口镇派出所"},
};

} // namespace

TEST_SUITE("hujing::output") {
    TEST_CASE(
        "a table aligns CJK by display width: 店口镇 is six columns and lines up with ASCII") {
        CHECK(write_rows(town_columns(), k_town_rows, plain_table())
              == "编号  镇街    名称\n"
                 "   1  店口镇  abc\n"
                 "  22  ab      店口镇派出所\n");
    }

    TEST_CASE("a table right-aligns integers, money and right_align columns") {
        const std::vector<Column> columns = {
            Column{"code", "代码", Kind::text, {}, true},
            Column{"loss_yuan", "损失", Kind::money},
        };
        CHECK(write_rows(columns,
                         {Row{"7", std::int64_t{123450}}, Row{"12345", std::int64_t{5}}},
                         plain_table())
              == " 代码     损失\n"
                 "    7  1234.50\n"
                 "12345     0.05\n");
    }

    TEST_CASE("a table shows enum codes through display, booleans as 是/否, money in yuan") {
        const std::vector<Column> columns = {
            Column{"status",
                   "状态",
                   Kind::text,
                   [](std::string_view code) {
                       return code == "open" ? std::string("立案") : std::string(code);
                   }},
            Column{"active", "在册", Kind::boolean},
            Column{"loss_yuan", "损失", Kind::money},
        };
        CHECK(write_rows(
                  columns,
                  {Row{"open", true, std::int64_t{123450}}, Row{"closed", false, std::int64_t{5}}},
                  plain_table())
              == "状态    在册     损失\n"
                 "立案    是    1234.50\n"
                 "closed  否       0.05\n");
    }

    TEST_CASE("a table joins lists with commas and shows null as blank") {
        const std::vector<Column> columns = {Column{"roles", "角色", Kind::list},
                                             Column{"phone", "电话"}};
        CHECK(write_rows(columns,
                         {Row{std::vector<std::string>{"所长", "民警"}, {}}, Row{{}, "1380000"}},
                         plain_table())
              == "角色       电话\n"
                 "所长,民警\n"
                 "           1380000\n");
    }

    TEST_CASE("a table wider than the width wraps the widest text columns, cutting nothing") {
        const std::vector<Column> columns = {
            Column{"id", "编号", Kind::integer}, Column{"name", "名称"}, Column{"address", "地址"}};
        auto options = plain_table();
        options.width = 40;
        const auto text = write_rows(
            columns,
            {Row{std::int64_t{1}, "诸暨市店口镇工业区企业", "浙江省诸暨市店口镇中央路100号"}},
            options);
        CHECK(text
              == "编号  名称              地址\n"
                 "   1  诸暨市店口镇工业  浙江省诸暨市店口\n"
                 "      区企业            镇中央路100号\n");
        for (const auto& line : lines_of(text)) {
            CHECK(hujing::util::display_width(line) <= 40);
        }
    }

    TEST_CASE("ids, codes and dates are never wrapped or cut; long headers wrap over them") {
        const std::vector<Column> columns = {Column{"uscc", "统一社会信用代码"},
                                             Column{"due", "办理期限"},
                                             Column{"overdue", "是否超期", Kind::boolean},
                                             Column{"text", "诉求内容"}};
        auto options = plain_table();
        options.width = 44; // 18 + 10 + 2 + the 8 a text keeps, and the gaps
        const auto text =
            write_rows(columns,
                       {Row{"91330681MA2EDNXU2B", "2025-10-13", true, "外籍员工签证加急办理"}},
                       options);
        CHECK(text.find("91330681MA2EDNXU2B") != std::string::npos);
        CHECK(text.find("2025-10-13") != std::string::npos);
        CHECK(text.find("…") == std::string::npos);
        CHECK(text.find("外籍员工") != std::string::npos); // the text wraps, four characters a line
        for (const auto& line : lines_of(text)) {
            CHECK(hujing::util::display_width(line) <= 44);
        }
    }

    TEST_CASE("without --fields a column empty in every row is left out") {
        const std::vector<Column> columns = {Column{"id", "编号", Kind::integer},
                                             Column{"closed", "办结日期"},
                                             Column{"name", "名称"}};
        const std::vector<Row> rows = {Row{std::int64_t{1}, {}, "甲"},
                                       Row{std::int64_t{2}, "", "乙"}};
        CHECK(write_rows(columns, rows, plain_table()) == "编号  名称\n   1  甲\n   2  乙\n");
        auto options = plain_table();
        options.fields = {"id", "closed"};
        CHECK(write_rows(columns, rows, options) == "编号  办结日期\n   1\n   2\n");
    }

    TEST_CASE("with colour a toned row is coloured, line by line; without colour it is not") {
        const std::vector<Column> columns = {
            Column{"id", "编号", Kind::integer},
            Column{"overdue",
                   "超期",
                   Kind::boolean,
                   {},
                   false,
                   hujing::output::tone_if_true(hujing::output::Tone::red)}};
        const std::vector<Row> rows = {Row{std::int64_t{1}, true}, Row{std::int64_t{2}, false}};
        auto options = plain_table();
        options.color = true;
        CHECK(write_rows(columns, rows, options)
              == "\x1b[1m编号  超期\x1b[0m\n"
                 "\x1b[31m   1  是\x1b[0m\n"
                 "   2  否\n");
        CHECK(write_rows(columns, rows, plain_table()) == "编号  超期\n   1  是\n   2  否\n");
    }

    TEST_CASE("a table within the width is not cut") {
        auto options = plain_table();
        options.width = 26;
        CHECK(write_rows(town_columns(), k_town_rows, options)
              == "编号  镇街    名称\n"
                 "   1  店口镇  abc\n"
                 "  22  ab      店口镇派出所\n");
    }

    TEST_CASE("a table never cuts numbers, even when it cannot fit") {
        const std::vector<Column> columns = {Column{"id", "编号", Kind::integer},
                                             Column{"name", "名称"}};
        auto options = plain_table();
        options.width = 5;
        CHECK(write_rows(columns, {Row{std::int64_t{1234567}, "店口镇派出所"}}, options)
              == "   编号  名称\n"
                 "1234567  店口镇派\n"
                 "         出所\n");
    }

    TEST_CASE("a table turns line breaks into spaces and control characters into ?") {
        const std::vector<Column> columns = {Column{"note", "备注"}};
        CHECK(write_rows(columns, {Row{"a\nb\tc\x1b[31m"}}, plain_table())
              == "备注\n"
                 "a b c?[31m\n");
    }

    TEST_CASE("an empty table prints (无记录)") {
        CHECK(write_rows(town_columns(), {}, plain_table()) == "(无记录)\n");
    }

    TEST_CASE("a table without header prints the rows only, sized to the rows") {
        auto options = plain_table();
        options.header = false;
        CHECK(write_rows(town_columns(), k_town_rows, options)
              == " 1  店口镇  abc\n"
                 "22  ab      店口镇派出所\n");
    }

    TEST_CASE("a table with colour makes the header bold") {
        auto options = plain_table();
        options.color = true;
        CHECK(write_rows(town_columns(), {k_town_rows[0]}, options)
              == "\x1b[1m编号  镇街    名称\x1b[0m\n"
                 "   1  店口镇  abc\n");
    }

    TEST_CASE("on a terminal the default is a bold table fitted to the terminal width") {
        hujing::test::ScopedEnv no_color("NO_COLOR", nullptr);
        hujing::test::ScopedEnv no_columns("COLUMNS", nullptr);
        hujing::test::Pty pty(22);
        auto writer = hujing::output::make_writer(pty.file(), town_columns(), OutputOptions{});
        for (const auto& row : k_town_rows) {
            writer->row(row);
        }
        writer->finish();
        CHECK(pty.read_all()
              == "\x1b[1m编号  镇街    名称\x1b[0m\n"
                 "   1  店口镇  abc\n"
                 "  22  ab      店口镇派\n"
                 "              出所\n");
    }

    TEST_CASE("NO_COLOR turns colour off on a terminal; an empty NO_COLOR does not") {
        hujing::test::Pty pty;
        {
            hujing::test::ScopedEnv no_color("NO_COLOR", "1");
            hujing::output::write_table(pty.file(), {town_columns(), {k_town_rows[0]}}, {});
            CHECK(pty.read_all() == "编号  镇街    名称\n   1  店口镇  abc\n");
        }
        {
            hujing::test::ScopedEnv no_color("NO_COLOR", "");
            hujing::output::write_table(pty.file(), {town_columns(), {k_town_rows[0]}}, {});
            CHECK(pty.read_all() == "\x1b[1m编号  镇街    名称\x1b[0m\n   1  店口镇  abc\n");
        }
    }

    TEST_CASE("colour stays off when the output is not a terminal") {
        OutputOptions options;
        options.format = Format::table;
        CHECK(write_rows(town_columns(), {k_town_rows[0]}, options)
              == "编号  镇街    名称\n   1  店口镇  abc\n");
    }

    TEST_CASE("COLUMNS sets the width, before the terminal's") {
        hujing::test::ScopedEnv columns("COLUMNS", "22");
        const auto text = write_rows(town_columns(), k_town_rows, plain_table());
        CHECK(text
              == "编号  镇街    名称\n   1  店口镇  abc\n  22  ab      店口镇派\n              "
                 "出所\n");
    }

    TEST_CASE("wrap_to_width breaks CJK anywhere and ASCII after a blank") {
        using hujing::util::wrap_to_width;
        CHECK(wrap_to_width("店口镇派出所", 8) == std::vector<std::string>{"店口镇派", "出所"});
        CHECK(wrap_to_width("copper rod works", 10)
              == std::vector<std::string>{"copper rod", "works"});
        CHECK(wrap_to_width("91330681MA2EDNXU2B", 8)
              == std::vector<std::string>{"91330681", "MA2EDNXU", "2B"});
        CHECK(wrap_to_width("", 8) == std::vector<std::string>{""});
        CHECK(wrap_to_width("店", 1) == std::vector<std::string>{"店"}); // at least one character
    }

} // TEST_SUITE
