// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.hpp"
#include "context.hpp"
#include "listing.hpp"
#include "options.hpp"

#include <hujing/audit/audit.hpp>
#include <hujing/error.hpp>
#include <hujing/notice.hpp>
#include <hujing/util/date.hpp>
#include <hujing/util/pii.hpp>

#include <fmt/format.h>

namespace hujing::cli {

namespace {

struct LogOptions {
    std::string since;
    std::string until;
    audit::LogQuery query;
    Paging paging;
};

// The columns of `audit log`, in the order of its rows.
std::vector<output::Column> log_columns() {
    using output::Column;
    using output::Kind;
    return {Column{"id", "序号", Kind::integer},
            Column{"at", "时间 (UTC)"},
            Column{"actor", "操作人"},
            Column{"entity", "对象"},
            Column{"entity_id", "对象编号", Kind::integer},
            Column{"action", "操作"},
            Column{"command", "命令"},
            Column{"before", "修改前", Kind::json},
            Column{"after", "修改后", Kind::json},
            Column{"hash", "哈希"}};
}

std::vector<std::string> log_default_fields() {
    return {"id", "at", "actor", "entity", "entity_id", "action", "command"};
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
            const bool reveal = ctx.reveal();
            // A record that does not parse cannot be masked: name the row rather than fail.
            auto shown = [reveal](std::int64_t id,
                                  const std::optional<std::string>& record) -> output::Value {
                if (!record) {
                    return {};
                }
                try {
                    return reveal ? nlohmann::json::parse(*record).dump()
                                  : util::mask_pii(nlohmann::json::parse(*record)).dump();
                } catch (const nlohmann::json::exception&) {
                    throw Error(Exit::conflict,
                                fmt::format("审计记录第 {} 行已损坏", id),
                                "用 hujing audit verify 检查");
                }
            };
            stream_rows(ctx, log_columns(), log_default_fields(), [&](const domain::RowSink& sink) {
                return audit::each_entry(
                    ctx.db(), query, to_list_paging(opts->paging), [&](const audit::Entry& e) {
                        sink({e.id,
                              e.at,
                              e.actor,
                              e.entity,
                              e.entity_id ? output::Value(*e.entity_id) : output::Value(),
                              e.action,
                              e.command,
                              shown(e.id, e.before),
                              shown(e.id, e.after),
                              e.hash});
                    });
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
