// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.hpp"
#include "context.hpp"
#include "listing.hpp"
#include "options.hpp"

#include <hujing/projects/project.hpp>
#include <hujing/util/date.hpp>

namespace hujing::cli {

namespace {

struct TeamOptions {
    std::string project;
    std::string officer;
    std::optional<std::string> duty;
};

struct AddOptions {
    domain::NewProject project;
    std::optional<std::string> since;
};

struct UpdateOptions {
    std::string key;
    domain::ProjectUpdate update;
    std::optional<std::string> since;
};

void register_team(CLI::App& noun, Context& ctx) {
    auto* team = noun.add_subcommand("team", "项目专班: 加入、移出、列出成员");
    team->require_subcommand(1);

    auto add_opts = std::make_shared<TeamOptions>();
    auto* add = team->add_subcommand("add", "加入专班，输出项目编号");
    add->add_option("PROJECT", add_opts->project, "项目编号或名称")->required();
    add->add_option("--officer", add_opts->officer, "民警警号")->required();
    add->add_option("--duty", add_opts->duty, "分工");
    add->callback([&ctx, add_opts] {
        ctx.action = [&ctx, add_opts] {
            ctx.write_id([&](auto& tx, auto& db) {
                return domain::add_project_member(
                    tx, db, add_opts->project, add_opts->officer, add_opts->duty);
            });
        };
    });

    auto remove_opts = std::make_shared<TeamOptions>();
    auto* remove = team->add_subcommand("remove", "移出专班，输出项目编号");
    remove->add_option("PROJECT", remove_opts->project, "项目编号或名称")->required();
    remove->add_option("--officer", remove_opts->officer, "民警警号")->required();
    remove->callback([&ctx, remove_opts] {
        ctx.action = [&ctx, remove_opts] {
            ctx.write_id([&](auto& tx, auto& db) {
                return domain::remove_project_member(
                    tx, db, remove_opts->project, remove_opts->officer);
            });
        };
    });

    auto list_key = std::make_shared<std::string>();
    auto paging = std::make_shared<Paging>();
    auto* list = team->add_subcommand("list", "列出专班成员");
    list->add_option("PROJECT", *list_key, "项目编号或名称")->required();
    add_paging_options(*list, *paging);
    list->callback([&ctx, list_key, paging] {
        ctx.action = [&ctx, list_key, paging] {
            stream_rows(
                ctx, domain::project_member_columns(), {}, [&](const domain::RowSink& sink) {
                    return domain::list_project_members(
                        ctx.db(), *list_key, to_list_paging(*paging), sink);
                });
        };
    });
}

void register_add(CLI::App& noun, Context& ctx) {
    auto add_opts = std::make_shared<AddOptions>();
    auto* add = noun.add_subcommand("add", "登记重点项目，输出其编号");
    add->add_option("NAME", add_opts->project.name, "项目名称（唯一）")->required();
    add->add_option("--officer", add_opts->project.officer, "项目警官警号")->required();
    add->add_option(
        "--enterprise", add_opts->project.enterprise, "项目企业（编号或统一社会信用代码）");
    add->add_option("--plan", add_opts->project.plan, "服务方案（文字）");
    add->add_option("--archive", add_opts->project.archive, "项目档案的路径");
    add->add_option("--visit-interval",
                    add_opts->project.visit_interval_days,
                    "走访间隔（天），供 visit due 使用")
        ->check(CLI::PositiveNumber);
    add->add_option("--since", add_opts->since, "走访起算日（默认今天）");
    add->callback([&ctx, add_opts] {
        ctx.action = [&ctx, add_opts] {
            add_opts->project.since =
                util::parse_date_arg(add_opts->since.value_or("today"), ctx.today());
            ctx.write_id(
                [&](auto& tx, auto& db) { return domain::add_project(tx, db, add_opts->project); });
        };
    });
}

void register_update(CLI::App& noun, Context& ctx) {
    auto upd = std::make_shared<UpdateOptions>();
    auto* update = noun.add_subcommand("update", "修改重点项目，输出其编号（空字符串清除该项）");
    update->add_option("PROJECT", upd->key, "项目编号或名称")->required();
    update->add_option("--name", upd->update.name, "项目名称");
    update->add_option("--officer", upd->update.officer, "项目警官警号");
    update->add_option("--enterprise", upd->update.enterprise, "项目企业");
    update->add_option("--plan", upd->update.plan, "服务方案");
    update->add_option("--archive", upd->update.archive, "项目档案的路径");
    update->add_option("--visit-interval", upd->update.visit_interval_days, "走访间隔（天）")
        ->check(CLI::PositiveNumber);
    update->add_option("--since", upd->since, "走访起算日");
    update->callback([&ctx, upd] {
        ctx.action = [&ctx, upd] {
            if (upd->since) {
                upd->update.since = util::parse_date_arg(*upd->since, ctx.today());
            }
            ctx.write_id([&](auto& tx, auto& db) {
                return domain::update_project(tx, db, upd->key, upd->update);
            });
        };
    });
}

void register_list(CLI::App& noun, Context& ctx) {
    auto query = std::make_shared<domain::ProjectQuery>();
    auto paging = std::make_shared<Paging>();
    auto* list = noun.add_subcommand("list", "列出重点项目");
    list->add_option("--officer", query->officer, "按项目警官或专班成员警号筛选");
    list->add_option("--enterprise", query->enterprise, "按企业筛选");
    add_paging_options(*list, *paging);
    list->callback([&ctx, query, paging] {
        ctx.action = [&ctx, query, paging] {
            const auto view = domain::project_view();
            stream_rows(ctx, view.columns(), view.defaults(), [&](const domain::RowSink& sink) {
                return domain::list_projects(ctx.db(), *query, to_list_paging(*paging), sink);
            });
        };
    });
}

void register_show(CLI::App& noun, Context& ctx) {
    auto show_key = std::make_shared<std::string>();
    auto* show = noun.add_subcommand("show", "显示重点项目及其专班");
    show->add_option("PROJECT", *show_key, "项目编号或名称")->required();
    show->callback([&ctx, show_key] {
        ctx.action = [&ctx, show_key] {
            const auto project = domain::load_project(ctx.db(), *show_key);
            output::write_record(stdout,
                                 {[&] { return domain::project_json(project); },
                                  [&] { return domain::project_sections(project); }},
                                 ctx.output());
        };
    });
}

} // namespace

void register_project(CLI::App& root, Context& ctx) {
    auto* noun = root.add_subcommand(
        "project", "千项万亿重点项目（五个一: 一个项目、一名警官、一个专班、一套方案、一份档案）");
    noun->require_subcommand(1);
    register_add(*noun, ctx);
    register_update(*noun, ctx);
    register_list(*noun, ctx);
    register_show(*noun, ctx);
    register_team(*noun, ctx);
}

} // namespace hujing::cli
