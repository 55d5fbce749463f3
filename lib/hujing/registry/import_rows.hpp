// SPDX-License-Identifier: GPL-3.0-or-later
// The reading half of an enterprise import: the header's columns, and the rows parsed and
// validated on a second thread while the calling thread writes them (import.cpp).
#pragma once

#include <hujing/error.hpp>
#include <hujing/io/csv_reader.hpp>
#include <hujing/registry/enterprise.hpp>

#include <array>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace hujing::domain::import_rows {

// The columns of import_columns(), in its order.
enum Col : std::size_t {
    c_uscc,
    c_name,
    c_town,
    c_industry,
    c_industry_code,
    c_scale,
    c_legal_rep,
    c_phone,
    c_address,
    c_tags,
    c_sectors,
    c_count
};

constexpr std::size_t k_absent = static_cast<std::size_t>(-1);

// One CSV record as parsed and validated by the reader thread, handed to the writer.
struct Item {
    int line = 0;
    std::optional<std::string> problem; // why the row is invalid
    EnterpriseData data;                // the normalised row when valid
    std::optional<std::string> former;  // a former town name that was mapped
    std::string tags_json;              // tags as a JSON array, empty when none
    std::string sectors_json;
};

// The column mapping of the file's header.
struct Layout {
    std::array<std::size_t, c_count> index{};
    std::size_t width = 0;
    bool has_tags = false;
    bool has_sectors = false;
};

// A block of rows travelling from the reader thread to the writer.
struct Block {
    std::vector<Item> items;
    std::size_t count = 0;
    std::int64_t bytes = 0;               // bytes read when the block was filled
    bool last = false;                    // the input ends after this block
    std::optional<Diagnostic> unreadable; // with `last`: the record that could not be read
    std::exception_ptr failure;           // with `last`: an unexpected error of the reader
};

// The column mapping of `header`; an unknown or repeated column, or a missing uscc or name, is
// Exit::invalid at `header_at`.
Layout import_layout(const io::CsvRecord& header, const SourceLocation& header_at);

// Parse and validate `record` into `item`. Swaps, not moves, the fields: the reader gets the
// previous row's buffers back, so no field costs an allocation once the import is under way.
void parse_row(io::CsvRecord& record, const Layout& layout, Item& item);

// Reads and validates the CSV on a second thread while the calling thread writes to SQLite,
// so that parsing and validation overlap with the database work. A fixed pool of blocks
// circulates between the two: memory stays flat, and item buffers are reused.
class Reader {
public:
    Reader(io::CsvReader& reader, const Layout& layout, std::string display);
    ~Reader();

    Reader(const Reader&) = delete;
    Reader& operator=(const Reader&) = delete;
    Reader(Reader&&) = delete;
    Reader& operator=(Reader&&) = delete;

    // The next filled block, in file order (the last one has `last` set).
    std::unique_ptr<Block> next();

    // Give a processed block back for reuse.
    void recycle(std::unique_ptr<Block> block);

private:
    static constexpr std::size_t k_blocks = 4;
    static constexpr std::size_t k_block_rows = 1024;

    void produce();

    io::CsvReader& m_reader;
    const Layout& m_layout;
    std::string m_display;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<std::unique_ptr<Block>> m_free;
    std::deque<std::unique_ptr<Block>> m_full;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace hujing::domain::import_rows
