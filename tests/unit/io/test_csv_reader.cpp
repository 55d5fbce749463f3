// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/error.hpp>
#include <hujing/io/csv_reader.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

using hujing::Error;
using hujing::Exit;
using hujing::io::CsvOptions;
using hujing::io::CsvReader;
using hujing::io::CsvRecord;
using Fields = std::vector<std::string>;

std::vector<CsvRecord> read_all(std::istream& in, CsvOptions options = {}) {
    CsvReader reader(in, "test.csv", options);
    std::vector<CsvRecord> records;
    while (auto record = reader.next()) {
        records.push_back(std::move(*record));
    }
    return records;
}

std::vector<CsvRecord> read_text(std::string_view text, CsvOptions options = {}) {
    std::istringstream in{std::string(text)};
    return read_all(in, options);
}

std::vector<std::int64_t> lines_of(const std::vector<CsvRecord>& records) {
    std::vector<std::int64_t> lines;
    lines.reserve(records.size());
    for (const auto& record : records) {
        lines.push_back(record.line);
    }
    return lines;
}

// Read `text` to the end and return the error it throws (REQUIRE-fails if none).
Error error_of(std::string_view text, std::string name = "test.csv", CsvOptions options = {}) {
    std::istringstream in{std::string(text)};
    CsvReader reader(in, std::move(name), options);
    CsvRecord record;
    try {
        while (reader.next(record)) {
        }
    } catch (const Error& e) {
        return e;
    }
    FAIL("no error thrown");
    return Error(Exit::ok, "");
}

std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

const std::filesystem::path k_spectrum =
    std::filesystem::path(HUJING_TESTDATA_DIR) / "csv-spectrum";

} // namespace

