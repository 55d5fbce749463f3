// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.hpp"
#include "context.hpp"
#include "listing.hpp"
#include "options.hpp"

#include <hujing/audit/audit.hpp>
#include <hujing/error.hpp>
#include <hujing/notice.hpp>
#include <hujing/util/date.hpp>

#include <fmt/format.h>

namespace hujing::cli {

namespace {

struct LogOptions {
    std::string since;
    std::string until;
    audit::LogQuery query;
    Paging paging;
};

} // namespace

void register_audit(CLI::App& root, Context& ctx) {
    auto* noun = root.add_subcommand("audit", "审计日志: 查看与校验哈希链");
    noun->require_subcommand(1);

    auto opts = std::make_shared<LogOptions>();
    auto* log = noun->add_subcommand("log", "列出审计记录（最早的在前）");
    log->add_option("--since", opts->since, "起始日期 (UTC) YYYY-MM-DD");
    log->add_option("--until", opts->until, "截止日期 (UTC) YYYY-MM-DD");
    log->add_option("--actor", opts->query.actor, "操作人");
    log->add_option("--entity", opts->query.entity, "对象类型，如 officer、enterprise");
    log->add_option("--entity-id", opts->query.entity_id, "对象编号");
    add_paging_options(*log, opts->paging);
    log->callback([&ctx, opts] {
        ctx.action = [&ctx, opts] {
            auto query = opts->query;
            if (!opts->since.empty()) {
                query.since = util::format_date(util::parse_date_arg(opts->since, ctx.today()));
            }
            if (!opts->until.empty()) {
                query.until = util::format_date(util::parse_date_arg(opts->until, ctx.today()));
            }
            const auto view = audit::entry_view(ctx.reveal());
            stream_rows(ctx, view.columns(), view.defaults(), [&](const domain::RowSink& sink) {
                return audit::each_entry(ctx.db(),
                                         query,
                                         to_list_paging(opts->paging),
                                         [&](const audit::Entry& e) { sink(view.row(e)); });
            });
        };
    });

    auto* verify =
        noun->add_subcommand("verify", "重算哈希链；有记录被改动或删除时退出码为 5 并指出第一处");
    verify->callback([&ctx] {
        ctx.action = [&ctx] {
            const auto result = audit::verify(ctx.db());
            if (!result.ok) {
                throw Error(Exit::conflict,
                            "审计链校验失败: " + result.reason,
                            fmt::format("第一处问题在第 {} 行", *result.bad_id));
            }
            fmt::print("{}\n", result.head);
            notice(fmt::format("审计链完好，共 {} 条记录", result.rows));
        };
    });
}

} // namespace hujing::cli
