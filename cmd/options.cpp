// SPDX-License-Identifier: GPL-3.0-or-later
#include "options.hpp"

#include <hujing/error.hpp>
#include <hujing/util/text.hpp>

#include <algorithm>
#include <fstream>
#include <iostream>

namespace hujing::cli {

namespace {

// A non-owning stream over std::cin.
class StdinStream : public std::istream {
public:
    StdinStream()
        : std::istream(std::cin.rdbuf()) {}
};

int compare_values(const output::Value& a, const output::Value& b) {
    if (a.index() != b.index()) {
        return a.index() < b.index() ? -1 : 1;
    }
    if (a < b) {
        return -1;
    }
    return b < a ? 1 : 0;
}

// Sort, skip and cut in-memory `rows` of `columns` as `paging` says.
void apply_paging(const Paging& paging,
                  const std::vector<output::Column>& columns,
                  std::vector<output::Row>& rows) {
    if (!paging.sort.empty()) {
        const bool descending = paging.sort.front() == '-';
        const std::string key = descending ? paging.sort.substr(1) : paging.sort;
        const auto it = std::find_if(
            columns.begin(), columns.end(), [&](const auto& c) { return c.key == key; });
        if (it == columns.end()) {
            std::vector<std::string> keys;
            keys.reserve(columns.size());
            for (const auto& c : columns) {
                keys.push_back(c.key);
            }
            throw Error(
                Exit::invalid, "未知的排序字段: " + key, "可用字段: " + util::join(keys, ","));
        }
        const auto index = static_cast<std::size_t>(it - columns.begin());
        std::stable_sort(rows.begin(), rows.end(), [&](const auto& a, const auto& b) {
            const int c = compare_values(a[index], b[index]);
            return descending ? c > 0 : c < 0;
        });
    }
    const auto offset = static_cast<std::size_t>(paging.offset.value_or(0));
    if (offset > 0) {
        rows.erase(rows.begin(),
                   rows.begin() + static_cast<std::ptrdiff_t>(std::min(offset, rows.size())));
    }
    if (paging.limit && rows.size() > static_cast<std::size_t>(*paging.limit)) {
        rows.resize(static_cast<std::size_t>(*paging.limit));
    }
}

} // namespace

CLI::Validator non_negative() {
    return {[](std::string& value) -> std::string {
                if (value.empty() || value.size() > 18
                    || value.find_first_not_of("0123456789") != std::string::npos) {
                    return "应为非负整数: " + value;
                }
                return {};
            },
            "N"};
}

std::unique_ptr<std::istream> open_input(const std::string& path) {
    if (path == "-") {
        return std::make_unique<StdinStream>();
    }
    auto file = std::make_unique<std::ifstream>(path, std::ios::binary);
    if (!*file) {
        throw_not_found("文件", path);
    }
    return file;
}

std::vector<std::string> expand_ids(const std::vector<std::string>& args) {
    std::vector<std::string> out;
    for (const auto& arg : args) {
        if (arg != "-") {
            out.push_back(arg);
            continue;
        }
        std::string line;
        while (std::getline(std::cin, line)) {
            const auto end = line.find_first_of(",\t");
            const auto id = std::string(util::trim(line.substr(0, end)));
            if (id.empty() || id == "id" || id == "uscc" || id == "badge"
                || id == "enterprise_id") {
                continue;
            }
            out.push_back(id);
        }
    }
    return out;
}

void write_rows(const Context& ctx,
                std::vector<output::Column> columns,
                const std::vector<output::Row>& rows,
                const std::vector<std::string>& default_fields) {
    auto writer = output::make_writer(stdout, std::move(columns), ctx.output(), default_fields);
    for (const auto& row : rows) {
        writer->row(row);
    }
    writer->finish();
}

void add_paging_options(CLI::App& cmd, Paging& paging) {
    cmd.add_option("--limit", paging.limit, "最多输出多少行")->check(non_negative());
    cmd.add_option("--offset", paging.offset, "跳过前多少行")->check(non_negative());
    cmd.add_option("--sort", paging.sort, "按字段排序，前加 - 为降序 (如 -id)");
}

void write_paged_rows(const Context& ctx,
                      std::vector<output::Column> columns,
                      std::vector<output::Row> rows,
                      const Paging& paging,
                      const std::vector<std::string>& default_fields) {
    apply_paging(paging, columns, rows);
    write_rows(ctx, std::move(columns), rows, default_fields);
}

void add_bool_flag_pair(CLI::App& cmd,
                        const std::string& name,
                        std::optional<bool>& value,
                        const std::string& help_on,
                        const std::string& help_off) {
    auto* on = cmd.add_flag_callback(
        "--" + name, [&value] { value = true; }, help_on);
    auto* off = cmd.add_flag_callback(
        "--no-" + name, [&value] { value = false; }, help_off);
    on->excludes(off);
}

} // namespace hujing::cli
