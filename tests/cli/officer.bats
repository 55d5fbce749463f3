#!/usr/bin/env bats
# unit and officer commands.
load helpers

@test "unit add prints the id and lists the new unit" {
    hujing -q init
    run -0 hujing unit add LLS-99 警企联络室（珍珠城） --kind liaison_room --parent FZX-SXH
    id=$output
    run -0 hujing unit list --kind liaison_room -f tsv --no-header --fields id,code,parent
    [[ "$output" == *"$id"$'\t'"LLS-99"$'\t'"FZX-SXH"* ]]
}

@test "unit add refuses duplicates, bad kinds and unknown parents" {
    hujing -q init
    before=$(db_digest)
    run -5 --separate-stderr hujing unit add ZADD 新治安 --kind police_team
    assert_error_line "已存在"
    run -5 --separate-stderr hujing unit add NEW 治安大队 --kind police_team
    run -4 --separate-stderr hujing unit add NEW 新单位 --kind castle
    run -3 --separate-stderr hujing unit add NEW 新单位 --kind station --parent NOPE
    assert_error_line "单位不存在"
    [ "$(db_digest)" = "$before" ]
}

@test "officer add, show and list with roles and the inspector flag" {
    hujing -q init
    run -0 hujing officer add 123456 --name 张三 --unit 治安大队 --phone 13800001234 --roles 企业警官,项目警官 --inspector
    [ "$output" = 1 ]
    run -0 hujing officer show 123456 -f json
    python3 -c '
import json,sys
o=json.loads(sys.argv[1])
assert o["badge"]=="123456" and o["unit"]=="治安大队" and o["inspector"] is True, o
assert sorted(o["roles"])==["企业警官","项目警官"], o
assert o["phone"]!="13800001234" and o["phone"].endswith("1234"), o
' "$output"
    run -0 hujing officer list --role 项目警官 -f tsv --no-header --fields badge
    [ "$output" = 123456 ]
    run -0 hujing officer list --no-inspector -f json
    [ "$output" = "[]" ]
}

@test "phone numbers are masked unless --reveal" {
    hujing -q init
    hujing officer add 123456 --name 张三 --unit ZADD --phone 13800001234 >/dev/null
    run -0 hujing officer list -f tsv --no-header --fields phone
    [ "$output" != 13800001234 ]
    [[ "$output" == *1234 ]]
    [ "$(sqlite3 "$HUJING_DB" "SELECT count(*) FROM audit_log WHERE entity = 'reveal'")" -eq 0 ]
    run -0 hujing --reveal officer list -f tsv --no-header --fields phone
    [ "$output" = 13800001234 ]
    run -0 hujing audit log --entity officer -f tsv --no-header --fields after
    [[ "$output" != *13800001234* ]] && [[ "$output" == *1234* ]]
    run -0 hujing audit log --entity reveal -f tsv --no-header --fields action,command
    [[ "$output" == "reveal"$'\t'"hujing --reveal officer list"* ]]
}

@test "officer add rejects bad input with exit 3, 4, 5 and changes nothing" {
    hujing -q init
    hujing officer add 123456 --name 张三 --unit ZADD >/dev/null
    before=$(db_digest)
    run -5 --separate-stderr hujing officer add 123456 --name 李四 --unit ZADD
    assert_error_line "警号已存在"
    run -4 --separate-stderr hujing officer add 12345 --name 李四 --unit ZADD
    assert_error_line "警号无效"
    run -4 --separate-stderr hujing officer add 1234567 --name 李四 --unit ZADD
    run -4 --separate-stderr hujing officer add abcdef --name 李四 --unit ZADD
    run -3 --separate-stderr hujing officer add 654321 --name 李四 --unit 火星大队
    assert_error_line "单位不存在"
    run -4 --separate-stderr hujing officer add 654321 --name 李四 --unit ZADD --roles 厨师
    assert_error_line "角色"
    run -4 --separate-stderr hujing officer add 654321 --name 李四 --unit ZADD --phone 'call me'
    run -3 --separate-stderr hujing officer show 999999
    run -4 --separate-stderr hujing officer show 99
    [ "$(db_digest)" = "$before" ]
}

