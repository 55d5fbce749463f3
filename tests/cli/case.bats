#!/usr/bin/env bats
# Enterprise-related cases end to end: register, status machine, legal review and separation of
# duties, external origin, pre-reports (detention, property measure, emergency path), ID-number
# masking in every format and the audit log, money in fen, hanging cases. Every bad input
# asserts its exit code, the one-line error and an unchanged database.
load helpers

ID=330681198001011232
MASKED=330681********1232

seed() {
    seed_enterprises_and_officers
    hujing officer add 100003 --name 法制民警 --unit FZDD >/dev/null
}

# Register case $1 (number) with $E1 victim and $E2 suspect; extra options follow. Prints the id.
new_case() {
    local no=$1
    shift
    hujing case add --no "$no" --title "案件$no" --type 合同诈骗 --enterprise "$E1" --role victim \
        --enterprise "$E2" --role suspect --unit JZDD "$@"
}

# Print field(s) $2 of case $1 as tsv.
field() {
    hujing case list -f tsv --no-header --fields id,"$2" | awk -F'\t' -v id="$1" '$1 == id' | cut -f2-
}

# Assert that the last command failed with exit $1 and message $2, leaving the db as $before.
refused() {
    assert_status "$1"
    assert_error_line "${2:-}"
    [ "$(printf '%s\n' "$stderr" | wc -l)" -eq 1 ] || { echo "more than one line: $stderr" >&2; return 1; }
    [ "$(db_digest)" = "$before" ] || { echo "database changed" >&2; return 1; }
}

@test "a case is registered accepted, or filed with --filed; show has its enterprises" {
    seed
    run -0 new_case 诸公经-1 --loss 1234567.89
    id=$output
    [ "$(field "$id" status,created,filed,loss_yuan)" = $'accepted\t2025-10-15\t\t1234567.89' ]
    run -0 new_case 诸公经-2 --filed 2025-09-01
    [ "$(field "$output" status,filed,last_progress)" = $'filed\t2025-09-01\t2025-09-01' ]
    run -0 hujing case show "$id" -f json
    python3 -c '
import json, sys
d = json.loads(sys.argv[1])
assert d["loss_yuan"] == 1234567.89 and d["recovered_yuan"] == 0 and d["recovery_rate"] == "0.0%", d
assert [e["role"] for e in d["enterprises"]] == ["victim", "suspect"], d["enterprises"]
assert [e["action"] for e in d["events"]] == ["add"], d["events"]
assert d["registered_by"] == "000001", d
' "$output"
    run -0 hujing case show "$id" -f table
    [[ "$output" == *"受害企业"* ]] && [[ "$output" == *"受理"* ]]
}

@test "bad input to case add: exit code, one Chinese line, database unchanged" {
    seed
    new_case A-1 >/dev/null
    before=$(db_digest)
    run -5 --separate-stderr new_case A-1
    refused 5 "案件编号 A-1 已登记"
    run -4 --separate-stderr hujing case add --no B --title t --type 盗窃 --enterprise "$E1" --role victim --unit JZDD
    refused 4 "案件类型无效: 盗窃"
    for amount in 0.001 -5 1e3 12,5 abc 92233720368547758.08 ""; do
        run -4 --separate-stderr new_case B --loss "$amount"
        refused 4 "金额无效"
    done
    run -4 --separate-stderr new_case B --filed 2025-10-16
    refused 4 "晚于今天"
    run -4 --separate-stderr new_case B --filed 2025-02-30
    refused 4
    run -4 --separate-stderr hujing case add --no B --title t --type 其他 --enterprise "$E1" --role witness --unit JZDD
    refused 4 "涉案企业角色无效: witness"
    run -4 --separate-stderr hujing case add --no B --title t --type 其他 --unit JZDD
    refused 4 "至少要有一个企业"
    run -2 --separate-stderr hujing case add --no B --title t --type 其他 --enterprise "$E1" --unit JZDD
    refused 2 "--role"
    run -3 --separate-stderr hujing case add --no B --title t --type 其他 --enterprise 99 --role victim --unit JZDD
    refused 3
    run -3 --separate-stderr hujing case add --no B --title t --type 其他 --enterprise "$E1" --role victim --unit 火星大队
    refused 3
    run -4 --separate-stderr new_case B --origin external
    refused 4 "办案机关"
    run -4 --separate-stderr new_case B --origin 外省
    refused 4 "案件来源无效"
    run -4 --separate-stderr new_case B --agency 某局
    refused 4 "只用于异地协作"
    run -4 --separate-stderr new_case B --origin external --agency 某局 --filed 2025-10-01
    refused 4 "异地协作案件须经法制审核"
    run -4 --separate-stderr hujing case add --no "  " --title t --type 其他 --enterprise "$E1" --role victim --unit JZDD
    refused 4 "案件编号不能为空"
    run -3 --separate-stderr hujing --as 999999 case add --no C --title t --type 其他 --enterprise "$E1" --role victim --unit JZDD
    refused 3
}

