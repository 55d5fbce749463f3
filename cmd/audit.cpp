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

#include <iterator>
#include <memory>
#include <string>
#include <vector>

namespace hujing::cli {

namespace {

struct LogOptions {
    std::string since;
    std::string until;
    audit::LogQuery query;
    Paging paging;
};

// The anchors of the --anchor values: each is ROW:HASH itself or a file holding such text (a
// list, one a line, or reports, whose footers carry one). A file without any is Exit::invalid.
std::vector<audit::Anchor> read_anchors(const std::vector<std::string>& values) {
    std::vector<audit::Anchor> out;
    for (const auto& value : values) {
        if (const auto anchor = audit::parse_anchor(value)) {
            out.push_back(*anchor);
            continue;
        }
        const auto in = open_input(value);
        const std::string text((std::istreambuf_iterator<char>(*in)),
                               std::istreambuf_iterator<char>());
        const auto found = audit::find_anchors(text);
        if (found.empty()) {
            throw Error(Exit::invalid,
                        "锚点文件中没有 ROW:HASH 形式的锚点: " + value,
                        "锚点形如 1234:<64 位十六进制哈希>");
        }
        out.insert(out.end(), found.begin(), found.end());
    }
    return out;
}

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

    auto anchors = std::make_shared<std::vector<std::string>>();
    auto* verify =
        noun->add_subcommand("verify", "重算哈希链；有记录被改动或删除时退出码为 5 并指出第一处");
    verify->add_option("--anchor",
                       *anchors,
                       "核对锚点 ROW:HASH（报告页脚的审计链头），或含锚点的文件（如报告）；可多次");
    verify->callback([&ctx, anchors] {
        ctx.action = [&ctx, anchors] {
            const auto checked = read_anchors(*anchors);
            const auto result = audit::verify(ctx.db());
            if (!result.ok) {
                throw Error(Exit::conflict,
                            "审计链校验失败: " + result.reason,
                            fmt::format("第一处问题在第 {} 行", *result.bad_id));
            }
            for (const auto& anchor : checked) {
                if (const auto why = audit::check_anchor(ctx.db(), anchor)) {
                    throw Error(Exit::conflict,
                                fmt::format("锚点 {} 校验失败: {}", anchor.text(), *why),
                                "打印或发布之后审计日志被截断或重写");
                }
            }
            fmt::print("{}\n", result.head);
            notice(fmt::format("审计链完好，共 {} 条记录", result.rows));
            if (!checked.empty()) {
                notice(fmt::format("{} 个锚点均在审计链中", checked.size()));
            }
        };
    });
}

} // namespace hujing::cli
