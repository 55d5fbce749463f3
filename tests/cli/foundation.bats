#!/usr/bin/env bats
# init, db, config, audit, global options and the error model.
load helpers

@test "--version and --help exit 0 and speak Chinese" {
    run -0 hujing --version
    [[ "$output" == "hujing "* ]]
    run -0 hujing --help
    [[ "$output" == *"全局选项"* ]]
    run -0 hujing officer --help
    [[ "$output" == *"民警"* ]]
}

@test "--help never opens or creates the database" {
    run -0 hujing officer list --help
    [ ! -e "$HUJING_DB" ]
}

@test "any command but init on a missing database is exit 3 and creates nothing" {
    run -3 --separate-stderr hujing unit list
    assert_error_line "数据库不存在"
    [[ "$stderr" == *"hujing init"* ]]
    [ ! -e "$HUJING_DB" ]
}

@test "init creates a 0600 WAL database with the built-in units, and is idempotent" {
    run -0 --separate-stderr hujing init
    [ "$(stat -c %a "$HUJING_DB")" = 600 ]
    [ "$(sqlite3 "$HUJING_DB" 'PRAGMA journal_mode')" = wal ]
    run -0 hujing unit list -f tsv --no-header --fields code
    [ "$(printf '%s\n' "$output" | wc -l)" -eq 92 ]
    run -0 --separate-stderr hujing init
    [[ "$stderr" == *"新载入 0 个单位"* ]]
}

@test "usage errors exit 2 with the one-line error" {
    init_db
    run -2 --separate-stderr hujing officer list --bogus
    assert_error_line
    run -2 --separate-stderr hujing nosuchnoun
    assert_error_line
    run -2 --separate-stderr hujing officer add
    assert_error_line
    run -4 --separate-stderr hujing -f yaml unit list
    assert_error_line
    run -2 --separate-stderr hujing officer frobnicate
    assert_error_line "未知命令: frobnicate"
    run -2 --separate-stderr hujing officer add 123456
    assert_error_line "--name 是必需的"
    run -2 --separate-stderr hujing officer list --limit -3
    assert_error_line
}

@test "a missing or mistyped command names what there is; a mistyped option gets a suggestion" {
    run -2 --separate-stderr hujing
    assert_error_line "hujing: 错误: 缺少子命令 (可用: init db config audit unit officer enterprise"
    [ "$(printf '%s\n' "$stderr" | wc -l)" -eq 1 ]
    run -2 --separate-stderr hujing enterprise risk
    assert_error_line "hujing: 错误: enterprise risk: 缺少子命令 (可用: add close list；"
    run -2 --separate-stderr hujing demand rout 1
    assert_error_line "未知命令: rout (是否要用 route？"
    run -2 --separate-stderr hujing vist list
    assert_error_line "未知命令: vist (是否要用 visit？"
    run -2 --separate-stderr hujing officer frobnicate
    assert_error_line "(可用: add import list show update；"
    run -2 --separate-stderr hujing enterprise list --tow 店口镇
    assert_error_line "无法识别的参数: --tow 店口镇 (是否要用 --town？"
    run -2 --separate-stderr hujing unit list --zz
    assert_error_line "无法识别的参数: --zz (用 --help 查看用法)"
    run -2 --separate-stderr hujing unit list --formt=csv
    assert_error_line "是否要用 --format？"
    run -2 --separate-stderr hujing unit list --zzzzzz
    assert_error_line "无法识别的参数: --zzzzzz (用 --help 查看用法)"
}

@test "global options work after the verb too" {
    init_db
    mv "$HUJING_DB" other.db
    unset HUJING_DB
    run -0 hujing unit list --db other.db -f csv --fields code --no-header
    [[ "${lines[0]}" == "HQYS" ]]
}

@test "an invalid --today is exit 4" {
    init_db
    run -4 --separate-stderr hujing --today 2025-02-30 audit log --since today
    assert_error_line "--today"
}

@test "config get, set and list round-trip and validate" {
    init_db
    run -0 hujing config get demand.sla.治安
    [ "$output" = 5 ]
    run -0 hujing config set demand.sla.治安 7
    run -0 hujing config get demand.sla.治安
    [ "$output" = 7 ]
    run -0 hujing config list -f tsv --fields key,value,changed
    [[ "$output" == *$'demand.sla.治安\t7\ttrue'* ]]
    before=$(db_digest)
    run -4 --separate-stderr hujing config set demand.sla.治安 0
    assert_error_line "设置项"
    run -4 --separate-stderr hujing config set no.such 1
    assert_error_line "未知设置项"
    run -4 --separate-stderr hujing config get no.such
    [ "$(db_digest)" = "$before" ]
}

