// SPDX-License-Identifier: GPL-3.0-or-later
// `case detention …` and `case measure …`: pre-reports (事前报备), one set of verbs per kind.
#include "case.hpp"
#include "context.hpp"
#include "listing.hpp"
#include "options.hpp"

#include <hujing/cases/prereport.hpp>
#include <hujing/storage/transaction.hpp>

#include <memory>
#include <string>

namespace hujing::cli {

namespace {

struct DecideOptions {
    std::string id;
    std::string note;
};

struct RecordOptions {
    std::string id;
    std::string date;
    bool emergency = false;
    std::optional<std::string> reason;
};

using Write = std::function<domain::Prereport(
    storage::WriteTransaction&, storage::Database&, std::int64_t, util::Date)>;

// Run `write` on pre-report `text` in the command's transaction; prints the id.
void run_step(Context& ctx, const std::string& text, const Write& write) {
    const auto id = domain::parse_prereport_id(text);
    ctx.write_id([&](auto& tx, auto& db) { return write(tx, db, id, ctx.today()).id; });
}

void add_decide(CLI::App& verb, Context& ctx, const char* kind, domain::Decision decision) {
    const bool approve = decision == domain::Decision::approve;
    auto opts = std::make_shared<DecideOptions>();
    auto* cmd = verb.add_subcommand(approve ? "approve" : "reject",
                                    approve ? "批准报备（批准人不能是报备人）" : "不批准报备");
    cmd->add_option("REQ", opts->id, "报备编号")->required();
    cmd->add_option("--note", opts->note, approve ? "审批意见" : "不批准的理由")->required();
    cmd->callback([&ctx, opts, kind, decision] {
        ctx.action = [&ctx, opts, kind, decision] {
            run_step(ctx, opts->id, [&](auto& tx, auto& db, std::int64_t id, util::Date today) {
                return domain::decide_prereport(tx, db, kind, id, decision, opts->note, today);
            });
        };
    });
}

void add_record(CLI::App& verb, Context& ctx, const char* kind) {
    auto opts = std::make_shared<RecordOptions>();
    auto* cmd =
        verb.add_subcommand("record", "登记执行（须已批准；紧急情况加 --emergency --reason）");
    cmd->add_option("REQ", opts->id, "报备编号")->required();
    cmd->add_option("--date", opts->date, "执行日期 YYYY-MM-DD")->required();
    auto* emergency =
        cmd->add_flag("--emergency", opts->emergency, "未经批准紧急执行（须事后补审）");
    cmd->add_option("--reason", opts->reason, "紧急执行的理由")->needs(emergency);
    emergency->needs(cmd->get_option("--reason"));
    cmd->callback([&ctx, opts, kind] {
        ctx.action = [&ctx, opts, kind] {
            run_step(ctx, opts->id, [&](auto& tx, auto& db, std::int64_t id, util::Date today) {
                return domain::record_prereport(tx, db, kind, id, opts->date, opts->reason, today);
            });
        };
    });
}

void add_lift(CLI::App& verb, Context& ctx, const char* kind) {
    auto opts = std::make_shared<RecordOptions>();
    auto* cmd = verb.add_subcommand("lift", "登记解除");
    cmd->add_option("REQ", opts->id, "报备编号")->required();
    cmd->add_option("--date", opts->date, "解除日期 YYYY-MM-DD")->required();
    cmd->callback([&ctx, opts, kind] {
        ctx.action = [&ctx, opts, kind] {
            run_step(ctx, opts->id, [&](auto& tx, auto& db, std::int64_t id, util::Date today) {
                return domain::lift_prereport(tx, db, kind, id, opts->date, today);
            });
        };
    });
}

void add_review(CLI::App& verb, Context& ctx, const char* kind) {
    auto opts = std::make_shared<DecideOptions>();
    auto* cmd = verb.add_subcommand("review", "补审紧急执行（补审人不能是报备人）");
    cmd->add_option("REQ", opts->id, "报备编号")->required();
    cmd->add_option("--note", opts->note, "补审意见")->required();
    cmd->callback([&ctx, opts, kind] {
        ctx.action = [&ctx, opts, kind] {
            run_step(ctx, opts->id, [&](auto& tx, auto& db, std::int64_t id, util::Date today) {
                return domain::review_prereport(tx, db, kind, id, opts->note, today);
            });
        };
    });
}

void add_list(CLI::App& verb, Context& ctx, const char* kind) {
    auto opts = std::make_shared<ListOptionsOf<domain::PrereportQuery>>();
    opts->query.kind = kind;
    auto* cmd = verb.add_subcommand("list", "列出报备（紧急执行未补审的标为待补审）");
    cmd->add_option("--status", opts->query.status, "requested approved rejected executed lifted");
    cmd->add_option("--case", opts->query.case_id, "只列某个案件的");
    cmd->add_flag("--emergency", opts->query.emergency, "只列紧急执行待补审的");
    make_listing(
        *cmd,
        ctx,
        opts,
        [](Context& c) { return domain::prereport_view(c.reveal()); },
        [](Context& c, const auto& query, const auto& /*paging*/, const domain::RowSink& sink) {
            return domain::list_prereports(c.db(), query, c.reveal(), sink);
        });
}

void add_common(CLI::App& verb, Context& ctx, const char* kind) {
    add_decide(verb, ctx, kind, domain::Decision::approve);
    add_decide(verb, ctx, kind, domain::Decision::reject);
    add_record(verb, ctx, kind);
    add_lift(verb, ctx, kind);
    add_review(verb, ctx, kind);
    add_list(verb, ctx, kind);
}

void add_detention(CLI::App& noun, Context& ctx) {
    auto* verb = noun.add_subcommand(
        "detention", "企业家羁押事前报备: request approve reject record lift review list");
    verb->require_subcommand(1);
    auto r = std::make_shared<domain::NewDetention>();
    auto* cmd = verb->add_subcommand("request", "羁押企业家前报备，输出报备编号");
    cmd->add_option("CASE", r->case_id, "案件编号")->required();
    cmd->add_option("--person", r->person, "被羁押人姓名")->required();
    cmd->add_option("--id-no", r->id_no, "公民身份号码（18 位，校验码按 GB 11643）")->required();
    cmd->add_option("--position", r->position, "职务: 法定代表人 实际控制人 高管 股东 其他")
        ->required();
    cmd->add_option("--measure", r->measure, "措施: 拘留 逮捕 指定居所监视居住")->required();
    cmd->add_option("--reason", r->reason, "羁押必要性")->required();
    cmd->add_option("--impact", r->impact, "对企业生产经营的影响评估")->required();
    cmd->add_option("--alternatives", r->alternatives, "考虑过的替代措施（如取保候审）");
    cmd->add_option("--enterprise", r->enterprise, "其所在企业（默认: 案件唯一的涉案企业）");
    cmd->callback([&ctx, r] {
        ctx.action = [&ctx, r] {
            ctx.write_id([&](auto& tx, auto& db) {
                return domain::request_detention(tx, db, *r, ctx.today());
            });
        };
    });
    add_common(*verb, ctx, "detention");
}

void add_measure(CLI::App& noun, Context& ctx) {
    auto* verb = noun.add_subcommand(
        "measure",
        "涉企财产措施（查封、扣押、冻结）事前报备: request approve reject record lift review list");
    verb->require_subcommand(1);
    auto r = std::make_shared<domain::NewMeasure>();
    auto* cmd = verb->add_subcommand("request", "对企业财产采取措施前报备，输出报备编号");
    cmd->add_option("CASE", r->case_id, "案件编号")->required();
    cmd->add_option("--enterprise", r->enterprise, "财产所属企业（须为涉案企业）")->required();
    cmd->add_option("--kind", r->measure, "措施: 查封 扣押 冻结")->required();
    cmd->add_option("--object", r->object, "对象（账户、厂房、设备…）")->required();
    cmd->add_option("--amount", r->amount, "涉及金额（元）")->required();
    cmd->add_option("--reason", r->reason, "采取措施的理由")->required();
    cmd->add_option("--impact", r->impact, "对企业生产经营的影响评估")->required();
    cmd->add_option("--alternatives", r->alternatives, "考虑过的替代做法（如活封、限额冻结）");
    cmd->callback([&ctx, r] {
        ctx.action = [&ctx, r] {
            ctx.write_id([&](auto& tx, auto& db) {
                return domain::request_measure(tx, db, *r, ctx.today());
            });
        };
    });
    add_common(*verb, ctx, "property");
}

} // namespace

void add_prereport_verbs(CLI::App& noun, Context& ctx) {
    add_detention(noun, ctx);
    add_measure(noun, ctx);
}

} // namespace hujing::cli