@test "every illegal move is exit 5 naming the state and the moves allowed" {
    seed
    id=$(new_case A-1)
    before=$(db_digest)
    run -5 --separate-stderr hujing case progress "$id" --to investigating --note x
    refused 5 "案件 A-1 当前状态为“受理”，不能转为“侦查” (可转为: filed(立案), not_filed(不立案))"
    run -4 --separate-stderr hujing case progress "$id" --to 审判 --note x
    refused 4 "案件状态无效: 审判"
    run -4 --separate-stderr hujing case progress "$id" --to filed --note "  "
    refused 4 "进展情况不能为空"
    run -4 --separate-stderr hujing case progress "$id" --to filed --note x --date 2025-10-16
    refused 4 "晚于今天"
    run -4 --separate-stderr hujing case progress "$id" --note x --date 2025-10-01
    refused 4 "早于案件上一次进展"
    run -3 --separate-stderr hujing case progress 99 --note x
    refused 3
    run -4 --separate-stderr hujing case progress abc --note x
    refused 4
    run -0 hujing case progress "$id" --to filed --note 立案
    run -0 hujing case progress "$id" --to 侦查 --note 侦查
    [ "$(field "$id" status,filed)" = $'investigating\t2025-10-15' ]
    before=$(db_digest)
    run -5 --separate-stderr hujing case progress "$id" --to closed --note x
    refused 5 "(可转为: prosecuted(移送起诉), withdrawn(撤案))"
    run -0 hujing case progress "$id" --to withdrawn --note 撤案
    [ "$(field "$id" status,closed)" = $'withdrawn\t2025-10-15' ]
    before=$(db_digest)
    run -5 --separate-stderr hujing case progress "$id" --note x
    refused 5 "当前状态为“撤案”"
    run -5 --separate-stderr hujing case progress "$id" --to filed --note x
    refused 5 "案件已办结，没有可用的状态变更"
}

