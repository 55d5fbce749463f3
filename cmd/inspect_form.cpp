// SPDX-License-Identifier: GPL-3.0-or-later
#include "context.hpp"
#include "inspect.hpp"
#include "listing.hpp"
#include "options.hpp"

#include <hujing/error.hpp>
#include <hujing/inspect/form.hpp>
#include <hujing/notice.hpp>

#include <fmt/format.h>

namespace hujing::cli {

namespace {

void add_forms(CLI::App& noun, Context& ctx) {
    auto paging = std::make_shared<Paging>();
    auto* cmd = noun.add_subcommand("forms", "列出已载入的检查表单（每个表单的最新版本）");
    add_paging_options(*cmd, *paging);
    cmd->callback([&ctx, paging] {
        ctx.action = [&ctx, paging] {
            auto& db = ctx.db();
            const auto view = domain::form_summary_view();
            stream_rows(ctx, view.columns(), view.defaults(), [&](const domain::RowSink& sink) {
                return domain::list_forms(db, to_list_paging(*paging), sink);
            });
        };
    });
}

struct ShowOptions {
    std::string id;
    std::optional<std::int64_t> version;
};

void add_form_show(CLI::App& form, Context& ctx) {
    auto opts = std::make_shared<ShowOptions>();
    auto* cmd = form.add_subcommand("show", "显示表单的检查项");
    cmd->add_option("ID", opts->id, "表单编号，如 lodging")->required();
    cmd->add_option("--version", opts->version, "版本（默认最新）");
    cmd->callback([&ctx, opts] {
        ctx.action = [&ctx, opts] {
            const auto f = domain::get_form(ctx.db(), opts->id, opts->version);
            output::write_record(
                stdout,
                {[&] { return domain::form_json(f); }, [&] { return domain::form_sections(f); }},
                ctx.output());
        };
    });
}

void print_warnings(const std::vector<Diagnostic>& warnings) {
    for (const auto& w : warnings) {
        notice(fmt::format("{} 警告: {}", to_string(w.where), w.message));
    }
}

void add_form_validate(CLI::App& form, Context& ctx) {
    auto files = std::make_shared<std::vector<std::string>>();
    auto* cmd = form.add_subcommand(
        "validate", "检查表单文件，列出全部错误（FILE:LINE:COL: 说明）；警告不影响结果");
    cmd->add_option("FILE", *files, "表单 YAML 文件或目录（可多个）")->required();
    cmd->callback([&ctx, files] {
        ctx.action = [&ctx, files] {
            print_warnings(domain::validate_form_files(ctx.db(), *files));
            notice(fmt::format("{} 个文件无错误", files->size()));
        };
    });
}

void add_form_load(CLI::App& form, Context& ctx) {
    auto files = std::make_shared<std::vector<std::string>>();
    auto* cmd = form.add_subcommand(
        "load", "载入表单文件或目录：新表单为第 1 版，内容有变化的为新版本，输出 表单 版本 动作");
    cmd->add_option("PATH", *files, "表单 YAML 文件或目录（可多个）")->required();
    cmd->callback([&ctx, files] {
        ctx.action = [&ctx, files] {
            const auto today = ctx.today();
            ctx.write([&](auto& tx, auto& db) {
                for (const auto& l : domain::load_form_files(tx, db, *files, today)) {
                    std::fputs(fmt::format("{}\t{}\t{}\n", l.id, l.version, l.action).c_str(),
                               stdout);
                }
                if (std::fflush(stdout) != 0) {
                    throw Error(Exit::internal, "无法写出结果");
                }
            });
        };
    });
}

} // namespace

void add_inspect_form_verbs(CLI::App& noun, Context& ctx) {
    add_forms(noun, ctx);
    auto* form = noun.add_subcommand("form", "检查表单: 显示、校验、载入");
    form->require_subcommand(1);
    add_form_show(*form, ctx);
    add_form_validate(*form, ctx);
    add_form_load(*form, ctx);
}

} // namespace hujing::cli
