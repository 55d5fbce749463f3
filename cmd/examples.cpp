// SPDX-License-Identifier: GPL-3.0-or-later
#include "examples.hpp"

#include <algorithm>
#include <iterator>

namespace hujing::cli {

namespace {

using Entry = PathExample;

// A command's examples are next to each other. Kept to the demo database of `make demo`
// (HUJING_TODAY=2025-10-15), so each one runs as written.
constexpr Entry k_examples[] = {
    {"db stats", {"hujing db stats", "各表行数与文件大小"}},
    {"db backup", {"hujing db backup hujing-备份.db", "在线备份到新文件"}},
    {"config list", {"hujing config list", "全部设置及其默认值"}},
    {"config set", {"hujing config set demand.sla.审批 7", "审批类诉求的办理时限改为 7 个工作日"}},
    {"audit log", {"hujing audit log --entity demand --limit 5", "最近的诉求改动"}},
    {"audit verify", {"hujing audit verify", "重算哈希链，核对审计日志未被改动"}},
    {"unit list", {"hujing unit list --kind station", "全部派出所"}},
    {"officer list", {"hujing officer list --role 企业警官 --inspector", "可参加检查的企业警官"}},
    {"officer show", {"hujing officer show 330101", "民警及其包联企业"}},
    {"enterprise list", {"hujing enterprise list --town 店口镇 --scale above", "店口镇的规上企业"}},
    {"enterprise list",
     {"hujing enterprise list --sector hazchem -f csv --bom > 危化企业.csv", "导出给 Excel/WPS"}},
    {"enterprise show",
     {"hujing enterprise show 91330681MA2FHT6Q7K", "一企一档，按统一社会信用代码"}},
    {"enterprise towns", {"hujing enterprise towns", "诸暨的镇街及其曾用名"}},
    {"enterprise credit",
     {"hujing enterprise credit 173 --grade B --reason 年度评价", "记一次信用评价"}},
    {"project list", {"hujing project list", "千项万亿重点项目"}},
    {"visit list", {"hujing visit list --since 2025-09-01", "九月以来的走访"}},
    {"visit due", {"hujing visit due --limit 10", "超期最久的 10 个包联关系"}},
    {"visit log",
     {"hujing visit log 173 --officer 330101 --date today --kind 走访 --summary 了解用工情况",
      "登记一次走访，输出走访编号"}},
    {"visit log",
     {"hujing visit log 173 --officer 330101 --summary 座谈 --demand 治安:夜间照明不足 --demand "
      "招工难",
      "第一条诉求类别为 治安，第二条取 --category（默认 其他）"}},
    {"demand list", {"hujing demand list --overdue", "已超期未办结的诉求"}},
    {"demand list", {"hujing demand list --status routed --unit 经侦大队", "经侦大队在办的诉求"}},
    {"demand show", {"hujing demand show 5", "诉求及其全部流转记录"}},
    {"demand update",
     {"hujing demand update 9 --category 出入境 --text 新招外籍员工办理居住登记",
      "流转前更正诉求"}},
    {"demand route", {"hujing demand route 9 --unit 治安大队", "流转到承办单位，期限按设置"}},
    {"case list", {"hujing case list --type 合同诈骗", "全部合同诈骗案件"}},
    {"case list", {"hujing case list --emergency", "有紧急执行待补审的案件"}},
    {"case show", {"hujing case show 2", "案件及其涉案企业、事前报备、挽损和办案记录"}},
    {"case stale", {"hujing case stale", "挂案，最久无进展的在前，列出原因"}},
    {"case stale",
     {"hujing case stale --days 90 -f csv --bom > 挂案.csv", "无进展超过 90 天的，导出"}},
    {"case detention list", {"hujing case detention list", "企业家羁押报备（身份证号已遮蔽）"}},
    {"case measure list", {"hujing case measure list --emergency", "紧急执行、尚待补审的财产措施"}},
    {"report quarterly",
     {"hujing report quarterly --quarter 2025Q3 -f md", "2025 年第三季度两书一单（Markdown）"}},
    {"report quarterly",
     {"hujing report quarterly --quarter last-quarter -f html --out .",
      "可打印的 HTML，输出文件路径"}},
    {"report kpi", {"hujing report kpi 2025Q3", "第三季度工作指标，比率带分子分母"}},
    {"report warnings", {"hujing report warnings 2025Q3 -f json", "预警及其依据"}},
    {"report rules validate",
     {"hujing report rules validate warnings.yaml", "检查改过的预警规则文件"}},
    {"inspect forms", {"hujing inspect forms", "已载入的检查表单"}},
    {"inspect form show", {"hujing inspect form show lodging", "住宿监管表单的检查项"}},
    {"inspect plan list", {"hujing inspect plan list", "抽查计划"}},
    {"inspect plan show", {"hujing inspect plan show 1", "计划、种子及抽中企业"}},
    {"inspect draw", {"hujing inspect draw 1 --verify", "按种子重算，核对抽取结果"}},
    {"inspect list", {"hujing inspect list --open-rectifications", "有未完成整改的检查"}},
    {"inspect show", {"hujing inspect show 1", "一次检查的结果与整改"}},
    {"help", {"hujing help demand route", "同 hujing demand route --help"}},
};

} // namespace

std::span<const Entry> examples_of(std::string_view path) {
    const auto is_path = [path](const Entry& e) { return e.first == path; };
    const auto* first = std::find_if(std::begin(k_examples), std::end(k_examples), is_path);
    const auto* last = std::find_if_not(first, std::end(k_examples), is_path);
    return {first, last};
}

std::span<const Entry> all_examples() {
    return k_examples;
}

} // namespace hujing::cli
