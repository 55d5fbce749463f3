// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.hpp"
#include "context.hpp"
#include "listing.hpp"
#include "options.hpp"

#include <hujing/org/unit.hpp>

namespace hujing::cli {

void register_unit(CLI::App& root, Context& ctx) {
    auto* noun = root.add_subcommand("unit", "单位: 警种、派出所、部门、中心、分中心、联络室");
    noun->require_subcommand(1);

    auto query = std::make_shared<domain::UnitQuery>();
    auto paging = std::make_shared<Paging>();
    auto* list = noun->add_subcommand("list", "列出单位");
    list->add_option("--kind", query->kind, "按类型筛选")
        ->check(CLI::IsMember(domain::unit_kinds()));
    add_paging_options(*list, *paging);
    list->callback([&ctx, query, paging] {
        ctx.action = [&ctx, query, paging] {
            stream_rows(ctx, domain::unit_columns(), {}, [&](const domain::RowSink& sink) {
                return domain::list_units(ctx.db(), *query, to_list_paging(*paging), sink);
            });
        };
    });

    auto unit = std::make_shared<domain::NewUnit>();
    auto* add = noun->add_subcommand("add", "新增单位，输出其编号");
    add->add_option("CODE", unit->code, "单位代码（唯一）")->required();
    add->add_option("NAME", unit->name, "单位名称（唯一）")->required();
    add->add_option("--kind", unit->kind, "类型")
        ->required()
        ->check(CLI::IsMember(domain::unit_kinds()));
    add->add_option("--parent", unit->parent, "上级单位（编号、代码或名称）");
    add->callback([&ctx, unit] {
        ctx.action = [&ctx, unit] {
            ctx.write_id([&](auto& tx, auto& db) { return domain::add_unit(tx, db, *unit); });
        };
    });
}

} // namespace hujing::cli
