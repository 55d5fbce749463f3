#!/usr/bin/env bats
# visit log|list|show|due.
load helpers

# The shared two enterprises and two officers, and a 知产警官.
seed() {
    seed_enterprises_and_officers
    hujing officer add 100003 --name 王警官 --unit JZDD --roles 知产警官 >/dev/null
}

# Assign officer $2 to enterprise $1 with role $3 since $4.
assign() {
    hujing enterprise assign "$1" --officer "$2" --role "$3" --since "$4" >/dev/null
}

@test "visit log prints the id, opens one demand per --demand, and show lists both" {
    seed
    run -0 --separate-stderr hujing visit log $E1 --officer 100001,100002 --date 2025-10-14 \
        --kind 上门帮办 --summary 了解外籍技术人员来华情况 \
        --demand 外籍工程师签证加急 --demand "厂区 周边停车难" --category 出入境
    [ "$output" = 1 ]
    [[ "$stderr" == *"已收集 2 条诉求: 1, 2"* ]]
    run -0 hujing visit show 1 -f json
    python3 -c '
import json, sys
v = json.loads(sys.argv[1])
assert v["date"] == "2025-10-14" and v["kind"] == "上门帮办" and v["uscc"] == "91330681MA2EDNXU2B", v
assert [o["badge"] for o in v["officers"]] == ["100001", "100002"], v["officers"]
assert [d["text"] for d in v["demands"]] == ["外籍工程师签证加急", "厂区 周边停车难"], v["demands"]
assert all(d["status"] == "collected" and d["category"] == "出入境" for d in v["demands"]), v
' "$output"
    run -0 hujing demand list -f tsv --no-header --fields id,status,category
    [ "$output" = $'1\tcollected\t出入境\n2\tcollected\t出入境' ]
    [ "$(sqlite3 "$HUJING_DB" "SELECT group_concat(source || ':' || visit_id) FROM demand")" = "走访:1,走访:1" ]
    # Defaults: today, 走访, no demands.
    run -0 hujing visit log 2 --officer 100003 --summary 宣传知识产权保护
    [ "$output" = 2 ]
    run -0 hujing visit list -f tsv --no-header --fields id,date,kind,name,officers,demands
    [ "$output" = $'2\t2025-10-15\t走访\t诸暨袜业有限公司\t100003\t0\n1\t2025-10-14\t上门帮办\t浙江海亮股份有限公司\t100001;100002\t2' ]
}

@test "visit show -f json has every demand of the visit with its text, and the table the same" {
    seed
    hujing visit log $E1 --officer 100001 --date 2025-10-14 --summary 座谈 \
        --demand 用电增容 --demand 招工难 --demand "夜间 噪音投诉" >/dev/null
    hujing visit log $E1 --officer 100002 --date 2025-10-15 --summary 回访 --demand 别的走访 >/dev/null
    hujing demand add $E1 --visit 1 --text 补充的诉求 >/dev/null
    hujing demand add $E1 --text 不属于走访 >/dev/null
    run -0 hujing visit show 1 -f json
    python3 -c '
import json, sys
v = json.loads(sys.argv[1])
texts = [d["text"] for d in v["demands"]]
assert texts == ["用电增容", "招工难", "夜间 噪音投诉", "补充的诉求"], texts
assert all(d["visit_id"] == 1 and d["id"] and d["status"] for d in v["demands"]), v["demands"]
assert [(o["badge"], o["name"]) for o in v["officers"]] == [("100001", "张警官")], v["officers"]
' "$output"
    run -0 hujing visit show 1 -f table
    for text in 用电增容 招工难 "夜间 噪音投诉" 补充的诉求 张警官; do
        [[ "$output" == *"$text"* ]]
    done
    [[ "$output" != *别的走访* ]]
}

