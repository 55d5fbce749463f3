// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/registry/import.hpp>
#include <hujing/registry/import_rows.hpp>
#include <hujing/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace hujing::domain::import_rows {

namespace {

// Set `out` to `values` as a JSON array of strings (control characters were rejected).
void json_array(const std::vector<std::string>& values, std::string& out) {
    out = "[";
    for (std::size_t i = 0; i < values.size(); ++i) {
        out += i == 0 ? "\"" : ",\"";
        for (const char c : values[i]) {
            if (c == '"' || c == '\\') {
                out += '\\';
            }
            out += c;
        }
        out += '"';
    }
    out += ']';
}

} // namespace

Layout import_layout(const io::CsvRecord& header, const SourceLocation& header_at) {
    const auto& known = import_columns();
    Layout layout;
    auto& index = layout.index;
    index.fill(k_absent);
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
        const auto column = std::string(util::trim(header.fields[i]));
        const auto it = std::find(known.begin(), known.end(), column);
        if (it == known.end()) {
            throw Error(Exit::invalid,
                        "未知的列: " + column,
                        "可用列: " + util::join(known, ","),
                        header_at);
        }
        auto& slot = index[static_cast<std::size_t>(it - known.begin())];
        if (slot != k_absent) {
            throw Error(Exit::invalid, "重复的列: " + column, {}, header_at);
        }
        slot = i;
    }
    for (const Col required : {c_uscc, c_name}) {
        if (index[required] == k_absent) {
            throw Error(
                Exit::invalid, "缺少必需的列: " + known[required], "必需列: uscc,name", header_at);
        }
    }
    layout.width = header.fields.size();
    layout.has_tags = index[c_tags] != k_absent;
    layout.has_sectors = index[c_sectors] != k_absent;
    return layout;
}

void parse_row(io::CsvRecord& record, const Layout& layout, Item& item) {
    item.line = static_cast<int>(record.line);
    item.problem.reset();
    item.former.reset();
    auto& fields = record.fields;
    if (fields.size() != layout.width) {
        item.problem = fmt::format("列数为 {}，表头为 {}", fields.size(), layout.width);
        return;
    }
    auto& d = item.data;
    const auto& index = layout.index;
    auto take = [&](Col c, std::optional<std::string>& out) {
        if (index[c] == k_absent) {
            out.reset();
            return;
        }
        if (!out) {
            out.emplace();
        }
        out->swap(fields[index[c]]);
    };
    d.uscc.swap(fields[index[c_uscc]]);
    d.name.swap(fields[index[c_name]]);
    take(c_town, d.town);
    take(c_industry, d.industry);
    take(c_industry_code, d.industry_code);
    take(c_scale, d.scale);
    take(c_legal_rep, d.legal_rep);
    take(c_phone, d.phone);
    take(c_address, d.address);
    d.tags.resize(layout.has_tags ? 1 : 0);
    d.sectors.resize(layout.has_sectors ? 1 : 0);
    if (layout.has_tags) {
        d.tags[0].swap(fields[index[c_tags]]);
    }
    if (layout.has_sectors) {
        d.sectors[0].swap(fields[index[c_sectors]]);
    }
    if (util::trim(d.uscc).empty()) {
        item.problem = "缺少统一社会信用代码 (uscc)";
        return;
    }
    try {
        item.former = normalize_enterprise(d);
    } catch (const Error& e) {
        item.problem = e.what();
        return;
    }
    item.tags_json.clear();
    item.sectors_json.clear();
    if (!d.tags.empty()) {
        json_array(d.tags, item.tags_json);
    }
    if (!d.sectors.empty()) {
        json_array(d.sectors, item.sectors_json);
    }
}

Reader::Reader(io::CsvReader& reader, const Layout& layout, std::string display)
    : m_reader(reader),
      m_layout(layout),
      m_display(std::move(display)) {
    for (std::size_t i = 0; i < k_blocks; ++i) {
        auto block = std::make_unique<Block>();
        block->items.resize(k_block_rows);
        m_free.push_back(std::move(block));
    }
    m_thread = std::thread([this] { produce(); });
}

Reader::~Reader() {
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

std::unique_ptr<Block> Reader::next() {
    std::unique_lock<std::mutex> lock(m_mutex);
    m_changed.wait(lock, [this] { return !m_full.empty(); });
    auto block = std::move(m_full.front());
    m_full.pop_front();
    return block;
}

void Reader::recycle(std::unique_ptr<Block> block) {
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_free.push_back(std::move(block));
    }
    m_changed.notify_all();
}

void Reader::produce() {
    io::CsvRecord record;
    for (;;) {
        std::unique_ptr<Block> block;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_changed.wait(lock, [this] { return m_stop || !m_free.empty(); });
            if (m_stop) {
                return;
            }
            block = std::move(m_free.front());
            m_free.pop_front();
        }
        block->count = 0;
        try {
            while (block->count < block->items.size()) {
                if (!m_reader.next(record)) {
                    block->last = true;
                    break;
                }
                parse_row(record, m_layout, block->items[block->count++]);
            }
        } catch (const Error& e) {
            block->last = true;
            block->unreadable =
                Diagnostic{e.where().value_or(SourceLocation{m_display, 0, 0}), e.what()};
        } catch (...) {
            block->last = true;
            block->failure = std::current_exception();
        }
        block->bytes = m_reader.bytes_read();
        const bool last = block->last;
        {
            const std::lock_guard<std::mutex> lock(m_mutex);
            m_full.push_back(std::move(block));
        }
        m_changed.notify_all();
        if (last) {
            return;
        }
    }
}

} // namespace hujing::domain::import_rows
