// SPDX-License-Identifier: GPL-3.0-or-later
// Results files and the judging of one answer against its item.
#include <hujing/inspect/inspection.hpp>
#include <hujing/util/text.hpp>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>

namespace hujing::domain {

namespace {

SourceLocation at(const std::string& path, const YAML::Mark& mark) {
    if (mark.is_null()) {
        return {path, 1, 1};
    }
    return {path, mark.line + 1, mark.column + 1};
}

bool one_of(const std::string& v, std::initializer_list<const char*> words) {
    return std::any_of(words.begin(), words.end(), [&](const char* w) { return v == w; });
}

std::optional<double> to_number(const std::string& text) {
    if (text.empty()) {
        return std::nullopt;
    }
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size()) {
        return std::nullopt;
    }
    return v;
}

bool is_na(const std::string& v) {
    return one_of(v, {"na", "-", "不适用"});
}

Judged judge_value(const FormItem& item, const std::string& v) {
    if (is_na(v)) {
        return {"na", std::nullopt, {}};
    }
    if (item.kind == "yesno") {
        if (one_of(v, {"pass", "y", "yes", "true", "是"})) {
            return {"pass", std::nullopt, {}};
        }
        if (one_of(v, {"fail", "n", "no", "false", "否"})) {
            return {"fail", std::nullopt, {}};
        }
        return {
            {}, {}, fmt::format("检查项 {} 应为 pass、fail 或 na（y/n/-），不是“{}”", item.id, v)};
    }
    if (item.kind == "number") {
        const auto n = to_number(v);
        if (!n) {
            return {{}, {}, fmt::format("检查项 {} 应为数值，不是“{}”", item.id, v)};
        }
        const bool ok = (!item.min || *n >= *item.min) && (!item.max || *n <= *item.max);
        return {ok ? "pass" : "fail", v, {}};
    }
    if (item.kind == "choice") {
        if (std::find(item.choices.begin(), item.choices.end(), v) == item.choices.end()) {
            return {{},
                    {},
                    fmt::format("检查项 {} 的“{}”不在选项中（{}）",
                                item.id,
                                v,
                                util::join(item.choices, "、"))};
        }
        const bool ok = item.pass.empty()
                        || std::find(item.pass.begin(), item.pass.end(), v) != item.pass.end();
        return {ok ? "pass" : "fail", v, {}};
    }
    return {"pass", v, {}}; // text: the answer is recorded
}

Answer read_answer(const std::string& path,
                   const std::string& form,
                   const YAML::Node& key,
                   const YAML::Node& value,
                   std::vector<Diagnostic>& errors) {
    Answer a{form, key.Scalar(), {}, {}, {}, at(path, key.Mark())};
    if (value.IsScalar()) {
        a.value = value.Scalar();
        return a;
    }
    if (!value.IsMap()) {
        errors.push_back(
            {at(path, value.Mark()),
             fmt::format("{}.{} 的结果应为文字或 {{result, value, note}}", form, a.item_id)});
        return a;
    }
    for (const auto& kv : value) {
        const auto k = kv.first.Scalar();
        if (!kv.second.IsScalar()) {
            errors.push_back({at(path, kv.second.Mark()), fmt::format("{} 应为文字", k)});
        } else if (k == "result") {
            a.result = kv.second.Scalar();
        } else if (k == "value") {
            a.value = kv.second.Scalar();
        } else if (k == "note") {
            a.note = kv.second.Scalar();
        } else {
            errors.push_back({at(path, kv.first.Mark()),
                              fmt::format("未知的键: {}（可用: result, value, note）", k)});
        }
    }
    if (!a.result && !a.value) {
        errors.push_back(
            {at(path, value.Mark()), fmt::format("{}.{} 缺少 result 或 value", form, a.item_id)});
    }
    return a;
}

} // namespace

Judged judge_answer(const FormItem& item, const Answer& a) {
    if (a.result) {
        if (!one_of(*a.result, {"pass", "fail", "na"})) {
            return {{},
                    {},
                    fmt::format(
                        "检查项 {} 的 result 应为 pass、fail 或 na，不是“{}”", item.id, *a.result)};
        }
        if (a.value) {
            auto j = judge_value(item, *a.value);
            if (!j.error.empty()) {
                return j;
            }
            return {*a.result, j.value, {}};
        }
        return {*a.result, std::nullopt, {}};
    }
    return judge_value(item, a.value.value_or(""));
}

std::vector<Answer> parse_results(const std::string& path, const std::string& text) {
    std::vector<Diagnostic> errors;
    std::vector<Answer> out;
    YAML::Node root;
    try {
        root = YAML::Load(text);
    } catch (const YAML::Exception& e) {
        throw_diagnostics("检查结果文件有错误", {{at(path, e.mark), "YAML 语法错误: " + e.msg}});
    }
    if (!root.IsMap()) {
        throw_diagnostics("检查结果文件有错误",
                          {{at(path, root.Mark()), "结果文件应为 {表单: {检查项: 结果}} 映射"}});
    }
    for (const auto& form : root) {
        const auto form_id = form.first.Scalar();
        if (!form.second.IsMap()) {
            errors.push_back({at(path, form.second.Mark()),
                              fmt::format("表单 {} 的结果应为 {{检查项: 结果}} 映射", form_id)});
            continue;
        }
        for (const auto& item : form.second) {
            out.push_back(read_answer(path, form_id, item.first, item.second, errors));
        }
    }
    if (!errors.empty()) {
        const auto count = errors.size();
        throw_diagnostics(fmt::format("检查结果文件有 {} 处错误", count), std::move(errors));
    }
    return out;
}

std::vector<Answer> read_results_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw_not_found("结果文件", path);
    }
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    return parse_results(path, text);
}

} // namespace hujing::domain
