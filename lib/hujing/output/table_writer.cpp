// SPDX-License-Identifier: GPL-3.0-or-later
// The aligned table for people: Chinese headers, display labels, fitted to the terminal.
#include <hujing/output/detail.hpp>

namespace hujing::output::detail {

namespace {

constexpr std::string_view k_no_records = "(无记录)\n";

class TableWriter final : public RowWriter {
public:
    explicit TableWriter(WriterSetup setup)
        : m_columns(std::move(setup.columns)),
          m_fields(std::move(setup.fields)),
          m_table(text_table_for(m_columns, m_fields)),
          m_width(resolve_width(setup.options, setup.out)),
          m_header(setup.options.header ? Header::show : Header::omit),
          m_drop_empty(setup.options.fields.empty()),
          m_color(resolve_color(setup.options, setup.out)),
          m_out(setup.out, setup.options.pager) {}

    void row(const Row& values) override {
        check_row_size(values, m_columns.size());
        std::vector<std::string> cells;
        cells.reserve(m_fields.size());
        for (const auto index : m_fields) {
            cells.push_back(display_text(values[index], m_columns[index]));
        }
        m_table.rows.push_back(std::move(cells));
        m_table.tones.push_back(row_tone(m_columns, values));
    }

    void finish() override {
        if (m_table.rows.empty()) {
            if (m_header == Header::show) {
                m_out.text() += k_no_records;
            }
        } else {
            if (m_drop_empty) {
                drop_empty_columns(m_table);
            }
            render_table(m_out.text(), m_table, m_width, m_header, m_color);
        }
        m_out.flush();
    }

private:
    std::vector<Column> m_columns;
    std::vector<std::size_t> m_fields;
    TextTable m_table;
    std::optional<int> m_width;
    Header m_header;
    bool m_drop_empty; // without --fields, a column empty in every row is left out
    Color m_color;
    OutBuffer m_out;
};

} // namespace

std::unique_ptr<RowWriter> make_table_writer(WriterSetup setup) {
    return std::make_unique<TableWriter>(std::move(setup));
}

} // namespace hujing::output::detail
