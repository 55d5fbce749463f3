// SPDX-License-Identifier: GPL-3.0-or-later
// csv (RFC 4180, LF line ends) and tsv (one line per row, \t \n \r \\ escaped) writers.
#include <hujing/output/detail.hpp>

namespace hujing::output::detail {

void append_csv_field(std::string& out, std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
        out += text;
        return;
    }
    out += '"';
    std::size_t start = 0;
    for (std::size_t quote = text.find('"'); quote != std::string_view::npos;
         quote = text.find('"', start)) {
        out.append(text.substr(start, quote + 1 - start));
        out += '"';
        start = quote + 1;
    }
    out.append(text.substr(start));
    out += '"';
}

void append_tsv_field(std::string& out, std::string_view text) {
    std::size_t start = 0;
    for (std::size_t special = text.find_first_of("\t\n\r\\"); special != std::string_view::npos;
         special = text.find_first_of("\t\n\r\\", start)) {
        out.append(text.substr(start, special - start));
        switch (text[special]) {
        case '\t':
            out += "\\t";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        default:
            out += "\\\\";
            break;
        }
        start = special + 1;
    }
    out.append(text.substr(start));
}

namespace {

constexpr std::string_view k_bom = "\xEF\xBB\xBF";

// One writer for both delimited formats; `Escape` appends one field.
template <char Separator, void (*Escape)(std::string&, std::string_view)>
class DelimitedWriter final : public RowWriter {
public:
    explicit DelimitedWriter(WriterSetup setup)
        : m_columns(std::move(setup.columns)),
          m_fields(std::move(setup.fields)),
          m_out(setup.out, setup.options.pager) {
        auto& text = m_out.text();
        if (setup.options.bom) {
            text += k_bom;
        }
        if (setup.options.header) {
            for (std::size_t i = 0; i < m_fields.size(); ++i) {
                if (i > 0) {
                    text += Separator;
                }
                Escape(text, m_columns[m_fields[i]].key);
            }
            text += '\n';
        }
    }

    void row(const Row& values) override {
        check_row_size(values, m_columns.size());
        auto& text = m_out.text();
        for (std::size_t i = 0; i < m_fields.size(); ++i) {
            if (i > 0) {
                text += Separator;
            }
            const auto index = m_fields[i];
            append_cell(text, values[index], m_columns[index].kind);
        }
        text += '\n';
        m_out.maybe_flush();
    }

    void finish() override {
        m_out.flush();
    }

private:
    void append_cell(std::string& text, const Value& value, Kind kind) {
        if (const auto* string = std::get_if<std::string>(&value)) {
            Escape(text, *string);
        } else if (std::holds_alternative<std::vector<std::string>>(value)) {
            m_scratch.clear();
            append_machine_text(m_scratch, value, kind);
            Escape(text, m_scratch);
        } else {
            // numbers, booleans and null never need quoting or escaping
            append_machine_text(text, value, kind);
        }
    }

    std::vector<Column> m_columns;
    std::vector<std::size_t> m_fields;
    OutBuffer m_out;
    std::string m_scratch;
};

} // namespace

std::unique_ptr<RowWriter> make_csv_writer(WriterSetup setup) {
    return std::make_unique<DelimitedWriter<',', append_csv_field>>(std::move(setup));
}

std::unique_ptr<RowWriter> make_tsv_writer(WriterSetup setup) {
    return std::make_unique<DelimitedWriter<'\t', append_tsv_field>>(std::move(setup));
}

} // namespace hujing::output::detail
