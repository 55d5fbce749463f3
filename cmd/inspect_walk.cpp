// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspect_walk.hpp"

#include <hujing/error.hpp>
#include <hujing/util/text.hpp>

#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <memory>

// readline's headers need <cstdio> first.
#include <readline/readline.h>

namespace hujing::cli {

namespace {

// One line from readline; nullopt at end of input (Ctrl-D).
std::optional<std::string> ask(const std::string& prompt) {
    std::unique_ptr<char, decltype(&std::free)> line(readline(prompt.c_str()), &std::free);
    if (!line) {
        return std::nullopt;
    }
    return std::string(util::trim(line.get()));
}

std::string hint_of(const domain::FormItem& item) {
    if (item.kind == "yesno") {
        return "y/n/-";
    }
    if (item.kind == "choice") {
        return util::join(item.choices, "/") + "/-";
    }
    if (item.kind == "number") {
        return fmt::format("数值{}/-", item.unit ? "（" + *item.unit + "）" : "");
    }
    return "文字/-";
}

[[noreturn]] void abandon() {
    std::fputs("\n", stderr);
    throw Error(
        Exit::invalid, "检查录入已放弃，未写入任何记录", "重新运行 inspect record --interactive");
}

std::optional<domain::Answer> ask_item(const domain::Form& form, const domain::FormItem& item) {
    const auto prompt = fmt::format("{}.{} {}{} [{}]: ",
                                    form.id,
                                    item.id,
                                    item.text,
                                    item.required ? "（必查）" : "",
                                    hint_of(item));
    for (;;) {
        const auto line = ask(prompt);
        if (!line) {
            abandon();
        }
        if (line->empty()) {
            if (!item.required) {
                return std::nullopt;
            }
            std::fputs("必查项，请作答\n", stderr);
            continue;
        }
        domain::Answer a{form.id, item.id, {}, *line, {}, {"终端", 0, 0}};
        const auto judged = domain::judge_answer(item, a);
        if (!judged.error.empty()) {
            std::fprintf(stderr, "%s\n", judged.error.c_str());
            continue;
        }
        const auto note = ask("  说明（可空）: ");
        if (!note) {
            abandon();
        }
        if (!note->empty()) {
            a.note = *note;
        }
        return a;
    }
}

} // namespace

std::vector<domain::Answer> walk_items(const std::vector<domain::Form>& forms) {
    rl_outstream = stderr;
    std::vector<domain::Answer> out;
    for (const auto& form : forms) {
        std::fprintf(stderr,
                     "== %s %s（第 %lld 版）==\n",
                     form.id.c_str(),
                     form.name.c_str(),
                     static_cast<long long>(form.version));
        for (const auto& item : form.items) {
            if (auto a = ask_item(form, item)) {
                out.push_back(std::move(*a));
            }
        }
    }
    return out;
}

} // namespace hujing::cli
