// SPDX-License-Identifier: GPL-3.0-or-later
#include "app.hpp"

#include "commands.hpp"
#include "completion.hpp"
#include "context.hpp"
#include "examples.hpp"
#include "help.hpp"
#include "usage_error.hpp"

#include <hujing/error.hpp>
#include <hujing/notice.hpp>
#include <hujing/output/pager.hpp>
#include <hujing/output/writer.hpp>
#include <hujing/storage/sqlite_error.hpp>
#include <hujing/util/pii.hpp>
#include <hujing/util/text.hpp>
#include <hujing/version.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>

namespace hujing::cli {

namespace {

// Who may act through a noun: casework needs --as to be a registered, active officer;
// organisation set-up and scheduled jobs may run as the operating-system user.
enum class Acts : bool { as_user, as_officer };

struct Noun {
    const char* name;
    void (*register_fn)(CLI::App&, Context&);
    Acts acts;
};

// The only list of nouns: adding one is one line here plus its cmd/<noun>.cpp.
constexpr Noun k_nouns[] = {
    {"init", register_init, Acts::as_user},
    {"db", register_db, Acts::as_user},
    {"config", register_config, Acts::as_user},
    {"audit", register_audit, Acts::as_user},
    {"unit", register_unit, Acts::as_user},
    {"officer", register_officer, Acts::as_user},
    {"enterprise", register_enterprise, Acts::as_officer},
    {"project", register_project, Acts::as_officer},
    {"visit", register_visit, Acts::as_officer},
    {"demand", register_demand, Acts::as_officer},
    {"case", register_case, Acts::as_officer},
    {"inspect", register_inspect, Acts::as_officer},
    {"report", register_report, Acts::as_user},
    {"completion", register_completion, Acts::as_user},
};

// Whether the noun chosen on the command line is casework.
bool is_casework(const CLI::App& app) {
    return std::any_of(std::begin(k_nouns), std::end(k_nouns), [&](const Noun& noun) {
        return noun.acts == Acts::as_officer && app.got_subcommand(noun.name);
    });
}

void print_error(const Error& e) {
    std::fputs(format_error(e).c_str(), stderr);
}

std::string quote_arg(const std::string& arg) {
    if (!arg.empty() && arg.find_first_of(" \t\n'\"\\$`") == std::string::npos) {
        return arg;
    }
    std::string out = "'";
    for (char c : arg) {
        if (c == '\'') {
            out += "'\\''";
        } else {
            out += c;
        }
    }
    return out + "'";
}

// The hint of a usage error: "是否要用 X？" for a mistyped `word` among `names`, else the names
// to choose from when `list_names`, else nothing; then the pointer to --help.
std::string
usage_hint(std::string_view word, const std::vector<std::string>& names, bool list_names) {
    if (const auto name = closest_name(word, names); !word.empty() && !name.empty()) {
        return fmt::format("是否要用 {}？用 --help 查看用法", name);
    }
    if (list_names) {
        return fmt::format("可用: {}；用 --help 查看用法", util::join(names, " "));
    }
    return "用 --help 查看用法";
}

// The usage error for a command line that names no verb: the verbs there are to choose from.
Error missing_command(CLI::App& app) {
    const auto* where = selected_command(app);
    return {Exit::usage,
            in_command(*where, "缺少子命令"),
            usage_hint({}, subcommand_names(*where), true)};
}

// Map CLI11's parse error to hujing's one-line usage error, with the verbs to choose from when
// one is missing and a suggestion when a command or option name is mistyped.
Error usage_error(CLI::App& app, const CLI::ParseError& e, const std::vector<std::string>& args) {
    auto* where = selected_command(app);
    const auto verbs = subcommand_names(*where);
    const auto rest = app.remaining();
    if (dynamic_cast<const CLI::RequiredError*>(&e) != nullptr && !verbs.empty()) {
        // CLI11 reports a missing subcommand before an unexpected word.
        if (!rest.empty()) {
            return {Exit::usage,
                    in_command(*where, "未知命令: " + rest.front()),
                    usage_hint(rest.front(), verbs, true)};
        }
        return missing_command(app);
    }
    // The words CLI11 could not place, in command-line order (CLI11 keeps them reversed).
    auto extras = app.remaining(true);
    const auto position = [&](const std::string& w) {
        return std::find(args.begin(), args.end(), w) - args.begin();
    };
    std::stable_sort(extras.begin(), extras.end(), [&](const auto& a, const auto& b) {
        return position(a) < position(b);
    });
    const auto option = std::find_if(
        extras.begin(), extras.end(), [](const auto& w) { return w.starts_with("--"); });
    // An unknown option is named before a missing required one: "--offcer" is the real mistake
    // when "--officer 是必需的" follows from it.
    const bool extras_or_required = dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr
                                    || dynamic_cast<const CLI::RequiredError*>(&e) != nullptr;
    if (extras_or_required && option != extras.end()) {
        auto options = long_option_names(*where);
        for (auto& o : long_option_names(app)) {
            options.push_back(std::move(o));
        }
        const auto word = option->substr(0, option->find('='));
        return {Exit::usage,
                "无法识别的参数: " + util::join(extras, " "),
                usage_hint(word, options, false)};
    }
    // A value outside an option's closed list is invalid input (DESIGN §2), not a usage error.
    if (dynamic_cast<const CLI::ValidationError*>(&e) != nullptr
        && std::string_view(e.what()).find(" not in ") != std::string_view::npos) {
        return {Exit::invalid, usage_message(e), "用 --help 查看可选值"};
    }
    return {Exit::usage, usage_message(e), "用 --help 查看用法"};
}

// --help and --version: the text CLI11 prints, through the pager when it is long.
int print_success(CLI::App& app, const CLI::Success& e, int argc, char** argv) {
    std::ostringstream out;
    std::ostringstream err;
    const int code = app.exit(e, out, err);
    output::OutputOptions options;
    options.pager = std::none_of(
        argv + 1, argv + argc, [](const char* a) { return std::string_view(a) == "--no-pager"; });
    output::write_text(stdout, out.str(), options);
    std::fputs(err.str().c_str(), stderr);
    return code;
}

} // namespace

void build_app(CLI::App& app, Context& ctx) {
    install_help_formatter(app);
    app.name("hujing");
    app.description("hujing — 护企优商服务中心命令行工具");
    app.set_version_flag("--version", std::string("hujing ") + k_version, "显示版本并退出");
    app.set_help_flag("-h,--help", "显示帮助并退出");
    app.set_help_all_flag("--help-all", "显示全部子命令的帮助");
    app.require_subcommand(1);
    app.fallthrough();

    auto& g = ctx.globals;
    const char* group = "全局选项";
    app.add_option("--db", g.db_path, "数据库文件 (默认 ./hujing.db)")
        ->envname("HUJING_DB")
        ->group(group);
    app.add_option("--as", g.actor, "当前操作的民警警号，写入审计日志")
        ->envname("HUJING_OFFICER")
        ->group(group);
    app.add_option("-f,--format", g.format, "输出格式: table|csv|tsv|json|jsonl|xlsx")
        ->check(CLI::IsMember({"table", "csv", "tsv", "json", "jsonl", "xlsx"}))
        ->group(group);
    app.add_option("--fields", g.fields, "选择并排列输出列 (英文字段名，逗号分隔)")->group(group);
    app.add_flag("--no-header", g.no_header, "csv/tsv 不输出表头")->group(group);
    app.add_flag("--bom", g.bom, "csv/tsv 输出前加 UTF-8 BOM (Excel/WPS)")->group(group);
    app.add_flag("-q,--quiet", g.quiet, "不在 stderr 输出进度和提示")->group(group);
    app.add_flag("--no-pager", g.no_pager, "长输出不经分页程序 ($PAGER，默认 less -FRX)")
        ->group(group);
    app.add_flag("--reveal", g.reveal, "显示完整身份证号和电话 (此操作记入审计日志)")->group(group);
    app.add_option("--today", g.today, "指定“今天”的日期 YYYY-MM-DD (测试、补跑)")
        ->envname("HUJING_TODAY")
        ->group(group);

    for (const auto& noun : k_nouns) {
        noun.register_fn(app, ctx);
    }
    register_help(app, ctx);
    name_option_groups(app);
}

namespace {

// The hidden verbs the completion scripts, the man-page build and the docs tests call.
std::optional<int> run_hidden(CLI::App& app, const std::vector<std::string>& args) {
    if (args.empty()) {
        return std::nullopt;
    }
    if (args[0] == "__complete") {
        return complete(app, std::vector<std::string>(args.begin() + 1, args.end()));
    }
    if (args[0] == "__dump-cli") {
        return dump_cli(app);
    }
    if (args[0] == "__dump-values") {
        return dump_values();
    }
    if (args[0] == "__dump-examples") {
        for (const auto& [path, example] : all_examples()) {
            fmt::print("{}\n", example.command);
        }
        return 0;
    }
    return std::nullopt;
}

std::optional<Error> invalid_argument(const std::vector<std::string>& args) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (!util::is_valid_utf8(args[i])) {
            return Error(Exit::invalid,
                         fmt::format("第 {} 个参数不是有效的 UTF-8 文本", i + 1),
                         "检查终端或脚本的字符编码（应为 UTF-8）");
        }
    }
    return std::nullopt;
}