@test "visit log rejects bad input with exit 2, 3 or 4 and changes nothing" {
    seed
    before=$(db_digest)
    run -3 --separate-stderr hujing visit log $E1 --officer 100001,199999 --summary x
    assert_error_line "民警不存在: 199999"
    run -3 --separate-stderr hujing visit log 91330681MA2BCDEF1Y --officer 100001 --summary x
    assert_error_line "企业不存在"
    run -3 --separate-stderr hujing visit log $E1 --officer 100001 --summary x --project 没有的项目
    run -4 --separate-stderr hujing visit log $E1 --officer 100001 --summary x --kind 喝茶
    assert_error_line "走访形式无效: 喝茶"
    run -4 --separate-stderr hujing visit log $E1 --officer 100001 --summary x --date 2025-02-30
    run -4 --separate-stderr hujing visit log $E1 --officer 100001 --summary x --date 20251014
    run -4 --separate-stderr hujing visit log $E1 --officer 100001 --summary x --date 2025-10-16
    assert_error_line "走访日期 2025-10-16 晚于今天 2025-10-15"
    run -4 --separate-stderr hujing visit log $E1 --officer 12 --summary x
    run -4 --separate-stderr hujing visit log $E1 --officer , --summary x
    run -4 --separate-stderr hujing visit log $E1 --officer 100001 --summary " "
    run -4 --separate-stderr hujing visit log $E1 --officer 100001 --summary x --demand y --category 税务
    run -2 --separate-stderr hujing visit log $E1 --officer 100001
    run -2 --separate-stderr hujing visit log --officer 100001 --summary x
    run -3 --separate-stderr hujing visit show 99
    run -4 --separate-stderr hujing visit show x
    run -4 --separate-stderr hujing visit list --kind 喝茶
    run -3 --separate-stderr hujing visit list --officer 199999
    run -4 --separate-stderr hujing visit due --as-of 2025-13-01
    run -4 --separate-stderr hujing visit due --role 局长
    [ "$(db_digest)" = "$before" ]
}

@test "visit list filters by enterprise, officer, town, dates, kind and project" {
    seed
    hujing project add 海亮新材料项目 --enterprise $E1 --officer 100002 --since 2025-06-01 >/dev/null
    hujing visit log $E1 --officer 100001 --date 2025-09-01 --summary a >/dev/null
    hujing visit log $E1 --officer 100002 --date 2025-10-01 --summary b --kind 座谈 --project 海亮新材料项目 >/dev/null
    hujing visit log $E2 --officer 100001,100003 --date 2025-10-10 --summary c >/dev/null
    ids() { hujing visit list -f tsv --no-header --fields id "$@" | paste -sd, -; }
    [ "$(ids)" = 3,2,1 ]
    [ "$(ids --enterprise $E1)" = 2,1 ]
    [ "$(ids --officer 100001)" = 3,1 ]
    [ "$(ids --town 大唐街道)" = 3 ]
    [ "$(ids --since 2025-09-15 --until 2025-10-05)" = 2 ]
    [ "$(ids --kind 座谈)" = 2 ]
    [ "$(ids --project 1)" = 2 ]
    [ "$(ids --sort date --limit 2)" = 1,2 ]
    [ "$(ids --offset 1)" = 2,1 ]
}

@test "visit due lists overdue assignments and projects, most overdue first" {
    seed
    assign 1 100001 企业警官 2025-01-01 # 90 days
    assign 2 100003 知产警官 2025-01-01 # 180 days
    hujing project add 海亮新材料项目 --enterprise $E1 --officer 100002 --since 2025-06-01 \
        --visit-interval 14 >/dev/null
    hujing visit log $E1 --officer 100001 --date 2025-08-01 --summary 例行走访 >/dev/null
    run -0 hujing visit due --as-of 2025-08-01 -f tsv --no-header
    [ "$output" = $'1\t91330681MA2EDNXU2B\t浙江海亮股份有限公司\t100002\t李警官\t项目警官\t\t2025-06-15\t47\t海亮新材料项目\n2\t91330681MA2FF2KRXM\t诸暨袜业有限公司\t100003\t王警官\t知产警官\t\t2025-06-30\t32\t' ]
    run -0 hujing visit due --as-of 2025-11-01 -f tsv --no-header --fields officer,last_visit,due_date,days_overdue
    [ "$output" = $'100002\t\t2025-06-15\t139\n100003\t\t2025-06-30\t124\n100001\t2025-08-01\t2025-10-30\t2' ]
    # A project visit by its officer resets the project; the setting changes a role's interval.
    hujing --today 2025-11-01 visit log $E1 --officer 100002 --date 2025-10-25 --summary 项目走访 --project 1 >/dev/null
    hujing config set visit.interval.知产警官 365 >/dev/null
    run -0 hujing visit due --as-of 2025-11-01 -f tsv --no-header --fields officer,days_overdue
    [ "$output" = $'100001\t2' ]
    run -0 hujing visit due --as-of 2025-11-01 --officer 100003 -f tsv --no-header
    [ -z "$output" ]
    run -0 hujing visit due --as-of 2025-11-01 --town 店口镇 --role 企业警官 -f tsv --no-header --fields officer
    [ "$output" = 100001 ]
}

