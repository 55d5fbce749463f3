// SPDX-License-Identifier: GPL-3.0-or-later
// `completion bash|zsh|fish`, and the hidden `__complete` and `__dump-cli` (STYLE 12, 13).
#include "completion.hpp"

#include "commands.hpp"
#include "context.hpp"
#include "usage_error.hpp"

#include <hujing/completion/values.hpp>
#include <hujing/embedded.hpp>
#include <hujing/error.hpp>
#include <hujing/util/text.hpp>
#include <hujing/vocabulary/vocabulary.hpp>

#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <memory>

namespace hujing::cli {

namespace {

std::vector<CLI::App*> visible_subcommands(CLI::App* app) {
    std::vector<CLI::App*> out;
    for (auto* sub : app->get_subcommands([](CLI::App*) { return true; })) {
        if (!sub->get_group().empty()) {
            out.push_back(sub);
        }
    }
    return out;
}

// Whether option `name` of `app` (or the root) takes a value.
bool takes_value(CLI::App* app, CLI::App* root, const std::string& name) {
    for (auto* a : {app, root}) {
        for (const auto* opt : a->get_options()) {
            for (const auto& lname : opt->get_lnames()) {
                if ("--" + lname == name) {
                    return opt->get_type_size() != 0;
                }
            }
            for (const auto& sname : opt->get_snames()) {
                if ("-" + sname == name) {
                    return opt->get_type_size() != 0;
                }
            }
        }
    }
    return false;
}

std::unique_ptr<storage::Database> completion_database(const std::vector<std::string>& words) {
    std::string path;
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
        if (words[i] == "--db") {
            path = words[i + 1];
        }
    }
    if (path.empty()) {
        const char* env = std::getenv("HUJING_DB");
        path = (env != nullptr && *env != '\0') ? env : "hujing.db";
    }
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        return nullptr;
    }
    try {
        return storage::Database::open(
            path, storage::Actor{"completion", "__complete", {}, std::nullopt});
    } catch (...) {
        return nullptr;
    }
}

// Print the verbs under `app` (whose words are `path`) and their options, depth first.
void dump_verbs(CLI::App* app, const std::string& path) {
    for (auto* verb : visible_subcommands(app)) {
        fmt::print("verb\t{}\t{}\n", path, verb->get_name());
        const auto verb_path = path + " " + verb->get_name();
        for (const auto& o : long_option_names(*verb)) {
            if (o != "--help" && o != "--help-all") {
                fmt::print("option\t{}\t{}\n", verb_path, o);
            }
        }
        dump_verbs(verb, verb_path);
    }
}

} // namespace

namespace {

// The command the words before the one being completed select, and the option whose value is
// being completed (empty when none). Bash splits "--format=" into "--format" "=" "".
struct CompletionPoint {
    CLI::App* app;
    std::string option;
};

CompletionPoint locate(CLI::App& root, const std::vector<std::string>& words) {
    CLI::App* app = &root;
    std::string previous;
    std::string before_previous;
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
        const auto& w = words[i];
        if (!w.starts_with("-") && w != "=" && !takes_value(app, &root, previous)
            && previous != "=") {
            for (auto* sub : visible_subcommands(app)) {
                if (sub->get_name() == w) {
                    app = sub;
                    break;
                }
            }
        }
        before_previous = previous;
        previous = w;
    }
    if (previous == "=" && before_previous.starts_with("--")) {
        previous = before_previous;
    }
    if (previous.starts_with("-") && takes_value(app, &root, previous)) {
        return {app, previous};
    }
    return {app, {}};
}

} // namespace

int complete(CLI::App& root, const std::vector<std::string>& words) {
    // words: the command-line words after "hujing"; the last one is the word being completed.
    std::string current = words.empty() ? std::string() : words.back();
    auto [app, option] = locate(root, words);
    std::string prefix; // "--format=" when the value is completed in the same word
    if (option.empty() && current.starts_with("--") && current.find('=') != std::string::npos) {
        const auto name = current.substr(0, current.find('='));
        if (takes_value(app, &root, name)) {
            option = name;
            prefix = name + "=";
            current = current.substr(prefix.size());
        }
    }
    std::vector<std::string> candidates;
    if (!option.empty()) {
        auto db = completion_database(words);
        const auto path = command_path(*app);
        const auto command = path.size() > 7 ? path.substr(7) : std::string();
        candidates = domain::completion_values(db.get(), command, option);
    } else if (!current.starts_with("-") && app != &root && visible_subcommands(app).empty()) {
        // A leaf verb: its positional argument (case and pre-report ids).
        std::vector<std::string> names;
        for (const auto* a = app; a != nullptr && a != &root; a = a->get_parent()) {
            names.insert(names.begin(), a->get_name());
        }
        auto db = completion_database(words);
        candidates = domain::positional_values(db.get(), util::join(names, " "));
    } else if (current.starts_with("-")) {
        candidates = long_option_names(*app);
        if (app != &root) {
            for (auto& o : long_option_names(root)) {
                candidates.push_back(o);
            }
        }
    } else {
        for (auto* sub : visible_subcommands(app)) {
            candidates.push_back(sub->get_name());
        }
    }
    for (const auto& c : candidates) {
        if (c.starts_with(current)) {
            fmt::print("{}{}\n", prefix, c);
        }
    }
    return 0;
}

int dump_cli(CLI::App& root) {
    for (const auto& o : long_option_names(root)) {
        fmt::print("option\t-\t{}\n", o);
    }
    for (auto* noun : visible_subcommands(&root)) {
        fmt::print("noun\t{}\n", noun->get_name());
        for (const auto& o : long_option_names(*noun)) {
            if (o != "--help" && o != "--help-all") {
                fmt::print("option\t{}\t{}\n", noun->get_name(), o);
            }
        }
        dump_verbs(noun, noun->get_name());
    }
    return 0;
}

int dump_values() {
    for (const auto* vocabulary : domain::vocabularies()) {
        for (const auto& term : vocabulary->terms()) {
            fmt::print("{}\t{}\t{}\n", vocabulary->name(), term.code, term.label);
        }
    }
    return 0;
}

void register_completion(CLI::App& root, Context& ctx) {
    auto shell = std::make_shared<std::string>();
    auto* cmd = root.add_subcommand("completion", "输出 shell 补全脚本: bash | zsh | fish");
    cmd->add_option("SHELL", *shell, "bash、zsh 或 fish")
        ->required()
        ->check(CLI::IsMember({"bash", "zsh", "fish"}));
    cmd->callback([&ctx, shell] {
        ctx.action = [shell] {
            const char* file = *shell == "bash"  ? "completions/hujing.bash"
                               : *shell == "zsh" ? "completions/_hujing"
                                                 : "completions/hujing.fish";
            const auto bytes = embedded_file(file);
            if (!bytes) {
                throw Error(Exit::internal, std::string("缺少内置补全脚本: ") + file);
            }
            std::fwrite(bytes->data(), 1, bytes->size(), stdout);
        };
    });
}

} // namespace hujing::cli