@test "officer update changes the given fields only" {
    hujing -q init
    hujing officer add 123456 --name 张三 --unit ZADD --roles 企业警官 >/dev/null
    run -0 hujing officer update 123456 --unit JZDD --inspector --no-active
    run -0 hujing officer show 123456 -f json
    python3 -c '
import json,sys
o=json.loads(sys.argv[1])
assert o["unit"]=="经侦大队" and o["inspector"] is True and o["active"] is False and o["name"]=="张三", o
assert o["roles"]==["企业警官"], o
' "$output"
    run -2 hujing officer update 123456 --active --no-active
    run -3 hujing officer update 999999 --name 某
}

@test "officer import is all-or-nothing and names every bad line" {
    hujing -q init
    cat > officers.csv <<'CSV'
badge,name,unit,roles,inspector
100001,甲,ZADD,企业警官,1
10000x,乙,ZADD,,0
100003,"丙, 二",NOPE,,0
100001,丁,ZADD,,0
CSV
    before=$(db_digest)
    run -4 --separate-stderr hujing officer import officers.csv
    [[ "$stderr" == *"officers.csv:3:"* ]]
    [[ "$stderr" == *"officers.csv:4:"* ]]
    [[ "$stderr" == *"officers.csv:5:"* ]]
    assert_error_line "导入失败: 3 行有错误，未导入任何记录"
    [ "$(db_digest)" = "$before" ]
    run -3 --separate-stderr hujing officer import nosuch.csv
}

@test "officer import from stdin" {
    hujing -q init
    printf 'badge,name,unit\n100001,甲,ZADD\n100002,乙,JZDD\n' | hujing officer import - >/dev/null
    run -0 hujing officer list -f tsv --no-header --fields badge
    [ "${#lines[@]}" -eq 2 ]
}

@test "8 processes adding officers at the same moment all succeed" {
    hujing -q init
    pids=()
    for i in 1 2 3 4 5 6 7 8; do
        hujing officer add "20000$i" --name "并发$i" --unit ZADD >"out$i" 2>"err$i" &
        pids+=($!)
    done
    for p in "${pids[@]}"; do wait "$p"; done
    [ "$(cat err* | wc -c)" -eq 0 ]
    [ "$(sqlite3 "$HUJING_DB" "SELECT count(*) FROM officer")" -eq 8 ]
    run -0 hujing audit verify
}

@test "officer import of the same file again is exit 5; --on-conflict skip and update; update counts real changes" {
    hujing -q init
    printf 'badge,name,unit,phone,roles\n100001,甲,ZADD,13911112222,企业警官\n100002,乙,JZDD,,\n' >officers.csv
    run -0 hujing officer import officers.csv
    [ "$output" = "added=2 updated=0 skipped=0 invalid=0" ]
    before=$(db_digest)
    run -5 --separate-stderr hujing officer import officers.csv
    [[ "$stderr" == *"officers.csv:2: 警号已存在: 100001"* ]]
    [[ "$stderr" == *"officers.csv:3: 警号已存在: 100002"* ]]
    assert_error_line "导入失败: 2 行有错误，未导入任何记录 (用 --on-conflict skip 或 update"
    [ "$(db_digest)" = "$before" ]
    run -4 --separate-stderr hujing officer import officers.csv --on-conflict merge
    [ "$(db_digest)" = "$before" ]
    run -0 hujing officer import officers.csv --on-conflict skip
    [ "$output" = "added=0 updated=0 skipped=2 invalid=0" ]
    # An unchanged file updates nothing.
    run -0 hujing officer import officers.csv --on-conflict update
    [ "$output" = "added=0 updated=0 skipped=2 invalid=0" ]
    # One changed row, one unchanged, one new; columns the file lacks are kept.
    printf 'badge,name,unit,roles\n100001,甲,ZADD,企业警官;项目警官\n100002,乙,JZDD,\n100003,丙,ZADD,\n' >officers.csv
    run -0 hujing officer import officers.csv --on-conflict update
    [ "$output" = "added=1 updated=1 skipped=1 invalid=0" ]
    run -0 hujing --reveal officer list -f tsv --no-header --fields badge,roles,phone
    [ "${lines[0]}" = $'100001\t企业警官;项目警官\t13911112222' ]
    # A registered badge mixed with an invalid row is exit 4.
    printf 'badge,name,unit\n100001,甲,ZADD\n10000x,坏,ZADD\n' >mixed.csv
    run -4 --separate-stderr hujing officer import mixed.csv
    # One audit row for each import that changed the register or not.
    [ "$(sqlite3 "$HUJING_DB" "SELECT count(*) FROM audit_log WHERE entity = 'officer' AND action = 'import'")" -eq 4 ]
}
