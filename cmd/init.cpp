// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.hpp"
#include "context.hpp"

#include <hujing/notice.hpp>
#include <hujing/org/unit.hpp>
#include <hujing/storage/migrate.hpp>

#include <fmt/format.h>

#include <filesystem>

namespace hujing::cli {

void register_init(CLI::App& root, Context& ctx) {
    auto* cmd = root.add_subcommand("init", "创建或打开数据库，升级结构，载入内置单位等数据");
    cmd->callback([&ctx] {
        ctx.action = [&ctx] {
            std::error_code ec;
            const bool existed = std::filesystem::exists(ctx.globals.db_path, ec);
            auto& db = ctx.create_db();
            const int units = ctx.write(
                [](auto& tx, auto& database) { return domain::load_builtin_units(tx, database); });
            notice(fmt::format("{}数据库 {}（结构版本 {}），新载入 {} 个单位",
                               existed ? "已打开" : "已创建",
                               ctx.globals.db_path,
                               db.schema_version(),
                               units));
        };
    });
}

} // namespace hujing::cli
