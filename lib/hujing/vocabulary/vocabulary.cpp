// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/vocabulary/vocabulary.hpp>

#include <algorithm>

namespace hujing::domain {

namespace {

constexpr Term k_officer_role_terms[] = {{"企业警官", "企业警官"},
                                         {"行业警官", "行业警官"},
                                         {"市场警官", "市场警官"},
                                         {"项目警官", "项目警官"},
                                         {"知产警官", "知产警官"}};

constexpr Term k_unit_kind_terms[] = {{"police_team", "警种/科室"},
                                      {"station", "派出所"},
                                      {"agency", "部门"},
                                      {"centre", "服务中心"},
                                      {"subcentre", "分中心"},
                                      {"liaison_room", "警企联络室"}};

constexpr Term k_visit_kind_terms[] = {{"走访", "走访"},
                                       {"座谈", "座谈"},
                                       {"恳谈会", "恳谈会"},
                                       {"联席会商", "联席会商"},
                                       {"上门帮办", "上门帮办"},
                                       {"宣传", "宣传"}};

constexpr Term k_demand_category_terms[] = {{"治安", "治安"},
                                            {"经济犯罪", "经济犯罪"},
                                            {"出入境", "出入境"},
                                            {"交通", "交通"},
                                            {"户政", "户政"},
                                            {"审批", "审批"},
                                            {"网络安全", "网络安全"},
                                            {"知识产权", "知识产权"},
                                            {"其他", "其他"}};

constexpr Term k_demand_source_terms[] = {
    {"走访", "走访"}, {"联络站", "联络站"}, {"12345", "12345"}, {"窗口", "窗口"}, {"其他", "其他"}};

constexpr Term k_demand_status_terms[] = {{"collected", "已收集"},
                                          {"routed", "已流转"},
                                          {"resolved", "已处置"},
                                          {"fed_back", "已反馈"},
                                          {"rated", "已评价"}};

constexpr Term k_demand_action_terms[] = {{"add", "收集"},
                                          {"route", "流转"},
                                          {"transfer", "转办"},
                                          {"handle", "办理进展"},
                                          {"resolve", "处置完毕"},
                                          {"feedback", "反馈"},
                                          {"rate", "评价"},
                                          {"reopen", "不满意重办"},
                                          {"escalate", "上报"}};

constexpr Term k_sector_terms[] = {{"lodging", "旅馆民宿"},
                                   {"netcafe", "网吧"},
                                   {"entertainment", "娱乐场所"},
                                   {"pawn", "典当"},
                                   {"seal", "公章刻制"},
                                   {"scrap", "废旧金属收购"},
                                   {"delivery", "寄递物流"},
                                   {"hazchem", "危爆及易制毒化学品"},
                                   {"transport", "道路运输"},
                                   {"cybersecurity", "网络安全等级保护"}};

constexpr Term k_credit_grade_terms[] = {{"A", "A"}, {"B", "B"}, {"C", "C"}, {"D", "D"}};

constexpr Term k_credit_kind_terms[] = {{"evaluation", "信用评价"}, {"repair", "信用修复"}};

constexpr Term k_scale_terms[] = {{"above", "规上"}, {"below", "规下"}};

constexpr Term k_risk_level_terms[] = {
    {"red", "红"}, {"orange", "橙"}, {"yellow", "黄"}, {"blue", "蓝"}};

constexpr Term k_division_kind_terms[] = {
    {"subdistrict", "街道"}, {"town", "镇"}, {"township", "乡"}};

constexpr Term k_form_kind_terms[] = {
    {"yesno", "是否"}, {"number", "数值"}, {"text", "文字"}, {"choice", "选项"}};

constexpr Term k_severity_terms[] = {{"minor", "一般"}, {"major", "较重"}, {"critical", "严重"}};

constexpr Term k_result_terms[] = {{"pass", "合格"}, {"fail", "不合格"}, {"na", "不适用"}};

constexpr Term k_conclusion_terms[] = {{"none_found", "未发现问题"},
                                       {"corrected", "发现问题已责令改正"},
                                       {"pending", "发现问题待后续处理"},
                                       {"uncooperative", "不配合检查"},
                                       {"no_activity", "未发现开展本次抽查涉及的经营活动"},
                                       {"unreachable", "通过登记的住所无法联系"}};

} // namespace

const Vocabulary k_officer_roles{"officer_role", k_officer_role_terms};
const Vocabulary k_unit_kinds{"unit_kind", k_unit_kind_terms};
const Vocabulary k_visit_kinds{"visit_kind", k_visit_kind_terms};
const Vocabulary k_demand_categories{"demand_category", k_demand_category_terms};
const Vocabulary k_demand_sources{"demand_source", k_demand_source_terms};
const Vocabulary k_demand_statuses{"demand_status", k_demand_status_terms};
const Vocabulary k_demand_actions{"demand_action", k_demand_action_terms};
const Vocabulary k_sectors{"sector", k_sector_terms};
const Vocabulary k_credit_grades{"credit_grade", k_credit_grade_terms};
const Vocabulary k_credit_kinds{"credit_kind", k_credit_kind_terms};
const Vocabulary k_scales{"scale", k_scale_terms};
const Vocabulary k_risk_levels{"risk_level", k_risk_level_terms};
const Vocabulary k_division_kinds{"division_kind", k_division_kind_terms};
const Vocabulary k_form_kinds{"form_item_kind", k_form_kind_terms};
const Vocabulary k_severities{"severity", k_severity_terms};
const Vocabulary k_inspection_results{"inspection_result", k_result_terms};
const Vocabulary k_conclusions{"inspection_conclusion", k_conclusion_terms};

std::span<const Vocabulary* const> vocabularies() {
    static const Vocabulary* const all[] = {&k_officer_roles,
                                            &k_unit_kinds,
                                            &k_visit_kinds,
                                            &k_demand_categories,
                                            &k_demand_sources,
                                            &k_demand_statuses,
                                            &k_demand_actions,
                                            &k_sectors,
                                            &k_credit_grades,
                                            &k_credit_kinds,
                                            &k_scales,
                                            &k_risk_levels,
                                            &k_division_kinds,
                                            &k_form_kinds,
                                            &k_severities,
                                            &k_inspection_results,
                                            &k_conclusions};
    return all;
}

std::vector<std::string> Vocabulary::codes() const {
    std::vector<std::string> out;
    out.reserve(m_terms.size());
    for (const auto& t : m_terms) {
        out.emplace_back(t.code);
    }
    return out;
}

bool Vocabulary::contains(std::string_view code) const {
    return std::ranges::any_of(m_terms, [code](const Term& t) { return t.code == code; });
}

std::string Vocabulary::label(std::string_view code) const {
    for (const auto& t : m_terms) {
        if (t.code == code) {
            return std::string(t.label);
        }
    }
    return std::string(code);
}

} // namespace hujing::domain
