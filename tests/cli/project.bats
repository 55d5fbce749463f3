#!/usr/bin/env bats
# Key projects (千项万亿, 五个一) end to end.
load helpers

# Print the value of key $2 in the JSON object $1.
json_get() {
    python3 -c '
import json, sys
v = json.loads(sys.argv[1])
for k in sys.argv[2].split("."):
    v = v[int(k)] if isinstance(v, list) else v[k]
print(json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) or v is None else v)
' "$1" "$2"
}

seed() {
    init_db
    add_officers
    hujing officer update 100002 --roles 项目警官 >/dev/null
    hujing enterprise add 91330681MA2D86XM28 --name 浙江莱诺建材有限公司 --town 店口镇 >/dev/null
}

@test "add, show and list a project with its officer, plan, archive and interval" {
    seed
    run -0 --separate-stderr hujing project add 店口铜材智造产业园 --officer 100002 \
        --enterprise 91330681ma2d86xm28 --plan '每月走访；专班协调' --archive /srv/p/dk --visit-interval 30
    [ "$output" = 1 ]
    [ -z "$stderr" ]
    run -0 hujing project show 店口铜材智造产业园 -f json
    [ "$(json_get "$output" officer)" = 100002 ]
    [ "$(json_get "$output" uscc)" = 91330681MA2D86XM28 ]
    [ "$(json_get "$output" plan)" = '每月走访；专班协调' ]
    [ "$(json_get "$output" archive_path)" = /srv/p/dk ]
    [ "$(json_get "$output" visit_interval_days)" = 30 ]
    [ "$(json_get "$output" team)" = '[]' ]
    run -0 hujing project list -f tsv
    [ "${lines[0]}" = "id	name	enterprise	officer	officer_name	team	visit_interval_days" ]
    [ "${lines[1]}" = "1	店口铜材智造产业园	浙江莱诺建材有限公司	100002	民警100002		30" ]
    run -0 hujing project list --enterprise 1 -f tsv --no-header --fields id,uscc,plan,archive_path
    [ "$output" = "1	91330681MA2D86XM28	每月走访；专班协调	/srv/p/dk" ]
    run -0 hujing enterprise show 1 -f json
    [ "$(json_get "$output" projects.0.name)" = 店口铜材智造产业园 ]
}

@test "the visit clock starts on --since, by default today (--today)" {
    seed
    hujing --today 2025-06-01 project add 项目甲 --officer 100002 --visit-interval 14 >/dev/null
    hujing project add 项目乙 --officer 100002 --since 2025-05-01 --visit-interval 14 >/dev/null
    run -0 hujing project list -f tsv --no-header --fields name,since
    [ "$output" = $'项目甲\t2025-06-01\n项目乙\t2025-05-01' ]
    run -0 hujing visit due --as-of 2025-06-10 -f tsv --no-header --fields project,due_date
    [ "$output" = $'项目乙\t2025-05-15' ]
    hujing project update 项目乙 --since 2025-06-05 >/dev/null
    run -0 hujing visit due --as-of 2025-06-18 -f tsv --no-header --fields project,days_overdue
    [ "$output" = $'项目甲\t3' ]
    before=$(db_digest)
    run -4 --separate-stderr hujing project add 项目丙 --officer 100002 --since 2025-02-30
    assert_error_line "日期无效"
    run -4 --separate-stderr hujing project update 项目乙 --since 明天
    [ "$(db_digest)" = "$before" ]
}

@test "an officer without the 项目警官 role gets a notice; the project is still added" {
    seed
    run -0 --separate-stderr hujing project add 项目甲 --officer 100001
    [[ "$stderr" == *"项目警官"* ]]
}

@test "team add, list and remove" {
    seed
    hujing project add 项目甲 --officer 100002 >/dev/null
    run -0 hujing project team add 项目甲 --officer 100001 --duty 治安保障
    [ "$output" = 1 ]
    run -0 hujing project team add 1 --officer 100003
    run -0 hujing project team list 项目甲 -f tsv --no-header
    [ "${lines[0]}" = "100001	民警100001	治安大队	治安保障" ]
    [ "${lines[1]}" = "100003	民警100003	治安大队	" ]
    run -0 hujing project list --officer 100003 -f tsv --no-header --fields id,team
    [ "$output" = "1	100001;100003" ]
    run -0 hujing project team remove 项目甲 --officer 100001
    run -0 hujing project team list 1 -f tsv --no-header --fields badge
    [ "$output" = 100003 ]
}

@test "update changes the given fields and clears with an empty string" {
    seed
    hujing project add 项目甲 --officer 100002 --plan 旧方案 --enterprise 1 >/dev/null
    run -0 --separate-stderr hujing project update 项目甲 --name 项目乙 --plan '' --enterprise '' --visit-interval 14 --officer 100003 --archive /a
    [ "$output" = 1 ]
    run -0 hujing project show 项目乙 -f json
    [ "$(json_get "$output" plan)" = null ]
    [ "$(json_get "$output" enterprise_id)" = null ]
    [ "$(json_get "$output" visit_interval_days)" = 14 ]
    [ "$(json_get "$output" officer)" = 100003 ]
    [ "$(json_get "$output" archive_path)" = /a ]
}

@test "bad input: exit 2, 3, 4, 5 and an unchanged database" {
    seed
    hujing project add 项目甲 --officer 100002 >/dev/null
    hujing project team add 项目甲 --officer 100001 >/dev/null
    hujing officer update 100004 --no-active >/dev/null
    before=$(db_digest)
    run -5 --separate-stderr hujing project add 项目甲 --officer 100002
    assert_error_line "项目名称已存在"
    run -3 --separate-stderr hujing project add 项目乙 --officer 999999
    assert_error_line "民警不存在"
    run -4 --separate-stderr hujing project add 项目乙 --officer 12
    run -5 --separate-stderr hujing project add 项目乙 --officer 100004
    assert_error_line "不在岗"
    run -3 --separate-stderr hujing project add 项目乙 --officer 100002 --enterprise 99
    assert_error_line "企业不存在"
    run -4 --separate-stderr hujing project add 项目乙 --officer 100002 --visit-interval 0
    run -4 --separate-stderr hujing project add 项目乙 --officer 100002 --visit-interval 5000
    assert_error_line "走访间隔"
    run -4 --separate-stderr hujing project add ' ' --officer 100002
    run -2 --separate-stderr hujing project add 项目乙
    run -5 --separate-stderr hujing project team add 项目甲 --officer 100001
    assert_error_line "已在"
    run -5 --separate-stderr hujing project team add 项目甲 --officer 100002
    assert_error_line "项目警官"
    run -5 --separate-stderr hujing project team add 项目甲 --officer 100004
    run -3 --separate-stderr hujing project team remove 项目甲 --officer 100003
    assert_error_line "不在项目"
    run -3 --separate-stderr hujing project team add 无此项目 --officer 100003
    assert_error_line "项目不存在"
    run -3 --separate-stderr hujing project show 无此项目
    run -3 --separate-stderr hujing project team list 99
    run -5 --separate-stderr hujing project update 项目甲 --officer 100004
    run -3 --separate-stderr hujing project list --officer 999999
    [ "$(db_digest)" = "$before" ]
}
