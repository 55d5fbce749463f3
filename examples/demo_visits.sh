#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Visits and the demand loop (收集 → 流转 → 处置 → 反馈 → 评价) over 2025 on the demo database.
# Run after examples/demo.sh (which imports the enterprises and officers and assigns them);
# demo.sh calls it at its end. Each step is placed in time with --today, so on the demo's
# "today" (2025-10-15) the database holds rated, reopened, escalated, transferred and overdue
# demands and a list of visits that are due.
# Usage: HUJING=path/to/hujing HUJING_DB=demo.db bash examples/demo_visits.sh
set -euo pipefail

HUJING=${HUJING:-hujing}
export HUJING_DB=${HUJING_DB:-demo.db}
export HUJING_TODAY=${HUJING_TODAY:-2025-10-15}
export HUJING_OFFICER=${HUJING_OFFICER:-330199} # 楼杰立, 护企优商服务中心

h() { "$HUJING" "$@"; }
# Run one command as if on day $1.
on() {
    local day=$1
    shift
    "$HUJING" -q --today "$day" "$@"
}
section() { printf '\n== %s\n' "$*"; }
ids() { h enterprise list "$@" -f tsv --no-header --fields id; }

mapfile -t dk < <(ids --town 店口镇 --limit 20)   # 孟燕 330276 (店口派出所) since 2025-03-01
mapfile -t dt < <(ids --town 大唐街道 --limit 20) # 王建立 330255 (大唐派出所) since 2025-04-01
mapfile -t chem < <(ids --sector hazchem --limit 3)

section "走访: 2025 年店口、大唐的包联走访，随访收集诉求"
# 店口: the first twelve visited in April, the first six again in July; the rest never.
day() { printf '2025-%s-%02d' "$1" "$2"; }
for i in $(seq 0 11); do
    on "$(day 04 $((10 + i)))" visit log "${dk[$i]}" --officer 330276 --date "$(day 04 $((8 + i)))" \
        --summary "春季走访: 了解复工复产、用工和治安情况" >/dev/null
done
for i in $(seq 0 5); do
    on "$(day 07 $((10 + i)))" visit log "${dk[$i]}" --officer 330276,330283 --kind 座谈 \
        --date "$(day 07 $((8 + i)))" --summary "夏季座谈: 通报电信诈骗和合同诈骗案例" >/dev/null
done
# 大唐: a joint meeting in May and a few visits in September.
for i in $(seq 0 7); do
    on 2025-05-20 visit log "${dt[$i]}" --officer 330255,330262 --kind 联席会商 --date 2025-05-20 \
        --summary "袜业企业联席会商: 货款纠纷与用工风险" >/dev/null
done
for i in 0 1 2; do
    on "2025-09-1$i" visit log "${dt[$i]}" --officer 330255 --date "2025-09-1$i" \
        --summary "秋季走访: 旺季生产安全和外来务工人员管理" >/dev/null
done
# 行业警官: hazardous chemicals in January, propaganda only.
for id in "${chem[@]}"; do
    on 2025-01-20 visit log "$id" --officer 330101 --kind 宣传 --date 2025-01-20 \
        --summary "易制毒化学品管理宣传" >/dev/null
done
# 项目警官 赵华平 visits the key project monthly from April to August, then lapses.
project_uscc=$(h project list -f tsv --no-header --fields uscc --officer 330283 --limit 1)
for m in 04 05 06 07 08; do
    on "2025-$m-20" visit log "$project_uscc" --officer 330283 --date "2025-$m-20" \
        --project 店口铜材智造产业园 --summary "项目走访: 施工进度、外来人员和交通保障" >/dev/null
done
h visit list --limit 5 -f table

section "诉求 1: 随走访收集，按期办结，评价“非常满意”"
v=$(on 2025-04-08 visit log "${dk[0]}" --officer 330276 --date 2025-04-08 --kind 上门帮办 \
    --summary "了解外籍技术人员来华情况" --demand "两名德国工程师签证需加急办理" --category 出入境)
d1=$(h demand list --enterprise "${dk[0]}" --sort -id --limit 1 -f tsv --no-header --fields id)
on 2025-04-09 demand route "$d1" --unit CRJDD --within 5 >/dev/null
on 2025-04-10 demand handle "$d1" --note "已联系企业，材料齐全，开通绿色通道" >/dev/null
on 2025-04-14 demand handle "$d1" --resolved --note "签证已办结" >/dev/null
on 2025-04-15 demand feedback "$d1" --note "电话告知企业人事负责人" >/dev/null
on 2025-04-16 demand rate "$d1" --score 5 --comment "办得快" >/dev/null

