// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.hpp"
#include "context.hpp"
#include "options.hpp"

#include <hujing/error.hpp>
#include <hujing/notice.hpp>
#include <hujing/storage/maintenance.hpp>
#include <hujing/storage/migrate.hpp>

#include <fmt/format.h>

namespace hujing::cli {

void register_db(CLI::App& root, Context& ctx) {
    auto* noun = root.add_subcommand("db", "数据库维护: 升级、备份、检查、统计");
    noun->require_subcommand(1);

    auto* migrate =
        noun->add_subcommand("migrate", "把数据库结构升级到本程序的版本（升级前自动备份）");
    migrate->callback([&ctx] {
        ctx.action = [&ctx] {
            auto& db = ctx.db(); // opening migrates, with a backup and a notice
            fmt::print("{}\n", db.schema_version());
        };
    });

    auto backup_path = std::make_shared<std::string>();
    auto* backup = noun->add_subcommand("backup", "在线备份数据库到 FILE（他人写入时也安全）");
    backup->add_option("FILE", *backup_path, "备份文件")->required();
    backup->callback([&ctx, backup_path] {
        ctx.action = [&ctx, backup_path] {
            storage::backup(ctx.db(), *backup_path);
            notice("已备份到 " + *backup_path);
        };
    });

    auto* check = noun->add_subcommand("check", "检查完整性、外键和审计链；有问题时退出码为 5");
    check->callback([&ctx] {
        ctx.action = [&ctx] {
            const auto findings = storage::check(ctx.db());
            std::vector<output::Row> rows;
            rows.reserve(findings.size());
            for (const auto& f : findings) {
                rows.push_back({f.check, f.message});
            }
            write_rows(
                ctx, {output::Column{"check", "检查项"}, output::Column{"message", "问题"}}, rows);
            if (!findings.empty()) {
                throw Error(Exit::conflict,
                            fmt::format("数据库检查发现 {} 个问题", findings.size()));
            }
            notice("数据库检查通过");
        };
    });

    auto* stats = noun->add_subcommand("stats", "数据库统计: 结构版本、文件大小、各表行数");
    stats->callback([&ctx] {
        ctx.action = [&ctx] {
            std::vector<output::Row> rows;
            for (auto& [key, value] : storage::stats(ctx.db())) {
                rows.push_back({key, value});
            }
            write_rows(ctx, {output::Column{"key", "项目"}, output::Column{"value", "值"}}, rows);
        };
    });
}

} // namespace hujing::cli
