#!/usr/bin/env bats
# The bad-input table: one row per kind of bad input. Each asserts the exit code, exactly one
# line of Chinese on stderr (hujing: 错误: …, no English from SQLite, CLI11 or nlohmann), and
# the database file byte-identical (sha256sum before and after).
load helpers

# A database with two enterprises, officers 100001 and 100002, a routed demand ($ROUTED, routed
# on 2025-10-10) and a collected one ($COLLECTED).
seed_db() {
    seed_enterprises_and_officers
    "$HUJING" officer add 100003 --name 离岗 --unit ZADD --phone 13900001111 >/dev/null
    "$HUJING" officer update 100003 --no-active >/dev/null
    ROUTED=$("$HUJING" --today 2025-10-09 demand add "$E1" --text 签证加急 --category 出入境)
    "$HUJING" --today 2025-10-10 demand route "$ROUTED" --unit CRJDD --within 3 >/dev/null
    COLLECTED=$("$HUJING" demand add "$E2" --text 停车难 --category 交通)
    printf 'badge,name,unit\n100001,张警官,PCS-DK\n' >officers.csv
    mkdir -p adir
    printf 'not a database' >notes.txt
    sqlite3 foreign.db "CREATE TABLE orders(id INTEGER PRIMARY KEY);"
    : >empty.db
}

file_digest() {
    sha256sum "$1" | cut -d' ' -f1
}

# bad EXIT TEXT COMMAND...: run hujing COMMAND, expect exit EXIT and one Chinese error line
# containing TEXT; the database (and the foreign and empty files) must be byte-identical.
bad() {
    local expect=$1 text=$2 before foreign empty
    shift 2
    before=$(file_digest "$HUJING_DB")
    foreign=$(file_digest foreign.db)
    empty=$(file_digest empty.db)
    run --separate-stderr "$HUJING" "$@"
    local row="row [$*]"
    [ "$status" -eq "$expect" ] || { echo "$row: exit $status, not $expect: $stderr" >&2; return 1; }
    [ "$(printf '%s\n' "$stderr" | wc -l)" -eq 1 ] || { echo "$row: not one line: $stderr" >&2; return 1; }
    python3 - "$stderr" "$text" <<'PY' || { echo "$row: $stderr" >&2; return 1; }
import sys
line, text = sys.argv[1], sys.argv[2]
assert line.startswith("hujing: 错误: "), "prefix"
assert any("\u4e00" <= c <= "\u9fff" for c in line[len("hujing: 错误: "):]), "no Chinese"
assert text in line, "lacks " + text
for english in ("database is locked", "unable to open", "At Most", "json.exception", "Usage",
                "REQUIRED", "No such file", "is required", "Error", "error:", "disk I/O"):
    assert english not in line, english
PY
    [ "$(file_digest "$HUJING_DB")" = "$before" ] || { echo "$row: database changed" >&2; return 1; }
    [ "$(file_digest foreign.db)" = "$foreign" ] && [ "$(file_digest empty.db)" = "$empty" ]
    [ ! -e "$HUJING_DB-wal" ] || [ ! -s "$HUJING_DB-wal" ]
}

@test "usage: unknown commands and options, missing values, options out of place (exit 2)" {
    seed_db
    bad 2 "frobnicate" frobnicate
    bad 2 "是否要用 visit" vist list
    bad 2 "缺少子命令" demand
    bad 2 "--offcer" visit log "$E1" --offcer 100001 --summary x
    bad 2 "是否要用 --town" enterprise list --twon 店口镇
    bad 2 "ID" demand route --unit JJDD
    bad 2 "--within" demand route "$ROUTED" --unit JJDD --within 3 --due 2025-10-20
    bad 2 "没有要修改的内容" demand update "$COLLECTED"
    bad 2 "nosuchnoun" nosuchnoun --help
}

