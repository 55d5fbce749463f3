// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.hpp"
#include "context.hpp"
#include "listing.hpp"
#include "options.hpp"
#include "result_line.hpp"

#include <hujing/org/officer.hpp>
#include <hujing/util/text.hpp>

#include <fmt/format.h>

namespace hujing::cli {

namespace {

struct AddOptions {
    domain::NewOfficer officer;
    std::string roles;
};

struct UpdateOptions {
    std::string badge;
    domain::OfficerUpdate update;
    std::optional<std::string> roles;
};

void register_add(CLI::App& noun, Context& ctx) {
    auto add_opts = std::make_shared<AddOptions>();
    auto* add = noun.add_subcommand("add", "新增民警，输出其编号");
    add->add_option("BADGE", add_opts->officer.badge, "警号（6 位数字）")->required();
    add->add_option("--name", add_opts->officer.name, "姓名")->required();
    add->add_option("--unit", add_opts->officer.unit, "所属单位（编号、代码或名称）")->required();
    add->add_option("--phone", add_opts->officer.phone, "电话");
    add->add_option(
        "--roles", add_opts->roles, "角色，逗号分隔: 企业警官,行业警官,市场警官,项目警官,知产警官");
    add->add_flag("--inspector", add_opts->officer.inspector, "列入执法检查人员名录（双随机）");
    add->callback([&ctx, add_opts] {
        ctx.action = [&ctx, add_opts] {
            auto officer = add_opts->officer;
            officer.roles = util::split(add_opts->roles, ',');
            ctx.write_id([&](auto& tx, auto& db) { return domain::add_officer(tx, db, officer); });
        };
    });
}

void register_import(CLI::App& noun, Context& ctx) {
    auto import_path = std::make_shared<std::string>();
    auto on_conflict = std::make_shared<std::string>("fail");
    auto* import_cmd = noun.add_subcommand(
        "import",
        "从 CSV 导入民警（全部成功或全部不导入），输出 added=N updated=N skipped=N invalid=0");
    import_cmd->add_option("FILE", *import_path, "CSV 文件，- 为标准输入")->required();
    import_cmd
        ->add_option("--on-conflict",
                     *on_conflict,
                     "警号已登记时: fail (默认，报错)、skip (跳过)、update (以文件为准更新)")
        ->check(CLI::IsMember({"fail", "skip", "update"}));
    import_cmd->callback([&ctx, import_path, on_conflict] {
        ctx.action = [&ctx, import_path, on_conflict] {
            const auto mode = io::parse_on_conflict(*on_conflict);
            auto in = open_input(*import_path);
            ctx.write([&](auto& tx, auto& db) {
                const auto result = domain::import_officers(tx, db, *in, *import_path, mode);
                print_result_line(domain::format_import_result(result));
            });
        };
    });
}

void register_list(CLI::App& noun, Context& ctx) {
    auto list_opts = std::make_shared<ListOptionsOf<domain::OfficerQuery>>();
    auto* list = noun.add_subcommand("list", "列出民警");
    list->add_option("--unit", list_opts->query.unit, "按单位筛选");
    list->add_option("--role", list_opts->query.role, "按角色筛选")
        ->check(CLI::IsMember(domain::officer_roles()));
    add_bool_flag_pair(
        *list, "inspector", list_opts->query.inspector, "只列检查员", "只列非检查员");
    add_bool_flag_pair(*list, "active", list_opts->query.active, "只列在岗", "只列不在岗");
    make_listing(
        *list,
        ctx,
        list_opts,
        [](Context& c) { return domain::officer_view(c.reveal()); },
        [](Context& c, const auto& query, const auto& paging, const domain::RowSink& sink) {
            return domain::list_officers(c.db(), query, paging, c.reveal(), sink);
        });
}

void register_show(CLI::App& noun, Context& ctx) {
    auto show_badge = std::make_shared<std::string>();
    auto* show = noun.add_subcommand("show", "显示一名民警");
    show->add_option("BADGE", *show_badge, "警号")->required();
    show->callback([&ctx, show_badge] {
        ctx.action = [&ctx, show_badge] {
            const auto officer = domain::get_officer(ctx.db(), *show_badge);
            const bool reveal = ctx.reveal();
            output::write_record(stdout,
                                 {[&] { return domain::officer_json(officer, reveal); },
                                  [&] { return domain::officer_sections(officer, reveal); }},
                                 ctx.output());
        };
    });
}

void register_update(CLI::App& noun, Context& ctx) {
    auto upd = std::make_shared<UpdateOptions>();
    auto* update = noun.add_subcommand("update", "修改民警信息，输出其编号");
    update->add_option("BADGE", upd->badge, "警号")->required();
    update->add_option("--name", upd->update.name, "姓名");
    update->add_option("--unit", upd->update.unit, "所属单位");
    update->add_option("--phone", upd->update.phone, "电话（空字符串清除）");
    update->add_option("--roles", upd->roles, "角色，逗号分隔（替换原有角色；空字符串清除）");
    add_bool_flag_pair(
        *update, "inspector", upd->update.inspector, "列入检查员名录", "移出检查员名录");
    add_bool_flag_pair(*update, "active", upd->update.active, "设为在岗", "设为不在岗");
    update->callback([&ctx, upd] {
        ctx.action = [&ctx, upd] {
            auto change = upd->update;
            if (upd->roles) {
                change.roles = util::split(*upd->roles, ',');
            }
            ctx.write_id([&](auto& tx, auto& db) {
                return domain::update_officer(tx, db, upd->badge, change);
            });
        };
    });
}

} // namespace

void register_officer(CLI::App& root, Context& ctx) {
    auto* noun = root.add_subcommand("officer", "民警: 警号、单位、角色、检查员名录");
    noun->require_subcommand(1);
    register_add(*noun, ctx);
    register_import(*noun, ctx);
    register_list(*noun, ctx);
    register_show(*noun, ctx);
    register_update(*noun, ctx);
}

} // namespace hujing::cli
