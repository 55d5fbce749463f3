#!/usr/bin/env bats
# The error line every command shares: one line, Chinese, the documented exit code, the database
# unchanged — whatever the input.
load helpers

setup_db() {
    init_db
    hujing enterprise add 91330681MA2EDNXU2B --name 浙江海亮股份有限公司 --town 店口镇 >/dev/null
    hujing officer add 100001 --name 张警官 --unit PCS-DK --roles 企业警官 >/dev/null
    before=$(db_digest)
}

# Exactly one line on stderr, in the error format, with no English words of SQLite, CLI11 or
# nlohmann-json, and the database unchanged.
assert_one_chinese_line() {
    assert_error_line "${1:-}"
    [ "$(printf '%s\n' "$stderr" | wc -l)" -eq 1 ] || { echo "more than one line: $stderr" >&2; return 1; }
    for english in "database is" "unable to open" "constraint failed" "At Most" "json.exception" \
        "not in" "is required" "Could not convert" "range 0.0" "required" "missing" "Expected"; do
        [[ "$stderr" != *"$english"* ]] || { echo "English in: $stderr" >&2; return 1; }
    done
    [ "$(db_digest)" = "$before" ]
}

@test "an unknown option is named before a missing required one, with a suggestion" {
    setup_db
    run -2 --separate-stderr hujing visit log 1 --offcer 100001 --summary x
    assert_one_chinese_line "无法识别的参数: --offcer 100001 (是否要用 --officer？"
}

@test "every option gets a suggestion for a swap of two letters" {
    setup_db
    run -2 --separate-stderr hujing enterprise list --twon 店口镇
    assert_one_chinese_line "是否要用 --town？"
    run -2 --separate-stderr hujing demand list --stauts routed
    assert_one_chinese_line "是否要用 --status？"
}

@test "a value outside a closed list, out of range or not a number is exit 4" {
    setup_db
    run -4 --separate-stderr hujing unit add BAKE 面包房 --kind bakery
    assert_one_chinese_line "--kind: bakery 不在可选值中"
    run -4 --separate-stderr hujing -f yaml unit list
    assert_one_chinese_line
    run -4 --separate-stderr hujing project add 项目 --officer 100001 --visit-interval 0
    assert_one_chinese_line "超出允许的范围"
}

@test "invalid UTF-8 in any argument is exit 4 naming which" {
    setup_db
    run -4 --separate-stderr hujing enterprise list --search $'\xff\xfe'
    assert_one_chinese_line "第 4 个参数不是有效的 UTF-8 文本"
    run -4 --separate-stderr hujing officer add 100002 --name $'\xc3' --unit ZADD
    assert_one_chinese_line "不是有效的 UTF-8"
}

@test "a path that cannot serve is exit 4 naming the path" {
    setup_db
    run -4 --separate-stderr hujing db backup "$BATS_TEST_TMPDIR/no/such/dir/copy.db"
    assert_one_chinese_line "备份目标的目录不存在: $BATS_TEST_TMPDIR/no/such/dir/copy.db"
    run -4 --separate-stderr hujing enterprise import "$BATS_TEST_TMPDIR"
    assert_one_chinese_line "要读的是目录，不是文件: $BATS_TEST_TMPDIR"
    run -4 --separate-stderr hujing officer import "$BATS_TEST_TMPDIR"
    assert_one_chinese_line "要读的是目录"
}

@test "an echoed value never breaks the one-line rule: control characters escaped, long values cut" {
    setup_db
    run -4 --separate-stderr hujing officer show $'12\n34\t5\x01'
    assert_one_chinese_line '警号无效: 12\n34\t5\x01'
    long=$(printf '长%.0s' $(seq 2000))
    run -4 --separate-stderr hujing officer show "$long"
    assert_one_chinese_line "…"
    [ "${#stderr}" -lt 1000 ]
    [[ "$stderr" == *")" ]] # the hint survives the cut
}

@test "a locked database speaks Chinese" {
    setup_db
    sqlite3 "$HUJING_DB" "BEGIN EXCLUSIVE; SELECT 1; SELECT count(*) FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 30000000) SELECT x FROM c);" >/dev/null &
    sleep 0.3
    HUJING_BUSY_MS=100 run -6 --separate-stderr hujing officer add 100003 --name 乙 --unit ZADD
    wait
    assert_one_chinese_line "数据库忙"
}

@test "a database file that cannot be opened is named in Chinese" {
    run -4 --separate-stderr hujing --db "$BATS_TEST_TMPDIR/no/such/dir/x.db" init
    assert_error_line "$BATS_TEST_TMPDIR/no/such/dir/x.db"
    [[ "$stderr" != *"unable to open"* ]]
    [ ! -e "$BATS_TEST_TMPDIR/no" ]
}

@test "text that is not UTF-8 inside the database never brings nlohmann's English to the user" {
    setup_db
    sqlite3 "$HUJING_DB" "UPDATE enterprise SET name = CAST(X'e6b5997a' || X'ff' AS TEXT) WHERE id = 1"
    before=$(db_digest)
    run -0 --separate-stderr hujing enterprise show 1 -f json
    [[ "$output" == *"$(printf '\xef\xbf\xbd')"* ]]
    run --separate-stderr hujing enterprise update 1 --town 大唐街道
    [[ "$stderr" != *"json.exception"* && "$stderr" != *"type_error"* ]]
    if [ "$status" -ne 0 ]; then
        assert_one_chinese_line
    fi
}

@test "CLI11's other complaints reach the user in Chinese" {
    setup_db
    for args in "unit list --limit" "enterprise show" "--format" "--no-header=maybe unit list" "unit list --limit 1 --limit 2"; do
        # shellcheck disable=SC2086
        run --separate-stderr hujing $args
        [ "$status" -eq 2 ] || [ "$status" -eq 4 ] || { echo "$args: exit $status" >&2; return 1; }
        assert_one_chinese_line
    done
}
