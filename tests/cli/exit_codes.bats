#!/usr/bin/env bats
# One case per documented exit status (DESIGN.md §2); each failure leaves the file byte-identical.
load helpers

setup_db() {
    init_db
    add_officers
    sqlite3 "$HUJING_DB" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
    snapshot=$(sha256sum "$HUJING_DB" | cut -d' ' -f1)
}

assert_unchanged() {
    sqlite3 "$HUJING_DB" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
    [ "$(sha256sum "$HUJING_DB" | cut -d' ' -f1)" = "$snapshot" ]
}

@test "0: success, and an empty result is success" {
    setup_db
    run -0 hujing officer list --role 知产警官 -f csv
    [ "$output" = "id,badge,name,unit,roles,inspector,active" ]
    run -0 hujing officer list --role 知产警官 -f json
    [ "$output" = "[]" ]
}

@test "1: internal failure (an I/O error)" {
    setup_db
    run -1 --separate-stderr bash -c "'$HUJING' unit list >/dev/full"
    assert_error_line
    assert_unchanged
}

@test "2: usage" {
    setup_db
    run -2 --separate-stderr hujing officer add
    assert_error_line
    assert_unchanged
}

@test "3: not found" {
    setup_db
    run -3 --separate-stderr hujing officer show 999999
    assert_error_line "不存在"
    run -3 --separate-stderr hujing officer update 999999 --name 某
    assert_unchanged
}

@test "4: invalid input, and an unknown --fields name lists the valid ones" {
    setup_db
    run -4 --separate-stderr hujing officer add 12 --name 某 --unit ZADD
    assert_error_line "警号无效"
    run -4 --separate-stderr hujing officer list --fields badge,rank
    assert_error_line "rank"
    [[ "$stderr" == *"badge"* ]]
    assert_unchanged
}

@test "4: a --db that is a directory or not a database, and the file is left alone" {
    mkdir dir.db
    run -4 --separate-stderr hujing --db dir.db init
    assert_error_line "数据库路径是目录: dir.db"
    run -4 --separate-stderr hujing --db dir.db unit list
    assert_error_line "数据库路径是目录"
    printf 'not a database\n' > notes.txt
    run -4 --separate-stderr hujing --db notes.txt unit list
    assert_error_line "不是 SQLite 数据库文件"
    run -4 --separate-stderr hujing --db notes.txt init
    [ "$(cat notes.txt)" = "not a database" ]
    [ -z "$(ls -A dir.db)" ]
}

@test "5: conflict" {
    setup_db
    run -5 --separate-stderr hujing officer add 100001 --name 某 --unit ZADD
    assert_error_line "已存在"
    assert_unchanged
}

@test "6: busy beyond the timeout" {
    setup_db
    { printf 'BEGIN IMMEDIATE;\nINSERT INTO setting VALUES ("x","1");\n'; sleep 2; printf 'ROLLBACK;\n'; } | sqlite3 "$HUJING_DB" &
    sleep 0.5
    HUJING_BUSY_MS=100 run -6 --separate-stderr hujing officer add 100009 --name 某 --unit ZADD
    assert_error_line
    wait
    assert_unchanged
}

@test "7: schema newer than the binary" {
    setup_db
    sqlite3 "$HUJING_DB" 'PRAGMA user_version = 4242'
    sqlite3 "$HUJING_DB" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
    snapshot=$(sha256sum "$HUJING_DB" | cut -d' ' -f1)
    run -7 --separate-stderr hujing officer list
    assert_error_line
    assert_unchanged
}
