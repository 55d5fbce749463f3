// SPDX-License-Identifier: GPL-3.0-or-later
#include "usage_error.hpp"

#include <hujing/util/text.hpp>

#include <algorithm>
#include <utility>

namespace hujing::cli {

namespace {

// The edit distance between `a` and `b` in bytes (names are ASCII), a swap of two neighbours
// counting as one edit (optimal string alignment): "--twon" is one edit from "--town".
std::size_t edit_distance(std::string_view a, std::string_view b) {
    const std::size_t n = a.size();
    const std::size_t m = b.size();
    std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
    for (std::size_t i = 0; i <= n; ++i) {
        d[i][0] = i;
    }
    for (std::size_t j = 0; j <= m; ++j) {
        d[0][j] = j;
    }
    for (std::size_t i = 1; i <= n; ++i) {
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[n][m];
}

// Whether `text` still holds two English words in a row (CLI11 prose no phrase translated);
// option names (--x) and values between quotes or after a colon are not prose.
bool has_english_prose(std::string_view text) {
    int run = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto end = std::min(text.find(' ', i), text.size());
        const auto word = text.substr(i, end - i);
        const bool english = word.size() >= 2 && !word.starts_with('-')
                             && std::all_of(word.begin(), word.end(), [](char c) {
                                    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
                                });
        run = english ? run + 1 : 0;
        if (run >= 3) {
            return true;
        }
        i = end + 1;
    }
    return false;
}

} // namespace

CLI::App* selected_command(CLI::App& app) {
    CLI::App* current = &app;
    for (auto chosen = current->get_subcommands(); !chosen.empty();
         chosen = current->get_subcommands()) {
        current = chosen.front();
    }
    return current;
}

std::vector<std::string> subcommand_names(const CLI::App& app) {
    std::vector<std::string> names;
    for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
        if (!sub->get_group().empty()) {
            names.push_back(sub->get_name());
        }
    }
    return names;
}

std::vector<std::string> long_option_names(const CLI::App& app) {
    std::vector<std::string> out;
    for (const auto* opt : app.get_options()) {
        for (const auto& name : opt->get_lnames()) {
            out.push_back("--" + name);
        }
    }
    return out;
}

std::string closest_name(std::string_view word, const std::vector<std::string>& names) {
    const auto bare = [](std::string_view w) {
        return w.substr(std::min(w.find_first_not_of('-'), w.size()));
    };
    const auto typed = bare(word);
    // One edit in a short word, two in a longer one: "zz" is not "db", "rout" is "route".
    std::size_t best_distance = typed.size() <= 4 ? 2 : 3;
    std::string best;
    std::size_t prefixed = 0;
    std::string prefix_match;
    for (const auto& name : names) {
        if (!typed.empty() && name.starts_with(word)) {
            ++prefixed;
            prefix_match = name;
        }
        if (const auto d = edit_distance(typed, bare(name)); d < best_distance) {
            best_distance = d;
            best = name;
        }
    }
    if (best.empty() && prefixed == 1) {
        best = prefix_match;
    }
    return best;
}

std::string command_path(const CLI::App& app) {
    std::vector<std::string> words;
    for (const auto* a = &app; a->get_parent() != nullptr; a = a->get_parent()) {
        words.insert(words.begin(), a->get_name());
    }
    words.insert(words.begin(), "hujing");
    return util::join(words, " ");
}

std::string in_command(const CLI::App& app, const std::string& message) {
    const auto path = command_path(app);
    return path == "hujing" ? message
                            : path.substr(std::string_view("hujing ").size()) + ": " + message;
}

std::string usage_message(const CLI::ParseError& e) {
    std::string text = e.what();
    // "--limit: 1 required INT:N missing": an option given without its value.
    if (const auto colon = text.find(": ");
        colon != std::string::npos && text.ends_with(" missing")
        && text.find(" required ", colon) != std::string::npos) {
        return text.substr(0, colon) + ": 缺少取值";
    }
    static const std::pair<std::string_view, std::string_view> k_phrases[] = {
        {"The following arguments were not expected: ", "无法识别的参数: "},
        {"The following argument was not expected: ", "无法识别的参数: "},
        {"A subcommand is required", "缺少子命令"},
        {"Requires at most 1 subcommand", "只能给一个子命令"},
        {" is required", " 是必需的"},
        {" excludes ", " 不能与此同用: "},
        {" requires ", " 需要同时给出 "},
        {"Could not convert: ", "无法转换: "},
        {" is not an allowed value for ", " 不是允许的取值: "},
        {" not in ", " 不在可选值中: "},
        {"Value ", "值 "},
        {"Expected exactly ", "需要恰好 "},
        {"Expected at least ", "需要至少 "},
        {" arguments to ", " 个参数: "},
        {", got ", "，实际 "},
        {"Failed parsing number", "不是数字"},
        {"Number less than 0", "不能为负数"},
        {": too many inputs for a flag", ": 开关不接受取值"},
        {": At Most ", ": 最多接受 "},
        {": At least ", ": 至少需要 "},
        {" required but received ", " 个值，实际给了 "},
        {" was given a disallowed flag override", " 不接受取值"},
        {"Requires at most ", "最多只能给 "},
        {" options be given from ", " 个选项，来自 "},
    };
    for (const auto& [from, to] : k_phrases) {
        util::replace_all(text, from, to);
    }
    // Whatever CLI11 says that no phrase above covers stays out of the user's sight.
    if (has_english_prose(text)) {
        return "命令行参数无效";
    }
    // CLI11's range checks print their bounds as doubles ("range 0.000000 to 1.79e308").
    if (const auto range = text.find("不在可选值中: range "); range != std::string::npos) {
        text = text.substr(0, range) + "超出允许的范围";
    }
    return text;
}

} // namespace hujing::cli
