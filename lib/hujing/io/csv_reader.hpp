// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace hujing::io {

// One CSV record and the physical line (1-based) of the file where it starts.
struct CsvRecord {
    std::vector<std::string> fields;
    std::int64_t line = 0;
};

// Buffering and limits of a CsvReader; the defaults suit every real input.
struct CsvOptions {
    // Bytes read from the stream at a time (tests use tiny chunks to exercise the seams).
    std::size_t chunk_bytes = std::size_t{64} * 1024;
    // A longer record is Exit::invalid (almost always a quote that is never closed), so memory
    // stays bounded whatever the input.
    std::size_t max_record_bytes = std::size_t{4} * 1024 * 1024;
};

// A streaming RFC 4180 reader (quoted fields may hold commas, quotes and newlines; CRLF or LF;
// an optional UTF-8 BOM is skipped). Invalid UTF-8 or a malformed quote throws Exit::invalid
// with FILE:LINE. Memory does not grow with the file.
//
// Details: empty lines between records are skipped (but counted); spaces around unquoted
// fields are kept; a quote inside an unquoted field, or anything but a comma or line end after
// a closing quote, is an error located at that byte (FILE:LINE:COLUMN, the column in bytes);
// an unterminated quote at the end of input is an error at the line where its record starts.
// A lone CR ends a record like CRLF does (libcsv) but only LF starts a new physical line.
// Records ahead of an error are returned first; the error is thrown where it occurs in the
// stream, and again on every later call.
class CsvReader {
public:
    // Read from `in`; `name` labels error locations ("-" for stdin is shown as "<stdin>").
    CsvReader(std::istream& in, std::string name, CsvOptions options = {});
    ~CsvReader();
    CsvReader(const CsvReader&) = delete;
    CsvReader& operator=(const CsvReader&) = delete;
    CsvReader(CsvReader&&) = delete;
    CsvReader& operator=(CsvReader&&) = delete;

    // Return the next record, or nullopt at end of input. Empty lines are skipped.
    std::optional<CsvRecord> next();

    // Read the next record into `out`, reusing its strings; return false at end of input.
    // This is the fast path for large imports: no allocation per record once warmed up.
    bool next(CsvRecord& out);

    // Bytes consumed so far (for progress bars).
    [[nodiscard]] std::int64_t bytes_read() const;

    // The label used in error locations ("<stdin>" when constructed with "-").
    [[nodiscard]] const std::string& name() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace hujing::io
