// SPDX-License-Identifier: GPL-3.0-or-later
#include "usage_error.hpp"

#include <utility>

namespace hujing::cli {

namespace {

void replace_all(std::string& text, std::string_view from, std::string_view to) {
    for (auto pos = text.find(from); pos != std::string::npos;
         pos = text.find(from, pos + to.size())) {
        text.replace(pos, from.size(), to);
    }
}

} // namespace

std::string usage_message(const CLI::ParseError& e) {
    std::string text = e.what();
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
    };
    for (const auto& [from, to] : k_phrases) {
        replace_all(text, from, to);
    }
    return text;
}

} // namespace hujing::cli
