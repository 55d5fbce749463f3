// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

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

// A streaming RFC 4180 reader (quoted fields may hold commas, quotes and newlines; CRLF or LF;
// an optional UTF-8 BOM is skipped). Invalid UTF-8 or a malformed quote throws Exit::invalid
// with FILE:LINE. Memory does not grow with the file.
class CsvReader {
public:
    // Read from `in`; `name` labels error locations ("-" for stdin is shown as "<stdin>").
    CsvReader(std::istream& in, std::string name);
    ~CsvReader();
    CsvReader(const CsvReader&) = delete;
    CsvReader& operator=(const CsvReader&) = delete;

    // Return the next record, or nullopt at end of input. Empty lines are skipped.
    std::optional<CsvRecord> next();

    // Bytes consumed so far (for progress bars).
    std::int64_t bytes_read() const;

    const std::string& name() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace hujing::io
