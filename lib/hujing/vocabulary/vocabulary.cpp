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

constexpr Term k_report_kind_terms[] = {
    {"prompt", "提示书"}, {"advice", "意见建议书"}, {"warning", "风险预警单"}};

constexpr Term k_division_kind_terms[] = {
    {"subdistrict", "街道"}, {"town", "镇"}, {"township", "乡"}};

constexpr Term k_case_type_terms[] = {{"合同诈骗", "合同诈骗"},
                                      {"职务侵占", "职务侵占"},
                                      {"挪用资金", "挪用资金"},
                                      {"串通投标", "串通投标"},
                                      {"商业贿赂", "商业贿赂"},
                                      {"侵犯知识产权", "侵犯知识产权"},
                                      {"非法经营", "非法经营"},
                                      {"敲诈勒索", "敲诈勒索"},
                                      {"强揽工程", "强揽工程"},
                                      {"寻衅滋事", "寻衅滋事"},
                                      {"强迫交易", "强迫交易"},
                                      {"暴力讨债", "暴力讨债"},
                                      {"聚众扰乱", "聚众扰乱"},
                                      {"其他", "其他"}};

constexpr Term k_case_status_terms[] = {{"accepted", "受理"},
                                        {"filed", "立案"},
                                        {"investigating", "侦查"},
                                        {"prosecuted", "移送起诉"},
                                        {"closed", "结案"},
                                        {"withdrawn", "撤案"},
                                        {"not_filed", "不立案"}};

constexpr Term k_case_origin_terms[] = {{"local", "本地"}, {"external", "异地协作"}};

constexpr Term k_case_role_terms[] = {
    {"victim", "受害企业"}, {"suspect", "涉案企业"}, {"other", "其他"}};

constexpr Term k_review_result_terms[] = {{"pass", "通过"}, {"return", "退回"}};

constexpr Term k_case_action_terms[] = {{"add", "登记"},
                                        {"update", "修改"},
                                        {"progress", "进展"},
                                        {"review", "法制审核"},
                                        {"request", "报备"},
                                        {"approve", "批准"},
                                        {"reject", "不批准"},
                                        {"execute", "执行"},
                                        {"emergency", "紧急执行"},
                                        {"lift", "解除"},
                                        {"emergency_review", "紧急执行补审"},
                                        {"recover", "追赃挽损"}};

constexpr Term k_prereport_kind_terms[] = {{"detention", "企业家羁押"},
                                           {"property", "涉企财产措施"}};

constexpr Term k_prereport_status_terms[] = {{"requested", "已报备待批"},
                                             {"approved", "已批准"},
                                             {"rejected", "不批准"},
                                             {"executed", "已执行"},
                                             {"lifted", "已解除"}};

constexpr Term k_detention_measure_terms[] = {
    {"拘留", "拘留"}, {"逮捕", "逮捕"}, {"指定居所监视居住", "指定居所监视居住"}};

constexpr Term k_property_measure_terms[] = {{"查封", "查封"}, {"扣押", "扣押"}, {"冻结", "冻结"}};

constexpr Term k_detainee_position_terms[] = {{"法定代表人", "法定代表人"},
                                              {"实际控制人", "实际控制人"},
                                              {"高管", "高管"},
                                              {"股东", "股东"},
                                              {"其他", "其他"}};
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
const Vocabulary k_report_kinds{"report_kind", k_report_kind_terms};
const Vocabulary k_case_types{"case_type", k_case_type_terms};
const Vocabulary k_case_statuses{"case_status", k_case_status_terms};
const Vocabulary k_case_origins{"case_origin", k_case_origin_terms};
const Vocabulary k_case_roles{"case_role", k_case_role_terms};
const Vocabulary k_review_results{"review_result", k_review_result_terms};
const Vocabulary k_case_actions{"case_action", k_case_action_terms};
const Vocabulary k_prereport_kinds{"prereport_kind", k_prereport_kind_terms};
const Vocabulary k_prereport_statuses{"prereport_status", k_prereport_status_terms};
const Vocabulary k_detention_measures{"detention_measure", k_detention_measure_terms};
const Vocabulary k_property_measures{"property_measure", k_property_measure_terms};
const Vocabulary k_detainee_positions{"detainee_position", k_detainee_position_terms};
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
                                            &k_case_types,
                                            &k_case_statuses,
                                            &k_case_origins,
                                            &k_case_roles,
                                            &k_review_results,
                                            &k_case_actions,
                                            &k_prereport_kinds,
                                            &k_prereport_statuses,
                                            &k_detention_measures,
                                            &k_property_measures,
                                            &k_detainee_positions,
                                            &k_report_kinds,
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
