// SPDX-License-Identifier: GPL-3.0-or-later
#include "help.hpp"

#include "context.hpp"
#include "examples.hpp"
#include "usage_error.hpp"

#include <hujing/output/writer.hpp>
#include <hujing/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <memory>
#include <utility>

namespace hujing::cli {

namespace {

constexpr const char* k_global_group = "全局选项";
constexpr const char* k_options_group = "选项";

// CLI11's labels (headings, markers and the type names of option values) in Chinese.
constexpr std::pair<const char*, const char*> k_labels[] = {
    {"Usage", "用法"},
    {"OPTIONS", "选项"},
    {"SUBCOMMAND", "子命令"},
    {"SUBCOMMANDS", "子命令"},
    {"Positionals", "参数"},
    {"REQUIRED", "(必需)"},
    {"Env", "环境变量"},
    {"Needs", "需要"},
    {"Excludes", "不能与此同用"},
    {"TEXT", "文本"},
    {"INT", "整数"},
    {"INT:N", "整数"},
    {"INT:POSITIVE", "正整数"},
    {"INT:NONNEGATIVE", "非负整数"},
    {"INT:INT in [1 - 5]", "1–5"},
    {"UINT", "整数"},
    {"FLOAT", "数"},
};

// Global options that only shape what a command prints (a listing, a record).
constexpr std::string_view k_output_options[] = {
    "--format", "--fields", "--no-header", "--bom", "--no-pager", "--reveal"};

// Verbs that print records without taking --limit (those that do are listings).
constexpr std::string_view k_printing_verbs[] = {"show", "get", "stats", "check", "verify", "form"};

// Whether the leaf `app` prints records, so the output options apply to it.
bool prints_records(const CLI::App* app) {
    const auto& name = app->get_name();
    return app->get_option_no_throw("--limit") != nullptr
           || std::find(std::begin(k_printing_verbs), std::end(k_printing_verbs), name)
                  != std::end(k_printing_verbs);
}

// Whether the global option `opt` applies to the leaf `app`.
bool applies_to(const CLI::Option* opt, const CLI::App* app) {
    if (opt->get_group() != k_global_group) {
        return false;
    }
    const auto name =
        "--" + (opt->get_lnames().empty() ? std::string() : opt->get_lnames().front());
    const bool output_only =
        std::find(std::begin(k_output_options), std::end(k_output_options), name)
        != std::end(k_output_options);
    return !output_only || prints_records(app);
}

const CLI::App* root_of(const CLI::App* app) {
    while (app->get_parent() != nullptr) {
        app = app->get_parent();
    }
    return app;
}

class ChineseFormatter : public CLI::Formatter {
public:
    ChineseFormatter() {
        for (const auto& [key, text] : k_labels) {
            label(key, text);
        }
        column_width(28);
    }

    std::string
    make_help(const CLI::App* app, std::string name, CLI::AppFormatMode mode) const override {
        std::string text = CLI::Formatter::make_help(app, std::move(name), mode);
        // The subcommands' group heading is written as given, not through a label.
        util::replace_all(text, "\nSubcommands:\n", "\n子命令:\n");
        return text;
    }

    // Aligned by display width: CLI11 pads by bytes, which puts Chinese type names off by one
    // column per character.
    std::string make_option(const CLI::Option* opt, bool is_positional) const override {
        const std::string name =
            "  " + make_option_name(opt, is_positional) + make_option_opts(opt);
        const int width = util::display_width(name);
        const int column = static_cast<int>(get_column_width());
        const std::string desc = make_option_desc(opt);
        if (width + 2 > column) {
            return name + "\n" + std::string(static_cast<std::size_t>(column), ' ') + desc + "\n";
        }
        return name + std::string(static_cast<std::size_t>(column - width), ' ') + desc + "\n";
    }

    // "hujing noun verb", not the path the binary was started from.
    std::string make_usage(const CLI::App* app, std::string /*name*/) const override {
        return CLI::Formatter::make_usage(app, command_path(*app));
    }

    // A closed list of values reads "{a,b,c}", without CLI11's "TEXT:" before it.
    std::string make_option_opts(const CLI::Option* opt) const override {
        std::string text = CLI::Formatter::make_option_opts(opt);
        if (const auto at = text.find(" 不能与此同用:"); at != std::string::npos) {
            text.erase(at); // CLI11 lists exclusions last; make_option_desc names them
        }
        for (const char* type : {" TEXT:{", " INT:{", " 文本:{", " 整数:{"}) {
            util::replace_all(text, type, " {");
        }
        return text;
    }

