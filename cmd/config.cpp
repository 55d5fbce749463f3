// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.hpp"
#include "context.hpp"
#include "listing.hpp"
#include "options.hpp"

#include <hujing/settings/config.hpp>
#include <hujing/settings/setting_list.hpp>

#include <fmt/format.h>

namespace hujing::cli {

void register_config(CLI::App& root, Context& ctx) {
    auto* noun = root.add_subcommand("config", "数据库中的设置: 办理时限、走访间隔等");
    noun->require_subcommand(1);

    auto key = std::make_shared<std::string>();
    auto value = std::make_shared<std::string>();

    auto* get = noun->add_subcommand("get", "显示一个设置项的当前值");
    get->add_option("KEY", *key, "设置项")->required();
    get->callback([&ctx, key] {
        ctx.action = [&ctx, key] { fmt::print("{}\n", domain::get_setting(ctx.db(), *key)); };
    });

    auto* set = noun->add_subcommand("set", "修改一个设置项（记入审计日志）");
    set->add_option("KEY", *key, "设置项")->required();
    set->add_option("VALUE", *value, "新值")->required();
    set->callback([&ctx, key, value] {
        ctx.action = [&ctx, key, value] {
            ctx.write([&](auto& tx, auto& db) { domain::set_setting(tx, db, *key, *value); });
        };
    });

    auto* list = noun->add_subcommand("list", "列出全部设置项、当前值和默认值");
    auto paging = std::make_shared<Paging>();
    add_paging_options(*list, *paging);
    list->callback([&ctx, paging] {
        ctx.action = [&ctx, paging] {
            stream_rows(ctx, domain::setting_columns(), {}, [&](const domain::RowSink& sink) {
                return domain::list_settings(ctx.db(), to_list_paging(*paging), sink);
            });
        };
    });
}

} // namespace hujing::cli