@test "review gate: prosecuted only after a pass; a return blocks until a later pass; reviewer is not the registrar" {
    seed
    id=$(new_case A-1 --filed 2025-10-01)
    hujing case progress "$id" --to investigating --note 侦查 >/dev/null
    before=$(db_digest)
    run -5 --separate-stderr hujing case progress "$id" --to prosecuted --note 移诉
    refused 5 "未经法制审核通过，不能移送起诉"
    run -5 --separate-stderr hujing case review "$id" --result pass --note 同意
    refused 5 "民警 000001 登记了案件 A-1，不能审核本案"
    run -4 --separate-stderr hujing --as 100003 case review "$id" --result ok --note 同意
    refused 4 "审核结论无效: ok"
    run -4 --separate-stderr hujing --as 100003 case review "$id" --result pass --note ""
    refused 4 "审核意见不能为空"
    run -0 hujing --as 100003 case review "$id" --result return --note 证据不足
    before=$(db_digest)
    run -5 --separate-stderr hujing case progress "$id" --to prosecuted --note 移诉
    refused 5 "（审核已退回）"
    run -0 hujing --as 100003 case review "$id" --result pass --note 补充后同意
    run -0 hujing case progress "$id" --to prosecuted --note 移诉
    [ "$(field "$id" status,review)" = $'prosecuted\tpass' ]
    [ "$(sqlite3 "$HUJING_DB" "SELECT group_concat(o.badge || ':' || r.result) FROM case_review r JOIN officer o ON o.id = r.reviewer_id")" = "100003:return,100003:pass" ]
    run -0 hujing case progress "$id" --to closed --note 判决
    before=$(db_digest)
    run -5 --separate-stderr hujing --as 100003 case review "$id" --result pass --note x
    refused 5 "不能 审核"
}

@test "external origin: no move past accepted and no measure executed until a review passes" {
    seed
    run -0 new_case X-1 --origin external --agency 江苏省某市公安局
    id=$output
    [ "$(field "$id" origin,agency,status)" = $'external\t江苏省某市公安局\taccepted' ]
    run -0 hujing case measure request "$id" --enterprise "$E2" --kind 冻结 --object 基本账户 --amount 500000 --reason 防止转移 --impact 保留工资账户
    req=$output
    run -0 hujing --as 100003 case measure approve "$req" --note 同意
    before=$(db_digest)
    run -5 --separate-stderr hujing case progress "$id" --to filed --note x
    refused 5 "异地协作案件 X-1（江苏省某市公安局）未经法制审核通过"
    run -5 --separate-stderr hujing case progress "$id" --to not_filed --note x
    refused 5 "未经法制审核通过"
    run -5 --separate-stderr hujing case measure record "$req" --date 2025-10-15
    refused 5 "不能执行强制措施"
    run -5 --separate-stderr hujing case measure record "$req" --date 2025-10-15 --emergency --reason 急
    refused 5 "不能执行强制措施"
    run -0 hujing --as 100003 case review "$id" --result return --note 手续不全
    before=$(db_digest)
    run -5 --separate-stderr hujing case progress "$id" --to filed --note x
    refused 5
    run -0 hujing --as 100003 case review "$id" --result pass --note 手续齐全
    run -0 hujing case measure record "$req" --date 2025-10-15
    run -0 hujing case progress "$id" --to filed --note 协作立案
    [ "$(field "$id" status)" = filed ]
}

