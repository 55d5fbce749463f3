// SPDX-License-Identifier: GPL-3.0-or-later
#include "context.hpp"
#include "inspect.hpp"
#include "listing.hpp"
#include "options.hpp"

#include <hujing/error.hpp>
#include <hujing/inspect/plan.hpp>
#include <hujing/notice.hpp>
#include <hujing/util/text.hpp>

#include <fmt/format.h>

namespace hujing::cli {

namespace {

struct PlanOptions {
    domain::NewPlan plan;
    std::string forms;
    std::vector<std::string> enterprises;
};

void add_plan_add(CLI::App& plan, Context& ctx) {
    auto opts = std::make_shared<PlanOptions>();
    auto& p = opts->plan;
    auto* cmd = plan.add_subcommand(
        "add", "新建抽查计划，输出计划编号（随机: --ratio/--count；定向: --enterprises）");
    cmd->add_option("NAME", p.name, "计划名称")->required();
    cmd->add_option("--forms", opts->forms, "表单，逗号分隔，如 lodging,netcafe")->required();
    cmd->add_option("--ratio", p.ratio, "抽查比例（小数，如 0.05），按信用等级乘以系数");
    cmd->add_option("--count", p.count, "抽查企业数，按信用等级加权分配");
    cmd->add_option("--enterprises",
                    opts->enterprises,
                    "定向检查的企业（编号或统一社会信用代码；- 从标准输入读取）");
    cmd->add_option("--team-size", p.team_size, "每组检查人员数（默认 2，至少 2）");
    cmd->add_option("--window", p.window, "检查时段 FROM..TO，如 2025-04-01..2025-06-30")
        ->required();
    cmd->add_option(
        "--seed", p.seed, "抽取种子（如公开摇号结果；默认由系统随机生成 16 位十六进制）");
    cmd->add_option("--exclude-recent-days",
                    p.exclude_recent_days,
                    "排除时段开始前多少天内已检查过的企业（默认设置 inspect.exclude_recent_days）");
    cmd->add_option("--credit-factors", p.credit_factors, "信用等级系数（默认 A=0.5,B=1,C=2,D=3）");
    cmd->callback([&ctx, opts] {
        ctx.action = [&ctx, opts] {
            auto fresh = opts->plan;
            for (const auto& f : util::split(opts->forms, ',')) {
                fresh.forms.emplace_back(util::trim(f));
            }
            fresh.enterprises = expand_ids(opts->enterprises);
            if (!opts->enterprises.empty() && fresh.enterprises.empty()) {
                throw Error(
                    Exit::invalid, "定向检查没有给出企业", "--enterprises ID… 或 - 从标准输入读取");
            }
            ctx.write_id(
                [&](auto& tx, auto& db) { return domain::add_plan(tx, db, fresh, ctx.today()); });
        };
    });
}

void add_plan_list(CLI::App& plan, Context& ctx) {
    auto paging = std::make_shared<Paging>();
    auto* cmd = plan.add_subcommand("list", "列出抽查计划");
    add_paging_options(*cmd, *paging);
    cmd->callback([&ctx, paging] {
        ctx.action = [&ctx, paging] {
            auto& db = ctx.db();
            const auto view = domain::plan_view();
            stream_rows(ctx, view.columns(), view.defaults(), [&](const domain::RowSink& sink) {
                return domain::list_plans(db, to_list_paging(*paging), sink);
            });
        };
    });
}

void add_plan_show(CLI::App& plan, Context& ctx) {
    auto key = std::make_shared<std::string>();
    auto* cmd = plan.add_subcommand("show", "显示抽查计划、种子、摘要及抽中企业");
    cmd->add_option("PLAN", *key, "计划编号或名称")->required();
    cmd->callback([&ctx, key] {
        ctx.action = [&ctx, key] {
            auto& db = ctx.db();
            const storage::ReadTransaction snapshot(db);
            const auto p = domain::get_plan(db, *key);
            const auto targets = domain::plan_targets(db, p.id);
            output::write_record(stdout,
                                 {[&] { return domain::plan_page_json(p, targets); },
                                  [&] { return domain::plan_page_sections(p, targets); }},
                                 ctx.output());
        };
    });
}

void print_targets(Context& ctx, const std::vector<domain::PlanTarget>& targets) {
    const auto view = domain::target_view();
    stream_rows(ctx, view.columns(), view.defaults(), [&](const domain::RowSink& sink) {
        for (const auto& t : targets) {
            sink(view.row(t));
        }
        return static_cast<std::int64_t>(targets.size());
    });
}

struct DrawOptions {
    std::string plan;
    bool verify = false;
};

void add_draw(CLI::App& noun, Context& ctx) {
    auto opts = std::make_shared<DrawOptions>();
    auto* cmd = noun.add_subcommand(
        "draw", "按计划抽取企业并随机组成检查组（可复现，见 man hujing-inspect）；--verify 复核");
    cmd->add_option("PLAN", opts->plan, "计划编号或名称")->required();
    cmd->add_flag("--verify", opts->verify, "按存储的种子重算并与抽取结果比对，不符时退出码 5");
    cmd->callback([&ctx, opts] {
        ctx.action = [&ctx, opts] {
            if (opts->verify) {
                auto& db = ctx.db();
                const storage::ReadTransaction snapshot(db);
                const auto targets = domain::verify_plan(db, opts->plan);
                notice(fmt::format("复核一致: {} 家企业", targets.size()));
                return;
            }
            const auto today = ctx.today();
            ctx.write([&](auto& tx, auto& db) {
                print_targets(ctx, domain::draw_plan(tx, db, opts->plan, today));
                if (std::fflush(stdout) != 0) {
                    throw Error(Exit::internal, "无法写出抽取结果");
                }
            });
        };
    });
}

} // namespace

void add_inspect_plan_verbs(CLI::App& noun, Context& ctx) {
    auto* plan = noun.add_subcommand("plan", "抽查计划: 新建、列出、显示");
    plan->require_subcommand(1);
    add_plan_add(*plan, ctx);
    add_plan_list(*plan, ctx);
    add_plan_show(*plan, ctx);
    add_draw(noun, ctx);
}

} // namespace hujing::cli
