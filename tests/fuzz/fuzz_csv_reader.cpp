// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for hujing::io::CsvReader. The only acceptable outcomes are records or a
// hujing::Error with Exit::invalid and a location; any other exception escapes and libFuzzer
// reports it. Each input is read twice, in 64 KiB chunks and in 1-byte chunks, and both reads
// must agree (records, lines and the error), which exercises every chunk seam.
#include <hujing/error.hpp>
#include <hujing/io/csv_reader.hpp>
#include <hujing/util/text.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

struct Outcome {
    std::vector<hujing::io::CsvRecord> records;
    std::optional<hujing::Error> error;
};

void check(bool condition) {
    if (!condition) {
        std::abort();
    }
}

Outcome read(std::string_view input, hujing::io::CsvOptions options) {
    std::istringstream in{std::string(input)};
    hujing::io::CsvReader reader(in, "fuzz.csv", options);
    Outcome outcome;
    hujing::io::CsvRecord record;
    try {
        while (reader.next(record)) {
            outcome.records.push_back(record);
        }
    } catch (const hujing::Error& e) {
        outcome.error = e;
    }
    check(reader.bytes_read() <= static_cast<std::int64_t>(input.size()));
    return outcome;
}

// Facts every outcome must show, whatever the input.
void check_invariants(std::string_view input, const Outcome& outcome) {
    const auto lines = 1 + std::count(input.begin(), input.end(), '\n');
    std::int64_t previous = 1;
    std::size_t bytes = 0;
    for (const auto& record : outcome.records) {
        check(record.line >= previous && record.line <= lines);
        check(!record.fields.empty());
        previous = record.line;
        for (const auto& field : record.fields) {
            check(hujing::util::is_valid_utf8(field));
            bytes += field.size();
        }
    }
    check(bytes <= input.size());
    if (outcome.error) {
        check(outcome.error->code() == hujing::Exit::invalid);
        check(outcome.error->where().has_value());
        check(outcome.error->where()->file == "fuzz.csv");
        check(outcome.error->where()->line >= 1 && outcome.error->where()->line <= lines);
    }
}

bool same(const Outcome& a, const Outcome& b) {
    if (a.records.size() != b.records.size() || a.error.has_value() != b.error.has_value()) {
        return false;
    }
    for (std::size_t i = 0; i < a.records.size(); ++i) {
        if (a.records[i].line != b.records[i].line || a.records[i].fields != b.records[i].fields) {
            return false;
        }
    }
    if (a.error) {
        const auto& x = *a.error->where();
        const auto& y = *b.error->where();
        return std::string_view(a.error->what()) == b.error->what() && x.line == y.line
               && x.column == y.column;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);

    const auto whole = read(input, {});
    check_invariants(input, whole);
    const auto bytewise = read(input, {.chunk_bytes = 1});
    check_invariants(input, bytewise);
    check(same(whole, bytewise));

    // A tiny record limit reaches the "record too long" path; only the invariants apply, as
    // the limit is checked once per chunk.
    check_invariants(input, read(input, {.chunk_bytes = 7, .max_record_bytes = 32}));
    return 0;
}
