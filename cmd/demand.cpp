// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.hpp"
#include "context.hpp"
#include "listing.hpp"
#include "options.hpp"

#include <hujing/demands/demand.hpp>
#include <hujing/error.hpp>
#include <hujing/notice.hpp>
#include <hujing/storage/transaction.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <functional>

namespace hujing::cli {

namespace {

struct RouteOptions {
    std::vector<std::string> ids;
    std::string unit;
    domain::Deadline deadline;
};

struct HandleOptions {
    std::vector<std::string> ids;
    std::string note;
    bool resolved = false;
};

struct NoteOptions {
    std::vector<std::string> ids;
    std::string note;
};

struct RateOptions {
    std::string id;
    std::int64_t score = 0;
    std::optional<std::string> comment;
};

struct EscalateOptions {
    std::vector<std::string> ids;
    std::string reason;
    domain::Deadline deadline;
};

using Step = std::function<domain::Demand(
    storage::WriteTransaction&, storage::Database&, std::int64_t, util::Date)>;

// Apply `step` to every id of `args` ("-" reads ids from stdin) in one transaction: all or
// nothing. Prints each id. An empty list from stdin is no error: a pipeline that found nothing
// to do (cron's `demand list --overdue … | demand escalate -`) did nothing, successfully.
void apply_all(Context& ctx, const std::vector<std::string>& args, const Step& step) {
    const auto ids = expand_ids(args);
    if (ids.empty()) {
        if (std::find(args.begin(), args.end(), "-") != args.end()) {
            return;
        }
        throw Error(Exit::usage, "没有给出诉求编号", "用 - 从标准输入读取编号");
    }
    std::vector<std::int64_t> parsed;
    parsed.reserve(ids.size());
    for (const auto& id : ids) {
        parsed.push_back(domain::parse_demand_id(id));
    }
    const auto today = ctx.today();
    ctx.write([&](auto& tx, auto& db) {
        for (const auto id : parsed) {
            step(tx, db, id, today);
        }
        for (const auto id : parsed) {
            Context::print_id(id);
        }
    });
}

void add_deadline_options(CLI::App& cmd, domain::Deadline& deadline, const char* default_text) {
    auto* due = cmd.add_option("--due", deadline.due, "办理期限 YYYY-MM-DD（不得早于今天）");
    auto* within = cmd.add_option(
        "--within", deadline.within, std::string("办理时限（工作日，1–15）") + default_text);
    due->excludes(within);
}

void add_add(CLI::App& noun, Context& ctx) {
    auto opts = std::make_shared<domain::NewDemand>();
    auto* cmd = noun.add_subcommand("add", "收集一条企业诉求，输出诉求编号（状态: 已收集）");
    cmd->add_option("ENTERPRISE", opts->enterprise, "企业（编号或统一社会信用代码）")->required();
    cmd->add_option("--text", opts->text, "诉求内容")->required();
    cmd->add_option("--category", opts->category, "类别（默认 其他）");
    cmd->add_option("--source", opts->source, "来源: 走访 联络站 12345 窗口 其他（默认 其他）");
    cmd->add_option("--visit", opts->visit_id, "在此次走访中收集（走访编号）");
    cmd->callback([&ctx, opts] {
        ctx.action = [&ctx, opts] {
            ctx.write_id(
                [&](auto& tx, auto& db) { return domain::add_demand(tx, db, *opts, ctx.today()); });
        };
    });
}

void add_update(CLI::App& noun, Context& ctx) {
    struct UpdateOptions {
        std::string id;
        domain::DemandCorrection correction;
    };

    auto opts = std::make_shared<UpdateOptions>();
    auto* cmd = noun.add_subcommand("update", "更正尚未流转（已收集）的诉求的内容或类别");
    cmd->add_option("ID", opts->id, "诉求编号")->required();
    cmd->add_option("--text", opts->correction.text, "更正后的诉求内容");
    cmd->add_option("--category", opts->correction.category, "更正后的类别");
    cmd->callback([&ctx, opts] {
        ctx.action = [&ctx, opts] {
            const auto id = domain::parse_demand_id(opts->id);
            const auto today = ctx.today();
            ctx.write_id([&](auto& tx, auto& db) {
                return domain::update_demand(tx, db, id, opts->correction, today).id;
            });
        };
    });
}

void add_route(CLI::App& noun, Context& ctx) {
    auto opts = std::make_shared<RouteOptions>();
    auto* cmd =
        noun.add_subcommand("route", "流转诉求到承办单位并定办理期限；已流转的诉求换单位即转办");
    cmd->add_option("ID", opts->ids, "诉求编号（可多个；- 从标准输入读取）")->required();
    cmd->add_option("--unit", opts->unit, "承办单位（编号、代码或名称）")->required();
    add_deadline_options(*cmd, opts->deadline, "；都不给时按设置 demand.sla.<类别>");
    cmd->callback([&ctx, opts] {
        ctx.action = [&ctx, opts] {
            apply_all(ctx, opts->ids, [&](auto& tx, auto& db, std::int64_t id, util::Date today) {
                return domain::route_demand(tx, db, id, opts->unit, opts->deadline, today);
            });
        };
    });
}

void add_handle(CLI::App& noun, Context& ctx) {
    auto opts = std::make_shared<HandleOptions>();
    auto* cmd = noun.add_subcommand("handle", "记录办理进展；加 --resolved 表示处置完毕");
    cmd->add_option("ID", opts->ids, "诉求编号（可多个；- 从标准输入读取）")->required();
    cmd->add_option("--note", opts->note, "办理情况")->required();
    cmd->add_flag("--resolved", opts->resolved, "已处置完毕（状态变为 已处置，记录是否按期）");
    cmd->callback([&ctx, opts] {
        ctx.action = [&ctx, opts] {
            const auto resolved = opts->resolved ? domain::Resolved::yes : domain::Resolved::no;
            apply_all(ctx, opts->ids, [&](auto& tx, auto& db, std::int64_t id, util::Date today) {
                return domain::handle_demand(tx, db, id, opts->note, resolved, today);
            });
        };
    });
}

void add_feedback(CLI::App& noun, Context& ctx) {
    auto opts = std::make_shared<NoteOptions>();
    auto* cmd = noun.add_subcommand("feedback", "记录向企业反馈的处置结果（已处置 → 已反馈）");
    cmd->add_option("ID", opts->ids, "诉求编号（可多个；- 从标准输入读取）")->required();
    cmd->add_option("--note", opts->note, "反馈内容")->required();
    cmd->callback([&ctx, opts] {
        ctx.action = [&ctx, opts] {
            apply_all(ctx, opts->ids, [&](auto& tx, auto& db, std::int64_t id, util::Date today) {
                return domain::feedback_demand(tx, db, id, opts->note, today);
            });
        };
    });
}

void add_rate(CLI::App& noun, Context& ctx) {
    auto opts = std::make_shared<RateOptions>();
    auto* cmd =
        noun.add_subcommand("rate", "记录企业满意度评价（已反馈 → 已评价）；1、2 分重新流转办理");
    cmd->add_option("ID", opts->id, "诉求编号")->required();
    cmd->add_option(
           "--score", opts->score, "评分: 5 非常满意 4 满意 3 基本满意 2 不满意 1 非常不满意")
        ->required();
    cmd->add_option("--comment", opts->comment, "企业的评价意见");
    cmd->callback([&ctx, opts] {
        ctx.action = [&ctx, opts] {
            const auto id = domain::parse_demand_id(opts->id);
            const auto today = ctx.today();
            const auto after = ctx.write([&](auto& tx, auto& db) {
                auto rated = domain::rate_demand(tx, db, id, opts->score, opts->comment, today);
                Context::print_id(id);
                return rated;
            });
            if (after.status == "routed") {
                notice(fmt::format("评分 {}，诉求 {} 已重新交{}办理，期限 {}（第 {} 次重办）",
                                   opts->score,
                                   id,
                                   after.unit_name.value_or("?"),
                                   after.due.value_or("?"),
                                   after.reopens));
            }
        };
    });
}

void add_escalate(CLI::App& noun, Context& ctx) {
    auto opts = std::make_shared<EscalateOptions>();
    auto* cmd = noun.add_subcommand(
        "escalate", "上报上一级协调: 联络室 → 分中心 → 中心；警种、派出所、部门 → 中心");
    cmd->add_option("ID", opts->ids, "诉求编号（可多个；- 从标准输入读取）")->required();
    cmd->add_option("--reason", opts->reason, "上报理由")->required();
    add_deadline_options(*cmd, opts->deadline, "；都不给时期限不变");
    cmd->callback([&ctx, opts] {
        ctx.action = [&ctx, opts] {
            apply_all(ctx, opts->ids, [&](auto& tx, auto& db, std::int64_t id, util::Date today) {
                return domain::escalate_demand(tx, db, id, opts->reason, opts->deadline, today);
            });
        };
    });
}

void add_list(CLI::App& noun, Context& ctx) {
    auto opts = std::make_shared<ListOptionsOf<domain::DemandQuery>>();
    auto* cmd = noun.add_subcommand("list", "列出诉求");
    auto& q = opts->query;
    cmd->add_option("--status", q.status, "按状态筛选: collected routed resolved fed_back rated");
    cmd->add_option("--unit", q.unit, "按承办单位筛选（编号、代码或名称）");
    cmd->add_option("--category", q.category, "按类别筛选");
    cmd->add_option("--enterprise", q.enterprise, "按企业筛选（编号或统一社会信用代码）");
    cmd->add_flag("--overdue", q.overdue, "只列超期未处置的（已流转且今天已过期限）");
    cmd->add_option("--since", q.since, "收集日期不早于 YYYY-MM-DD");
    cmd->add_option("--until", q.until, "收集日期不晚于 YYYY-MM-DD");
    make_listing(
        *cmd,
        ctx,
        opts,
        [](Context& c) -> decltype(auto) { return domain::demand_view(c.today()); },
        [](Context& c, const auto& query, const auto& /*paging*/, const domain::RowSink& sink) {
            return domain::list_demands(c.db(), query, c.today(), sink);
        });
}

void add_show(CLI::App& noun, Context& ctx) {
    auto id = std::make_shared<std::string>();
    auto* cmd = noun.add_subcommand("show", "显示一条诉求及其办理记录");
    cmd->add_option("ID", *id, "诉求编号")->required();
    make_show(
        *cmd,
        ctx,
        id,
        [](Context& c, const std::string& key) {
            const auto number = domain::parse_demand_id(key);
            return domain::read_demand_page(c.db(), number);
        },
        [](Context& c, const auto& page) { return domain::demand_page_json(page, c.today()); },
        [](Context& c, const auto& page) { return domain::demand_page_sections(page, c.today()); });
}

} // namespace

void register_demand(CLI::App& root, Context& ctx) {
    auto* noun = root.add_subcommand("demand", "企业诉求闭环: 收集 → 流转 → 处置 → 反馈 → 评价");
    noun->require_subcommand(1);
    add_add(*noun, ctx);
    add_update(*noun, ctx);
    add_route(*noun, ctx);
    add_handle(*noun, ctx);
    add_feedback(*noun, ctx);
    add_rate(*noun, ctx);
    add_escalate(*noun, ctx);
    add_list(*noun, ctx);
    add_show(*noun, ctx);
}

} // namespace hujing::cli