@test "detention pre-report: request, approve by another officer, record, lift" {
    seed
    id=$(new_case A-1 --filed 2025-10-01)
    run -0 hujing --today 2025-10-10 case detention request "$id" --person 张某 --id-no "$ID" --position 法定代表人 --measure 拘留 --reason 有逃跑可能 --impact 企业由副总主持，影响可控 --alternatives 取保候审
    req=$output
    before=$(db_digest)
    run -5 --separate-stderr hujing case detention record "$req" --date 2025-10-15
    refused 5 "羁押报备 $req 尚未批准，不能登记执行"
    run -5 --separate-stderr hujing case detention approve "$req" --note 同意
    refused 5 "民警 000001 提出了羁押报备 $req，不能自己批准"
    run -3 --separate-stderr hujing --as 100003 case measure approve "$req" --note 同意
    refused 3 "财产措施报备"
    run -3 --separate-stderr hujing --as 100003 case detention approve 99 --note 同意
    refused 3
    run -5 --separate-stderr hujing --as 100003 case detention lift "$req" --date 2025-10-15
    refused 5 "当前状态为“已报备待批”，不能 lift (可用: approve, reject, record --emergency)"
    run -2 --separate-stderr hujing case detention record "$req" --date 2025-10-15 --reason x
    refused 2
    run -0 hujing --today 2025-10-11 --as 100003 case detention approve "$req" --note 同意
    before=$(db_digest)
    run -5 --separate-stderr hujing --as 100003 case detention reject "$req" --note x
    refused 5 "当前状态为“已批准”，不能 reject (可用: record)"
    run -4 --separate-stderr hujing case detention record "$req" --date 2025-10-09
    refused 4 "执行日期 2025-10-09 早于报备日期 2025-10-10"
    run -4 --separate-stderr hujing case detention record "$req" --date 2025-10-16
    refused 4 "晚于今天"
    run -4 --separate-stderr hujing case detention record "$req" --date 2025-10-10
    refused 4 "执行日期 2025-10-10 早于批准日期 2025-10-11"
    run -0 hujing --today 2025-10-11 case detention record "$req" --date 2025-10-11
    before=$(db_digest)
    run -4 --separate-stderr hujing case detention lift "$req" --date 2025-10-10
    refused 4 "早于执行日期"
    run -5 --separate-stderr hujing --as 100003 case detention review "$req" --note x
    refused 5 "不是待补审的紧急执行"
    run -0 hujing case detention lift "$req" --date 2025-10-14
    run -0 hujing case detention list -f tsv --no-header --fields id,status,decided_by,executed,lifted,emergency
    [ "$output" = "$req"$'\tlifted\t100003\t2025-10-11\t2025-10-14\tfalse' ]
    run -0 hujing case show "$id" -f json
    python3 -c '
import json, sys
d = json.loads(sys.argv[1])
acts = [e["action"] for e in d["events"]]
assert acts == ["add", "request", "approve", "execute", "lift"], acts
' "$output"
}

@test "bad detention requests: ID check digit, position, measure, required texts" {
    seed
    id=$(new_case A-1 --filed 2025-10-01)
    before=$(db_digest)
    req() { hujing case detention request "$id" --person 张某 --position 法定代表人 --measure 拘留 --reason r --impact i "$@"; }
    run -4 --separate-stderr req --id-no 330681198001011233
    refused 4 "公民身份号码校验位错误: 应为 2"
    [[ "$stderr" != *330681198001011233* ]]
    run -4 --separate-stderr req --id-no 33068119800101123
    refused 4
    run -4 --separate-stderr req --id-no 330681198002301232
    refused 4
    run -4 --separate-stderr hujing case detention request "$id" --person 张某 --id-no "$ID" --position 董事长 --measure 拘留 --reason r --impact i
    refused 4 "职务无效: 董事长"
    run -4 --separate-stderr hujing case detention request "$id" --person 张某 --id-no "$ID" --position 高管 --measure 查封 --reason r --impact i
    refused 4 "羁押措施无效: 查封"
    run -4 --separate-stderr hujing case detention request "$id" --person 张某 --id-no "$ID" --position 高管 --measure 逮捕 --reason r --impact " "
    refused 4 "对企业经营的影响评估不能为空"
    run -2 --separate-stderr hujing case detention request "$id" --person 张某 --id-no "$ID" --position 高管 --measure 逮捕 --reason r
    refused 2 "--impact"
    run -3 --separate-stderr hujing case detention request 99 --person 张某 --id-no "$ID" --position 高管 --measure 逮捕 --reason r --impact i
    refused 3
}

