#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A year of enterprise-related cases (涉企案件) on the demo database: a cluster of contract
# frauds against sock makers in 大唐, a request from police elsewhere (异地协作), a detention
# and a property freeze with their pre-reports, one emergency execution still awaiting review,
# recoveries, and a hanging case. Each step is placed in time with --today.
# Run after examples/demo.sh has imported the enterprises and officers; demo.sh calls it at its
# end. Usage: HUJING=path/to/hujing HUJING_DB=demo.db bash examples/demo_cases.sh
set -euo pipefail

HUJING=${HUJING:-hujing}
export HUJING_DB=${HUJING_DB:-demo.db}
export HUJING_TODAY=${HUJING_TODAY:-2025-10-15}
export HUJING_OFFICER=330122 # 钱斌, 经侦大队: registers and runs the cases
LEGAL=330192                 # 方英磊, 法制大队: reviews and approves

# Run one command as if on day $1 (as the 经侦 officer, or --as "$LEGAL" given after the day).
on() {
    local day=$1
    shift
    "$HUJING" -q --today "$day" "$@"
}
section() { printf '\n== %s\n' "$*"; }
ids() { "$HUJING" enterprise list "$@" -f tsv --no-header --fields id; }

mapfile -t socks < <(ids --industry 袜业 --limit 6)
mapfile -t machines < <(ids --industry 机电装备 --limit 3)

section "合同诈骗串案: 大唐袜业企业被同一伙人以预付货款为名诈骗"
fraud=()
n=1
for day in 2024-11-04 2025-01-13 2025-02-20 2025-04-08 2025-06-16; do
    e=${socks[$((n - 1))]}
    id=$(on "$day" case add --no "诸公经立字〔2025〕10${n}号" --title "袜业货款合同诈骗案（${n}）" \
        --type 合同诈骗 --enterprise "$e" --role victim --enterprise "${socks[5]}" --role suspect \
        --unit 经侦大队 --filed "$day" --loss "$((n * 130000 + 4567)).89")
    fraud+=("$id")
    n=$((n + 1))
done
on 2025-03-01 case progress "${fraud[0]}" --to investigating --note 调取银行流水，锁定收款账户 >/dev/null
on 2025-03-05 --as "$LEGAL" case review "${fraud[0]}" --result return --note 资金去向证据不足 >/dev/null
on 2025-05-20 --as "$LEGAL" case review "${fraud[0]}" --result pass --note 补充证据后同意移送 >/dev/null
on 2025-05-21 case progress "${fraud[0]}" --to prosecuted --note 移送诸暨市人民检察院 >/dev/null
on 2025-06-02 case recover "${fraud[0]}" --amount 80000 --date 2025-06-02 --note 冻结账户返还 >/dev/null
on 2025-09-10 case recover "${fraud[0]}" --amount 54567.89 --date 2025-09-10 --note 退赔 >/dev/null
on 2025-09-30 case progress "${fraud[0]}" --to closed --note 法院判决生效 >/dev/null
on 2025-04-01 case progress "${fraud[1]}" --to investigating --note 串并案侦查 >/dev/null
on 2025-07-01 case recover "${fraud[1]}" --amount 0.10 --date 2025-07-01 --note 首笔追缴 >/dev/null
on 2025-07-02 case recover "${fraud[1]}" --amount 0.20 --date 2025-07-02 --note 第二笔追缴 >/dev/null
"$HUJING" case list --type 合同诈骗 -f table

section "财产措施事前报备: 冻结涉案企业账户（批准后执行，后解除）"
freeze=$(on 2025-04-10 case measure request "${fraud[1]}" --enterprise "${socks[5]}" --kind 冻结 \
    --object 基本存款账户 --amount 650000 --reason 防止涉案资金转移 \
    --impact 保留工资和税费专户，不影响正常生产 --alternatives 限额冻结)
on 2025-04-11 --as "$LEGAL" case measure approve "$freeze" --note 同意限额冻结 >/dev/null
on 2025-04-12 case measure record "$freeze" --date 2025-04-12 >/dev/null
on 2025-08-20 case measure lift "$freeze" --date 2025-08-20 >/dev/null

section "企业家羁押事前报备: 实际控制人（批准后拘留）"
detain=$(on 2025-06-18 case detention request "${fraud[1]}" --person 陈某某 --id-no 330681198001011232 \
    --position 实际控制人 --measure 拘留 --reason 有串供和转移资产的现实可能 \
    --impact "企业 120 名员工，由副总经理主持生产，订单可按期交付" --alternatives 取保候审（不足以防止串供）)
on 2025-06-19 --as "$LEGAL" case detention approve "$detain" --note 同意，执行后及时评估 >/dev/null
on 2025-06-20 case detention record "$detain" --date 2025-06-20 >/dev/null

section "紧急执行: 嫌疑人准备出境，未及审批先行扣押（待补审）"
urgent=$(on 2025-10-10 case measure request "${fraud[3]}" --enterprise "${socks[5]}" --kind 扣押 \
    --object 出口货柜一只 --amount 210000.50 --reason 货物即将出境 --impact 仅扣押涉案货柜)
on 2025-10-10 case measure record "$urgent" --date 2025-10-10 --emergency --reason 货柜当晚装船 >/dev/null
"$HUJING" case list --emergency -f table

section "异地办案协作: 外省公安请求协查本地机电企业（法制审核通过后立案）"
ext=$(on 2025-08-05 case add --no 苏公经协〔2025〕33号 --title 外省买家诉机电企业合同诈骗协查 \
    --type 合同诈骗 --enterprise "${machines[0]}" --role suspect --unit 经侦大队 \
    --origin external --agency 江苏省某市公安局经侦支队 --loss 880000)
on 2025-08-08 --as "$LEGAL" case review "$ext" --result pass --note 手续齐全，同意协作 >/dev/null
on 2025-08-09 case progress "$ext" --to filed --note 协作立案 >/dev/null
ext2=$(on 2025-10-14 case add --no 皖公经协〔2025〕7号 --title 外省请求冻结机电企业账户 \
    --type 非法经营 --enterprise "${machines[1]}" --role suspect --unit 经侦大队 \
    --origin external --agency 安徽省某县公安局)
echo "异地协作案件 $ext2 待法制审核，审核前不能立案或执行措施"

section "挂案: 职务侵占案久无进展"
old=$(on 2024-09-02 case add --no 诸公经立字〔2024〕58号 --title 机电企业财务人员职务侵占案 \
    --type 职务侵占 --enterprise "${machines[2]}" --role victim --unit 经侦大队 --filed 2024-09-02 \
    --loss 365000)
on 2024-12-15 case progress "$old" --to investigating --note 嫌疑人在逃，上网追逃 >/dev/null
"$HUJING" case stale -f table
"$HUJING" case show "${fraud[1]}" -f table
