// SPDX-License-Identifier: GPL-3.0-or-later
// `hujing case`: enterprise-related cases (涉企案件). Pre-reports are in case_prereport.cpp.
#include "case.hpp"

#include "commands.hpp"
#include "context.hpp"
#include "listing.hpp"
#include "options.hpp"

#include <hujing/cases/case.hpp>
#include <hujing/cases/case_page.hpp>
#include <hujing/cases/stale.hpp>
#include <hujing/error.hpp>
#include <hujing/storage/transaction.hpp>

#include <fmt/format.h>

namespace hujing::cli {

namespace {

// --enterprise E --role R, repeated: the pairs in the order given.
struct PartyOptions {
    std::vector<std::string> enterprises;
    std::vector<std::string> roles;

    [[nodiscard]] std::vector<domain::PartyArg> pairs() const {
        if (enterprises.size() != roles.size()) {
            throw Error(Exit::usage,
                        fmt::format("--enterprise 给了 {} 个，--role 给了 {} 个",
                                    enterprises.size(),
                                    roles.size()),
                        "每个 --enterprise 后跟一个 --role victim|suspect|other");
        }
        std::vector<domain::PartyArg> out;
        for (std::size_t i = 0; i < enterprises.size(); ++i) {
            out.push_back({enterprises[i], roles[i]});
        }
        return out;
    }
};

void add_party_options(CLI::App& cmd, PartyOptions& parties) {
    cmd.add_option(
        "--enterprise", parties.enterprises, "涉案企业（编号、统一社会信用代码或名称），可多次");
    cmd.add_option(
        "--role", parties.roles, "前一个企业的角色: victim（受害） suspect（涉案） other");
}

struct AddOptions {
    domain::NewCase c;
    PartyOptions parties;
};

void add_add(CLI::App& noun, Context& ctx) {
    auto opts = std::make_shared<AddOptions>();
    auto* cmd =
        noun.add_subcommand("add", "登记涉企案件，输出案件编号（有 --filed 为立案，否则为受理）");
    cmd->add_option("--no", opts->c.case_no, "案件编号（唯一）")->required();
    cmd->add_option("--title", opts->c.title, "案件名称")->required();
    cmd->add_option("--type", opts->c.type, "案件类型，如 合同诈骗 职务侵占 …")->required();
    add_party_options(*cmd, opts->parties);
    cmd->add_option("--unit", opts->c.unit, "主办单位（编号、代码或名称）")->required();
    cmd->add_option("--filed", opts->c.filed, "立案日期 YYYY-MM-DD（以立案状态登记）");
    cmd->add_option("--loss", opts->c.loss, "认定损失（元，最多两位小数）");
    cmd->add_option("--origin", opts->c.origin, "local（本地，默认）或 external（异地办案协作）");
    cmd->add_option(
        "--agency", opts->c.agency, "提出协作的外地办案机关（--origin external 时必填）");
    cmd->callback([&ctx, opts] {
        ctx.action = [&ctx, opts] {
            auto c = opts->c;
            c.parties = opts->parties.pairs();
            ctx.write_id(
                [&](auto& tx, auto& db) { return domain::add_case(tx, db, c, ctx.today()); });
        };
    });
}

struct UpdateOptions {
    std::string id;
    domain::CaseChange change;
    PartyOptions parties;
};

void add_update(CLI::App& noun, Context& ctx) {
    auto opts = std::make_shared<UpdateOptions>();
    auto* cmd = noun.add_subcommand("update", "修改案件登记信息（不算案件进展）");
    cmd->add_option("ID", opts->id, "案件编号")->required();
    cmd->add_option("--title", opts->change.title, "案件名称");
    cmd->add_option("--type", opts->change.type, "案件类型");
    cmd->add_option("--unit", opts->change.unit, "主办单位");
    cmd->add_option("--loss", opts->change.loss, "认定损失（元）");
    cmd->add_option("--agency", opts->change.agency, "协作办案机关（异地协作案件）");
    add_party_options(*cmd, opts->parties);
    cmd->callback([&ctx, opts] {
        ctx.action = [&ctx, opts] {
            auto change = opts->change;
            change.parties = opts->parties.pairs();
            const auto id = domain::parse_case_id(opts->id);
            ctx.write_id([&](auto& tx, auto& db) {
                return domain::update_case(tx, db, id, change, ctx.today()).id;
            });
        };
    });
}

struct ProgressOptions {
    std::string id;
    std::optional<std::string> to;
    std::string note;
    std::optional<std::string> date;
};

void add_progress(CLI::App& noun, Context& ctx) {
    auto opts = std::make_shared<ProgressOptions>();
    auto* cmd = noun.add_subcommand(
        "progress",
        "登记案件进展；加 --to 变更状态（受理 → 立案 → 侦查 → 移送起诉 → 结案，或撤案/不立案）");
    cmd->add_option("ID", opts->id, "案件编号")->required();
    cmd->add_option(
        "--to", opts->to, "新状态: filed investigating prosecuted closed withdrawn not_filed");
    cmd->add_option("--note", opts->note, "进展情况")->required();
    cmd->add_option("--date", opts->date, "进展日期（默认今天）");
    cmd->callback([&ctx, opts] {
        ctx.action = [&ctx, opts] {
            const auto id = domain::parse_case_id(opts->id);
            ctx.write_id([&](auto& tx, auto& db) {
                return domain::progress_case(
                           tx, db, id, opts->to, opts->note, opts->date, ctx.today())
                    .id;
            });
        };
    });
}

struct ReviewOptions {
    std::string id;
    std::string result;
    std::string note;
};

void add_review(CLI::App& noun, Context& ctx) {
    auto opts = std::make_shared<ReviewOptions>();
    auto* cmd =
        noun.add_subcommand("review", "法制审核（审核把关）: 通过才能移送起诉；审核人不能是登记人");
    cmd->add_option("ID", opts->id, "案件编号")->required();
    cmd->add_option("--result", opts->result, "pass（通过）或 return（退回）")->required();
    cmd->add_option("--note", opts->note, "审核意见")->required();
    cmd->callback([&ctx, opts] {
        ctx.action = [&ctx, opts] {
            const auto id = domain::parse_case_id(opts->id);
            ctx.write_id([&](auto& tx, auto& db) {
                return domain::review_case(tx, db, id, opts->result, opts->note, ctx.today()).id;
            });
        };
    });
}

struct RecoverOptions {
    std::string id;
    std::string amount;
    std::string date;
    std::optional<std::string> note;
};

void add_recover(CLI::App& noun, Context& ctx) {
    auto opts = std::make_shared<RecoverOptions>();
    auto* cmd = noun.add_subcommand("recover", "登记追赃挽损金额，输出挽损记录编号");
    cmd->add_option("ID", opts->id, "案件编号")->required();
    cmd->add_option("--amount", opts->amount, "金额（元，最多两位小数）")->required();
    cmd->add_option("--date", opts->date, "日期 YYYY-MM-DD")->required();
    cmd->add_option("--note", opts->note, "说明（返还、追缴…）");
    cmd->callback([&ctx, opts] {
        ctx.action = [&ctx, opts] {
            const auto id = domain::parse_case_id(opts->id);
            ctx.write_id([&](auto& tx, auto& db) {
                return domain::recover_case(
                    tx, db, id, opts->amount, opts->date, opts->note, ctx.today());
            });
        };
    });
}

void add_list(CLI::App& noun, Context& ctx) {
    auto opts = std::make_shared<ListOptionsOf<domain::CaseQuery>>();
    auto* cmd = noun.add_subcommand("list", "列出涉企案件");
    auto& q = opts->query;
    cmd->add_option(
        "--status",
        q.status,
        "按状态筛选: accepted filed investigating prosecuted closed withdrawn not_filed");
    cmd->add_option("--type", q.type, "按案件类型筛选");
    cmd->add_option("--unit", q.unit, "按主办单位筛选");
    cmd->add_option("--enterprise", q.enterprise, "按涉案企业筛选");
    cmd->add_option("--origin", q.origin, "local 或 external");
    cmd->add_option("--since", q.since, "受理日期不早于 YYYY-MM-DD");
    cmd->add_option("--until", q.until, "受理日期不晚于 YYYY-MM-DD");
    cmd->add_flag("--stale", q.stale, "只列挂案（见 case stale）");
    cmd->add_flag("--emergency", q.emergency, "只列有紧急执行待补审的案件");
    make_listing(
        *cmd,
        ctx,
        opts,
        [](Context& /*c*/) -> decltype(auto) { return domain::case_view(); },
        [](Context& c, const auto& query, const auto& /*paging*/, const domain::RowSink& sink) {
            return domain::list_cases(c.db(), query, c.today(), sink);
        });
}

void add_show(CLI::App& noun, Context& ctx) {
    auto id = std::make_shared<std::string>();
    auto* cmd = noun.add_subcommand("show", "显示案件及其涉案企业、事前报备、挽损和办案记录");
    cmd->add_option("ID", *id, "案件编号")->required();
    make_show(
        *cmd,
        ctx,
        id,
        [](Context& c, const std::string& key) {
            const auto number = domain::parse_case_id(key);
            return domain::read_case_page(c.db(), number);
        },
        [](Context& c, const auto& page) { return domain::case_page_json(page, c.reveal()); },
        [](Context& c, const auto& page) { return domain::case_page_sections(page, c.reveal()); });
}

struct StaleOptions {
    std::optional<std::int64_t> days;
    Paging paging;
};

void add_stale(CLI::App& noun, Context& ctx) {
    auto opts = std::make_shared<StaleOptions>();
    auto* cmd = noun.add_subcommand(
        "stale", "列出挂案（久无进展、久侦不结、措施解除后久未办结），最久的在前");
    cmd->add_option("--days", opts->days, "无进展超过多少天（默认设置 case.stale_days，180）");
    add_paging_options(*cmd, opts->paging);
    cmd->callback([&ctx, opts] {
        ctx.action = [&ctx, opts] {
            auto& db = ctx.db();
            const auto today = ctx.today();
            const auto limits = domain::stale_thresholds(db, opts->days);
            const auto& view = domain::stale_view();
            const auto paging = to_list_paging(opts->paging);
            stream_rows(ctx, view.columns(), view.defaults(), [&](const domain::RowSink& sink) {
                return domain::for_each_stale_case(
                    db, today, limits, paging, [&](const auto& c) { sink(view.row(c)); });
            });
        };
    });
}

} // namespace

void register_case(CLI::App& root, Context& ctx) {
    auto* noun =
        root.add_subcommand("case", "涉企案件: 登记、法制审核、事前报备、追赃挽损、挂案清理");
    noun->require_subcommand(1);
    add_add(*noun, ctx);
    add_update(*noun, ctx);
    add_progress(*noun, ctx);
    add_review(*noun, ctx);
    add_prereport_verbs(*noun, ctx);
    add_recover(*noun, ctx);
    add_list(*noun, ctx);
    add_show(*noun, ctx);
    add_stale(*noun, ctx);
}

} // namespace hujing::cli