@test "property measure: must name a case enterprise; amount in fen; approve, record, lift" {
    seed
    id=$(new_case A-1 --filed 2025-10-01)
    before=$(db_digest)
    m() { hujing case measure request "$id" --object 账户 --reason r --impact i "$@"; }
    run -4 --separate-stderr m --enterprise "$E2" --kind 没收 --amount 1
    refused 4 "财产措施无效: 没收"
    run -4 --separate-stderr m --enterprise "$E2" --kind 冻结 --amount 0.125
    refused 4 "金额无效"
    run -3 --separate-stderr m --enterprise 99 --kind 冻结 --amount 1
    refused 3
    run -0 m --enterprise "$E2" --kind 冻结 --amount 0.10
    req=$output
    run -0 hujing case measure list -f json
    python3 -c '
import json, sys
d = json.loads(sys.argv[1])
assert len(d) == 1 and d[0]["amount_yuan"] == 0.1 and d[0]["kind"] == "property" and d[0]["measure"] == "冻结", d
' "$output"
    run -0 hujing --as 100003 case measure reject "$req" --note 金额过小无需冻结
    before=$(db_digest)
    run -5 --separate-stderr hujing case measure record "$req" --date 2025-10-15 --emergency --reason 急
    refused 5 "当前状态为“不批准”，不能 record (已办结，没有可用操作)"
}

@test "emergency path: recorded without approval, flagged in every listing until another officer reviews it" {
    seed
    id=$(new_case A-1 --filed 2025-10-01)
    req=$(hujing case detention request "$id" --person 张某 --id-no "$ID" --position 实际控制人 --measure 拘留 --reason 正在出境 --impact 小)
    before=$(db_digest)
    run -2 --separate-stderr hujing case detention record "$req" --date 2025-10-15 --emergency
    refused 2
    run -4 --separate-stderr hujing case detention record "$req" --date 2025-10-15 --emergency --reason " "
    refused 4 "紧急执行理由不能为空"
    run -0 hujing case detention record "$req" --date 2025-10-15 --emergency --reason 嫌疑人已到机场
    [ "$(field "$id" emergency)" = true ]
    run -0 hujing case list --emergency -f tsv --no-header --fields id
    [ "$output" = "$id" ]
    run -0 hujing case detention list --emergency -f tsv --no-header --fields id,emergency,awaiting_review
    [ "$output" = "$req"$'\ttrue\ttrue' ]
    run -0 hujing enterprise show "$E2" -f json
    python3 -c '
import json, sys
d = json.loads(sys.argv[1])
assert [p["awaiting_review"] for p in d["prereports"]] == [True], d["prereports"]
' "$output"
    before=$(db_digest)
    run -5 --separate-stderr hujing case detention review "$req" --note 补审
    refused 5 "不能补审"
    run -0 hujing --as 100003 case detention review "$req" --note 情况紧急，补审同意
    [ "$(field "$id" emergency)" = false ]
    run -0 hujing case list --emergency -f tsv --no-header --fields id
    [ -z "$output" ]
    run -0 hujing case detention list -f tsv --no-header --fields emergency,awaiting_review,status
    [ "$output" = $'true\tfalse\texecuted' ]
    before=$(db_digest)
    run -5 --separate-stderr hujing --as 100003 case detention review "$req" --note 再审
    refused 5 "已于 2025-10-15 补审"
}

@test "the ID number is masked in table, csv, tsv, json, jsonl, xlsx, enterprise show and the audit log" {
    seed
    id=$(new_case A-1 --filed 2025-10-01)
    hujing case detention request "$id" --person 张某 --id-no "$ID" --position 高管 --measure 逮捕 --reason r --impact i >/dev/null
    for f in table csv tsv json jsonl; do
        run -0 hujing case detention list -f "$f"
        [[ "$output" == *"$MASKED"* ]] && [[ "$output" != *"$ID"* ]] || { echo "format $f: $output" >&2; return 1; }
        run -0 hujing case show "$id" -f "$f"
        [[ "$output" != *"$ID"* ]] || { echo "show $f leaks" >&2; return 1; }
    done
    hujing case detention list -f xlsx >out.xlsx
    python3 -c '
import sys, zipfile
z = zipfile.ZipFile("out.xlsx")
text = "".join(z.read(n).decode() for n in z.namelist() if n.endswith(".xml"))
assert sys.argv[2] in text and sys.argv[1] not in text
' "$ID" "$MASKED"
    run -0 hujing enterprise show "$E2" -f table
    [[ "$output" == *"$MASKED"* ]] && [[ "$output" != *"$ID"* ]]
    run -0 hujing audit log -f json
    [[ "$output" == *"$MASKED"* ]] && [[ "$output" != *"$ID"* ]]
    [ "$(sqlite3 "$HUJING_DB" "SELECT count(*) FROM audit_log WHERE command LIKE '%$ID%'")" -eq 0 ]
    run -0 sqlite3 "$HUJING_DB" "SELECT id_no FROM v_prereport"
    [ "$output" = "$MASKED" ]
    # --reveal shows it, and is itself audited.
    run -0 hujing --reveal case detention list -f tsv --no-header --fields id_no
    [ "$output" = "$ID" ]
    run -0 hujing --reveal case show "$id" -f json
    [[ "$output" == *"$ID"* ]]
    [ "$(sqlite3 "$HUJING_DB" "SELECT count(*) FROM audit_log WHERE action = 'reveal'")" -eq 2 ]
    run -0 hujing audit verify
}

