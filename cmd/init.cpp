// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.hpp"
#include "context.hpp"

#include <hujing/inspect/form.hpp>
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
            const auto today = ctx.today();
            const auto [units, forms] = ctx.write([today](auto& tx, auto& database) {
                const int added = domain::load_builtin_units(tx, database);
                int loaded = 0;
                for (const auto& l : domain::load_builtin_forms(tx, database, today)) {
                    loaded += l.action == "unchanged" ? 0 : 1;
                }
                return std::pair{added, loaded};
            });
            notice(fmt::format("{}数据库 {}（结构版本 {}），新载入 {} 个单位、{} 个表单",
                               existed ? "已打开" : "已创建",
                               ctx.globals.db_path,
                               db.schema_version(),
                               units,
                               forms));
        };
    });
}

} // namespace hujing::cli