@test "db stats, check and backup work on a live database" {
    init_db
    run -0 hujing db stats -f tsv --no-header
    [[ "$output" == *$'rows.unit\t92'* ]]
    run -0 --separate-stderr hujing db check
    [[ "$stderr" == *"检查通过"* ]]
    run -0 hujing db backup copy.db
    [ "$(sqlite3 copy.db 'SELECT count(*) FROM unit')" = 92 ]
    [ "$(stat -c %a copy.db)" = 600 ]
    run -5 --separate-stderr hujing db backup copy.db
    assert_error_line "已存在"
}

@test "db migrate on a current database prints the version" {
    init_db
    run -0 hujing db migrate
    [ "$output" = "$(sqlite3 "$HUJING_DB" 'PRAGMA user_version')" ]
}

@test "a database newer than the binary is exit 7 and left alone" {
    init_db
    sqlite3 "$HUJING_DB" 'PRAGMA user_version = 9999'
    before=$(db_digest)
    run -7 --separate-stderr hujing unit list
    assert_error_line "新"
    [ "$(db_digest)" = "$before" ]
}

# A version-1 file made the way an old hujing made it.
make_v1_db() {
    sqlite3 "$1" "PRAGMA journal_mode = WAL;" >/dev/null
    sqlite3 "$1" < "$HUJING_SOURCE_DIR/schemas/migrations/0001_foundation.sql"
    sqlite3 "$1" "INSERT INTO unit(code, name, kind) VALUES ('ZADD', '治安大队', 'police_team'); PRAGMA user_version = 1;"
}

@test "an older database is upgraded on open, once, with a backup and one notice" {
    make_v1_db "$HUJING_DB"
    run -0 --separate-stderr hujing unit list -f tsv --no-header --fields code
    [ "$output" = ZADD ]
    [[ "$stderr" == *"升级"* ]]
    [ -e "$HUJING_DB.bak-v1" ]
    [ "$(sqlite3 "$HUJING_DB.bak-v1" 'PRAGMA user_version')" = 1 ]
    [ "$(sqlite3 "$HUJING_DB" 'PRAGMA user_version')" -gt 1 ]
    run -0 --separate-stderr hujing unit list
    [[ "$stderr" != *"升级"* ]]
}

@test "two processes opening an old database at once both succeed and it is migrated once" {
    make_v1_db "$HUJING_DB"
    hujing unit list >out1 2>err1 & p1=$!
    hujing unit list >out2 2>err2 & p2=$!
    wait $p1
    wait $p2
    [ "$(cat err1 err2 | grep -c 升级)" -eq 1 ]
    [ "$(sqlite3 "$HUJING_DB" 'PRAGMA user_version')" -gt 1 ]
    run -0 --separate-stderr hujing db check
}

