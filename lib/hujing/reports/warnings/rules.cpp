// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/embedded.hpp>
#include <hujing/error.hpp>
#include <hujing/reports/template.hpp>
#include <hujing/reports/warnings/rules.hpp>
#include <hujing/vocabulary/vocabulary.hpp>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

namespace hujing::reports {

namespace {

// The keys each rule takes.
const std::map<std::string, std::vector<std::string>>& rule_keys() {
    static const std::map<std::string, std::vector<std::string>> keys = {
        {"case_cluster",
         {"enabled", "threshold", "level", "high_threshold", "high_level", "title"}},
        {"overdue_demands", {"enabled", "threshold", "level", "title"}},
        {"stale_cases", {"enabled", "threshold", "level", "high_threshold", "high_level", "title"}},
        {"inspection_failures", {"enabled", "threshold", "min_count", "level", "title"}},
        {"low_satisfaction", {"enabled", "threshold", "min_count", "level", "title"}},
        {"emergency_detention", {"enabled", "level", "title"}},
        {"open_risk", {"enabled", "title"}},
    };
    return keys;
}

class Reader {
public:
    explicit Reader(std::string file)
        : m_file(std::move(file)) {}

    void fail(const YAML::Mark& mark, std::string message) {
        m_problems.push_back(
            Diagnostic{SourceLocation{m_file, mark.line + 1, mark.column + 1}, std::move(message)});
    }

    void rule(const std::string& name, const YAML::Node& node, RuleConfig& rule);

    void finish() {
        if (m_problems.empty()) {
            return;
        }
        throw Error(Exit::invalid,
                    fmt::format("规则文件有 {} 处错误: {}", m_problems.size(), m_file),
                    "修正后用 hujing report rules validate 再检查")
            .with_details(std::move(m_problems));
    }

private:
    void value(const std::string& key, const YAML::Node& v, RuleConfig& rule);
    std::optional<std::int64_t> milli(const YAML::Node& v, const std::string& key);
    std::optional<std::string> level(const YAML::Node& v, const std::string& key);

    std::string m_file;
    std::vector<Diagnostic> m_problems;
};

std::optional<std::int64_t> Reader::milli(const YAML::Node& v, const std::string& key) {
    double d = 0;
    if (!v.IsScalar() || !YAML::convert<double>::decode(v, d) || !std::isfinite(d) || d < 0
        || d > 1e9) {
        fail(v.Mark(), fmt::format("{} 应为不小于 0 的数", key));
        return std::nullopt;
    }
    return std::llround(d * 1000);
}

std::optional<std::string> Reader::level(const YAML::Node& v, const std::string& key) {
    const auto text = v.IsScalar() ? v.Scalar() : std::string();
    for (const auto& term : domain::k_risk_levels.terms()) {
        if (text == term.code || text == term.label) {
            return std::string(term.code);
        }
    }
    fail(v.Mark(), fmt::format("{} 应为 red orange yellow blue（或 红 橙 黄 蓝）之一", key));
    return std::nullopt;
}

void Reader::value(const std::string& key, const YAML::Node& v, RuleConfig& rule) {
    if (key == "enabled") {
        bool b = false;
        if (!v.IsScalar() || !YAML::convert<bool>::decode(v, b)) {
            fail(v.Mark(), "enabled 应为 true 或 false");
        }
        rule.enabled = b;
    } else if (key == "threshold") {
        rule.threshold_milli = milli(v, key).value_or(rule.threshold_milli);
    } else if (key == "high_threshold") {
        rule.high_threshold_milli = milli(v, key);
    } else if (key == "level" || key == "high_level") {
        (key == "level" ? rule.level : rule.high_level) = level(v, key).value_or("");
    } else if (key == "min_count") {
        long long n = 0;
        if (!v.IsScalar() || !YAML::convert<long long>::decode(v, n) || n < 1) {
            fail(v.Mark(), "min_count 应为正整数");
        }
        rule.min_count = n;
    } else if (key == "title") {
        const auto text = v.IsScalar() ? v.Scalar() : std::string();
        if (text.empty()) {
            fail(v.Mark(), "title 应为非空的文字");
        } else if (const auto error = template_error(text)) {
            fail(v.Mark(), "title 不是有效的 Mustache 模板: " + *error);
        }
        rule.title = text;
    }
}

void Reader::rule(const std::string& name, const YAML::Node& node, RuleConfig& rule) {
    if (!node.IsMap()) {
        fail(node.Mark(), fmt::format("规则 {} 应为键值映射", name));
        return;
    }
    const auto& keys = rule_keys().at(name);
    for (const auto& item : node) {
        const auto key = item.first.as<std::string>("");
        if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
            fail(item.first.Mark(),
                 fmt::format("规则 {} 没有键 {}（可用: {}）", name, key, fmt::join(keys, " ")));
            continue;
        }
        value(key, item.second, rule);
    }
    if (rule.high_threshold_milli && *rule.high_threshold_milli < rule.threshold_milli) {
        fail(node.Mark(), fmt::format("规则 {} 的 high_threshold 小于 threshold", name));
    }
}

Rules parse(const std::string& text, const std::string& file, Rules rules) {
    Reader reader(file);
    YAML::Node root;
    try {
        root = YAML::Load(text);
    } catch (const YAML::Exception& e) {
        reader.fail(e.mark, "YAML 语法错误: " + e.msg);
        reader.finish();
    }
    if (!root.IsNull() && !root.IsMap()) {
        reader.fail(root.Mark(), "规则文件应为 规则名: {…} 的映射");
    } else if (root.IsMap()) {
        for (const auto& item : root) {
            const auto name = item.first.as<std::string>("");
            auto it = rules.rules.find(name);
            if (it == rules.rules.end()) {
                reader.fail(
                    item.first.Mark(),
                    fmt::format("没有规则 {}（可用: {}）", name, fmt::join(rule_names(), " ")));
                continue;
            }
            reader.rule(name, item.second, it->second);
        }
    }
    reader.finish();
    return rules;
}

} // namespace

std::string RuleConfig::level_for(std::int64_t value_milli) const {
    if (high_threshold_milli && !high_level.empty() && value_milli >= *high_threshold_milli) {
        return high_level;
    }
    return level;
}

const RuleConfig& Rules::at(const std::string& name) const {
    return rules.at(name);
}

const std::vector<std::string>& rule_names() {
    static const std::vector<std::string> names = {"case_cluster",
                                                   "overdue_demands",
                                                   "stale_cases",
                                                   "inspection_failures",
                                                   "low_satisfaction",
                                                   "emergency_detention",
                                                   "open_risk"};
    return names;
}

Rules builtin_rules() {
    Rules empty;
    for (const auto& name : rule_names()) {
        RuleConfig rule;
        rule.name = name;
        empty.rules[name] = rule;
    }
    const auto file = data_file("schemas/rules/warnings.yaml");
    return parse(file.bytes, file.path, std::move(empty));
}

Rules load_rules(const std::string& text, const std::string& file) {
    return parse(text, file, builtin_rules());
}

Rules load_rules_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw_not_found("规则文件", path);
    }
    std::ostringstream text;
    text << in.rdbuf();
    return load_rules(text.str(), path);
}

} // namespace hujing::reports