    // The examples of the command at `path`, under their heading.
    static std::string make_examples(const std::string& path) {
        const auto prefix = std::string_view("hujing ");
        const auto examples = examples_of(path.substr(std::min(path.size(), prefix.size())));
        if (examples.empty()) {
            return {};
        }
        std::string out = "\n示例:\n";
        for (const auto& [where, example] : examples) {
            out += fmt::format("  {}\n      {}\n", example.command, example.comment);
        }
        return out;
    }

    // The option's exclusions go with its description, not into the names column.
    std::string make_option_desc(const CLI::Option* opt) const override {
        std::string desc = CLI::Formatter::make_option_desc(opt);
        const auto excludes = opt->get_excludes();
        if (!excludes.empty()) {
            std::vector<std::string> names;
            names.reserve(excludes.size());
            for (const auto* other : excludes) {
                names.push_back(other->get_name());
            }
            desc += fmt::format("（不能与 {} 同用）", util::join(names, "、"));
        }
        return desc;
    }

    // A leaf command's help also lists the global options and its examples.
    std::string make_footer(const CLI::App* app) const override {
        std::string out;
        if (app->get_parent() != nullptr && app->get_subcommands({}).empty()) {
            const auto* root = root_of(app);
            const auto globals =
                root->get_options([app](const CLI::Option* opt) { return applies_to(opt, app); });
            out += make_group(k_global_group, false, globals);
            out += make_examples(command_path(*app));
        }
        const auto footer = CLI::Formatter::make_footer(app);
        return footer.empty() ? out : out + "\n" + footer;
    }
};

} // namespace

void install_help_formatter(CLI::App& app) {
    app.formatter(std::make_shared<ChineseFormatter>());
    app.option_defaults()->group(k_options_group);
}

void name_option_groups(CLI::App& app) {
    for (auto* opt : app.get_options()) {
        if (opt->get_group() == "Options") { // the help flags CLI11 made for each subcommand
            opt->group(k_options_group);
        }
    }
    for (auto* sub : app.get_subcommands({})) {
        name_option_groups(*sub);
    }
}

void register_help(CLI::App& app, Context& ctx) {
    auto words = std::make_shared<std::vector<std::string>>();
    auto* help = app.add_subcommand("help", "显示命令的帮助: hujing help [名词 [动词]]");
    help->add_option("COMMAND", *words, "要查看帮助的命令，如 enterprise list");
    help->callback([&app, &ctx, words] {
        ctx.action = [&app, &ctx, words] { print_help_of(app, ctx, *words); };
    });
}

void print_help_of(CLI::App& app, const Context& ctx, const std::vector<std::string>& words) {
    {
        CLI::App* target = &app;
        for (const auto& word : words) {
            CLI::App* sub = nullptr;
            try {
                sub = target->get_subcommand(word);
            } catch (const CLI::OptionNotFound&) {
            }
            if (sub == nullptr || sub->get_group().empty()) {
                throw Error(Exit::usage,
                            in_command(*target, "未知命令: " + word),
                            fmt::format("可用: {}", util::join(subcommand_names(*target), " ")));
            }
            target = sub;
        }
        output::write_text(stdout, target->help("", CLI::AppFormatMode::Normal), ctx.output());
    }
}

std::optional<Error> help_target_error(CLI::App& app, const std::vector<std::string>& args) {
    const auto asks_help = std::any_of(args.begin(), args.end(), [](const std::string& a) {
        return a == "-h" || a == "--help" || a == "--help-all";
    });
    if (!asks_help) {
        return std::nullopt;
    }
    CLI::App* current = &app;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const auto& word = args[i];
        if (word == "--") {
            break;
        }
        if (word.starts_with("-")) {
            // Skip the value of an option that takes one ("--db x"), unless given as "--db=x".
            const auto name = word.substr(0, word.find('='));
            const auto* opt = current->get_option_no_throw(name);
            if (opt == nullptr) {
                opt = app.get_option_no_throw(name);
            }
            if (opt != nullptr && word.find('=') == std::string::npos && opt->get_type_size() > 0) {
                ++i;
            }
            continue;
        }
        const auto verbs = subcommand_names(*current);
        if (verbs.empty()) {
            break; // a positional argument of a leaf command
        }
        if (std::find(verbs.begin(), verbs.end(), word) == verbs.end()) {
            const auto guess = closest_name(word, verbs);
            return Error(Exit::usage,
                         in_command(*current, "未知命令: " + word),
                         guess.empty() ? fmt::format("可用: {}", util::join(verbs, " "))
                                       : fmt::format("是否要用 {}？", guess));
        }
        current = current->get_subcommand(word);
    }
    return std::nullopt;
}

} // namespace hujing::cli
