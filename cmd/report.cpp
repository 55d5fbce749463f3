// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.hpp"
#include "context.hpp"
#include "listing.hpp"
#include "options.hpp"

#include <hujing/error.hpp>
#include <hujing/notice.hpp>
#include <hujing/reports/quarterly.hpp>
#include <hujing/storage/transaction.hpp>

#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

namespace hujing::cli {

namespace {

struct PeriodOptions {
    std::string period = "last-quarter";
    std::string from;
    std::string to;
    std::string rules;
};

struct QuarterlyOptions {
    std::string quarter;
    std::string format = "md";
    std::string out;
    std::string rules;
};

// The day a report is made on: --today / $HUJING_TODAY, else $SOURCE_DATE_EPOCH (reproducible
// builds' convention), else the system date. The same day gives the same bytes.
util::Date report_day(const Context& ctx) {
    const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
    if (!ctx.globals.today.empty() || epoch == nullptr || *epoch == '\0') {
        return ctx.today();
    }
    char* end = nullptr;
    const auto secs = static_cast<std::time_t>(std::strtoll(epoch, &end, 10));
    if (*end != '\0' || secs < 0) {
        throw Error(Exit::invalid,
                    fmt::format("SOURCE_DATE_EPOCH 应为秒数: {}", epoch),
                    "如 1760486400；或用 --today 指定日期");
    }
    std::tm tm{};
    gmtime_r(&secs, &tm);
    return util::Date{std::chrono::year{tm.tm_year + 1900},
                      std::chrono::month{static_cast<unsigned>(tm.tm_mon + 1)},
                      std::chrono::day{static_cast<unsigned>(tm.tm_mday)}};
}

reports::Rules rules_of(const std::string& path) {
    return path.empty() ? reports::builtin_rules() : reports::load_rules_file(path);
}

// The period of PERIOD or --from/--to, as DESIGN §2 reads them.
util::Period period_of(const PeriodOptions& o, util::Date today) {
    if (o.from.empty() != o.to.empty()) {
        throw Error(Exit::usage, "--from 和 --to 要一起给出", "或只给 PERIOD，如 2025Q3");
    }
    if (!o.from.empty()) {
        return util::make_period(util::parse_date_arg(o.from, today),
                                 util::parse_date_arg(o.to, today));
    }
    return util::parse_period(o.period, today);
}

void add_period_options(CLI::App& cmd, PeriodOptions& o) {
    auto* period = cmd.add_option(
        "PERIOD",
        o.period,
        "统计期间: 2025Q3 2025-09 2025 last-quarter this-quarter（默认 last-quarter）");
    auto* from =
        cmd.add_option("--from", o.from, "起始日期 YYYY-MM-DD（与 --to 一起，代替 PERIOD）");
    auto* to = cmd.add_option("--to", o.to, "截止日期 YYYY-MM-DD");
    from->excludes(period);
    to->excludes(period);
}

void add_kpi(CLI::App& noun, Context& ctx) {
    auto opts = std::make_shared<PeriodOptions>();
    auto* cmd = noun.add_subcommand("kpi", "主要工作指标：每个比率给出分子和分母");
    add_period_options(*cmd, *opts);
    cmd->callback([&ctx, opts] {
        ctx.action = [&ctx, opts] {
            const auto day = report_day(ctx);
            const auto scope = reports::make_scope(period_of(*opts, day), day);
            auto& db = ctx.db();
            storage::ReadTransaction snapshot(db);
            const auto view = reports::kpi_view();
            stream_rows(ctx, view.columns(), view.defaults(), [&](const domain::RowSink& sink) {
                const auto kpis = reports::collect_kpis(db, scope);
                for (const auto& k : kpis) {
                    sink(view.row(k));
                }
                return static_cast<std::int64_t>(kpis.size());
            });
        };
    });
}

void add_warnings(CLI::App& noun, Context& ctx) {
    auto opts = std::make_shared<PeriodOptions>();
    auto* cmd = noun.add_subcommand("warnings", "风险预警清单：每条给出规则、等级、责任单位和依据");
    add_period_options(*cmd, *opts);
    cmd->add_option(
        "--rules", opts->rules, "换用的预警规则文件（默认内置 schemas/rules/warnings.yaml）");
    cmd->callback([&ctx, opts] {
        ctx.action = [&ctx, opts] {
            const auto rules = rules_of(opts->rules);
            const auto day = report_day(ctx);
            const auto scope = reports::make_scope(period_of(*opts, day), day);
            auto& db = ctx.db();
            storage::ReadTransaction snapshot(db);
            const auto view = reports::warning_view();
            stream_rows(ctx, view.columns(), view.defaults(), [&](const domain::RowSink& sink) {
                const auto warnings = reports::evaluate_warnings(db, scope, rules);
                for (const auto& w : warnings) {
                    sink(view.row(w));
                }
                return static_cast<std::int64_t>(warnings.size());
            });
        };
    });
}

void add_rules(CLI::App& noun, Context& ctx) {
    auto* rules = noun.add_subcommand("rules", "预警规则文件");
    rules->require_subcommand(1);
    auto path = std::make_shared<std::string>();
    auto* validate =
        rules->add_subcommand("validate", "检查预警规则文件；有错时逐条给出 FILE:LINE:COL");
    validate->add_option("FILE", *path, "规则文件（YAML）")->required();
    validate->callback([&ctx, path] {
        ctx.action = [path] {
            const auto loaded = reports::load_rules_file(*path);
            int enabled = 0;
            for (const auto& [name, rule] : loaded.rules) {
                enabled += rule.enabled ? 1 : 0;
            }
            notice(fmt::format(
                "{}: 规则有效（{} 条，启用 {} 条）", *path, loaded.rules.size(), enabled));
        };
    });
}

// The quarter of --quarter: "2025Q3", "last-quarter" or "this-quarter" (Exit::invalid else).
util::Period quarter_of(const std::string& text, util::Date today) {
    auto period = util::parse_period(text, today);
    const auto& l = period.label;
    if (l.size() != 6 || l[4] != 'Q') {
        throw Error(
            Exit::invalid, "--quarter 应为季度: " + text, "如 2025Q3、last-quarter、this-quarter");
    }
    return period;
}

std::string render(const reports::Report& report, const std::string& format) {
    if (format == "json") {
        return reports::report_json(report).dump(2) + "\n";
    }
    return format == "html" ? reports::render_html(report) : reports::render_markdown(report);
}

// Write `text` to DIR/hujing-report-<quarter>.<format> through a temporary file and print the
// path; a folder that does not exist is Exit::invalid.
void write_out(const std::string& dir,
               const std::string& quarter,
               const std::string& format,
               const std::string& text) {
    const auto path =
        std::filesystem::path(dir) / fmt::format("hujing-report-{}.{}", quarter, format);
    const auto tmp = path.string() + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << text;
        if (!out.flush()) {
            std::filesystem::remove(tmp);
            throw Error(Exit::internal, "无法写出报告: " + path.string(), "检查磁盘空间和权限");
        }
    }
    std::filesystem::rename(tmp, path);
    fmt::print("{}\n", path.string());
    std::fflush(stdout);
}

void add_quarterly(CLI::App& noun, Context& ctx) {
    auto opts = std::make_shared<QuarterlyOptions>();
    auto* cmd = noun.add_subcommand(
        "quarterly", "季度两书一单：提示书、意见建议书、风险预警单和工作指标，各带文号");
    cmd->add_option("--quarter", opts->quarter, "季度: 2025Q3、last-quarter、this-quarter")
        ->required();
    cmd->add_option("-f,--format", opts->format, "md（默认）、html（可打印的单个文件）或 json")
        ->check(CLI::IsMember({"md", "html", "json"}));
    cmd->add_option("--out", opts->out, "写入目录（文件名 hujing-report-季度.格式，并输出路径）");
    cmd->add_option("--rules", opts->rules, "换用的预警规则文件");
    cmd->callback([&ctx, opts] {
        ctx.action = [&ctx, opts] {
            const auto day = report_day(ctx);
            const auto period = quarter_of(opts->quarter, day);
            const auto rules = rules_of(opts->rules);
            std::error_code ec;
            if (!opts->out.empty() && !std::filesystem::is_directory(opts->out, ec)) {
                throw Error(Exit::invalid, "输出目录不存在: " + opts->out, "先创建目录");
            }
            const auto scope = reports::make_scope(period, day);
            ctx.write([&](storage::WriteTransaction& tx, storage::Database& db) {
                auto numbers = reports::assign_numbers(tx, db, period.label, day);
                const auto report = reports::build_report(
                    db, scope, util::format_date(day), std::move(numbers), rules);
                const auto text = render(report, opts->format);
                if (opts->out.empty()) {
                    std::fwrite(text.data(), 1, text.size(), stdout);
                } else {
                    write_out(opts->out, period.label, opts->format, text);
                }
            });
        };
    });
}

} // namespace

void register_report(CLI::App& root, Context& ctx) {
    auto* noun =
        root.add_subcommand("report", "两书一单（提示书、意见建议书、风险预警单）、工作指标与预警");
    noun->require_subcommand(1);
    add_quarterly(*noun, ctx);
    add_kpi(*noun, ctx);
    add_warnings(*noun, ctx);
    add_rules(*noun, ctx);
}

} // namespace hujing::cli
