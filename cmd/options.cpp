// SPDX-License-Identifier: GPL-3.0-or-later
#include "options.hpp"

#include <hujing/error.hpp>
#include <hujing/util/text.hpp>

#include <filesystem>
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
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        throw_invalid("要读的是目录，不是文件: " + path, "给出 CSV 文件的路径，或用 - 读标准输入");
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
