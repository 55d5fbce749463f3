// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.hpp"
#include "context.hpp"
#include "listing.hpp"
#include "options.hpp"
#include "result_line.hpp"

#include <hujing/error.hpp>
#include <hujing/notice.hpp>
#include <hujing/output/progress.hpp>
#include <hujing/registry/division.hpp>
#include <hujing/registry/enterprise.hpp>
#include <hujing/registry/import.hpp>
#include <hujing/registry/risk.hpp>
#include <hujing/registry/town_list.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

namespace hujing::cli {

namespace {

struct AddOptions {
    domain::EnterpriseData data;
    std::string tags;
    std::string sectors;
};

struct UpdateOptions {
    std::string key;
    domain::EnterpriseUpdate update;
    std::optional<std::string> tags;
    std::optional<std::string> sectors;
};

struct ListOptions {
    domain::EnterpriseQuery query;
    Paging paging;
};

struct ImportArgs {
    std::string path;
    bool skip_invalid = false;
    bool dry_run = false;
    std::string on_conflict = "fail";
};

struct AssignOptions {
    std::string key;
    std::string officer;
    std::string role;
    std::optional<std::string> since;
};

struct UnassignOptions {
    std::string key;
    std::string officer;
    std::optional<std::string> role;
};

struct CreditOptions {
    std::string key;
    std::string grade;
    std::string reason;
    std::optional<std::string> date;
    bool repair = false;
};

struct RiskAddOptions {
    domain::NewRisk risk;
    std::optional<std::string> date;
};

struct RiskCloseOptions {
    std::int64_t id = 0;
    std::optional<std::string> date;
};

struct RiskListOptions {
    domain::RiskQuery query;
    bool open = false;
    Paging paging;
};

struct ExemptOptions {
    std::string key;
    std::string form;
    std::string until;
    std::string reason;
};

// The fields a listing will print: --fields, or the command's defaults.
std::vector<std::string> chosen_fields(const Context& ctx,
                                       const std::vector<std::string>& defaults) {
    auto fields = ctx.output().fields;
    return fields.empty() ? defaults : fields;
}

// Add the registry field options shared by `add` and `update`.
void add_field_options(CLI::App& cmd,
                       std::optional<std::string>& town,
                       std::optional<std::string>& industry,
                       std::optional<std::string>& industry_code,
                       std::optional<std::string>& scale,
                       std::optional<std::string>& legal_rep,
                       std::optional<std::string>& phone,
                       std::optional<std::string>& address) {
    cmd.add_option("--town", town, "镇街（现名；旧名自动对应，诸暨市前缀可省）");
    cmd.add_option("--industry", industry, "行业，如 袜业、珍珠、铜加工");
    cmd.add_option("--industry-code", industry_code, "GB/T 4754-2017 四位行业代码，如 1830");
    cmd.add_option("--scale", scale, "规模: above (规上) 或 below (规下)");
    cmd.add_option("--legal-rep", legal_rep, "法定代表人");
    cmd.add_option("--phone", phone, "联系电话");
    cmd.add_option("--address", address, "地址");
}

void register_add(CLI::App& noun, Context& ctx) {
    auto opts = std::make_shared<AddOptions>();
    auto* cmd = noun.add_subcommand("add", "登记企业，输出其编号");
    cmd->add_option("USCC", opts->data.uscc, "18 位统一社会信用代码")->required();
    cmd->add_option("--name", opts->data.name, "企业名称")->required();
    auto& d = opts->data;
    add_field_options(
        *cmd, d.town, d.industry, d.industry_code, d.scale, d.legal_rep, d.phone, d.address);
    cmd->add_option("--tags", opts->tags, "标签，分号或逗号分隔，如 规上;袜业");
    cmd->add_option("--sectors", opts->sectors, "监管行业，分号或逗号分隔，如 lodging;hazchem");
    cmd->callback([&ctx, opts] {
        ctx.action = [&ctx, opts] {
            auto data = opts->data;
            data.tags = {opts->tags};
            data.sectors = {opts->sectors};
            ctx.write_id([&](auto& tx, auto& db) {
                return domain::add_enterprise(tx, db, std::move(data));
            });
        };
    });
}

void register_update(CLI::App& noun, Context& ctx) {
    auto opts = std::make_shared<UpdateOptions>();
    auto* cmd = noun.add_subcommand("update", "修改企业信息，输出其编号（空字符串清除该项）");
    cmd->add_option("ENTERPRISE", opts->key, "企业编号或统一社会信用代码")->required();
    auto& u = opts->update;
    cmd->add_option("--uscc", u.uscc, "更正统一社会信用代码");
    cmd->add_option("--name", u.name, "企业名称");
    add_field_options(
        *cmd, u.town, u.industry, u.industry_code, u.scale, u.legal_rep, u.phone, u.address);
    cmd->add_option("--tags", opts->tags, "标签（替换原有标签），分号或逗号分隔");
    cmd->add_option("--sectors", opts->sectors, "监管行业（替换原有），分号或逗号分隔");
    cmd->callback([&ctx, opts] {
        ctx.action = [&ctx, opts] {
            auto update = opts->update;
            if (opts->tags) {
                update.tags = std::vector<std::string>{*opts->tags};
            }
            if (opts->sectors) {
                update.sectors = std::vector<std::string>{*opts->sectors};
            }
            ctx.write_id([&](auto& tx, auto& db) {
                return domain::update_enterprise(tx, db, opts->key, update);
            });
        };
    });
}

void register_show(CLI::App& noun, Context& ctx) {
    auto key = std::make_shared<std::string>();
    auto* cmd =
        noun.add_subcommand("show", "显示一企一档：基本信息、责任民警、信用、风险、免检及各项记录");
    cmd->add_option("ENTERPRISE", *key, "企业编号或统一社会信用代码")->required();
    cmd->callback([&ctx, key] {
        ctx.action = [&ctx, key] {
            auto& db = ctx.db();
            const bool reveal = ctx.reveal();
            const auto file =
                domain::load_enterprise_file(db, *key, domain::FileOptions{reveal, ctx.today()});
            output::write_record(stdout,
                                 {[&] { return domain::enterprise_file_json(file, reveal); },
                                  [&] { return domain::enterprise_file_sections(file, reveal); }},
                                 ctx.output());
        };
    });
}

void register_list(CLI::App& noun, Context& ctx) {
    auto opts = std::make_shared<ListOptions>();
    auto* cmd = noun.add_subcommand("list", "列出企业（筛选条件同时满足）");
    auto& q = opts->query;
    cmd->add_option("--town", q.town, "按镇街筛选");
    cmd->add_option("--industry", q.industry, "按行业筛选");
    cmd->add_option("--tag", q.tag, "按标签筛选");
    cmd->add_option("--sector", q.sector, "按监管行业筛选，如 lodging");
    cmd->add_option("--credit", q.credit, "按信用等级筛选: A、B、C、D，none 为未评");
    cmd->add_option("--scale", q.scale, "按规模筛选: above (规上)、below (规下)");
    cmd->add_option("--officer", q.officer, "按责任民警警号筛选");
    cmd->add_option("--risk", q.risk, "有未结风险的企业: 红、橙、黄、蓝，any 为任意等级");
    cmd->add_option("--search", q.search, "名称或地址包含此文字（三字以上走全文索引）");
    add_paging_options(*cmd, opts->paging);
    cmd->callback([&ctx, opts] {
        ctx.action = [&ctx, opts] {
            auto query = opts->query;
            query.limit = opts->paging.limit;
            query.offset = opts->paging.offset;
            query.sort = opts->paging.sort;
            auto& db = ctx.db();
            const auto& defaults = domain::enterprise_default_fields();
            const auto fields = chosen_fields(ctx, defaults);
            auto writer =
                output::make_writer(stdout, domain::enterprise_columns(), ctx.output(), defaults);
            // Only a listing that prints phone numbers reveals anything (and is audited).
            const bool reveal =
                std::find(fields.begin(), fields.end(), "phone") != fields.end() && ctx.reveal();
            domain::list_enterprises(db, query, fields, reveal, *writer);
            writer->finish();
        };
    });
}

void register_import(CLI::App& noun, Context& ctx) {
    auto opts = std::make_shared<ImportArgs>();
    auto* cmd = noun.add_subcommand(
        "import",
        "从 CSV 导入企业（默认全部成功或全部不导入），输出 added=N updated=N skipped=N invalid=N");
    cmd->add_option("FILE", opts->path, "CSV 文件，- 为标准输入")->required();
    cmd->add_flag(
        "--skip-invalid", opts->skip_invalid, "跳过错误行，只导入正确的行（错误行在 stderr 列出）");
    cmd->add_option(
           "--on-conflict",
           opts->on_conflict,
           "统一社会信用代码已登记时: fail (默认，报错)、skip (跳过)、update (以文件为准更新)")
        ->check(CLI::IsMember({"fail", "skip", "update"}));
    cmd->add_flag("--dry-run", opts->dry_run, "只校验并统计，不改动数据库");
    cmd->callback([&ctx, opts] {
        ctx.action = [&ctx, opts] {
            domain::EnterpriseImportOptions options;
            options.on_conflict = domain::parse_on_conflict(opts->on_conflict);
            options.skip_invalid =
                opts->skip_invalid ? domain::SkipInvalid::yes : domain::SkipInvalid::no;
            options.dry_run = opts->dry_run ? domain::DryRun::yes : domain::DryRun::no;
            auto reported = std::make_shared<std::int64_t>(0);
            const bool quiet = ctx.globals.quiet;
            options.skipped_row = [reported, quiet](const std::string& where,
                                                    const std::string& reason) {
                if (!quiet && (*reported)++ < 50) {
                    fmt::print(stderr, "{} {}\n", where, reason);
                }
            };
            auto in = open_input(opts->path);
            // A progress bar (stderr on a terminal only) over the bytes of the file.
            std::optional<std::int64_t> size;
            if (opts->path != "-") {
                std::error_code ec;
                const auto bytes = std::filesystem::file_size(opts->path, ec);
                if (!ec) {
                    size = static_cast<std::int64_t>(bytes);
                }
            }
            auto progress = std::make_shared<output::Progress>("导入企业", size);
            options.progress = [progress](std::int64_t bytes) { progress->set_done(bytes); };
            const auto& format = ctx.globals.format;
            const auto result = ctx.write([&](auto& tx, auto& db) {
                auto counts = domain::import_enterprises(tx, db, *in, opts->path, options);
                // The counts before the commit: a line that cannot be written rolls it back.
                print_result_line(format == "json" || format == "jsonl"
                                      ? domain::import_result_json(counts, options.dry_run).dump()
                                      : domain::format_import_result(counts));
                return counts;
            });
            progress->finish();
            for (const auto& text : result.notices) {
                notice(text);
            }
            if (result.invalid > 0) {
                notice(fmt::format("跳过 {} 行错误{}",
                                   result.invalid,
                                   result.invalid > 50 ? "（仅列出前 50 行）" : ""));
            }
            if (opts->dry_run) {
                notice("试运行: 数据库未改动");
            }
        };
    });
}

void register_assign(CLI::App& noun, Context& ctx) {
    auto opts = std::make_shared<AssignOptions>();
    auto* cmd = noun.add_subcommand("assign", "指派责任民警，开始走访计时，输出企业编号");
    cmd->add_option("ENTERPRISE", opts->key, "企业编号或统一社会信用代码")->required();
    cmd->add_option("--officer", opts->officer, "民警警号")->required();
    cmd->add_option("--role", opts->role, "角色: 企业警官、行业警官、市场警官、项目警官、知产警官")
        ->required();
    cmd->add_option("--since", opts->since, "起始日期（默认今天）");
    cmd->callback([&ctx, opts] {
        ctx.action = [&ctx, opts] {
            const auto since = util::parse_date_arg(opts->since.value_or("today"), ctx.today());
            ctx.write_id([&](auto& tx, auto& db) {
                return domain::assign_officer(tx, db, opts->key, opts->officer, opts->role, since);
            });
        };
    });

    auto un = std::make_shared<UnassignOptions>();
    auto* unassign = noun.add_subcommand("unassign", "解除责任民警，输出企业编号");
    unassign->add_option("ENTERPRISE", un->key, "企业编号或统一社会信用代码")->required();
    unassign->add_option("--officer", un->officer, "民警警号")->required();
    unassign->add_option("--role", un->role, "只解除该角色（默认解除该民警的全部角色）");
    unassign->callback([&ctx, un] {
        ctx.action = [&ctx, un] {
            ctx.write_id([&](auto& tx, auto& db) {
                return domain::unassign_officer(tx, db, un->key, un->officer, un->role);
            });
        };
    });
}

void register_credit(CLI::App& noun, Context& ctx) {
    auto opts = std::make_shared<CreditOptions>();
    auto* cmd = noun.add_subcommand("credit", "记录信用评价或信用修复，输出记录编号");
    cmd->add_option("ENTERPRISE", opts->key, "企业编号或统一社会信用代码")->required();
    cmd->add_option("--grade", opts->grade, "信用等级: A、B、C、D")->required();
    cmd->add_option("--reason", opts->reason, "评价或修复的依据")->required();
    cmd->add_option("--date", opts->date, "日期（默认今天）");
    cmd->add_flag("--repair", opts->repair, "信用修复（须提高等级）");
    cmd->callback([&ctx, opts] {
        ctx.action = [&ctx, opts] {
            const auto today = ctx.today();
            const auto date = util::parse_date_arg(opts->date.value_or("today"), today);
            if (date > today) {
                throw_invalid(fmt::format("信用记录日期 {} 晚于今天", util::format_date(date)));
            }
            ctx.write_id([&](auto& tx, auto& db) {
                return domain::add_credit_event(tx,
                                                db,
                                                opts->key,
                                                opts->grade,
                                                opts->reason,
                                                date,
                                                opts->repair ? domain::CreditKind::repair
                                                             : domain::CreditKind::evaluation);
            });
        };
    });
}

void register_risk(CLI::App& noun, Context& ctx) {
    auto* risk = noun.add_subcommand("risk", "风险评估: 登记、关闭、列出");
    risk->require_subcommand(1);

    auto add_opts = std::make_shared<RiskAddOptions>();
    auto* add = risk->add_subcommand("add", "登记风险，输出风险编号");
    auto& r = add_opts->risk;
    add->add_option("ENTERPRISE", r.enterprise, "企业编号或统一社会信用代码")->required();
    add->add_option("--level", r.level, "风险等级: 红、橙、黄、蓝 (red、orange、yellow、blue)")
        ->required();
    add->add_option("--description", r.description, "风险描述")->required();
    add->add_option("--unit", r.unit, "责任单位（编号、代码或名称）")->required();
    add->add_option("--leader", r.leader, "责任领导姓名")->required();
    add->add_option("--date", add_opts->date, "登记日期（默认今天）");
    add->callback([&ctx, add_opts] {
        ctx.action = [&ctx, add_opts] {
            auto entry = add_opts->risk;
            entry.opened = util::parse_date_arg(add_opts->date.value_or("today"), ctx.today());
            ctx.write_id([&](auto& tx, auto& db) { return domain::add_risk(tx, db, entry); });
        };
    });

    auto close_opts = std::make_shared<RiskCloseOptions>();
    auto* close = risk->add_subcommand("close", "关闭风险（已化解），输出风险编号");
    close->add_option("RISK_ID", close_opts->id, "风险编号")->required();
    close->add_option("--date", close_opts->date, "关闭日期（默认今天）");
    close->callback([&ctx, close_opts] {
        ctx.action = [&ctx, close_opts] {
            const auto date = util::parse_date_arg(close_opts->date.value_or("today"), ctx.today());
            ctx.write_id([&](auto& tx, auto& db) {
                return domain::close_risk(tx, db, close_opts->id, date);
            });
        };
    });

    auto list_opts = std::make_shared<RiskListOptions>();
    auto* list = risk->add_subcommand("list", "列出风险（红色在前）");
    list->add_flag("--open", list_opts->open, "只列未关闭的风险");
    list->add_option("--enterprise", list_opts->query.enterprise, "按企业筛选");
    list->add_option("--level", list_opts->query.level, "按等级筛选");
    list->add_option("--unit", list_opts->query.unit, "按责任单位筛选");
    add_paging_options(*list, list_opts->paging);
    list->callback([&ctx, list_opts] {
        ctx.action = [&ctx, list_opts] {
            auto query = list_opts->query;
            query.open_only = list_opts->open;
            stream_rows(ctx, domain::risk_columns(), {}, [&](const domain::RowSink& sink) {
                return domain::list_risks(ctx.db(), query, to_list_paging(list_opts->paging), sink);
            });
        };
    });
}

void register_exempt(CLI::App& noun, Context& ctx) {
    auto opts = std::make_shared<ExemptOptions>();
    auto* cmd = noun.add_subcommand(
        "exempt", "列入负面清单（无事不扰）: 在截止日期前免于该检查表的检查，输出免检编号");
    cmd->add_option("ENTERPRISE", opts->key, "企业编号或统一社会信用代码")->required();
    cmd->add_option("--form", opts->form, "检查表编号，如 lodging")->required();
    cmd->add_option("--until", opts->until, "截止日期（含）")->required();
    cmd->add_option("--reason", opts->reason, "免检原因")->required();
    cmd->callback([&ctx, opts] {
        ctx.action = [&ctx, opts] {
            const auto today = ctx.today();
            const auto until = util::parse_date_arg(opts->until, today);
            ctx.write_id([&](auto& tx, auto& db) {
                return domain::add_exemption(
                    tx, db, opts->key, opts->form, until, opts->reason, today);
            });
        };
    });
}

void register_towns(CLI::App& noun, Context& ctx) {
    auto* cmd = noun.add_subcommand("towns", "列出可用的镇街（街道、镇、乡）及其旧名");
    auto paging = std::make_shared<Paging>();
    add_paging_options(*cmd, *paging);
    cmd->callback([&ctx, paging] {
        ctx.action = [&ctx, paging] {
            stream_rows(ctx, domain::town_columns(), {}, [&](const domain::RowSink& sink) {
                return domain::list_towns(to_list_paging(*paging), sink);
            });
        };
    });
}

} // namespace

void register_enterprise(CLI::App& root, Context& ctx) {
    auto* noun = root.add_subcommand(
        "enterprise", "企业档案（一企一档）: 登记、导入、查询、指派、信用、风险、免检");
    noun->require_subcommand(1);
    register_add(*noun, ctx);
    register_update(*noun, ctx);
    register_show(*noun, ctx);
    register_list(*noun, ctx);
    register_import(*noun, ctx);
    register_assign(*noun, ctx);
    register_credit(*noun, ctx);
    register_risk(*noun, ctx);
    register_exempt(*noun, ctx);
    register_towns(*noun, ctx);
}

} // namespace hujing::cli
