// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/inspect/form.hpp>
#include <hujing/util/text.hpp>
#include <hujing/vocabulary/vocabulary.hpp>

#include <fmt/format.h>

namespace hujing::domain {

namespace {

std::vector<std::string> json_list(SQLite::Statement& q, int column) {
    if (q.isColumnNull(column)) {
        return {};
    }
    return nlohmann::json::parse(q.getColumn(column).getString()).get<std::vector<std::string>>();
}

std::optional<double> optional_real(SQLite::Statement& q, int column) {
    if (q.isColumnNull(column)) {
        return std::nullopt;
    }
    return q.getColumn(column).getDouble();
}

std::vector<FormItem> read_items(storage::Database& db, const std::string& id, std::int64_t v) {
    SQLite::Statement q(db.sql(),
                        "SELECT item_id, text, kind, required, severity, basis, rectify_days,"
                        " min, max, unit, choices, pass FROM form_item"
                        " WHERE form_id = ? AND version = ? ORDER BY position");
    q.bind(1, id);
    q.bind(2, v);
    std::vector<FormItem> out;
    while (q.executeStep()) {
        FormItem i;
        i.id = q.getColumn(0).getString();
        i.text = q.getColumn(1).getString();
        i.kind = q.getColumn(2).getString();
        i.required = q.getColumn(3).getInt() != 0;
        i.severity = q.getColumn(4).getString();
        i.basis = storage::optional_text(q, 5);
        i.rectify_days = q.getColumn(6).getInt64();
        i.min = optional_real(q, 7);
        i.max = optional_real(q, 8);
        i.unit = storage::optional_text(q, 9);
        i.choices = json_list(q, 10);
        i.pass = json_list(q, 11);
        out.push_back(std::move(i));
    }
    return out;
}

std::vector<std::string> applies(storage::Database& db, const Form& f, const char* kind) {
    SQLite::Statement q(db.sql(),
                        "SELECT value FROM form_applies WHERE form_id = ? AND version = ?"
                        " AND kind = ? ORDER BY value");
    q.bind(1, f.id);
    q.bind(2, f.version);
    q.bind(3, kind);
    std::vector<std::string> out;
    while (q.executeStep()) {
        out.push_back(q.getColumn(0).getString());
    }
    return out;
}

std::string number_text(double v) {
    return fmt::format("{}", v);
}

// The passing answer of an item for people: "≥ 30 天", "齐全", …
std::string pass_rule(const FormItem& i) {
    if (i.kind == "number") {
        auto unit = i.unit.value_or("");
        if (i.min && i.max) {
            return fmt::format("{}–{}{}", number_text(*i.min), number_text(*i.max), unit);
        }
        if (i.min) {
            return fmt::format("≥ {}{}", number_text(*i.min), unit);
        }
        if (i.max) {
            return fmt::format("≤ {}{}", number_text(*i.max), unit);
        }
        return unit;
    }
    if (i.kind == "choice") {
        return util::join(i.pass.empty() ? i.choices : i.pass, "、");
    }
    return i.kind == "yesno" ? "是" : "";
}

std::string kind_label(std::string_view code) {
    return k_form_kinds.label(code);
}

std::string severity_label(std::string_view code) {
    return k_severities.label(code);
}

} // namespace

Form get_form(storage::Database& db, std::string_view id, std::optional<std::int64_t> version) {
    const auto v = version ? version : latest_form_version(db, id);
    SQLite::Statement q(db.sql(),
                        "SELECT f.id, f.version, f.name, u.code, f.basis FROM form f"
                        " JOIN unit u ON u.id = f.unit_id WHERE f.id = ? AND f.version = ?");
    q.bind(1, std::string(id));
    q.bind(2, v.value_or(0));
    if (!q.executeStep()) {
        throw_not_found("表单",
                        version ? fmt::format("{} 第 {} 版", id, *version) : std::string(id),
                        "用 hujing inspect forms 查看已载入的表单");
    }
    Form f;
    f.id = q.getColumn(0).getString();
    f.version = q.getColumn(1).getInt64();
    f.name = q.getColumn(2).getString();
    f.unit = q.getColumn(3).getString();
    f.basis = storage::optional_text(q, 4);
    f.items = read_items(db, f.id, f.version);
    f.sectors = applies(db, f, "sector");
    f.tags = applies(db, f, "tag");
    return f;
}

output::View<FormSummary> form_summary_view() {
    using F = output::Field<FormSummary>;
    using output::Kind;
    using output::member;
    return output::View<FormSummary>({
        F{"id", "表单", Kind::text, member(&FormSummary::id), "f.id"},
        F{"version", "版本", Kind::integer, member(&FormSummary::version), "f.version"},
        F{"name", "名称", Kind::text, member(&FormSummary::name), "f.name"},
        F{"unit", "检查单位", Kind::text, member(&FormSummary::unit_name), "u.name"},
        F{"unit_code", "单位代码", Kind::text, member(&FormSummary::unit_code), "u.code"},
        F{"sectors", "适用行业", Kind::list, member(&FormSummary::sectors)},
        F{"tags", "适用标签", Kind::list, member(&FormSummary::tags)},
        F{"items", "检查项数", Kind::integer, member(&FormSummary::items), "items"},
        F{"loaded", "载入日期", Kind::text, member(&FormSummary::loaded), "f.loaded"},
    });
}

std::int64_t list_forms(storage::Database& db, const ListPaging& paging, const RowSink& sink) {
    const auto view = form_summary_view();
    ListQuery query(
        "SELECT f.id, f.version, f.name, u.code, u.name, f.loaded,"
        " (SELECT count(*) FROM form_item i WHERE i.form_id = f.id AND i.version = f.version)"
        " AS items,"
        " (SELECT group_concat(value, ';') FROM (SELECT value FROM form_applies a WHERE"
        " a.form_id = f.id AND a.version = f.version AND a.kind = 'sector' ORDER BY value)),"
        " (SELECT group_concat(value, ';') FROM (SELECT value FROM form_applies a WHERE"
        " a.form_id = f.id AND a.version = f.version AND a.kind = 'tag' ORDER BY value))"
        " FROM form f JOIN unit u ON u.id = f.unit_id",
        storage::sort_keys(view),
        "f.id");
    query.add("f.version = (SELECT max(version) FROM form g WHERE g.id = f.id)");
    return query.run(db, paging, [&](SQLite::Statement& q) {
        FormSummary s;
        s.id = q.getColumn(0).getString();
        s.version = q.getColumn(1).getInt64();
        s.name = q.getColumn(2).getString();
        s.unit_code = q.getColumn(3).getString();
        s.unit_name = q.getColumn(4).getString();
        s.loaded = q.getColumn(5).getString();
        s.items = q.getColumn(6).getInt64();
        s.sectors = q.isColumnNull(7) ? std::vector<std::string>{}
                                      : util::split(q.getColumn(7).getString(), ';');
        s.tags = q.isColumnNull(8) ? std::vector<std::string>{}
                                   : util::split(q.getColumn(8).getString(), ';');
        sink(view.row(s));
    });
}

output::View<FormItem> form_item_view() {
    using F = output::Field<FormItem>;
    using output::Kind;
    using output::member;
    return output::View<FormItem>(
        {F{"id", "编号", Kind::text, member(&FormItem::id)},
         F{"text", "检查内容", Kind::text, member(&FormItem::text)},
         F{"kind", "类型", Kind::text, member(&FormItem::kind), {}, kind_label},
         F{"required", "必查", Kind::boolean, member(&FormItem::required)},
         F{"severity", "严重程度", Kind::text, member(&FormItem::severity), {}, severity_label},
         F{"pass_rule", "合格标准", Kind::text, [](const FormItem& i) { return pass_rule(i); }},
         F{"basis", "依据", Kind::text, member(&FormItem::basis)},
         F{"rectify_days", "整改期限(工作日)", Kind::integer, member(&FormItem::rectify_days)},
         F{"choices", "选项", Kind::list, member(&FormItem::choices)},
         F{"pass", "合格选项", Kind::list, member(&FormItem::pass)},
         F{"min",
           "下限",
           Kind::text,
           [](const FormItem& i) {
               return i.min ? output::Value(number_text(*i.min)) : output::Value{};
           }},
         F{"max",
           "上限",
           Kind::text,
           [](const FormItem& i) {
               return i.max ? output::Value(number_text(*i.max)) : output::Value{};
           }},
         F{"unit", "计量单位", Kind::text, member(&FormItem::unit)}},
        {"id", "text", "kind", "required", "severity", "pass_rule", "rectify_days", "basis"});
}

nlohmann::json form_json(const Form& form) {
    auto json = nlohmann::json{{"id", form.id},
                               {"version", form.version},
                               {"name", form.name},
                               {"unit", form.unit},
                               {"basis", form.basis ? nlohmann::json(*form.basis) : nullptr},
                               {"applies_to", {{"sectors", form.sectors}, {"tags", form.tags}}}};
    auto items = form_item_view().json_array(form.items);
    for (auto& i : items) {
        if (!i["min"].is_null()) {
            i["min"] = std::stod(i["min"].get<std::string>());
        }
        if (!i["max"].is_null()) {
            i["max"] = std::stod(i["max"].get<std::string>());
        }
    }
    json["items"] = items;
    return json;
}

std::vector<output::Section> form_sections(const Form& form) {
    using output::Column;
    using output::Kind;
    std::vector<Column> cols = {{"id", "表单"},
                                {"version", "版本", Kind::integer},
                                {"name", "名称"},
                                {"unit", "检查单位"},
                                {"basis", "依据"},
                                {"sectors", "适用行业", Kind::list},
                                {"tags", "适用标签", Kind::list}};
    output::Row row = {form.id,
                       form.version,
                       form.name,
                       form.unit,
                       form.basis ? output::Value(*form.basis) : output::Value{},
                       form.sectors,
                       form.tags};
    return {output::Section{{}, cols, row, std::nullopt},
            output::Section{"检查项", {}, {}, form_item_view().shown().table(form.items)}};
}

} // namespace hujing::domain
