// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/inspect/form.hpp>
#include <hujing/util/text.hpp>
#include <hujing/vocabulary/vocabulary.hpp>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <regex>
#include <set>

namespace hujing::domain {

namespace {

// The keys a form and an item may have (built on first use: cert-err58-cpp).
const std::set<std::string>& form_keys() {
    static const std::set<std::string> keys = {
        "id", "name", "version", "unit", "basis", "applies_to", "items"};
    return keys;
}

const std::set<std::string>& item_keys() {
    static const std::set<std::string> keys = {"id",
                                               "text",
                                               "kind",
                                               "required",
                                               "severity",
                                               "basis",
                                               "rectify_days",
                                               "min",
                                               "max",
                                               "unit",
                                               "choices",
                                               "pass"};
    return keys;
}

// Collects the mistakes of one file, each at its node (yaml-cpp marks are 0-based).
class Reader {
public:
    Reader(std::string path, ParsedForm& out)
        : m_path(std::move(path)),
          m_out(out) {}

    void error(const YAML::Node& node, const std::string& message) {
        m_out.errors.push_back({where(node.Mark()), message});
    }

    void warn(const YAML::Node& node, const std::string& message) {
        m_out.warnings.push_back({where(node.Mark()), message});
    }

    [[nodiscard]] SourceLocation where(const YAML::Mark& mark) const {
        if (mark.is_null()) {
            return SourceLocation{m_path, 1, 1};
        }
        return SourceLocation{m_path, mark.line + 1, mark.column + 1};
    }

    // The scalar text at `node[key]` (reported at `parent` when missing and `required`).
    std::optional<std::string>
    text(const YAML::Node& parent, const char* key, bool required, const char* what) {
        const auto node = parent[key];
        if (!node.IsDefined() || node.IsNull()) {
            if (required) {
                error(parent, fmt::format("缺少{}（{}）", what, key));
            }
            return std::nullopt;
        }
        if (!node.IsScalar() || util::trim(node.Scalar()).empty()) {
            error(node, fmt::format("{}（{}）应为非空文字", what, key));
            return std::nullopt;
        }
        return std::string(util::trim(node.Scalar()));
    }

    std::vector<std::string> list(const YAML::Node& node, const char* what) {
        std::vector<std::string> out;
        if (!node.IsDefined() || node.IsNull()) {
            return out;
        }
        if (!node.IsSequence()) {
            error(node, fmt::format("{}应为列表", what));
            return out;
        }
        for (const auto& v : node) {
            if (!v.IsScalar() || v.Scalar().empty()) {
                error(v, fmt::format("{}的每一项应为文字", what));
            } else {
                out.push_back(v.Scalar());
            }
        }
        return out;
    }

