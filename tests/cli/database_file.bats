#!/usr/bin/env bats
# The database file itself: only init creates one, a foreign file is left alone, concurrent
# inits agree, no copy is readable by others, and the audit log's command line hides PII.
load helpers

# A SQLite file of some other application.
make_foreign_db() {
    sqlite3 "$1" "PRAGMA journal_mode = WAL; CREATE TABLE orders(id INTEGER PRIMARY KEY, item TEXT);
                  INSERT INTO orders(item) VALUES ('袜子');" >/dev/null
}

file_digest() {
    sha256sum "$1" | cut -d' ' -f1
}

@test "a command on another application's SQLite file is exit 4 and the file is untouched" {
    make_foreign_db "$HUJING_DB"
    before=$(file_digest "$HUJING_DB")
    for cmd in "unit list" "officer add 100001 --name 甲 --unit ZADD" "db stats" "audit verify"; do
        # shellcheck disable=SC2086
        run -4 --separate-stderr hujing $cmd
        assert_error_line "不是 hujing 数据库: $HUJING_DB"
        [ "$(printf '%s\n' "$stderr" | wc -l)" -eq 1 ]
    done
    [ "$(file_digest "$HUJING_DB")" = "$before" ]
    [ "$(sqlite3 "$HUJING_DB" "SELECT count(*) FROM sqlite_schema WHERE type = 'table'")" -eq 1 ]
}

@test "init refuses another application's SQLite file too" {
    make_foreign_db "$HUJING_DB"
    before=$(file_digest "$HUJING_DB")
    run -4 --separate-stderr hujing init
    assert_error_line "不是 hujing 数据库"
    [ "$(file_digest "$HUJING_DB")" = "$before" ]
}

@test "an empty file is exit 4 for every command but init, and init makes it a database" {
    : >"$HUJING_DB"
    run -4 --separate-stderr hujing unit list
    assert_error_line "数据库是空文件"
    [[ "$stderr" == *"hujing init"* ]]
    [ ! -s "$HUJING_DB" ]
    run -4 --separate-stderr hujing officer add 100001 --name 甲 --unit 不存在
    [ ! -s "$HUJING_DB" ]
    run -0 hujing -q init
    [ "$(stat -c %a "$HUJING_DB")" = 600 ]
    run -0 hujing unit list -f tsv --no-header --fields code
    [ "$(printf '%s\n' "$output" | wc -l)" -eq 92 ]
}

@test "30 rounds of 8 concurrent inits on a new path: all exit 0 and leave one complete database" {
    for round in $(seq 30); do
        db="$BATS_TEST_TMPDIR/race$round.db"
        pids=()
        for i in $(seq 8); do
            "$HUJING" -q --db "$db" init 2>"err$round.$i" & pids+=($!)
        done
        for pid in "${pids[@]}"; do
            wait "$pid" || { cat "err$round".*; return 1; }
        done
        [ -f "$db" ]
        [ "$(stat -c %a "$db")" = 600 ]
        run -0 hujing --db "$db" db check
        [ "$(hujing --db "$db" unit list -f tsv --no-header --fields code | wc -l)" -eq 92 ]
        # No temporary file is left beside it.
        [ -z "$(find "$BATS_TEST_TMPDIR" -name "race$round.db.init-*")" ]
    done
}

@test "init in a missing folder is exit 4 naming the path" {
    run -4 --separate-stderr hujing --db "$BATS_TEST_TMPDIR/nosuch/dir/x.db" init
    assert_error_line "nosuch/dir/x.db"
}

@test "the upgrade backup is 0600 under umask 022, like the database" {
    umask 022
    sqlite3 "$HUJING_DB" "PRAGMA journal_mode = WAL;" >/dev/null
    sqlite3 "$HUJING_DB" <"$HUJING_SOURCE_DIR/schemas/migrations/0001_foundation.sql"
    sqlite3 "$HUJING_DB" "PRAGMA user_version = 1;"
    chmod 600 "$HUJING_DB"
    run -0 hujing -q unit list
    [ "$(stat -c %a "$HUJING_DB.bak-v1")" = 600 ]
    [ "$(sqlite3 "$HUJING_DB.bak-v1" 'PRAGMA user_version')" = 1 ]
}

@test "a database the group or others can read gets one warning on open" {
    init_db
    chmod 644 "$HUJING_DB"
    run -0 --separate-stderr hujing unit list
    [[ "$stderr" == *"的权限为 0644，其他用户可以读取"* ]]
    [[ "$stderr" == *"chmod 600"* ]]
    [ "$(printf '%s\n' "$stderr" | wc -l)" -eq 1 ]
    chmod 640 "$HUJING_DB"
    run -0 --separate-stderr hujing unit list
    [[ "$stderr" == *"的权限为 0640，其他用户可以读取"* ]]
    chmod 600 "$HUJING_DB"
    run -0 --separate-stderr hujing unit list
    [ -z "$stderr" ]
}

@test "-wal and -shm are 0600 even when the database is 0644" {
    init_db
    chmod 644 "$HUJING_DB"
    # Another connection keeps the WAL files open, created from the database's mode.
    mkfifo hold
    sqlite3 "$HUJING_DB" <hold >/dev/null &
    holder=$!
    exec 7>hold
    echo "BEGIN; SELECT count(*) FROM unit;" >&7
    for _ in $(seq 50); do [ -e "$HUJING_DB-shm" ] && break; sleep 0.1; done
    [ "$(stat -c %a "$HUJING_DB-shm")" = 644 ]
    run -0 hujing -q officer add 100009 --name 丙 --unit ZADD
    [ "$(stat -c %a "$HUJING_DB-wal")" = 600 ]
    [ "$(stat -c %a "$HUJING_DB-shm")" = 600 ]
    exec 7>&-
    wait "$holder"
}

@test "the audit log's command line masks phone numbers and ID numbers" {
    init_db
    hujing officer add 100001 --name 甲 --unit ZADD --phone 13911112222 >/dev/null
    hujing officer update 100001 --phone=13933334444 >/dev/null
    run -0 hujing audit log --entity officer -f tsv --no-header --fields command
    [[ "$output" == *"--phone 139****2222"* ]]
    [[ "$output" == *"--phone=139****4444"* ]]
    [[ "$output" != *13911112222* ]]
    [[ "$output" != *13933334444* ]]
    run -0 sqlite3 "$HUJING_DB" "SELECT group_concat(command, ' ') FROM audit_log"
    [[ "$output" != *13911112222* ]]
    # An ID number given as any option's value is masked too.
    hujing officer update 100001 --name 11010519491231002X >/dev/null
    run -0 hujing audit log --entity officer -f tsv --no-header --fields command
    [[ "$output" != *11010519491231002X* ]]
    [[ "$output" == *"--name 110"*"02X"* ]]
}
