// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.hpp"
#include "context.hpp"
#include "listing.hpp"
#include "options.hpp"

#include <hujing/error.hpp>
#include <hujing/notice.hpp>
#include <hujing/util/text.hpp>
#include <hujing/visits/visit.hpp>

#include <fmt/format.h>

namespace hujing::cli {

namespace {

struct LogOptions {
    domain::NewVisit visit;
    std::string officers;
};

struct DueOptions {
    domain::VisitDueQuery query;
    Paging paging;
    bool fail_if_any = false;
};

void add_log(CLI::App& noun, Context& ctx) {
    auto opts = std::make_shared<LogOptions>();
    auto* cmd =
        noun.add_subcommand("log", "登记一次走访，输出走访编号；每个 --demand 收集一条诉求");
    cmd->add_option("ENTERPRISE", opts->visit.enterprise, "企业（编号或统一社会信用代码）")
        ->required();
    cmd->add_option("--officer", opts->officers, "参加走访的民警警号，多人用逗号分隔")->required();
    cmd->add_option("--date", opts->visit.date, "走访日期 YYYY-MM-DD（默认今天）");
    cmd->add_option(
        "--kind", opts->visit.kind, "形式: 走访 座谈 恳谈会 联席会商 上门帮办 宣传（默认 走访）");
    cmd->add_option("--summary", opts->visit.summary, "走访情况")->required();
    cmd->add_option("--demand", opts->visit.demands, "企业提出的诉求（可多次给出，每次一条）")
        ->allow_extra_args(false);
    cmd->add_option("--category", opts->visit.category, "这些诉求的类别（默认 其他）");
    cmd->add_option("--project", opts->visit.project, "所属重点项目（编号或名称）");
    cmd->callback([&ctx, opts] {
        ctx.action = [&ctx, opts] {
            auto visit = opts->visit;
            visit.officers = util::split(opts->officers, ',');
            const auto today = ctx.today();
            const auto logged = ctx.write([&](auto& tx, auto& db) {
                auto result = domain::log_visit(tx, db, visit, today);
                Context::print_id(result.id);
                return result;
            });
            if (!logged.demand_ids.empty()) {
                std::vector<std::string> ids;
                for (const auto id : logged.demand_ids) {
                    ids.push_back(std::to_string(id));
                }
                notice(fmt::format(
                    "已收集 {} 条诉求: {}", logged.demand_ids.size(), util::join(ids, ", ")));
            }
        };
    });
}

void add_list(CLI::App& noun, Context& ctx) {
    auto opts = std::make_shared<ListOptionsOf<domain::VisitQuery>>();
    auto* cmd = noun.add_subcommand("list", "列出走访记录（新的在前）");
    auto& q = opts->query;
    cmd->add_option("--enterprise", q.enterprise, "按企业筛选（编号或统一社会信用代码）");
    cmd->add_option("--officer", q.officer, "按参加民警筛选（警号）");
    cmd->add_option("--town", q.town, "按企业所在镇街筛选");
    cmd->add_option("--since", q.since, "走访日期不早于 YYYY-MM-DD");
    cmd->add_option("--until", q.until, "走访日期不晚于 YYYY-MM-DD");
    cmd->add_option("--kind", q.kind, "按走访形式筛选");
    cmd->add_option("--project", q.project, "按重点项目筛选（编号或名称）");
    make_listing(
        *cmd,
        ctx,
        opts,
        [](Context& /*c*/) -> decltype(auto) { return domain::visit_view(); },
        [](Context& c, const auto& query, const auto& /*paging*/, const domain::RowSink& sink) {
            return domain::list_visits(c.db(), query, c.today(), sink);
        });
}

void add_show(CLI::App& noun, Context& ctx) {
    auto id = std::make_shared<std::string>();
    auto* cmd = noun.add_subcommand("show", "显示一次走访及其收集的诉求");
    cmd->add_option("ID", *id, "走访编号")->required();
    make_show(
        *cmd,
        ctx,
        id,
        [](Context& c, const std::string& key) {
            const auto number = domain::parse_visit_id(key);
            return domain::read_visit_page(c.db(), number);
        },
        [](Context& c, const auto& page) { return domain::visit_page_json(page, c.today()); },
        [](Context& c, const auto& page) { return domain::visit_page_sections(page, c.today()); });
}

void add_due(CLI::App& noun, Context& ctx) {
    auto opts = std::make_shared<DueOptions>();
    auto* cmd = noun.add_subcommand("due", "列出到期未走访的包联企业和重点项目（超期最久的在前）");
    auto& q = opts->query;
    cmd->add_option("--as-of", q.as_of, "按此日期计算（默认今天）");
    cmd->add_option("--officer", q.officer, "只看某位民警（警号）");
    cmd->add_option("--town", q.town, "只看某个镇街的企业");
    cmd->add_option("--role", q.role, "只看某种包联角色");
    cmd->add_flag("--fail-if-any",
                  opts->fail_if_any,
                  "有到期项时先输出清单，再以状态 5 退出（供 cron 使用）");
    add_paging_options(*cmd, opts->paging);
    cmd->callback([&ctx, opts] {
        ctx.action = [&ctx, opts] {
            auto query = opts->query;
            query.paging = to_list_paging(opts->paging);
            auto& db = ctx.db();
            const auto today = ctx.today();
            const auto& view = domain::visit_due_view();
            const auto count =
                stream_rows(ctx, view.columns(), view.defaults(), [&](const domain::RowSink& sink) {
                    return domain::list_visits_due(db, query, today, sink);
                });
            std::fflush(stdout);
            if (opts->fail_if_any && count > 0) {
                throw Error(
                    Exit::conflict, fmt::format("有 {} 项包联走访已到期", count), "--fail-if-any");
            }
        };
    });
}

} // namespace

void register_visit(CLI::App& root, Context& ctx) {
    auto* noun = root.add_subcommand("visit", "走访: 登记、查询、到期提醒");
    noun->require_subcommand(1);
    add_log(*noun, ctx);
    add_list(*noun, ctx);
    add_show(*noun, ctx);
    add_due(*noun, ctx);
}

} // namespace hujing::cli