@test "recoveries: money in fen, never float (0.10 + 0.20, 1234567.89, many small amounts)" {
    seed
    id=$(new_case A-1 --filed 2025-10-01 --loss 0.30)
    hujing case recover "$id" --amount 0.10 --date 2025-10-02 >/dev/null
    hujing case recover "$id" --amount 0.20 --date 2025-10-03 --note 返还 >/dev/null
    [ "$(field "$id" loss_yuan,recovered_yuan,recovery_rate)" = $'0.30\t0.30\t100.0%' ]
    id2=$(new_case A-2 --filed 2025-10-01 --loss 2469135.78)
    hujing case recover "$id2" --amount 1234567.89 --date 2025-10-02 >/dev/null
    [ "$(field "$id2" recovered_yuan,recovery_rate)" = $'1234567.89\t50.0%' ]
    id3=$(new_case A-3 --filed 2025-10-01 --loss 3)
    sqlite3 "$HUJING_DB" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 99) INSERT INTO recovery(case_id, date, amount_fen) SELECT $id3, '2025-10-02', 1 FROM n"
    hujing case recover "$id3" --amount 0.01 --date 2025-10-02 >/dev/null
    [ "$(field "$id3" recovered_yuan,recovery_rate)" = $'1.00\t33.3%' ]
    run -0 hujing case show "$id3" -f json
    python3 -c '
import json, sys
d = json.loads(sys.argv[1])
assert d["recovered_yuan"] == 1 and d["loss_yuan"] == 3 and len(d["recoveries"]) == 100, d["recovered_yuan"]
' "$output"
    before=$(db_digest)
    for amount in 0 0.001 -1 x ""; do
        run -4 --separate-stderr hujing case recover "$id" --amount "$amount" --date 2025-10-02
        refused 4
    done
    run -4 --separate-stderr hujing case recover "$id" --amount 1 --date 2025-10-16
    refused 4 "晚于今天"
    run -2 --separate-stderr hujing case recover "$id" --amount 1
    refused 2
    run -3 --separate-stderr hujing case recover 99 --amount 1 --date 2025-10-02
    refused 3
}

