// SPDX-License-Identifier: GPL-3.0-or-later
#include "context.hpp"
#include "inspect.hpp"
#include "listing.hpp"

#include <hujing/error.hpp>
#include <hujing/inspect/inspection.hpp>

namespace hujing::cli {

namespace {

struct PublishOptions {
    std::string plan;
    std::optional<std::string> date;
};

} // namespace

void add_inspect_publish_verb(CLI::App& noun, Context& ctx) {
    auto opts = std::make_shared<PublishOptions>();
    auto* cmd = noun.add_subcommand(
        "publish", "一公开: 输出计划的检查结果公示表（csv/xlsx/json），记录公示日期，标出逾期公示");
    cmd->add_option("PLAN", opts->plan, "计划编号或名称")->required();
    cmd->add_option("--date", opts->date, "公示日期（默认今天）");
    cmd->callback([&ctx, opts] {
        ctx.action = [&ctx, opts] {
            const auto today = ctx.today();
            ctx.write([&](auto& tx, auto& db) {
                const auto rows = domain::publish_plan(tx, db, opts->plan, opts->date, today);
                const auto view = domain::published_view();
                stream_rows(ctx, view.columns(), view.defaults(), [&](const domain::RowSink& sink) {
                    for (const auto& r : rows) {
                        sink(view.row(r));
                    }
                    return static_cast<std::int64_t>(rows.size());
                });
                if (std::fflush(stdout) != 0) {
                    throw Error(Exit::internal, "无法写出公示表");
                }
            });
        };
    });
}

} // namespace hujing::cli
