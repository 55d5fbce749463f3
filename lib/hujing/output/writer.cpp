// SPDX-License-Identifier: GPL-3.0-or-later
// Choosing the writer for a format, with --fields applied.
#include <hujing/output/detail.hpp>
#include <hujing/output/writer.hpp>

namespace hujing::output {

namespace {

// json and jsonl carry every field of the record unless --fields narrows them.
std::vector<std::string> defaults_for(Format format, const std::vector<std::string>& defaults) {
    if (format == Format::json || format == Format::jsonl) {
        return {};
    }
    return defaults;
}

} // namespace

std::vector<std::string> shown_fields(std::FILE* out,
                                      const std::vector<Column>& columns,
                                      const OutputOptions& options,
                                      const std::vector<std::string>& default_fields) {
    const auto format = effective_format(options, out);
    std::vector<std::string> keys;
    for (const auto i :
         detail::select_fields(columns, options.fields, defaults_for(format, default_fields))) {
        keys.push_back(columns[i].key);
    }
    return keys;
}

std::unique_ptr<RowWriter> make_writer(std::FILE* out,
                                       std::vector<Column> columns,
                                       const OutputOptions& options,
                                       const std::vector<std::string>& default_fields) {
    const auto format = effective_format(options, out);
    auto fields =
        detail::select_fields(columns, options.fields, defaults_for(format, default_fields));
    detail::WriterSetup setup{out, std::move(columns), std::move(fields), options};
    switch (format) {
    case Format::csv:
        return detail::make_csv_writer(std::move(setup));
    case Format::tsv:
        return detail::make_tsv_writer(std::move(setup));
    case Format::json:
        return detail::make_json_writer(std::move(setup), detail::JsonStyle::pretty);
    case Format::jsonl:
        return detail::make_json_writer(std::move(setup), detail::JsonStyle::compact);
    case Format::xlsx:
        return detail::make_xlsx_writer(std::move(setup));
    case Format::table:
        break;
    }
    return detail::make_table_writer(std::move(setup));
}

void write_table(std::FILE* out,
                 const Table& table,
                 const OutputOptions& options,
                 const std::vector<std::string>& default_fields) {
    auto writer = make_writer(out, table.columns, options, default_fields);
    for (const auto& row : table.rows) {
        writer->row(row);
    }
    writer->finish();
}

} // namespace hujing::output
