// SPDX-License-Identifier: GPL-3.0-or-later
#include "output_util.hpp"

#include <hujing/output/detail.hpp>
#include <hujing/output/writer.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <limits>

using hujing::output::Column;
using hujing::output::Format;
using hujing::output::Kind;
using hujing::output::Row;
using hujing::output::to_json;
using hujing::test::case_columns;
using hujing::test::with_format;
using hujing::test::write_rows;

namespace {

const Row k_case = {std::int64_t{1},
                    "盗窃案",
                    std::int64_t{123450},
                    true,
                    std::vector<std::string>{"店口镇", "大唐街道"}};

const Row k_nulls = {{}, {}, {}, {}, {}};

} // namespace

TEST_SUITE("hujing::output") {
    TEST_CASE("json of an empty result is []") {
        CHECK(write_rows(case_columns(), {}, with_format(Format::json)) == "[]\n");
    }

    TEST_CASE("json writes an array of objects keyed by column key, two-space indented") {
        CHECK(write_rows(case_columns(), {k_case, k_nulls}, with_format(Format::json))
              == "[\n"
                 "  {\n"
                 "    \"id\": 1,\n"
                 "    \"title\": \"盗窃案\",\n"
                 "    \"loss_yuan\": 1234.5,\n"
                 "    \"closed\": true,\n"
                 "    \"towns\": [\n"
                 "      \"店口镇\",\n"
                 "      \"大唐街道\"\n"
                 "    ]\n"
                 "  },\n"
                 "  {\n"
                 "    \"id\": null,\n"
                 "    \"title\": null,\n"
                 "    \"loss_yuan\": null,\n"
                 "    \"closed\": null,\n"
                 "    \"towns\": null\n"
                 "  }\n"
                 "]\n");
    }

    TEST_CASE("json output is what nlohmann would print for the same objects") {
        // keys in alphabetical order, as nlohmann::json keeps them
        const std::vector<Column> columns = {
            Column{"detail", "详情", Kind::json},
            Column{"id", "编号", Kind::integer},
            Column{"loss_yuan", "损失(元)", Kind::money},
            Column{"note", "备注"},
            Column{"tags", "标签", Kind::list},
        };
        const std::vector<Row> rows = {
            Row{R"({"a":[1,2,{"b":null}],"c":"d"})",
                std::int64_t{-4},
                std::int64_t{1999},
                "tab\there \"q\" \\ \x01 é",
                std::vector<std::string>{}},
            Row{"[]", std::int64_t{5}, std::int64_t{-250}, "", std::vector<std::string>{"x"}},
        };
        auto expected = nlohmann::json::array();
        for (const auto& row : rows) {
            auto object = nlohmann::json::object();
            for (std::size_t i = 0; i < columns.size(); ++i) {
                object[columns[i].key] = to_json(row[i], columns[i].kind);
            }
            expected.push_back(object);
        }
        CHECK(write_rows(columns, rows, with_format(Format::json)) == expected.dump(2) + "\n");
        const auto line = write_rows(columns, {rows[0]}, with_format(Format::jsonl));
        CHECK(nlohmann::json::parse(line) == expected[0]);
    }

    TEST_CASE("jsonl writes one compact object per line") {
        CHECK(
            write_rows(case_columns(), {k_case, k_nulls}, with_format(Format::jsonl))
            == "{\"id\":1,\"title\":\"盗窃案\",\"loss_yuan\":1234.5,\"closed\":true,"
               "\"towns\":[\"店口镇\",\"大唐街道\"]}\n"
               "{\"id\":null,\"title\":null,\"loss_yuan\":null,\"closed\":null,\"towns\":null}\n");
    }

    TEST_CASE("jsonl of an empty result is empty") {
        CHECK(write_rows(case_columns(), {}, with_format(Format::jsonl)).empty());
    }

    TEST_CASE("json money is a number in yuan with at most two decimals, exact from fen") {
        const std::vector<Column> columns = {Column{"loss_yuan", "损失(元)", Kind::money}};
        const auto bytes = write_rows(columns,
                                      {Row{std::int64_t{123450}},
                                       Row{std::int64_t{123456}},
                                       Row{std::int64_t{100}},
                                       Row{std::int64_t{1}},
                                       Row{std::int64_t{-5}},
                                       Row{std::int64_t{0}},
                                       Row{std::numeric_limits<std::int64_t>::max()}},
                                      with_format(Format::jsonl));
        CHECK(bytes
              == "{\"loss_yuan\":1234.5}\n{\"loss_yuan\":1234.56}\n{\"loss_yuan\":1}\n"
                 "{\"loss_yuan\":0.01}\n{\"loss_yuan\":-0.05}\n{\"loss_yuan\":0}\n"
                 "{\"loss_yuan\":92233720368547758.07}\n");
    }

    TEST_CASE("to_json of money prints like the streaming writer for every amount up to 1e13 fen") {
        // The double fen/100.0 is the nearest to the decimal amount; nlohmann's shortest
        // round-trip form must be that amount. Check a dense range and a sparse sweep.
        std::string streamed;
        auto check_fen = [&](std::int64_t fen) {
            streamed.clear();
            hujing::output::detail::append_yuan_number(streamed, fen);
            const auto dumped = to_json(fen, Kind::money).dump();
            if (dumped != streamed) {
                FAIL_CHECK("fen " << fen << ": " << dumped << " != " << streamed);
            }
        };
        for (std::int64_t fen = -1000; fen <= 200000; ++fen) {
            check_fen(fen);
        }
        for (std::int64_t fen = 200000; fen < 10'000'000'000'000; fen = fen * 3 / 2 + 7) {
            check_fen(fen);
        }
    }

    TEST_CASE("json writes non-ASCII text as UTF-8 and escapes quotes, backslashes and controls") {
        const std::vector<Column> columns = {Column{"name", "名称"}};
        CHECK(write_rows(columns, {Row{"诸暨\"市\"\\\n\t\x1f"}}, with_format(Format::jsonl))
              == "{\"name\":\"诸暨\\\"市\\\"\\\\\\n\\t\\u001f\"}\n");
    }

    TEST_CASE("json replaces bytes that are not UTF-8 with U+FFFD") {
        const std::vector<Column> columns = {Column{"name", "名称"}};
        CHECK(write_rows(columns,
                         {Row{"a\xff"
                              "b\xe5\xba"}},
                         with_format(Format::jsonl))
              == "{\"name\":\"a\xEF\xBF\xBD"
                 "b\xEF\xBF\xBD\xEF\xBF\xBD\"}\n");
    }

    TEST_CASE(
        "a json column embeds its raw JSON in its own key order; invalid JSON stays a string") {
        const std::vector<Column> columns = {Column{"id", "编号", Kind::integer},
                                             Column{"before", "修改前", Kind::json}};
        CHECK(
            write_rows(columns,
                       {Row{std::int64_t{1}, "{\"a\": [1, 2]}"}, Row{std::int64_t{2}, "not json"}},
                       with_format(Format::json))
            == "[\n"
               "  {\n"
               "    \"id\": 1,\n"
               "    \"before\": {\n"
               "      \"a\": [\n"
               "        1,\n"
               "        2\n"
               "      ]\n"
               "    }\n"
               "  },\n"
               "  {\n"
               "    \"id\": 2,\n"
               "    \"before\": \"not json\"\n"
               "  }\n"
               "]\n");
        CHECK(write_rows(columns,
                         {Row{std::int64_t{1}, "{\"z\":\n [1, 2], \"a\": \"店口\"}"}},
                         with_format(Format::jsonl))
              == "{\"id\":1,\"before\":{\"z\":[1,2],\"a\":\"店口\"}}\n");
    }

    TEST_CASE("to_json maps each kind: integer, boolean, list, null, money, json") {
        CHECK(to_json(std::int64_t{42}, Kind::integer) == nlohmann::json(42));
        CHECK(to_json(true, Kind::boolean) == nlohmann::json(true));
        CHECK(to_json(std::vector<std::string>{"a", "b"}, Kind::list)
              == nlohmann::json({"a", "b"}));
        CHECK(to_json(hujing::output::Value{}, Kind::text).is_null());
        CHECK(to_json(std::int64_t{123450}, Kind::money).dump() == "1234.5");
        CHECK(to_json(std::int64_t{123400}, Kind::money).dump() == "1234");
        CHECK(to_json(std::string("{\"k\":1}"), Kind::json) == nlohmann::json({{"k", 1}}));
        CHECK(to_json(std::string("{"), Kind::json) == nlohmann::json("{"));
        CHECK(to_json(std::string("text"), Kind::text) == nlohmann::json("text"));
    }

} // TEST_SUITE