@test "visit list and due resolve --town like enterprise list: prefix, short and former names" {
    seed
    assign 1 100001 企业警官 2025-01-01
    hujing visit log $E1 --officer 100001 --date 2025-09-01 --summary a >/dev/null
    hujing visit log $E2 --officer 100002 --date 2025-09-02 --summary b >/dev/null
    ids() { hujing visit list -f tsv --no-header --fields id "$@" | paste -sd, -; }
    [ "$(ids --town 店口镇)" = 1 ]
    [ "$(ids --town 店口)" = 1 ]
    [ "$(ids --town 诸暨市店口镇)" = 1 ]
    [ "$(ids --town 草塔镇)" = 2 ] # merged into 大唐街道
    [ "$(hujing enterprise list -f tsv --no-header --fields id --town 店口)" = 1 ]
    run -0 hujing visit due --as-of 2025-12-31 --town 店口 -f tsv --no-header --fields officer
    [ "$output" = 100001 ]
    run -4 --separate-stderr hujing visit list --town 火星镇
    assert_error_line "火星镇"
    run -4 --separate-stderr hujing visit due --town 火星镇
    assert_error_line "火星镇"
    run -4 --separate-stderr hujing enterprise list --town 火星镇
}

@test "visit due --fail-if-any prints the list, then exits 5; with nothing due it exits 0" {
    seed
    assign 1 100001 企业警官 2025-01-01
    run -0 hujing visit due --fail-if-any --as-of 2025-03-31 -f tsv --no-header
    [ -z "$output" ]
    run -5 --separate-stderr hujing visit due --fail-if-any --as-of 2025-04-02 -f tsv --no-header --fields officer,days_overdue
    [ "$output" = $'100001\t1' ]
    assert_error_line "有 1 项包联走访已到期"
    # The same with the date from HUJING_TODAY, as cron would run it.
    HUJING_TODAY=2025-04-02 run -5 --separate-stderr hujing visit due --fail-if-any -f csv --no-header --fields officer
    [ "$output" = 100001 ]
}

@test "eight processes logging visits for one enterprise at the same moment all succeed" {
    seed
    local pids=() pid failed=0
    for i in 1 2 3 4 5 6 7 8; do
        "$HUJING" visit log $E1 --officer 100001 --summary "并发走访 $i" --demand "诉求 $i" \
            >"$BATS_TEST_TMPDIR/out.$i" 2>"$BATS_TEST_TMPDIR/err.$i" &
        pids+=("$!")
    done
    for pid in "${pids[@]}"; do
        wait "$pid" || failed=$((failed + 1))
    done
    cat "$BATS_TEST_TMPDIR"/err.* | grep -v 注意 >&2 || true
    [ "$failed" -eq 0 ]
    [ "$(cat "$BATS_TEST_TMPDIR"/out.* | sort -n | paste -sd, -)" = 1,2,3,4,5,6,7,8 ]
    [ "$(sqlite3 "$HUJING_DB" "SELECT count(*) FROM visit")" -eq 8 ]
    [ "$(sqlite3 "$HUJING_DB" "SELECT count(*) FROM demand")" -eq 8 ]
    [ "$(sqlite3 "$HUJING_DB" "SELECT count(DISTINCT summary) FROM visit")" -eq 8 ]
    run -0 hujing audit verify
}

@test "visit log --demand C:TEXT gives that demand its own category, checked against the vocabulary" {
    seed
    run -0 --separate-stderr hujing visit log $E1 --officer 100001 --summary 座谈 \
        --demand 外籍工程师签证加急 --demand 治安:厂区夜间照明不足 --demand "交通：货车通行证" \
        --demand "下周二上午的会议时间：请再确认一下" --category 出入境
    run -0 hujing demand list -f tsv --no-header --fields category,text --sort id
    [ "$output" = $'出入境\t外籍工程师签证加急\n治安\t厂区夜间照明不足\n交通\t货车通行证\n出入境\t下周二上午的会议时间：请再确认一下' ]
    before=$(db_digest)
    run -4 --separate-stderr hujing visit log $E1 --officer 100001 --summary 座谈 --demand 用工:招工难
    assert_error_line "诉求类别无效: 用工"
    [ "$(printf '%s\n' "$stderr" | wc -l)" -eq 1 ]
    run -4 --separate-stderr hujing visit log $E1 --officer 100001 --summary 座谈 --demand "治安:  "
    assert_error_line "诉求内容 (--demand) 不能为空"
    [ "$(db_digest)" = "$before" ]
}
