#!/usr/bin/env bats
# The demand loop: 收集 → 流转 → 处置 → 反馈 → 评价, deadlines in working days, reopen, escalation.
load helpers

seed() {
    seed_enterprises_and_officers
}

# Print one field of demand $1 from the tsv listing.
field() {
    hujing demand list -f tsv --no-header --fields "$2" | sed -n "${1}p"
}

# Bring a new demand to state $1 along the normal path; prints its id.
demand_in() {
    local id
    id=$(hujing --today 2025-10-09 demand add $E1 --text 外籍员工签证加急 --category 出入境)
    [ "$1" = collected ] && { echo "$id"; return; }
    hujing --today 2025-10-09 demand route "$id" --unit CRJDD --within 3 >/dev/null
    [ "$1" = routed ] && { echo "$id"; return; }
    hujing --today 2025-10-10 demand handle "$id" --resolved --note 已加急办理 >/dev/null
    [ "$1" = resolved ] && { echo "$id"; return; }
    hujing --today 2025-10-11 demand feedback "$id" --note 已电话告知 >/dev/null
    [ "$1" = fed_back ] && { echo "$id"; return; }
    hujing --today 2025-10-13 demand rate "$id" --score 5 >/dev/null
    echo "$id"
}

@test "a demand walks through every state, one event and one audit row per step" {
    seed
    run -0 hujing --today 2025-10-09 demand add $E1 --text 外籍员工签证加急 --category 出入境 --source 联络站
    id=$output
    [ "$(field "$id" status)" = collected ]
    run -0 hujing --today 2025-10-09 demand route "$id" --unit 出入境管理大队 --within 3
    [ "$output" = "$id" ]
    [ "$(field "$id" status,unit,due)" = $'routed\t出入境管理大队\t2025-10-13' ]
    run -0 hujing --today 2025-10-10 demand handle "$id" --note 已联系企业
    [ "$(field "$id" status)" = routed ]
    run -0 hujing --today 2025-10-13 demand handle "$id" --resolved --note 已办结
    [ "$(field "$id" status,resolved,on_time)" = $'resolved\t2025-10-13\ttrue' ]
    run -0 hujing --today 2025-10-14 demand feedback "$id" --note 已电话告知企业负责人
    [ "$(field "$id" status)" = fed_back ]
    run -0 hujing --today 2025-10-15 demand rate "$id" --score 4 --comment 办得快
    [ "$(field "$id" status,closed,score,reopens,comment)" = $'rated\t2025-10-15\t4\t0\t办得快' ]

    run -0 hujing demand show "$id" -f json
    python3 -c '
import json, sys
d = json.loads(sys.argv[1])
assert d["status"] == "rated" and d["source"] == "联络站" and d["category"] == "出入境", d
acts = [e["action"] for e in d["events"]]
assert acts == ["add", "route", "handle", "resolve", "feedback", "rate"], acts
assert all(e["actor"] == "000001" for e in d["events"]), d["events"]
assert d["events"][1]["at"] == "2025-10-09" and d["events"][1]["due"] == "2025-10-13", d["events"][1]
assert d["events"][5]["score"] == 4, d["events"][5]
' "$output"
    [ "$(sqlite3 "$HUJING_DB" "SELECT count(*) FROM demand_event WHERE demand_id = $id")" -eq 6 ]
    [ "$(sqlite3 "$HUJING_DB" "SELECT count(*) FROM audit_log WHERE entity = 'demand' AND entity_id = $id")" -eq 6 ]
    run -0 hujing audit verify
}