@test "case stale: each side of each threshold, oldest first, --days and the settings" {
    seed
    # no movement: last movement 2025-04-18 is 180 days before 2025-10-15, 2025-04-17 is 181.
    a=$(new_case S-180 --filed 2025-04-18)
    b=$(new_case S-181 --filed 2025-04-17)
    run -0 hujing case stale -f tsv --no-header --fields case_no,days,reason
    [ "$output" = $'S-181\t181\tno_movement' ]
    run -0 hujing case stale --days 179 -f tsv --no-header --fields case_no
    [ "$output" = $'S-181\nS-180' ]
    hujing config set case.stale_days 200 >/dev/null
    run -0 hujing case stale -f tsv --no-header --fields case_no
    [ -z "$output" ]
    hujing config set case.stale_days 3000 >/dev/null
    # open too long: filed 2023-10-15 is 731 days before; 2023-10-16 is 730.
    c=$(new_case O-731 --filed 2023-10-15)
    d=$(new_case O-730 --filed 2023-10-16)
    hujing case progress "$c" --note 补证 >/dev/null
    hujing case progress "$d" --note 补证 >/dev/null
    run -0 hujing case stale -f tsv --no-header --fields case_no,reason,days
    [ "$output" = $'O-731\topen_too_long\t0' ]
    # lifted too long: lifted 2024-10-15 is 365 days before, 2024-10-14 is 366.
    e=$(new_case L-366 --filed 2024-10-01)
    f=$(new_case L-365 --filed 2024-10-01)
    for pair in "$e:2024-10-14" "$f:2024-10-15"; do
        r=$(hujing --today 2024-10-02 case measure request "${pair%%:*}" --enterprise "$E2" --kind 查封 --object 厂房 --amount 1 --reason r --impact i)
        hujing --today 2024-10-02 --as 100003 case measure approve "$r" --note ok >/dev/null
        hujing --today 2024-10-03 case measure record "$r" --date 2024-10-03 >/dev/null
        hujing --today "${pair#*:}" case measure lift "$r" --date "${pair#*:}" >/dev/null
    done
    run -0 hujing case stale -f tsv --no-header --fields case_no,reason
    [ "$output" = $'L-366\tlifted_too_long\nO-731\topen_too_long' ]
    hujing config set case.stale.lifted_days 400 >/dev/null
    hujing config set case.stale.open_days 731 >/dev/null
    run -0 hujing case stale -f tsv --no-header --fields case_no
    [ -z "$output" ]
    run -0 hujing case list --stale -f tsv --no-header --fields id
    [ -z "$output" ]
    hujing config set case.stale.open_days 730 >/dev/null
    run -0 hujing case list --stale -f tsv --no-header --fields case_no
    [ "$output" = "O-731" ]
    # A closed case is never stale.
    hujing case progress "$c" --to withdrawn --note 撤案 >/dev/null
    run -0 hujing case stale -f tsv --no-header --fields case_no
    [ -z "$output" ]
    before=$(db_digest)
    for days in 0 -1 3661 x; do
        run --separate-stderr hujing case stale --days "$days"
        [ "$status" -eq 4 ] || [ "$status" -eq 2 ] || { echo "days $days: $status" >&2; return 1; }
        [ "$(db_digest)" = "$before" ]
    done
    run -4 --separate-stderr hujing case stale --days 0
    refused 4 "天数无效: 0"
}

@test "case list filters combine; bad filters are exit 4 or 3" {
    seed
    a=$(new_case A-1 --filed 2025-10-01)
    b=$(hujing case add --no B-1 --title t --type 职务侵占 --enterprise "$E2" --role victim --unit PCS-DK)
    c=$(new_case X-1 --origin external --agency 外省公安)
    run -0 hujing case list --type 合同诈骗 -f tsv --no-header --fields case_no
    [ "$output" = $'A-1\nX-1' ]
    run -0 hujing case list --type 合同诈骗 --origin external -f tsv --no-header --fields case_no
    [ "$output" = X-1 ]
    run -0 hujing case list --enterprise "$E1" -f tsv --no-header --fields case_no
    [ "$output" = $'A-1\nX-1' ]
    run -0 hujing case list --unit 店口派出所 --status accepted -f tsv --no-header --fields case_no
    [ "$output" = B-1 ]
    run -0 hujing case list --status 立案 -f tsv --no-header --fields case_no
    [ "$output" = A-1 ]
    run -0 hujing case list --since 2025-10-16 -f json
    [ "$output" = "[]" ]
    before=$(db_digest)
    run -4 --separate-stderr hujing case list --type 盗窃
    refused 4
    run -4 --separate-stderr hujing case list --status 审判
    refused 4
    run -4 --separate-stderr hujing case list --origin 外省
    refused 4
    run -3 --separate-stderr hujing case list --unit 火星
    refused 3
    run -3 --separate-stderr hujing case list --enterprise 99
    refused 3
    run -4 --separate-stderr hujing case list --fields nope
    refused 4
    run -4 --separate-stderr hujing case list --sort nope
    refused 4
    run -4 --separate-stderr hujing case list --since 2025-13-01
    refused 4
}