    void unknown_keys(const YAML::Node& map, const std::set<std::string>& allowed) {
        for (const auto& kv : map) {
            const auto key = kv.first.IsScalar() ? kv.first.Scalar() : std::string("?");
            if (!allowed.contains(key)) {
                error(
                    kv.first,
                    fmt::format("未知的键: {}（可用: {}）",
                                key,
                                util::join(std::vector<std::string>(allowed.begin(), allowed.end()),
                                           ", ")));
            }
        }
    }

private:
    std::string m_path;
    ParsedForm& m_out;
};

std::optional<double> number_at(Reader& r, const YAML::Node& item, const char* key) {
    const auto node = item[key];
    if (!node.IsDefined() || node.IsNull()) {
        return std::nullopt;
    }
    try {
        return node.as<double>();
    } catch (const YAML::Exception&) {
        r.error(node, fmt::format("{} 应为数值", key));
        return std::nullopt;
    }
}

bool flag_at(Reader& r, const YAML::Node& item, const char* key) {
    const auto node = item[key];
    if (!node.IsDefined() || node.IsNull()) {
        return false;
    }
    try {
        return node.as<bool>();
    } catch (const YAML::Exception&) {
        r.error(node, fmt::format("{} 应为 true 或 false", key));
        return false;
    }
}

void read_choices(Reader& r, const YAML::Node& node, FormItem& item) {
    item.choices = r.list(node["choices"], "choices");
    item.pass = r.list(node["pass"], "pass");
    if (item.kind == "choice") {
        if (item.choices.empty()) {
            r.error(node, fmt::format("选项类检查项 {} 缺少 choices", item.id));
        }
        for (const auto& p : item.pass) {
            if (std::find(item.choices.begin(), item.choices.end(), p) == item.choices.end()) {
                r.error(node["pass"], fmt::format("pass 中的“{}”不在 choices 中", p));
            }
        }
        if (item.pass.empty() && !item.choices.empty()) {
            r.warn(node, fmt::format("检查项 {} 没有 pass，任何选项都算合格", item.id));
        }
    } else if (!item.choices.empty() || !item.pass.empty()) {
        r.warn(node, fmt::format("检查项 {} 不是 choice，choices/pass 不起作用", item.id));
    }
}

void read_kind_and_severity(Reader& r, const YAML::Node& node, FormItem& item) {
    if (auto kind = r.text(node, "kind", true, "类型")) {
        if (!k_form_kinds.contains(*kind)) {
            r.error(node["kind"],
                    fmt::format("类型无效: {}（可用: yesno, number, text, choice）", *kind));
        }
        item.kind = *kind;
    }
    if (auto severity = r.text(node, "severity", true, "严重程度")) {
        if (!k_severities.contains(*severity)) {
            r.error(node["severity"],
                    fmt::format("严重程度无效: {}（可用: minor, major, critical）", *severity));
        }
        item.severity = *severity;
    }
}

std::optional<FormItem> read_item(Reader& r, const YAML::Node& node) {
    if (!node.IsMap()) {
        r.error(node, "每个检查项应为映射 {id, text, kind, …}");
        return std::nullopt;
    }
    r.unknown_keys(node, item_keys());
    FormItem item;
    item.id = r.text(node, "id", true, "检查项编号").value_or("");
    item.text = r.text(node, "text", true, "检查内容").value_or("");
    read_kind_and_severity(r, node, item);
    item.required = flag_at(r, node, "required");
    item.basis = r.text(node, "basis", false, "依据");
    if (!item.basis) {
        r.warn(node, fmt::format("检查项 {} 没有依据（basis）", item.id));
    }
    if (const auto days = number_at(r, node, "rectify_days")) {
        if (*days < 0 || *days != static_cast<double>(static_cast<std::int64_t>(*days))) {
            r.error(node["rectify_days"], "rectify_days 应为不小于 0 的整数（工作日）");
        } else {
            item.rectify_days = static_cast<std::int64_t>(*days);
        }
    }
    item.min = number_at(r, node, "min");
    item.max = number_at(r, node, "max");
    item.unit = r.text(node, "unit", false, "单位");
    if (item.min && item.max && *item.min > *item.max) {
        r.error(node, fmt::format("检查项 {} 的 min 大于 max", item.id));
    }
    if (item.kind != "number" && (item.min || item.max)) {
        r.warn(node, fmt::format("检查项 {} 不是 number，min/max 不起作用", item.id));
    }
    read_choices(r, node, item);
    return item;
}

void read_items(Reader& r, const YAML::Node& root, Form& form) {
    const auto items = root["items"];
    if (!items.IsDefined() || !items.IsSequence() || items.size() == 0) {
        r.error(items.IsDefined() ? items : root, "items 应为非空的检查项列表");
        return;
    }
    std::set<std::string> seen;
    for (const auto& node : items) {
        auto item = read_item(r, node);
        if (!item) {
            continue;
        }
        if (!item->id.empty() && !seen.insert(item->id).second) {
            r.error(node["id"], fmt::format("检查项编号重复: {}", item->id));
        }
        form.items.push_back(std::move(*item));
    }
}

void read_applies(Reader& r, const YAML::Node& root, Form& form) {
    const auto applies = root["applies_to"];
    if (!applies.IsDefined() || !applies.IsMap()) {
        r.error(applies.IsDefined() ? applies : root, "缺少 applies_to {sectors, tags}");
        return;
    }
    r.unknown_keys(applies, {"sectors", "tags"});
    form.sectors = r.list(applies["sectors"], "applies_to.sectors");
    form.tags = r.list(applies["tags"], "applies_to.tags");
    for (const auto& s : form.sectors) {
        if (!k_sectors.contains(s)) {
            r.warn(applies["sectors"], fmt::format("监管行业 {} 不在内置列表中", s));
        }
    }
    if (form.sectors.empty() && form.tags.empty()) {
        r.warn(applies, "applies_to 为空，双随机抽取时没有候选企业");
    }
}

void read_head(Reader& r,
               const YAML::Node& root,
               Form& form,
               const std::function<bool(std::string_view)>& unit_exists) {
    r.unknown_keys(root, form_keys());
    static const std::regex id_pattern("[a-z][a-z0-9_]*");
    if (auto id = r.text(root, "id", true, "表单编号")) {
        if (!std::regex_match(*id, id_pattern)) {
            r.error(root["id"], fmt::format("表单编号无效: {}（小写字母、数字、下划线）", *id));
        }
        form.id = *id;
    }
    form.name = r.text(root, "name", true, "表单名称").value_or("");
    form.basis = r.text(root, "basis", false, "依据");
    if (auto unit = r.text(root, "unit", true, "检查单位")) {
        if (!unit_exists(*unit)) {
            r.error(root["unit"], fmt::format("未知的检查单位: {}", *unit));
        }
        form.unit = *unit;
    }
    if (root["version"].IsDefined()) {
        const auto v = number_at(r, root, "version");
        if (v && *v < 1) {
            r.error(root["version"], "version 应为正整数");
        }
    }
}

} // namespace

ParsedForm parse_form(const std::string& path,
                      const std::string& text,
                      const std::function<bool(std::string_view)>& unit_exists) {
    ParsedForm out;
    Reader r(path, out);
    YAML::Node root;
    try {
        root = YAML::Load(text);
    } catch (const YAML::Exception& e) {
        out.errors.push_back({r.where(e.mark), "YAML 语法错误: " + e.msg});
        return out;
    }
    if (!root.IsMap()) {
        r.error(root, "表单应为映射 {id, name, unit, applies_to, items}");
        return out;
    }
    Form form;
    read_head(r, root, form, unit_exists);
    read_applies(r, root, form);
    read_items(r, root, form);
    if (out.errors.empty()) {
        out.form = std::move(form);
    }
    return out;
}

nlohmann::json form_content(const Form& form) {
    auto items = nlohmann::json::array();
    for (const auto& i : form.items) {
        items.push_back({{"id", i.id},
                         {"text", i.text},
                         {"kind", i.kind},
                         {"required", i.required},
                         {"severity", i.severity},
                         {"basis", i.basis ? nlohmann::json(*i.basis) : nlohmann::json()},
                         {"rectify_days", i.rectify_days},
                         {"min", i.min ? nlohmann::json(*i.min) : nlohmann::json()},
                         {"max", i.max ? nlohmann::json(*i.max) : nlohmann::json()},
                         {"unit", i.unit ? nlohmann::json(*i.unit) : nlohmann::json()},
                         {"choices", i.choices},
                         {"pass", i.pass}});
    }
    return {{"id", form.id},
            {"name", form.name},
            {"unit", form.unit},
            {"basis", form.basis ? nlohmann::json(*form.basis) : nlohmann::json()},
            {"sectors", form.sectors},
            {"tags", form.tags},
            {"items", items}};
}

} // namespace hujing::domain