@test "every action out of order is exit 5 naming the state and the allowed verbs; nothing changes" {
    seed
    c=$(demand_in collected)
    before=$(db_digest)
    run -5 --separate-stderr hujing demand feedback "$c" --note x
    assert_error_line "诉求 $c 当前状态为“已收集”，不能 feedback (可用: route)"
    run -5 --separate-stderr hujing demand handle "$c" --note x
    assert_error_line "不能 handle (可用: route)"
    run -5 --separate-stderr hujing demand handle "$c" --resolved --note x
    run -5 --separate-stderr hujing demand rate "$c" --score 5
    run -5 --separate-stderr hujing demand escalate "$c" --reason x
    [ "$(db_digest)" = "$before" ]

    r=$(demand_in routed)
    before=$(db_digest)
    run -5 --separate-stderr hujing demand feedback "$r" --note x
    assert_error_line "当前状态为“已流转”，不能 feedback (可用: handle, route, escalate)"
    run -5 --separate-stderr hujing demand rate "$r" --score 5
    [ "$(db_digest)" = "$before" ]

    s=$(demand_in resolved)
    before=$(db_digest)
    for verb in "route --unit JJDD" "handle --note x" "rate --score 5" "escalate --reason x"; do
        # shellcheck disable=SC2086
        run -5 --separate-stderr hujing demand ${verb%% *} "$s" ${verb#* }
        assert_error_line "当前状态为“已处置”，不能 ${verb%% *} (可用: feedback)"
    done
    [ "$(db_digest)" = "$before" ]

    f=$(demand_in fed_back)
    before=$(db_digest)
    run -5 --separate-stderr hujing demand feedback "$f" --note x
    assert_error_line "当前状态为“已反馈”，不能 feedback (可用: rate)"
    run -5 --separate-stderr hujing demand route "$f" --unit JJDD
    [ "$(db_digest)" = "$before" ]

    d=$(demand_in rated)
    before=$(db_digest)
    run -5 --separate-stderr hujing demand rate "$d" --score 1
    assert_error_line "当前状态为“已评价”，不能 rate (已评价办结，没有可用操作)"
    run -5 --separate-stderr hujing demand route "$d" --unit JJDD
    run -5 --separate-stderr hujing demand handle "$d" --note x
    [ "$(db_digest)" = "$before" ]
}

@test "routed on Mon 2025-09-29 with 5 working days is due 2025-10-13 (National Day, make-up Sat 10-11)" {
    seed
    id=$(hujing --today 2025-09-26 demand add $E1 --text 夜间治安 --category 治安)
    run -0 hujing --today 2025-09-29 demand route "$id" --unit PCS-DK --within 5
    [ "$(field "$id" due)" = 2025-10-13 ]
    # Without options the SLA of the category (default 5) gives the same date.
    id2=$(hujing --today 2025-09-26 demand add $E1 --text 夜间治安 --category 治安)
    run -0 hujing --today 2025-09-29 demand route "$id2" --unit PCS-DK
    [ "$(field "$id2" due,sla_days)" = $'2025-10-13\t5' ]
    # Overdue only once the due day has passed, and only while routed.
    run -0 hujing --today 2025-10-13 demand list --overdue -f tsv --no-header --fields id
    [ -z "$output" ]
    run -0 hujing --today 2025-10-14 demand list --overdue -f tsv --no-header --fields id,overdue
    [ "$output" = "$id"$'\ttrue\n'"$id2"$'\ttrue' ]
    hujing --today 2025-10-14 demand handle "$id" --resolved --note 已处置 >/dev/null
    run -0 hujing --today 2025-10-14 demand list --overdue -f tsv --no-header --fields id
    [ "$output" = "$id2" ]
    [ "$(field "$id" on_time)" = false ]
}

@test "deadlines across the 2026 Spring Festival count the make-up Saturdays 02-14 and 02-28" {
    seed
    ids=()
    for i in 1 2 3 4; do
        ids+=("$(hujing --today 2026-02-10 demand add $E1 --text "诉求$i")")
    done
    hujing --today 2026-02-12 demand route "${ids[0]}" --unit JJDD --within 2 >/dev/null
    hujing --today 2026-02-13 demand route "${ids[1]}" --unit JJDD --within 2 >/dev/null
    hujing --today 2026-02-26 demand route "${ids[2]}" --unit JJDD --within 2 >/dev/null
    hujing --today 2026-02-13 demand route "${ids[3]}" --unit JJDD --within 5 >/dev/null
    [ "$(field "${ids[0]}" due)" = 2026-02-14 ] # Fri 02-13, Sat 02-14 (调休)
    [ "$(field "${ids[1]}" due)" = 2026-02-24 ] # Sat 02-14, then Tue 02-24 after the holiday
    [ "$(field "${ids[2]}" due)" = 2026-02-28 ] # Fri 02-27, Sat 02-28 (调休)
    [ "$(field "${ids[3]}" due)" = 2026-02-27 ] # 02-14, 02-24, 02-25, 02-26, 02-27
    # --due gives the date itself and records the working days it represents.
    id=$(hujing --today 2026-02-10 demand add $E1 --text 诉求5)
    hujing --today 2026-02-13 demand route "$id" --unit JJDD --due 2026-02-24 >/dev/null
    [ "$(field "$id" due,sla_days)" = $'2026-02-24\t2' ]
}

@test "route without a deadline uses the setting demand.sla.<category>" {
    seed
    hujing config set demand.sla.交通 3 >/dev/null
    id=$(hujing demand add $E2 --text 货车通行证 --category 交通)
    run -0 hujing --today 2025-10-15 demand route "$id" --unit JJDD
    [ "$(field "$id" due,sla_days)" = $'2025-10-20\t3' ]
}

@test "a rating of 1 or 2 reopens the demand at the same unit with a new due date" {
    seed
    id=$(demand_in fed_back)
    run -0 --separate-stderr hujing --today 2025-10-14 demand rate "$id" --score 2 --comment 还没解决
    [ "$output" = "$id" ]
    [[ "$stderr" == *"重新交出入境管理大队办理，期限 2025-10-17（第 1 次重办）"* ]]
    # The same SLA (3 working days, as routed) counted from the rating day.
    [ "$(field "$id" status,unit,due,reopens,score,closed)" = $'routed\t出入境管理大队\t2025-10-17\t1\t2\t' ]
    run -0 hujing demand show "$id" -f json
    python3 -c '
import json, sys
d = json.loads(sys.argv[1])
e = d["events"][-1]
assert e["action"] == "reopen" and e["score"] == 2 and e["note"] == "还没解决", e
assert d["resolved"] is None and d["on_time"] is None, d
' "$output"
    # Round again; a second low score counts a second reopen, then a good one closes it.
    hujing --today 2025-10-15 demand handle "$id" --resolved --note 重新处置 >/dev/null
    hujing --today 2025-10-15 demand feedback "$id" --note 已反馈 >/dev/null
    hujing --today 2025-10-16 demand rate "$id" --score 1 >/dev/null
    [ "$(field "$id" status,due,reopens)" = $'routed\t2025-10-21\t2' ]
    hujing --today 2025-10-20 demand handle "$id" --resolved --note 第三次处置 >/dev/null
    hujing --today 2025-10-20 demand feedback "$id" --note 已反馈 >/dev/null
    hujing --today 2025-10-21 demand rate "$id" --score 3 >/dev/null
    [ "$(field "$id" status,reopens,score,closed)" = $'rated\t2\t3\t2025-10-21' ]
}

@test "escalation climbs liaison room → subcentre → centre; at the centre it is exit 5" {
    seed
    id=$(hujing demand add $E1 --text 企业周边道路拥堵)
    hujing --today 2025-10-15 demand route "$id" --unit 警企联络室06 --within 3 >/dev/null
    run -0 hujing --today 2025-10-16 demand escalate "$id" --reason 需分中心协调
    [ "$(field "$id" unit_code,due,escalations)" = $'FZX-DK\t2025-10-20\t1' ]
    run -0 hujing --today 2025-10-16 demand escalate "$id" --reason 需中心协调 --within 5
    [ "$(field "$id" unit_code,due,escalations)" = $'HQYS\t2025-10-23\t2' ]
    before=$(db_digest)
    run -5 --separate-stderr hujing demand escalate "$id" --reason 再上报
    assert_error_line "已在护企优商服务中心（中心），无法再上报"
    [ "$(db_digest)" = "$before" ]
    # A station escalates straight to the centre.
    id2=$(hujing demand add $E1 --text 夜间治安 --category 治安)
    hujing demand route "$id2" --unit 店口派出所 >/dev/null
    hujing demand escalate "$id2" --reason 涉及多个单位 >/dev/null
    [ "$(field "$id2" unit_code)" = HQYS ]
    run -0 hujing demand show "$id" -f json
    python3 -c '
import json, sys
d = json.loads(sys.argv[1])
esc = [e for e in d["events"] if e["action"] == "escalate"]
assert [e["unit"] for e in esc] == ["护企优商服务分中心（店口）", "护企优商服务中心"], esc
assert esc[0]["note"] == "需分中心协调", esc
' "$output"
}

@test "routing a routed demand to another unit is a transfer; to the same unit exit 5" {
    seed
    id=$(demand_in routed)
    run -0 hujing --today 2025-10-15 demand route "$id" --unit 店口派出所 --within 2
    [ "$(field "$id" unit,due)" = $'店口派出所\t2025-10-17' ]
    run -0 hujing demand show "$id" -f json
    python3 -c '
import json, sys
e = json.loads(sys.argv[1])["events"][-1]
assert e["action"] == "transfer" and e["note"] == "由出入境管理大队转办", e
' "$output"
    before=$(db_digest)
    run -5 --separate-stderr hujing demand route "$id" --unit PCS-DK
    assert_error_line "已在店口派出所办理"
    [ "$(db_digest)" = "$before" ]
}

@test "bad input is exit 2, 3 or 4 with one error line, and the database is unchanged" {
    seed
    id=$(demand_in routed)
    f=$(demand_in fed_back)
    before=$(db_digest)
    run -3 --separate-stderr hujing demand add 91330681MA2BCDEF1Y --text x
    assert_error_line "企业不存在"
    run -4 --separate-stderr hujing demand add $E1 --text x --category 税务
    assert_error_line "诉求类别无效: 税务"
    run -4 --separate-stderr hujing demand add $E1 --text x --source 信访
    run -4 --separate-stderr hujing demand add $E1 --text "  "
    run -3 --separate-stderr hujing demand add $E1 --text x --visit 99
    run -2 --separate-stderr hujing demand add $E1
    run -3 --separate-stderr hujing demand route 999 --unit JJDD
    assert_error_line "诉求不存在: 999"
    run -4 --separate-stderr hujing demand route abc --unit JJDD
    assert_error_line "诉求编号无效: abc"
    run -3 --separate-stderr hujing demand route "$id" --unit 不存在的单位
    run -4 --separate-stderr hujing demand route "$id" --unit JJDD --due 2025-10-14
    assert_error_line "办理期限 2025-10-14 早于今天 2025-10-15"
    run -4 --separate-stderr hujing demand route "$id" --unit JJDD --due 2025-02-30
    run -4 --separate-stderr hujing demand route "$id" --unit JJDD --within 0
    run -4 --separate-stderr hujing demand route "$id" --unit JJDD --within 16
    run -2 --separate-stderr hujing demand route "$id" --unit JJDD --within 3 --due 2025-10-20
    run -2 --separate-stderr hujing demand route "$id"
    run -4 --separate-stderr hujing demand handle "$id" --note ""
    run -4 --separate-stderr hujing demand rate "$f" --score 7
    assert_error_line "评分无效: 7"
    run -2 --separate-stderr hujing demand rate "$f" --score 很好
    run -4 --separate-stderr hujing demand escalate "$id" --reason " "
    run -4 --separate-stderr hujing demand list --status done
    run -4 --separate-stderr hujing demand list --category 税务
    run -4 --separate-stderr hujing demand list --since 2025-13-01
    run -4 --separate-stderr hujing demand list --sort nope
    run -4 --separate-stderr hujing demand list --fields id,nope
    run -3 --separate-stderr hujing demand list --unit NOPE
    run -3 --separate-stderr hujing demand list --enterprise 999
    run -3 --separate-stderr hujing demand show 999
    # A batch is all or nothing: the second id fails, the first is not routed either.
    c=$(sqlite3 "$HUJING_DB" "SELECT max(id) FROM demand")
    [ "$(db_digest)" = "$before" ]
    c2=$(hujing demand add $E1 --text 批量)
    before=$(db_digest)
    run -5 --separate-stderr hujing demand route "$c2" "$c" --unit JJDD
    [ "$(db_digest)" = "$before" ]
}

@test "list filters combine, ids pipe into a verb with -, and an empty result is only a header" {
    seed
    a=$(hujing --today 2025-10-01 demand add $E1 --text 甲 --category 治安)
    b=$(hujing --today 2025-10-09 demand add $E2 --text 乙 --category 交通)
    c=$(hujing --today 2025-10-09 demand add $E2 --text 丙 --category 交通)
    hujing --today 2025-10-09 demand route "$b" "$c" --unit JJDD --within 1 >/dev/null
    run -0 hujing demand list --status 已流转 --enterprise $E2 -f tsv --no-header --fields id
    [ "$output" = "$b"$'\n'"$c" ]
    run -0 hujing demand list --category 治安 --since 2025-10-01 --until 2025-10-01 -f tsv --no-header --fields id
    [ "$output" = "$a" ]
    run -0 hujing demand list --unit 交警大队 --sort -id --limit 1 -f tsv --no-header --fields id
    [ "$output" = "$c" ]
    run -0 hujing demand list --status rated -f csv
    [ "$output" = "id,name,category,status,unit,due,overdue,text" ]
    run -0 hujing demand list --status rated -f json
    [ "$output" = "[]" ]
    run -0 bash -c "'$HUJING' demand list --overdue -f tsv --no-header --fields id | '$HUJING' demand escalate - --reason 超期未办结"
    [ "$output" = "$b"$'\n'"$c" ]
    [ "$(field "$b" unit_code,escalations)" = $'HQYS\t1' ]
}

@test "an empty id list from stdin is exit 0 with nothing done; no ids at all is still exit 2" {
    seed
    hujing --today 2025-10-09 demand add $E1 --text 甲 --category 治安 >/dev/null
    before=$(db_digest)
    run -0 --separate-stderr bash -c "'$HUJING' demand list --overdue -f tsv --no-header --fields id | '$HUJING' demand escalate - --reason 超期未办结"
    [ -z "$output" ]
    run -0 bash -c "printf 'id\n' | '$HUJING' demand route - --unit JJDD --within 3"
    [ -z "$output" ]
    [ "$(db_digest)" = "$before" ]
    run -2 --separate-stderr hujing demand route --unit JJDD
}

@test "a mutation whose id cannot reach stdout is exit 1 and commits nothing" {
    seed
    before=$(db_digest)
    run -1 --separate-stderr bash -c "'$HUJING' demand add $E1 --text 甲 --category 治安 >/dev/full"
    assert_error_line "无法把编号"
    [ "$(printf '%s\n' "$stderr" | wc -l)" -eq 1 ]
    run -1 --separate-stderr bash -c "'$HUJING' officer add 100009 --name 丙 --unit ZADD >&-"
    # An import's counts are its result: one that cannot be written rolls the import back.
    run -1 bash -c "printf 'badge,name,unit\n100007,庚,ZADD\n' | '$HUJING' officer import - >/dev/full"
    run -1 bash -c "printf 'uscc,name\n91330681MA2BM54BXU,新企业\n' | '$HUJING' enterprise import - >/dev/full"
    [ "$(db_digest)" = "$before" ]
    id=$(hujing --today 2025-10-09 demand add $E1 --text 乙 --category 治安)
    before=$(db_digest)
    run -1 bash -c "'$HUJING' --today 2025-10-09 demand route $id --unit JJDD --within 3 >/dev/full"
    run -1 bash -c "'$HUJING' visit log $E1 --officer 100001 --summary 走访 --demand 丁 >/dev/full"
    [ "$(db_digest)" = "$before" ]
}

@test "a step may not be dated before the step it follows: exit 4, nothing changes" {
    seed
    id=$(hujing --today 2026-12-02 demand add $E1 --text 甲 --category 治安)
    before=$(db_digest)
    run -4 --separate-stderr hujing --today 2025-09-29 demand route "$id" --unit JJDD --within 3
    assert_error_line "日期 2025-09-29 早于诉求 $id 上一步的日期 2026-12-02"
    [ "$(db_digest)" = "$before" ]
    run -0 hujing --today 2026-12-02 demand route "$id" --unit JJDD --within 3
    run -4 --separate-stderr hujing --today 2026-12-01 demand handle "$id" --note 已处理
    [ "$(field "$id" status)" = routed ]
}

@test "demand update corrects text or category before routing, audited; after routing it is exit 5" {
    seed
    id=$(hujing demand add $E1 --text 签正加急 --category 其他)
    run -0 hujing demand update "$id" --text 签证加急 --category 出入境
    [ "$output" = "$id" ]
    [ "$(field "$id" text,category,status)" = $'签证加急\t出入境\tcollected' ]
    run -0 hujing demand update "$id" --category 交通
    [ "$(field "$id" text,category)" = $'签证加急\t交通' ]
    [ "$(sqlite3 "$HUJING_DB" "SELECT count(*) FROM audit_log WHERE entity = 'demand' AND action = 'update'")" -eq 2 ]
    [ "$(sqlite3 "$HUJING_DB" "SELECT json_extract(before, '$.text') || '>' || json_extract(after, '$.text') FROM audit_log WHERE action = 'update' ORDER BY id LIMIT 1")" = "签正加急>签证加急" ]
    # The timeline is not changed by a correction.
    [ "$(sqlite3 "$HUJING_DB" "SELECT count(*) FROM demand_event WHERE demand_id = $id")" -eq 1 ]
    before=$(db_digest)
    run -2 --separate-stderr hujing demand update "$id"
    assert_error_line "没有要修改的内容"
    run -4 --separate-stderr hujing demand update "$id" --category 税务
    assert_error_line "诉求类别无效: 税务"
    run -4 --separate-stderr hujing demand update "$id" --text "  "
    run -3 --separate-stderr hujing demand update 999 --text x
    [ "$(db_digest)" = "$before" ]
    r=$(demand_in routed)
    before=$(db_digest)
    run -5 --separate-stderr hujing demand update "$r" --text 改
    assert_error_line "诉求 $r 当前状态为“已流转”，不能 update"
    [ "$(db_digest)" = "$before" ]
}
