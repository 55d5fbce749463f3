// SPDX-License-Identifier: GPL-3.0-or-later
// The values the report templates see: report_json() plus what people read (Chinese dates,
// level labels, evidence as text, the KPI rows) and, for HTML, the SVG charts.
#include <hujing/embedded.hpp>
#include <hujing/reports/chart.hpp>
#include <hujing/reports/quarterly.hpp>
#include <hujing/reports/template.hpp>
#include <hujing/util/money.hpp>
#include <hujing/vocabulary/vocabulary.hpp>

#include <fmt/format.h>

namespace hujing::reports {

namespace {

std::string chinese_date(const std::string& iso) {
    const auto d = util::parse_iso_date(iso);
    if (!d) {
        return iso;
    }
    return fmt::format("{}年{}月{}日",
                       static_cast<int>(d->year()),
                       static_cast<unsigned>(d->month()),
                       static_cast<unsigned>(d->day()));
}

std::string period_label(const Scope& s) {
    static const char* const k_quarters[] = {"一", "二", "三", "四"};
    const auto& label = s.period.label;
    if (label.size() == 6 && label[4] == 'Q' && label[5] >= '1' && label[5] <= '4') {
        return fmt::format("{}年第{}季度", label.substr(0, 4), k_quarters[label[5] - '1']);
    }
    return fmt::format("{}至{}", chinese_date(s.from), chinese_date(s.to));
}

std::string value_text(const nlohmann::json& v) {
    if (v.is_string()) {
        return v.get<std::string>();
    }
    if (v.is_array()) {
        std::vector<std::string> parts;
        for (const auto& x : v) {
            parts.push_back(value_text(x));
        }
        return fmt::format("{}", fmt::join(parts, "、"));
    }
    return v.dump();
}

// "count=2；demand_ids=3、7" — every figure and id of the evidence, keys as json has them.
std::string evidence_text(const nlohmann::json& evidence) {
    std::vector<std::string> parts;
    for (const auto& [key, value] : evidence.items()) {
        parts.push_back(key + "=" + value_text(value));
    }
    return fmt::format("{}", fmt::join(parts, "；"));
}

nlohmann::json warning_rows(const Report& r) {
    auto out = nlohmann::json::array();
    int n = 0;
    for (const auto& w : r.warnings) {
        out.push_back({{"n", ++n},
                       {"rule", w.rule},
                       {"level", w.level},
                       {"level_label", domain::k_risk_levels.label(w.level)},
                       {"title", w.title},
                       {"unit", w.unit.empty() ? "—" : w.unit},
                       {"evidence_text", evidence_text(w.evidence)}});
    }
    return out;
}

nlohmann::json kpi_rows(const Report& r) {
    auto out = nlohmann::json::array();
    for (const auto& k : r.kpis) {
        out.push_back({{"key", k.key},
                       {"group", k.group},
                       {"label", k.label},
                       {"value", k.value},
                       {"has_ratio", k.denominator.has_value()},
                       {"numerator", k.numerator ? std::to_string(*k.numerator) : ""},
                       {"denominator", k.denominator ? std::to_string(*k.denominator) : ""}});
    }
    return out;
}

nlohmann::json prompts_of(const Report& r, const std::string& source) {
    auto out = nlohmann::json::array();
    for (auto p : r.prompts) {
        if (p["source"] == source) {
            if (p.contains("level")) {
                p["level_label"] = domain::k_risk_levels.label(p["level"].get<std::string>());
            }
            out.push_back(std::move(p));
        }
    }
    return out;
}

nlohmann::json context(const Report& r) {
    auto c = report_json(r);
    c["period_label"] = period_label(r.scope);
    c["from_cn"] = chinese_date(r.scope.from);
    c["to_cn"] = chinese_date(r.scope.to);
    c["as_of_cn"] = chinese_date(r.scope.as_of);
    c["generated_cn"] = chinese_date(r.generated_at);
    c["year"] = r.generated_at.substr(0, 4);
    nlohmann::json docs = nlohmann::json::object();
    for (const auto& n : r.numbers) {
        docs[n.kind] = {{"doc_no", n.text()}, {"name", domain::k_report_kinds.label(n.kind)}};
    }
    c["docs"] = docs;
    c["kpi_rows"] = kpi_rows(r);
    c["warning_rows"] = warning_rows(r);
    c["has_warnings"] = !r.warnings.empty();
    c["warning_count"] = r.warnings.size();
    c["prompts_cases"] = prompts_of(r, "cases");
    c["prompts_inspections"] = prompts_of(r, "inspections");
    c["prompts_risks"] = prompts_of(r, "risks");
    c["has_prompts"] = !r.prompts.empty();
    c["has_advice"] = !r.advice.empty();
    return c;
}

std::vector<Bar> bars(const nlohmann::json& rows, int series_count) {
    std::vector<Bar> out;
    for (const auto& row : rows) {
        Bar b{row["label"].get<std::string>(), {}, {}};
        for (int i = 1; i <= series_count; ++i) {
            b.values.push_back(row.value("v" + std::to_string(i), std::int64_t{0}));
        }
        b.text =
            row.contains("text") ? row["text"].get<std::string>() : std::to_string(b.values[0]);
        out.push_back(std::move(b));
    }
    return out;
}

nlohmann::json charts(const Report& r) {
    const auto& c = r.charts;
    const std::vector<std::string> blue = {"#2f5597"};
    auto cases = bars(c["cases_by_type"], 3);
    for (auto& b : cases) {
        b.text = fmt::format("{} 起，损失 {} 元，挽损 {} 元",
                             b.values[0],
                             util::format_yuan(b.values[1]),
                             util::format_yuan(b.values[2]));
        b.values.erase(b.values.begin());
    }
    auto pass = bars(c["pass_rate_by_form"], 2);
    for (auto& b : pass) {
        b.values = {b.values[0] * 1000 / std::max<std::int64_t>(b.values[1], 1)};
    }
    return {{"demands_by_status",
             bar_chart("诉求按状态", {"件数"}, bars(c["demands_by_status"], 1), blue)},
            {"demands_by_category",
             bar_chart("诉求按类别", {"件数"}, bars(c["demands_by_category"], 1), blue)},
            {"cases_by_type",
             bar_chart("案件按类型: 损失与挽损", {"损失", "挽损"}, cases, {"#c00000", "#548235"})},
            {"pass_rate_by_form", bar_chart("各检查表合格率", {"合格率"}, pass, {"#548235"})},
            {"warnings_by_level",
             bar_chart("预警按等级", {"条数"}, bars(c["warnings_by_level"], 1), {"#c55a11"})}};
}

} // namespace

std::string render_markdown(const Report& report) {
    return render_file("schemas/templates/quarterly.md.mustache", context(report), Escape::none);
}

std::string render_html(const Report& report) {
    auto c = context(report);
    c["charts"] = charts(report);
    c["css"] = data_file("schemas/templates/quarterly.css").bytes;
    return render_file("schemas/templates/quarterly.html.mustache", c, Escape::html);
}

} // namespace hujing::reports
