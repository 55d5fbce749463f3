// SPDX-License-Identifier: GPL-3.0-or-later
// `show` pages: one record as a JSON document, field/value rows, or labelled sections.
#include <hujing/error.hpp>
#include <hujing/output/detail.hpp>
#include <hujing/output/writer.hpp>
#include <hujing/util/text.hpp>

#include <algorithm>

namespace hujing::output {

namespace {

constexpr std::string_view k_bom = "\xEF\xBB\xBF";
constexpr std::string_view k_none = "(无)\n";
constexpr std::string_view k_bold = "\x1b[1m";
constexpr std::string_view k_reset = "\x1b[0m";

void write_document(std::FILE* out, const nlohmann::json& doc, int indent, bool page) {
    detail::OutBuffer buffer(out, page);
    buffer.text() = doc.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
    buffer.text() += '\n';
    buffer.flush();
}

using Escape = void (*)(std::string&, std::string_view);

// `field,value` rows, one per field of `section`.
void append_field_rows(std::string& text, const Section& section, Escape escape, char separator) {
    detail::check_row_size(section.values, section.fields.size());
    std::string value;
    for (std::size_t i = 0; i < section.fields.size(); ++i) {
        escape(text, section.fields[i].key);
        text += separator;
        value.clear();
        detail::append_machine_text(value, section.values[i], section.fields[i].kind);
        escape(text, value);
        text += '\n';
    }
}

// A sub-table as machine rows: a header of column keys, then one row per record.
void append_table_rows(std::string& text,
                       const Table& table,
                       const OutputOptions& options,
                       Escape escape,
                       char separator) {
    if (options.header) {
        for (std::size_t i = 0; i < table.columns.size(); ++i) {
            if (i > 0) {
                text += separator;
            }
            escape(text, table.columns[i].key);
        }
        text += '\n';
    }
    std::string value;
    for (const auto& row : table.rows) {
        detail::check_row_size(row, table.columns.size());
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i > 0) {
                text += separator;
            }
            value.clear();
            detail::append_machine_text(value, row[i], table.columns[i].kind);
            escape(text, value);
        }
        text += '\n';
    }
}

// csv/tsv: `field,value` rows of the first section; every further section follows after a
// blank line and a "# 标题" line, so a piped `show` keeps all of the record for less and grep.
void write_field_rows(std::FILE* out,
                      const std::vector<Section>& sections,
                      const OutputOptions& options,
                      Escape escape,
                      char separator) {
    detail::OutBuffer buffer(out, options.pager);
    auto& text = buffer.text();
    if (options.bom) {
        text += k_bom;
    }
    if (options.header) {
        text += "field";
        text += separator;
        text += "value\n";
    }
    for (std::size_t i = 0; i < sections.size(); ++i) {
        const auto& section = sections[i];
        if (i > 0) {
            text += "\n# ";
            text += detail::sanitize_for_terminal(section.title);
            text += '\n';
        }
        if (section.table) {
            append_table_rows(text, *section.table, options, escape, separator);
        } else {
            append_field_rows(text, section, escape, separator);
        }
    }
    buffer.flush();
}

void append_title(std::string& text, const std::string& title, detail::Color color) {
    if (color == detail::Color::on) {
        text += k_bold;
        text += detail::sanitize_for_terminal(title);
        text += k_reset;
    } else {
        text += detail::sanitize_for_terminal(title);
    }
    text += '\n';
}

// "label: value" lines, values aligned; a multi-line value continues under its first line,
// and a long one wraps to `width` there.
void append_fields(std::string& text, const Section& section, std::optional<int> width) {
    detail::check_row_size(section.values, section.fields.size());
    int label_width = 0;
    for (const auto& field : section.fields) {
        label_width = std::max(label_width, util::display_width(field.label));
    }
    const auto indent = static_cast<std::size_t>(label_width) + 2;
    for (std::size_t i = 0; i < section.fields.size(); ++i) {
        const auto& field = section.fields[i];
        std::string label = detail::sanitize_for_terminal(field.label) + ':';
        label.append(static_cast<std::size_t>(label_width - util::display_width(field.label)) + 1,
                     ' ');
        const auto value = detail::human_text(section.values[i], field);
        std::size_t start = 0;
        while (true) {
            const auto nl = value.find('\n', start);
            const auto part = std::string_view(value).substr(start, nl - start);
            const auto prefix = start == 0 ? label : std::string(indent, ' ');
            detail::append_wrapped(
                text, prefix, detail::sanitize_for_terminal(part), indent, width);
            if (nl == std::string::npos) {
                break;
            }
            start = nl + 1;
        }
    }
}

void append_sub_table(std::string& text,
                      const Table& table,
                      std::optional<int> width,
                      detail::Color color) {
    if (table.rows.empty()) {
        text += k_none;
        return;
    }
    std::vector<std::size_t> fields(table.columns.size());
    for (std::size_t i = 0; i < fields.size(); ++i) {
        fields[i] = i;
    }
    auto layout = detail::text_table_for(table.columns, fields);
    for (const auto& row : table.rows) {
        detail::check_row_size(row, table.columns.size());
        std::vector<std::string> cells;
        cells.reserve(fields.size());
        for (std::size_t i = 0; i < fields.size(); ++i) {
            cells.push_back(detail::display_text(row[i], table.columns[i]));
        }
        layout.rows.push_back(std::move(cells));
        layout.tones.push_back(detail::row_tone(table.columns, row));
    }
    detail::drop_empty_columns(layout);
    detail::render_table(text, layout, width, detail::Header::show, color);
}

void write_sections(std::FILE* out,
                    const std::vector<Section>& sections,
                    const OutputOptions& options) {
    const auto color = detail::resolve_color(options, out);
    const auto width = detail::resolve_width(options, out);
    detail::OutBuffer buffer(out, options.pager);
    auto& text = buffer.text();
    for (std::size_t i = 0; i < sections.size(); ++i) {
        const auto& section = sections[i];
        if (i > 0) {
            text += '\n';
        }
        if (!section.title.empty()) {
            append_title(text, section.title, color);
        }
        if (section.table) {
            append_sub_table(text, *section.table, width, color);
        } else {
            append_fields(text, section, width);
        }
    }
    buffer.flush();
}

} // namespace

void write_text(std::FILE* out, std::string_view text, const OutputOptions& options) {
    detail::OutBuffer buffer(out, options.pager);
    buffer.text() = text;
    buffer.flush();
}

void write_record(std::FILE* out, const RecordPage& page, const OutputOptions& options) {
    switch (effective_format(options, out)) {
    case Format::json:
        write_document(out, page.json(), 2, options.pager);
        return;
    case Format::jsonl:
        write_document(out, page.json(), -1, options.pager);
        return;
    case Format::csv:
        write_field_rows(out, page.sections(), options, detail::append_csv_field, ',');
        return;
    case Format::tsv:
        write_field_rows(out, page.sections(), options, detail::append_tsv_field, '\t');
        return;
    case Format::xlsx:
        throw Error(Exit::invalid, "xlsx 格式只用于列表", "用 -f json、-f csv 或 -f tsv");
    case Format::table:
        break;
    }
    write_sections(out, page.sections(), options);
}

} // namespace hujing::output