@test "case update changes fields and enterprises without counting as movement" {
    seed
    id=$(new_case A-1 --filed 2025-09-01)
    run -0 hujing case update "$id" --title 新名称 --type 挪用资金 --loss 10.5 --enterprise "$E1" --role other
    [ "$output" = "$id" ]
    [ "$(field "$id" title,type,loss_yuan,last_progress)" = $'新名称\t挪用资金\t10.50\t2025-09-01' ]
    run -0 hujing case show "$id" -f json
    python3 -c '
import json, sys
d = json.loads(sys.argv[1])
assert [e["role"] for e in d["enterprises"]] == ["other", "suspect"], d["enterprises"]
' "$output"
    before=$(db_digest)
    run -2 --separate-stderr hujing case update "$id"
    refused 2 "没有给出要修改的内容"
    run -4 --separate-stderr hujing case update "$id" --type 盗窃
    refused 4
    run -4 --separate-stderr hujing case update "$id" --loss 1.234
    refused 4
    run -4 --separate-stderr hujing case update "$id" --agency 某局
    refused 4
    run -3 --separate-stderr hujing case update 99 --title x
    refused 3
}

@test "enterprise show lists the enterprise's cases with its role and its open pre-reports" {
    seed
    id=$(new_case A-1 --filed 2025-10-01 --loss 100)
    hujing case recover "$id" --amount 25 --date 2025-10-02 >/dev/null
    hujing case measure request "$id" --enterprise "$E2" --kind 扣押 --object 设备 --amount 80 --reason r --impact i >/dev/null
    run -0 hujing enterprise show "$E1" -f json
    python3 -c '
import json, sys
d = json.loads(sys.argv[1])
assert [(c["case_no"], c["role"], c["status"], c["loss_yuan"], c["recovered_yuan"]) for c in d["cases"]] == [("A-1", "victim", "filed", 100, 25)], d["cases"]
assert d["prereports"] == [], d["prereports"]
' "$output"
    run -0 hujing enterprise show "$E2" -f json
    python3 -c '
import json, sys
d = json.loads(sys.argv[1])
assert [c["role"] for c in d["cases"]] == ["suspect"], d["cases"]
assert [(p["measure"], p["status"]) for p in d["prereports"]] == [("扣押", "requested")], d["prereports"]
' "$output"
    run -0 hujing enterprise show "$E2" -f table
    [[ "$output" == *"涉企案件"* ]] && [[ "$output" == *"未结事前报备"* ]] && [[ "$output" == *"涉案企业"* ]]
}

@test "completion offers case ids and the request ids of each kind of pre-report" {
    seed
    a=$(new_case A-1 --filed 2025-10-01)
    b=$(new_case A-2 --filed 2025-10-01)
    d=$(hujing case detention request "$a" --person 张某 --id-no "$ID" --position 高管 --measure 拘留 --reason r --impact i)
    m=$(hujing case measure request "$b" --enterprise "$E2" --kind 冻结 --object 账户 --amount 1 --reason r --impact i)
    run -0 hujing __complete case show ""
    [ "$output" = "$a"$'\n'"$b" ]
    run -0 hujing __complete case detention approve ""
    [ "$output" = "$d" ]
    run -0 hujing __complete case measure lift ""
    [ "$output" = "$m" ]
    run -0 hujing __complete case list --type 合同
    [ "$output" = 合同诈骗 ]
}