@test "audit verify passes, then names the first altered row after triggers are dropped" {
    init_db
    add_officers
    run -0 --separate-stderr hujing audit verify
    [ ${#output} -eq 64 ]
    sqlite3 "$HUJING_DB" "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'x' WHERE id = 5;"
    run -5 --separate-stderr hujing audit verify
    assert_error_line "第 5 行"
    run -5 --separate-stderr hujing db check
}

@test "audit verify finds a deleted tail row" {
    init_db
    add_officers
    last=$(sqlite3 "$HUJING_DB" 'SELECT max(id) FROM audit_log')
    sqlite3 "$HUJING_DB" "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id = $last;"
    run -5 --separate-stderr hujing audit verify
    assert_error_line "$last"
}

@test "audit log records the actor and the command line, and filters" {
    init_db
    hujing --as 000001 officer add 100001 --name 甲 --unit ZADD >/dev/null
    run -0 hujing audit log --entity officer --entity-id 2 -f tsv --no-header --fields actor,action,command
    [[ "$output" == "000001"$'\t'"add"$'\t'"hujing --as 000001 officer add 100001 --name 甲 --unit ZADD" ]]
    run -0 hujing audit log --actor nobody -f json
    [ "$output" = "[]" ]
}

@test "a failing command leaves the database byte-identical" {
    init_db
    add_officers
    sqlite3 "$HUJING_DB" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
    before=$(sha256sum "$HUJING_DB" | cut -d' ' -f1)
    run -5 hujing officer add 100001 --name 重复 --unit ZADD
    run -3 hujing officer add 100009 --name 无单位 --unit 不存在
    run -4 hujing officer add 1000 --name 短警号 --unit ZADD
    sqlite3 "$HUJING_DB" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
    [ "$(sha256sum "$HUJING_DB" | cut -d' ' -f1)" = "$before" ]
}

@test "a failing --reveal command records no reveal and leaves the database byte-identical" {
    init_db
    add_officers
    sqlite3 "$HUJING_DB" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
    before=$(sha256sum "$HUJING_DB" | cut -d' ' -f1)
    rows=$(sqlite3 "$HUJING_DB" 'SELECT count(*) FROM audit_log')
    run -3 --separate-stderr hujing --reveal enterprise show 99
    assert_error_line "99"
    run -3 --separate-stderr hujing --reveal officer show 199999
    run -4 --separate-stderr hujing --reveal enterprise list --fields id,phone --town 火星镇
    [ "$(sqlite3 "$HUJING_DB" 'SELECT count(*) FROM audit_log')" = "$rows" ]
    sqlite3 "$HUJING_DB" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
    [ "$(sha256sum "$HUJING_DB" | cut -d' ' -f1)" = "$before" ]
    # A successful reveal is audited once, in the command's own transaction.
    run -0 hujing --reveal officer show 100001
    [ "$(sqlite3 "$HUJING_DB" "SELECT count(*) FROM audit_log WHERE action = 'reveal'")" = 1 ]
    run -0 hujing --reveal officer add 100009 --name 乙 --unit ZADD --phone 13800000000
    [ "$(sqlite3 "$HUJING_DB" "SELECT count(*) FROM audit_log WHERE action = 'reveal'")" = 1 ]
}

@test "a units.yaml value of the wrong type is exit 4 with FILE:LINE:" {
    mkdir -p data
    cat >data/units.yaml <<'YAML'
units:
  - {code: HQYS, name: 护企优商服务中心, kind: centre}
  - {code: [JZDD, X], name: 经侦大队, kind: police_team}
YAML
    HUJING_DATA_DIR="$PWD/data" run -4 --separate-stderr hujing -q init
    assert_error_line
    [[ "$stderr" == *"units.yaml:3:"* ]] || { echo "$stderr" >&2; return 1; }
    printf 'units:\n  - {code: HQYS, kind: centre}\n' >data/units.yaml
    rm -f "$HUJING_DB"
    HUJING_DATA_DIR="$PWD/data" run -4 --separate-stderr hujing -q init
    [[ "$stderr" == *"units.yaml:2:"* ]] || { echo "$stderr" >&2; return 1; }
}

@test "audit verify names a row whose text is not valid UTF-8 JSON" {
    init_db
    add_officers
    sqlite3 "$HUJING_DB" "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET after = CAST(X'7B22223AFF7D' AS TEXT) WHERE id = 3;"
    run -5 --separate-stderr hujing audit verify
    assert_error_line "第 3 行"
    run -5 --separate-stderr hujing db check
    run -5 --separate-stderr hujing audit log
    assert_error_line "第 3 行"
}

@test "a read-only database file is exit 6 for a write" {
    init_db
    before=$(db_digest)
    if [ "$(id -u)" -ne 0 ]; then
        chmod 0400 "$HUJING_DB"
        run -6 --separate-stderr hujing officer add 100001 --name 甲 --unit ZADD
    else
        # Root ignores file permissions: make the file itself read-only with a bind mount in a
        # mount namespace of this command alone (the directory stays writable for -wal/-shm).
        unshare -m true 2>/dev/null || skip "unshare -m is not permitted here"
        run -6 --separate-stderr unshare -m sh -c \
            'mount --bind "$1" "$1" && mount -o remount,ro,bind "$1" "$1" && shift && exec "$@"' \
            sh "$HUJING_DB" "$HUJING" officer add 100001 --name 甲 --unit ZADD
    fi
    assert_error_line "只读"
    [ "$(db_digest)" = "$before" ]
}

@test "a database held by another writer is exit 6 after the busy timeout" {
    init_db
    # Hold the write lock from a background sqlite3 for a while.
    { printf 'BEGIN IMMEDIATE;\nINSERT INTO setting VALUES ("x","1");\n'; sleep 2; printf 'ROLLBACK;\n'; } | sqlite3 "$HUJING_DB" &
    sleep 0.5
    HUJING_BUSY_MS=200 run -6 --separate-stderr hujing officer add 100001 --name 甲 --unit ZADD
    assert_error_line "忙"
    wait
}