@test "invalid input: values, enums, dates, UTF-8, paths (exit 4)" {
    seed_db
    bad 4 "UTF-8" unit list --kind $'\xff\xfe'
    bad 4 "bakery" unit add LLS-99 测试 --kind bakery
    bad 4 "bogus" -f bogus unit list
    bad 4 "2025-02-30" demand route "$ROUTED" --unit JJDD --due 2025-02-30
    bad 4 "--today 日期无效: 2025-13-01" --today 2025-13-01 unit list
    bad 4 "统一社会信用代码" enterprise add 91330681MA2EDNXU2C --name 坏
    bad 4 "警号无效" officer add 12345 --name 甲 --unit ZADD
    bad 4 "电话号码无效" officer add 100009 --name 甲 --unit ZADD --phone 12
    bad 4 "诉求类别无效: 税务" demand add "$E1" --text x --category 税务
    bad 4 "诉求类别无效: 用工" visit log "$E1" --officer 100001 --summary x --demand 用工:招工难
    bad 4 "评分无效" demand rate "$ROUTED" --score 9
    bad 4 "早于诉求" --today 2025-10-01 demand handle "$ROUTED" --note 补录
    bad 4 "晚于今天" visit log "$E1" --officer 100001 --summary x --date 2025-12-01
    bad 4 "adir" officer import adir
    bad 4 "nosuch/dir" db backup nosuch/dir/b.db
    bad 4 "不是 hujing 数据库" --db foreign.db unit list
    bad 4 "不是 hujing 数据库" --db foreign.db init
    bad 4 "数据库是空文件" --db empty.db officer list
    bad 4 "数据库是空文件" --db empty.db officer add 100009 --name 甲 --unit ZADD
    bad 4 "不是 SQLite 数据库文件" --db notes.txt unit list
    bad 4 "数据库路径是目录" --db adir unit list
    # An echoed value keeps the error on one line: control characters escaped, long values cut.
    bad 4 "诉求类别无效: 税" demand add "$E1" --text x \
        --category $'税\n务\x1b[31m'"$(printf '很长%.0s' $(seq 300))"
    [ "${#stderr}" -lt 1000 ] && [[ "$stderr" != *$'\x1b'* ]]
    bad 4 "bak" unit add LLS-99 名称 --kind $'bak\nery'
}

@test "not found and conflicts: who acts, missing records, wrong state, imports again (exit 3, 5)" {
    seed_db
    bad 3 "张三" --as 张三 demand add "$E1" --text x
    bad 3 "999999" --as 999999 demand add "$E1" --text x
    bad 3 "100003" --as 100003 demand add "$E1" --text x
    bad 3 "数据库不存在" --db nosuch.db unit list
    bad 3 "企业不存在" enterprise show 91330681MA2BCDEF1Y
    bad 3 "诉求不存在: 999" demand update 999 --text x
    bad 3 "民警不存在" visit log "$E1" --officer 100009 --summary x
    bad 5 "当前状态为“已流转”，不能 update" demand update "$ROUTED" --text 改
    bad 5 "不能 feedback" demand feedback "$COLLECTED" --note x
    bad 5 "已存在" enterprise add "$E1" --name 重复
    bad 5 "警号已存在" officer add 100001 --name 重复 --unit ZADD
}

@test "imports report each bad row as FILE:LINE, then one error line, and change nothing" {
    seed_db
    before=$(file_digest "$HUJING_DB")
    run -5 --separate-stderr hujing officer import officers.csv
    [ "${#stderr_lines[@]}" -eq 2 ]
    [[ "${stderr_lines[0]}" == "officers.csv:2: 警号已存在: 100001" ]]
    assert_error_line "导入失败: 1 行有错误"
    printf 'uscc,name\n%s,重复\n' "$E1" >e.csv
    run -5 --separate-stderr hujing enterprise import e.csv
    [ "${#stderr_lines[@]}" -eq 2 ]
    printf 'badge,name,unit\n\xff\xfe,甲,ZADD\n' >bad.csv
    run -4 --separate-stderr hujing officer import bad.csv
    assert_error_line
    [[ "$stderr" != *json.exception* ]]
    [ "$(file_digest "$HUJING_DB")" = "$before" ]
}