// Runs the parsed command and turns whatever it throws into one line on stderr and an exit code.
int execute(CLI::App& app, Context& ctx) {
    try {
        set_quiet(ctx.globals.quiet);
        if (ctx.globals.db_path.empty()) {
            ctx.globals.db_path = "hujing.db";
        }
        if (!ctx.action) {
            throw missing_command(app);
        }
        ctx.casework = is_casework(app);
        (void)ctx.today(); // a bad --today is exit 4 even for a command that does not use it
        ctx.action();
        ctx.finish();
        if ((std::fflush(stdout) != 0 || std::ferror(stdout) != 0)
            && !output::lost_to_pager(stdout, errno)) {
            throw Error(Exit::internal,
                        "无法写出全部输出（标准输出不可写）",
                        "检查输出重定向（磁盘满或标准输出已关闭）");
        }
        return 0;
    } catch (const Error& e) {
        print_error(e);
        return static_cast<int>(e.code());
    } catch (const SQLite::Exception& e) {
        const auto error = storage::to_error(e);
        print_error(error);
        return static_cast<int>(error.code());
    } catch (const nlohmann::json::exception& e) {
        print_error(Error(Exit::internal, fmt::format("内部错误: JSON 处理失败（{}）", e.id)));
        return static_cast<int>(Exit::internal);
    } catch (const std::exception& e) {
        print_error(Error(Exit::internal, std::string("内部错误: ") + e.what()));
        return static_cast<int>(Exit::internal);
    }
}

} // namespace

int run(int argc, char** argv) {
    std::ios::sync_with_stdio(false); // imports read std::cin in large chunks
    Context ctx;
    CLI::App app;
    try {
        build_app(app, ctx);
    } catch (const std::exception& e) {
        print_error(Error(Exit::internal, std::string("内部错误: ") + e.what()));
        return static_cast<int>(Exit::internal);
    }
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (auto code = run_hidden(app, args)) {
        return *code;
    }
    ctx.command_line = "hujing";
    for (const auto& arg : util::mask_arguments(args)) {
        ctx.command_line += " " + quote_arg(arg);
    }
    if (auto error = invalid_argument(args)) {
        print_error(*error);
        return static_cast<int>(error->code());
    }
    if (auto error = help_target_error(app, args)) {
        print_error(*error);
        return static_cast<int>(Exit::usage);
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& e) {
        return print_success(app, e, argc, argv);
    } catch (const CLI::ParseError& e) {
        const auto error = usage_error(app, e, std::vector<std::string>(argv, argv + argc));
        print_error(error);
        return static_cast<int>(error.code());
    }
    return execute(app, ctx);
}

} // namespace hujing::cli
