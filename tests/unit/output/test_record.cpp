// SPDX-License-Identifier: GPL-3.0-or-later
#include "output_util.hpp"

#include <hujing/error.hpp>
#include <hujing/output/writer.hpp>

#include <doctest/doctest.h>

using hujing::output::Column;
using hujing::output::Format;
using hujing::output::Kind;
using hujing::output::OutputOptions;
using hujing::output::Row;
using hujing::output::Section;
using hujing::output::Table;
using hujing::test::capture;
using hujing::test::with_format;

namespace {

const nlohmann::json k_doc = {
    {"id", 7}, {"name", "店口镇五金厂"}, {"visits", {{{"officer", "张三"}}}}};

std::vector<Section> enterprise_sections(bool with_visits) {
    Section top;
    top.fields = {Column{"id", "编号", Kind::integer},
                  Column{"name", "名称"},
                  Column{"uscc", "统一代码"},
                  Column{"loss_yuan", "损失", Kind::money},
                  Column{"note", "备注"}};
    top.values = {std::int64_t{7},
                  "店口镇五金厂",
                  "91330681MA2BCDEF1X",
                  std::int64_t{123450},
                  "第一行\n第二行"};
    Section visits;
    visits.title = "走访记录";
    visits.table = Table{{Column{"date", "日期"}, Column{"officer", "民警"}}, {}};
    if (with_visits) {
        visits.table->rows.push_back(Row{"2025-01-02", "张三"});
    }
    Section cases;
    cases.title = "案件";
    cases.table = Table{{Column{"id", "编号", Kind::integer}}, {}};
    return {top, visits, cases};
}

std::string write_record(const OutputOptions& options, bool with_visits = true) {
    return capture([&](std::FILE* out) {
        hujing::output::write_record(
            out, {[] { return k_doc; }, [&] { return enterprise_sections(with_visits); }}, options);
    });
}

OutputOptions plain_table() {
    auto options = with_format(Format::table);
    options.color = false;
    return options;
}

} // namespace

TEST_SUITE("hujing::output") {
    TEST_CASE("a record as json is the document, two-space indented, UTF-8") {
        CHECK(write_record(with_format(Format::json)) == k_doc.dump(2) + "\n");
        CHECK(write_record(with_format(Format::json)).find("店口镇五金厂") != std::string::npos);
    }

    TEST_CASE("a record as jsonl is the document on one line") {
        CHECK(write_record(with_format(Format::jsonl))
              == "{\"id\":7,\"name\":\"店口镇五金厂\",\"visits\":[{\"officer\":\"张三\"}]}\n");
    }

    TEST_CASE("a record as csv is field,value rows, then every other section as a titled block") {
        CHECK(write_record(with_format(Format::csv))
              == "field,value\n"
                 "id,7\n"
                 "name,店口镇五金厂\n"
                 "uscc,91330681MA2BCDEF1X\n"
                 "loss_yuan,1234.50\n"
                 "note,\"第一行\n第二行\"\n"
                 "\n# 走访记录\n"
                 "date,officer\n"
                 "2025-01-02,张三\n"
                 "\n# 案件\n"
                 "id\n");
    }

    TEST_CASE("a record as tsv escapes like tsv listings and honours --no-header and --bom") {
        auto options = with_format(Format::tsv);
        options.header = false;
        options.bom = true;
        CHECK(write_record(options)
              == "\xEF\xBB\xBF"
                 "id\t7\n"
                 "name\t店口镇五金厂\n"
                 "uscc\t91330681MA2BCDEF1X\n"
                 "loss_yuan\t1234.50\n"
                 "note\t第一行\\n第二行\n"
                 "\n# 走访记录\n"
                 "2025-01-02\t张三\n"
                 "\n# 案件\n");
    }

    TEST_CASE("a record as a table aligns label: value lines and prints sub-tables under titles") {
        CHECK(write_record(plain_table())
              == "编号:     7\n"
                 "名称:     店口镇五金厂\n"
                 "统一代码: 91330681MA2BCDEF1X\n"
                 "损失:     1234.50\n"
                 "备注:     第一行\n"
                 "          第二行\n"
                 "\n"
                 "走访记录\n"
                 "日期        民警\n"
                 "2025-01-02  张三\n"
                 "\n"
                 "案件\n"
                 "(无)\n");
    }

    TEST_CASE("a record table prints (无) under the title of an empty sub-table") {
        const auto text = write_record(plain_table(), false);
        CHECK(text.find("走访记录\n(无)\n") != std::string::npos);
    }

    TEST_CASE("a record with colour makes section titles bold") {
        auto options = plain_table();
        options.color = true;
        CHECK(write_record(options).find("\x1b[1m走访记录\x1b[0m\n") != std::string::npos);
    }

    TEST_CASE("a record cannot be written as xlsx") {
        try {
            write_record(with_format(Format::xlsx));
            FAIL("expected an error");
        } catch (const hujing::Error& e) {
            CHECK(e.code() == hujing::Exit::invalid);
        }
    }

} // TEST_SUITE

TEST_CASE("write_record builds only the format asked for") {
    int json_calls = 0;
    int section_calls = 0;
    const hujing::output::RecordPage page{[&] {
                                              ++json_calls;
                                              return k_doc;
                                          },
                                          [&] {
                                              ++section_calls;
                                              return enterprise_sections(true);
                                          }};
    capture([&](std::FILE* out) {
        hujing::output::write_record(out, page, with_format(Format::json));
    });
    CHECK(json_calls == 1);
    CHECK(section_calls == 0);
    capture([&](std::FILE* out) { hujing::output::write_record(out, page, plain_table()); });
    capture(
        [&](std::FILE* out) { hujing::output::write_record(out, page, with_format(Format::tsv)); });
    CHECK(json_calls == 1);
    CHECK(section_calls == 2);
}
