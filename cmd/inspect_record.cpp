// SPDX-License-Identifier: GPL-3.0-or-later
#include "context.hpp"
#include "inspect.hpp"
#include "inspect_walk.hpp"
#include "listing.hpp"
#include "options.hpp"

#include <hujing/error.hpp>
#include <hujing/inspect/inspection.hpp>
#include <hujing/util/number.hpp>
#include <hujing/util/text.hpp>

#include <fmt/format.h>

namespace hujing::cli {

namespace {

std::vector<std::string> comma_list(const std::string& text) {
    std::vector<std::string> out;
    for (const auto& part : util::split(text, ',')) {
        const auto t = util::trim(part);
        if (!t.empty()) {
            out.emplace_back(t);
        }
    }
    return out;
}

struct RecordOptions {
    domain::NewInspection inspection;
    std::string forms;
    std::string inspectors;
    std::optional<std::string> results;
    bool interactive = false;
};

void add_record(CLI::App& noun, Context& ctx) {
    auto opts = std::make_shared<RecordOptions>();
    auto& in = opts->inspection;
    auto* cmd = noun.add_subcommand("record", "记录一次综合检查（多张表单一次进门），输出检查编号");
    cmd->add_option("ENTERPRISE", in.enterprise, "企业（编号或统一社会信用代码）")->required();
    cmd->add_option("--forms", opts->forms, "表单，逗号分隔，如 lodging,netcafe")->required();
    cmd->add_option("--inspectors", opts->inspectors, "检查人员警号，逗号分隔，至少 2 名")
        ->required();
    cmd->add_option("--date", in.date, "检查日期 YYYY-MM-DD")->required();
    auto* results =
        cmd->add_option("--results", opts->results, "结果文件（YAML: {表单: {检查项: 结果}}）");
    auto* interactive = cmd->add_flag("--interactive",
                                      opts->interactive,
                                      "在终端逐项录入（y/n/-、数值或选项，可加说明；Ctrl-D 放弃）");
    results->excludes(interactive);
    cmd->add_option("--plan", in.plan, "所属抽查计划（编号或名称）");
    cmd->add_option("--conclusion", in.conclusion, "检查结果类型（默认由结果推出）");
    cmd->callback([&ctx, opts] {
        ctx.action = [&ctx, opts] {
            auto inspection = opts->inspection;
            inspection.forms = comma_list(opts->forms);
            inspection.inspectors = comma_list(opts->inspectors);
            if (!opts->results && !opts->interactive) {
                throw Error(Exit::usage, "须给出 --results FILE 或 --interactive");
            }
            const auto today = ctx.today();
            std::vector<domain::Answer> answers;
            if (opts->results) {
                answers = domain::read_results_file(*opts->results);
            } else {
                auto& db = ctx.db();
                domain::check_inspection(db, inspection, today);
                answers = walk_items(domain::forms_for(db, inspection.forms));
            }
            ctx.write_id([&](auto& tx, auto& db) {
                return domain::record_inspection(tx, db, inspection, answers, today);
            });
        };
    });
}

struct RectifyOptions {
    std::string inspection;
    std::string item;
    std::string done;
    std::optional<std::string> note;
};

void add_rectify(CLI::App& noun, Context& ctx) {
    auto opts = std::make_shared<RectifyOptions>();
    auto* cmd = noun.add_subcommand("rectify", "记录整改完成，输出整改项编号");
    cmd->add_option("INSPECTION", opts->inspection, "检查编号")->required();
    cmd->add_option("--item", opts->item, "整改的检查项 表单.检查项，如 lodging.L01")->required();
    cmd->add_option("--done", opts->done, "整改完成日期")->required();
    cmd->add_option("--note", opts->note, "整改情况说明");
    cmd->callback([&ctx, opts] {
        ctx.action = [&ctx, opts] {
            const auto id = util::parse_id(opts->inspection, "检查记录");
            ctx.write_id([&](auto& tx, auto& db) {
                return domain::rectify(tx, db, id, opts->item, opts->done, opts->note, ctx.today());
            });
        };
    });
}

void add_list(CLI::App& noun, Context& ctx) {
    auto opts = std::make_shared<ListOptionsOf<domain::InspectionQuery>>();
    auto& q = opts->query;
    auto* cmd = noun.add_subcommand("list", "列出检查记录");
    cmd->add_option("--plan", q.plan, "按抽查计划筛选");
    cmd->add_option("--enterprise", q.enterprise, "按企业筛选（编号或统一社会信用代码）");
    cmd->add_option("--form", q.form, "按表单筛选");
    cmd->add_option("--unit", q.unit, "按检查单位筛选（编号、代码或名称）");
    cmd->add_option("--since", q.since, "检查日期不早于 YYYY-MM-DD");
    cmd->add_option("--until", q.until, "检查日期不晚于 YYYY-MM-DD");
    cmd->add_flag("--open-rectifications", q.open_rectifications, "只列有未完成整改的");
    cmd->add_flag("--overdue", q.overdue, "只列有超期未完成整改的");
    make_listing(
        *cmd,
        ctx,
        opts,
        [](Context& /*c*/) -> decltype(auto) { return domain::inspection_view(); },
        [](Context& c, const auto& query, const auto& /*paging*/, const domain::RowSink& sink) {
            return domain::list_inspections(c.db(), query, c.today(), sink);
        });
}

void add_show(CLI::App& noun, Context& ctx) {
    auto id = std::make_shared<std::string>();
    auto* cmd = noun.add_subcommand("show", "显示一次检查的结果与整改");
    cmd->add_option("INSPECTION", *id, "检查编号")->required();
    make_show(
        *cmd,
        ctx,
        id,
        [](Context& c, const std::string& key) {
            const auto number = util::parse_id(key, "检查记录");
            return domain::read_inspection_page(c.db(), number, c.today());
        },
        [](Context& /*c*/, const auto& page) { return domain::inspection_page_json(page); },
        [](Context& /*c*/, const auto& page) { return domain::inspection_page_sections(page); });
}

} // namespace

void add_inspect_record_verbs(CLI::App& noun, Context& ctx) {
    add_record(noun, ctx);
    add_rectify(noun, ctx);
    add_list(noun, ctx);
    add_show(noun, ctx);
}

} // namespace hujing::cli