section "诉求 2: 超期处置，企业“不满意”重办，劳动节后再办结"
d2=$(on 2025-04-10 demand add "${dk[1]}" --text "厂区周边夜间有人偷盗铜材" --category 治安 --source 走访)
on 2025-04-11 demand route "$d2" --unit 店口派出所 --within 5 >/dev/null # due 04-18
on 2025-04-16 demand handle "$d2" --note "增加夜间巡逻" >/dev/null
on 2025-04-25 demand handle "$d2" --resolved --note "抓获两名盗窃嫌疑人" >/dev/null
on 2025-04-25 demand feedback "$d2" --note "上门告知" >/dev/null
on 2025-04-28 demand rate "$d2" --score 2 --comment "仍有外围偷盗，希望安装监控" >/dev/null
on 2025-05-08 demand handle "$d2" --resolved --note "协调村里在厂区外围安装 6 路监控" >/dev/null
on 2025-05-09 demand feedback "$d2" --note "现场查看监控" >/dev/null
on 2025-05-12 demand rate "$d2" --score 4 >/dev/null

section "诉求 3: 联络站收集，联络室 → 分中心 → 中心逐级上报协调"
d3=$(on 2025-06-03 demand add "${dk[2]}" --text "货车进出厂区需要夜间通行证" --category 交通 --source 联络站)
on 2025-06-04 demand route "$d3" --unit 警企联络室06 --within 3 >/dev/null
on 2025-06-06 demand escalate "$d3" --reason "涉及交警、城管，联络室协调不了" >/dev/null
on 2025-06-09 demand escalate "$d3" --reason "需中心协调交警大队" --within 5 >/dev/null
on 2025-06-13 demand handle "$d3" --resolved --note "交警大队办理夜间通行证 3 张" >/dev/null
on 2025-06-16 demand feedback "$d3" --note "通行证已送达" >/dev/null
on 2025-06-17 demand rate "$d3" --score 3 >/dev/null

section "诉求 4: 转办——交警大队转给店口派出所"
d4=$(on 2025-07-08 demand add "${dk[3]}" --text "厂门口道路两侧乱停车，影响消防通道" --category 交通 --source 窗口)
on 2025-07-08 demand route "$d4" --unit 交警大队 >/dev/null
on 2025-07-09 demand route "$d4" --unit 店口派出所 --within 3 >/dev/null
on 2025-07-11 demand handle "$d4" --resolved --note "联合村委施划停车位" >/dev/null
on 2025-07-14 demand feedback "$d4" --note "企业确认" >/dev/null
on 2025-07-15 demand rate "$d4" --score 5 >/dev/null

section "诉求 5–8: 国庆、中秋长假前后流转的诉求"
d5=$(on 2025-09-26 demand add "${dt[0]}" --text "员工子女入学需开具户籍证明" --category 户政 --source 12345)
on 2025-09-29 demand route "$d5" --unit 大唐派出所 >/dev/null # 5 working days → 2025-10-13
d6=$(on 2025-09-10 demand add "${dt[1]}" --text "外地客户以虚假订单骗取袜子货款，怀疑合同诈骗" --category 经济犯罪 --source 走访)
on 2025-09-11 demand route "$d6" --unit 经侦大队 --within 10 >/dev/null
on 2025-09-20 demand handle "$d6" --note "已调取合同和转账记录，正在审查" >/dev/null
d7=$(on 2025-08-01 demand add "${dk[4]}" --text "商标被外地企业仿冒" --category 知识产权 --source 走访)
on 2025-08-01 demand route "$d7" --unit 食药环知森大队 >/dev/null
on 2025-08-06 demand handle "$d7" --resolved --note "已移交市场监管局并立案调查" >/dev/null
on 2025-08-07 demand feedback "$d7" --note "告知办理进展" >/dev/null
d8=$(on 2025-10-09 demand add "${dt[2]}" --text "网站遭受攻击，需指导等级保护测评" --category 网络安全 --source 联络站)
on 2025-10-10 demand route "$d8" --unit 网安大队 --within 3 >/dev/null # Sat 10-11 counts: due 10-14
d9=$(on 2025-10-14 demand add "${dk[5]}" --text "新招外籍员工居住登记" --category 出入境 --source 窗口)
d10=$(on 2025-09-30 demand add "${dk[6]}" --text "申请设立内部治安保卫机构备案" --category 审批 --source 窗口)
on 2025-09-30 demand route "$d10" --unit 行政审批科 --within 2 >/dev/null
on 2025-10-10 demand handle "$d10" --resolved --note "备案完成" >/dev/null
printf '诉求编号: %s\n' "$d1 $d2 $d3 $d4 $d5 $d6 $d7 $d8 $d9 $d10"

section "到期未走访 (visit due，$HUJING_TODAY)"
h visit due --limit 10 -f table

section "超期诉求 (demand list --overdue)"
h demand list --overdue -f table

section "已评价的诉求"
h demand list --status rated -f table

section "诉求 2 的时间轴 (demand show)"
h demand show "$d2" -f table

section "一企一档: 走访与未办结诉求"
h enterprise show "${dt[0]}" -f table
