#!/usr/bin/env bats
# Who acts (issue 10 item 7): casework needs --as / HUJING_OFFICER to be a registered, active
# officer; organisation set-up may run as the operating-system user; every audit row records both.

load helpers

U1=91330681MA2EDNXU2B

@test "casework by an unregistered, inactive or missing officer is exit 3 and changes nothing" {
    init_db
    hujing officer add 100002 --name 乙 --unit ZADD >/dev/null
    hujing officer update 100002 --no-active >/dev/null
    before=$(db_digest)
    run -3 --separate-stderr hujing --as 999999 enterprise add "$U1" --name 甲
    assert_error_line "操作民警未登记: 999999"
    [[ "$stderr" == *"HUJING_OFFICER"* ]]
    run -3 --separate-stderr hujing --as 张三 enterprise add "$U1" --name 甲
    assert_error_line "操作民警未登记: 张三"
    run -3 --separate-stderr hujing --as 100002 enterprise add "$U1" --name 甲
    assert_error_line "操作民警 100002 已停用"
    HUJING_OFFICER= run -3 --separate-stderr hujing enterprise add "$U1" --name 甲
    assert_error_line "未指明操作民警"
    [ "$(db_digest)" = "$before" ]
    # Reading needs no officer.
    HUJING_OFFICER= run -0 hujing enterprise list -f tsv
}

@test "the audit row names the officer and the operating-system user" {
    init_db
    hujing enterprise add "$U1" --name 甲 >/dev/null
    run -0 hujing audit log --entity enterprise -f tsv --no-header --fields actor,os_user,action
    [ "$output" = "000001"$'\t'"$(id -un)"$'\t'"add" ]
}

@test "set-up runs as the operating-system user, or as the officer --as names" {
    init_db
    HUJING_OFFICER= hujing officer add 100001 --name 甲 --unit ZADD >/dev/null
    hujing --as 100009 unit add SZ9 测试室 --kind liaison_room >/dev/null
    hujing officer update 100001 --name 甲一 >/dev/null
    run -0 hujing audit log --entity officer -f tsv --no-header --fields actor,os_user,command
    user=$(id -un)
    [ "${lines[1]}" = "$user"$'\t'"$user"$'\t'"hujing officer add 100001 --name 甲 --unit ZADD" ]
    [ "${lines[2]}" = "000001"$'\t'"$user"$'\t'"hujing officer update 100001 --name 甲一" ]
    # An --as that names no officer is not recorded as if it were one.
    run -0 hujing audit log --entity unit -f tsv --no-header --fields actor,command
    [ "${lines[-1]}" = "$user"$'\t'"hujing --as 100009 unit add SZ9 测试室 --kind liaison_room" ]
}

@test "the audit chain covers the operating-system user" {
    init_db
    hujing enterprise add "$U1" --name 甲 >/dev/null
    run -0 hujing audit verify
    sqlite3 "$HUJING_DB" "DROP TRIGGER audit_log_no_update;
        UPDATE audit_log SET os_user = 'mallory' WHERE entity = 'enterprise';"
    run -5 --separate-stderr hujing audit verify
    assert_error_line "记录被改动"
}