TEST_SUITE("hujing::io::csv_reader") {
    TEST_CASE("parses every csv-spectrum file to exactly the records of its JSON") {
        // RFC 4180 §2.5 forbids quotes in unquoted fields, and this file has them (37°36'37.8"N):
        // the strict reader rejects it, where a lenient one would read it (see SOURCE.md).
        const std::vector<std::string> rejected = {"location_coordinates.csv"};

        std::vector<std::filesystem::path> files;
        for (const auto& entry : std::filesystem::directory_iterator(k_spectrum / "csvs")) {
            files.push_back(entry.path());
        }
        std::sort(files.begin(), files.end());
        REQUIRE(files.size() >= 12);

        for (const auto& csv : files) {
            const auto name = csv.filename().string();
            CAPTURE(name);
            std::ifstream in(csv, std::ios::binary);
            REQUIRE(in);
            if (std::find(rejected.begin(), rejected.end(), name) != rejected.end()) {
                CsvReader reader(in, name);
                CsvRecord record;
                REQUIRE(reader.next(record)); // the header is fine
                CHECK_THROWS_AS(reader.next(record), Error);
                continue;
            }
            const auto records = read_all(in);
            const auto json = k_spectrum / "json" / (csv.stem().string() + ".json");
            const auto expected = nlohmann::ordered_json::parse(slurp(json));
            REQUIRE(expected.is_array());
            REQUIRE(records.size() == expected.size() + 1);
            const Fields& header = records[0].fields;
            for (std::size_t i = 0; i < expected.size(); ++i) {
                CAPTURE(i);
                Fields keys;
                Fields values;
                for (const auto& [key, value] : expected[i].items()) {
                    keys.push_back(key);
                    values.push_back(value.get<std::string>());
                }
                CHECK(keys == header);
                CHECK(values == records[i + 1].fields);
            }
        }
    }

    TEST_CASE("numbers each record with the physical line where it starts, past quoted newlines") {
        for (const std::string eol : {"\n", "\r\n"}) {
            CAPTURE(eol.size());
            const auto text = "name,address" + eol + "甲,\"第一行" + eol + "第二行" + eol
                              + "第三行\"" + eol + "乙,short" + eol;
            const auto records = read_text(text);
            REQUIRE(records.size() == 3);
            CHECK(lines_of(records) == std::vector<std::int64_t>{1, 2, 5});
            CHECK(records[1].fields[1] == "第一行" + eol + "第二行" + eol + "第三行");
            CHECK(records[2].fields == Fields{"乙", "short"});
        }
    }

    TEST_CASE("skips empty lines between records but counts them") {
        const auto records = read_text("a,b\n\n1,2\r\n\r\n\r\n3,4\n\n");
        REQUIRE(records.size() == 3);
        CHECK(lines_of(records) == std::vector<std::int64_t>{1, 3, 6});
        CHECK(records[2].fields == Fields{"3", "4"});
    }

    TEST_CASE("returns a last record without a line end and adds none for a final line end") {
        CHECK(read_text("a,b\n1,2").size() == 2);
        CHECK(read_text("a,b\n1,2\n").size() == 2);
        CHECK(read_text("a,b\n1,\"2\"").back().fields == Fields{"1", "2"});
        CHECK(read_text("").empty());
        CHECK(read_text("\n\r\n").empty());
    }

    TEST_CASE("keeps empty fields, trailing commas and the spaces around unquoted fields") {
        const auto records = read_text(",a, b ,\"\"\n\" x \",\n");
        REQUIRE(records.size() == 2);
        CHECK(records[0].fields == Fields{"", "a", " b ", ""});
        CHECK(records[1].fields == Fields{" x ", ""});
    }

    TEST_CASE("skips a UTF-8 byte order mark at the start only") {
        const auto records = read_text("\xEF\xBB\xBFuscc,name\n1,企业\n");
        REQUIRE(records.size() == 2);
        CHECK(records[0].fields == Fields{"uscc", "name"});
        CHECK(records[0].line == 1);
        CHECK(read_text("\xEF\xBB\xBF").empty());
        CHECK(read_text("a\n\xEF\xBB\xBF\n")[1].fields == Fields{"\xEF\xBB\xBF"});
    }

    TEST_CASE("gives the same records whatever the chunk size") {
        // BOM, 3- and 4-byte UTF-8, CRLF, quoted CRLF and escaped quotes: every seam a chunk can
        // cut.
        const std::string text =
            "\xEF\xBB\xBF名称,备注\r\n\"浙江\r\n诸暨\",\"说\"\"好\"\"\"\r\n\r\n"
            "😀,x\r\n末行,\"无换行\"";
        const auto expected = read_text(text);
        REQUIRE(expected.size() == 4);
        CHECK(lines_of(expected) == std::vector<std::int64_t>{1, 2, 5, 6});
        CHECK(expected[1].fields == Fields{"浙江\r\n诸暨", "说\"好\""});
        for (std::size_t chunk = 1; chunk <= 9; ++chunk) {
            CAPTURE(chunk);
            const auto records = read_text(text, CsvOptions{.chunk_bytes = chunk});
            REQUIRE(records.size() == expected.size());
            for (std::size_t i = 0; i < records.size(); ++i) {
                CHECK(records[i].fields == expected[i].fields);
                CHECK(records[i].line == expected[i].line);
            }
        }
    }

    TEST_CASE("rejects invalid UTF-8 at its line and byte column, after the records before it") {
        std::istringstream in("a,b\n1,2\n3,x\xFF\xFEy\n5,6\n");
        CsvReader reader(in, "企业.csv");
        CsvRecord record;
        REQUIRE(reader.next(record));
        REQUIRE(reader.next(record));
        CHECK(record.fields == Fields{"1", "2"});
        try {
            reader.next(record);
            FAIL("no error thrown");
        } catch (const Error& e) {
            CHECK(e.code() == Exit::invalid);
            CHECK(std::string(e.what()) == "无效的 UTF-8 字节");
            REQUIRE(e.where());
            CHECK(e.where()->file == "企业.csv");
            CHECK(e.where()->line == 3);
            CHECK(e.where()->column == 4);
        }
        CHECK_THROWS_AS(reader.next(record), Error); // and it stays failed
    }

    TEST_CASE("rejects a UTF-8 sequence cut off by the end of input, and GBK text") {
        for (std::size_t chunk : {std::size_t{1}, std::size_t{2}, std::size_t{64} * 1024}) {
            CAPTURE(chunk);
            const auto cut = error_of("a\n\xE8\xAF", "cut.csv", CsvOptions{.chunk_bytes = chunk});
            REQUIRE(cut.where());
            CHECK(cut.where()->line == 2);
            CHECK(cut.where()->column == 1);
        }
        const auto gbk = error_of("名称\n\xD6\xEE\xF4\xDF\n"); // 诸暨 in GBK
        CHECK(gbk.code() == Exit::invalid);
        CHECK(gbk.where()->line == 2);
    }

    TEST_CASE("rejects an unterminated quote at the line where its record starts") {
        const auto e = error_of("a,b\n1,2\n3,\"open\nstill open\n");
        CHECK(e.code() == Exit::invalid);
        CHECK(std::string(e.what()) == "引号未闭合");
        REQUIRE(e.where());
        CHECK(e.where()->line == 3);
        CHECK(error_of("\"").where()->line == 1);
    }

    TEST_CASE("rejects a quote inside an unquoted field, as libcsv's strict mode does") {
        // Without CSV_STRICT libcsv would keep the quote as data (a"c → a"c); with it, it stops
        // at the quote and the reader reports that byte.
        const auto e = error_of("a,b\n1,ab\"c\n");
        CHECK(e.code() == Exit::invalid);
        CHECK(std::string(e.what()) == "未加引号的字段中出现双引号");
        REQUIRE(e.where());
        CHECK(e.where()->line == 2);
        CHECK(e.where()->column == 5);
        // A space before an opening quote makes the field unquoted, so that quote is stray too.
        CHECK(error_of("a, \"b\"\n").where()->column == 4);
    }

    TEST_CASE("rejects text after a closing quote, naming the record's first line when earlier") {
        const auto e = error_of("a,b\n1,\"x\ny\"z\n");
        CHECK(e.code() == Exit::invalid);
        CHECK(std::string(e.what()) == "右引号后出现多余字符");
        REQUIRE(e.where());
        CHECK(e.where()->line == 3);
        CHECK(e.where()->column == 3);
        CHECK(e.hint().find("第 2 行") != std::string::npos);
        CHECK(error_of("\"a\" ,b\n").where()->column == 4); // even a space
    }

    TEST_CASE("rejects a record longer than the limit before reading the rest of the input") {
        std::string text = "a\n\"never closed\n";
        for (int i = 0; i < 2000; ++i) {
            text += "filler line that would otherwise be swallowed by the open quote\n";
        }
        const auto e =
            error_of(text, "big.csv", CsvOptions{.chunk_bytes = 1024, .max_record_bytes = 4096});
        CHECK(e.code() == Exit::invalid);
        REQUIRE(e.where());
        CHECK(e.where()->line == 2);
    }

    TEST_CASE("shows stdin as <stdin> in error locations") {
        std::istringstream in("\"");
        CsvReader reader(in, "-");
        CHECK(reader.name() == "<stdin>");
        try {
            reader.next();
            FAIL("no error thrown");
        } catch (const Error& e) {
            REQUIRE(e.where());
            CHECK(e.where()->file == "<stdin>");
            CHECK(hujing::format_error(e).find("<stdin>:1: 引号未闭合") != std::string::npos);
        }
    }

    TEST_CASE("reuses the caller's record and counts the bytes read") {
        const std::string text = "\xEF\xBB\xBFx,y,z\n1,2\n3,4,5\n";
        std::istringstream in(text);
        CsvReader reader(in, "t.csv");
        CsvRecord record;
        REQUIRE(reader.next(record));
        CHECK(record.fields.size() == 3);
        REQUIRE(reader.next(record));
        CHECK(record.fields == Fields{"1", "2"});
        REQUIRE(reader.next(record));
        CHECK(record.fields == Fields{"3", "4", "5"});
        CHECK(record.line == 3);
        CHECK_FALSE(reader.next(record));
        CHECK_FALSE(reader.next(record));
        CHECK(reader.bytes_read() == static_cast<std::int64_t>(text.size()));
    }

    TEST_CASE("a lone CR ends a record but not the physical line") {
        // libcsv takes any run of CR and LF as a record end (old Mac files); lines count LFs only.
        const auto records = read_text("a,b\r1,2\n3,4\n");
        REQUIRE(records.size() == 3);
        CHECK(lines_of(records) == std::vector<std::int64_t>{1, 1, 2});
    }

    TEST_CASE("streams 200000 lines with the right count and last line number") {
        std::string text = "uscc,name,town\n";
        for (int i = 1; i < 200000; ++i) {
            text += "91330681MA2";
            text += std::to_string(1000000 + i);
            text += i % 1000 == 0 ? ",\"诸暨市某某\n有限公司\",暨阳街道\n"
                                  : ",诸暨市某某有限公司,店口镇\n";
        }
        std::istringstream in(text);
        CsvReader reader(in, "big.csv");
        CsvRecord record;
        std::int64_t count = 0;
        std::int64_t misshapen = 0;
        std::int64_t last_line = 0;
        while (reader.next(record)) {
            ++count;
            misshapen += record.fields.size() == 3 ? 0 : 1;
            last_line = record.line;
        }
        CHECK(count == 200000);
        CHECK(misshapen == 0);
        CHECK(last_line == 200000 + 199); // 199 earlier records hold one quoted newline each
        CHECK(reader.bytes_read() == static_cast<std::int64_t>(text.size()));
    }

} // TEST_SUITE
