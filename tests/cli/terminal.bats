#!/usr/bin/env bats
# At an officer's terminal (a pseudo-terminal of 80 and 100 columns): tables that fit without
# cutting ids, codes or dates, long text wrapped, the pager for long output, colour for what is
# overdue or at risk — and none of it when stdout is not a terminal.
load helpers

PTY="$BATS_TEST_DIRNAME/term_pty.py"
WIDTH="$BATS_TEST_DIRNAME/width.py"
LONG_TEXT=外籍员工因工作签证即将到期需要加急办理延期手续同时咨询家属随行居留许可的材料清单和办理地点

# On a terminal of $1 columns and 40 lines: the command after it, stdout captured as $output.
on_tty() {
    local cols=$1
    shift
    run --separate-stderr python3 "$PTY" "$cols" 40 "$HUJING" "$@"
}

# Two enterprises, the overdue demand 1 (routed 2025-10-09, due 2025-10-13) with a long text and
# a long handling note, demand 2 collected only.
seed_demands() {
    seed_enterprises_and_officers
    hujing --today 2025-10-09 demand add $E1 --text "$LONG_TEXT" --category 出入境 >/dev/null
    hujing --today 2025-10-09 demand route 1 --unit 出入境大队 --within 2 >/dev/null
    hujing --today 2025-10-10 demand handle 1 --note "已联系企业人事部门负责人，告知需提供劳动合同、单位营业执照副本和外籍员工护照原件，预约下周二到出入境大队窗口办理" >/dev/null
    hujing --today 2025-10-14 demand add $E2 --text 停车难 --category 其他 >/dev/null
}

assert_fits() {
    local widest
    widest=$(printf '%s\n' "$output" | python3 "$WIDTH")
    [ "$widest" -le "$1" ] || { echo "a line is $widest columns wide:" >&2; echo "$output" >&2; return 1; }
}

@test "demand list fits 80 and 100 columns, shows the text, and cuts no id, date or name" {
    seed_demands
    for cols in 80 100; do
        on_tty "$cols" demand list
        assert_status 0
        assert_fits "$cols"
        [[ "$output" != *"…"* ]] || { echo "$output" >&2; return 1; }
        [[ "$output" == *"诉求内容"* && "$output" == *"外籍员工"* && "$output" == *"停车难"* ]]
        [[ "$output" == *"2025-10-11"* ]] # routed 10-09 within 2 working days (10-11 a working Saturday)
        # The whole enterprise name, wrapped or not, and the whole text, line by line.
        flat=$(printf '%s\n' "$output" | tr -d ' \n')
        [[ "$flat" == *"浙江海亮"* ]]
    done
}

@test "enterprise list keeps every USCC whole at 80 columns" {
    init_db
    hujing -q enterprise import "$HUJING_SOURCE_DIR/examples/enterprises.csv"
    on_tty 80 --no-pager enterprise list --limit 30
    assert_status 0
    assert_fits 80
    [[ "$output" != *"…"* ]]
    [ "$(printf '%s\n' "$output" | grep -cE '^ *[0-9]+  [0-9A-Z]{18}  ')" -eq 30 ]
}

@test "COLUMNS sets the width as the terminal does, also for a table written to a pipe" {
    seed_demands
    COLUMNS=80 run -0 hujing -f table demand list
    assert_fits 80
    [[ "$output" == *"2025-10-11"* ]]
    COLUMNS=60 run -0 hujing -f table demand list --fields id,due,text
    assert_fits 60
    run -0 hujing -f table demand list --fields id,text
    [[ "$output" == *"$LONG_TEXT"* ]] # no width: one line per row
}

@test "a column empty in every row is left out; --fields keeps it" {
    seed_demands
    COLUMNS=100 run -0 hujing -f table demand list --status collected
    [[ "$output" != *"承办单位"* && "$output" != *"办理期限"* ]]
    [[ "$output" == *"停车难"* ]]
    COLUMNS=100 run -0 hujing -f table demand list --status collected --fields id,unit,text
    [[ "$output" == *"承办单位"* ]]
}

@test "a long handling note in demand show is wrapped, not cut" {
    seed_demands
    for cols in 80 100; do
        on_tty "$cols" demand show 1
        assert_status 0
        assert_fits "$cols"
        [[ "$output" != *"…"* ]]
        flat=$(printf '%s\n' "$output" | tr -d ' \n')
        [[ "$flat" == *"预约下周二到出入境大队窗口办理"* ]]
        [[ "$flat" == *"诉求内容:$LONG_TEXT"* ]]
    done
}

@test "long output on a terminal goes through \$PAGER; short output, --no-pager and a pipe do not" {
    init_db
    hujing -q enterprise import "$HUJING_SOURCE_DIR/examples/enterprises.csv"
    export PAGER="cat > $BATS_TEST_TMPDIR/paged"
    on_tty 100 enterprise list --limit 100
    assert_status 0
    [ "$(grep -cE '^ *[0-9]+  [0-9A-Z]{18}  ' "$BATS_TEST_TMPDIR/paged")" -eq 100 ]
    [[ "$output" != *91330681* ]]
    rm "$BATS_TEST_TMPDIR/paged"
    on_tty 100 enterprise list --limit 5
    [ ! -e "$BATS_TEST_TMPDIR/paged" ]
    [ "$(printf '%s\n' "$output" | grep -cE '^ *[0-9]+  [0-9A-Z]{18}  ')" -eq 5 ]
    on_tty 100 --no-pager enterprise list --limit 100
    [ ! -e "$BATS_TEST_TMPDIR/paged" ]
    [ "$(printf '%s\n' "$output" | grep -cE '^ *[0-9]+  [0-9A-Z]{18}  ')" -eq 100 ]
    run -0 hujing -f table enterprise list --limit 100
    [ ! -e "$BATS_TEST_TMPDIR/paged" ]
    on_tty 100 enterprise list --help
    [ ! -e "$BATS_TEST_TMPDIR/paged" ] || [ "$(wc -l < "$BATS_TEST_TMPDIR/paged")" -ge 40 ]
}

@test "without \$PAGER the pager is less -FRX, with LESS=FRX unless LESS is set" {
    init_db
    hujing -q enterprise import "$HUJING_SOURCE_DIR/examples/enterprises.csv"
    mkdir bin
    printf '#!/bin/sh\necho "$*" > "%s/args"; echo "$LESS" > "%s/less_env"; cat > /dev/null\n' \
        "$BATS_TEST_TMPDIR" "$BATS_TEST_TMPDIR" > bin/less
    chmod +x bin/less
    unset PAGER LESS
    PATH="$BATS_TEST_TMPDIR/bin:$PATH" on_tty 100 enterprise list
    assert_status 0
    [ "$(cat args)" = "-FRX" ]
    [ "$(cat less_env)" = "FRX" ]
    LESS=S PATH="$BATS_TEST_TMPDIR/bin:$PATH" on_tty 100 enterprise list
    [ "$(cat less_env)" = "S" ]
}

@test "overdue demands and red or orange risks are coloured on a terminal, never with NO_COLOR or in a pipe" {
    seed_demands
    hujing enterprise risk add $E1 --level 红 --description 资金链紧张 --unit ZADD --leader 王某 >/dev/null
    hujing enterprise risk add $E2 --level 橙 --description 危化品储存 --unit ZADD --leader 孟某 >/dev/null
    hujing enterprise risk add $E2 --level 蓝 --description 合同纠纷 --unit ZADD --leader 孟某 >/dev/null
    on_tty 100 demand list
    assert_status 0
    red=$'\e[31m'
    orange=$'\e[38;5;208m'
    [ "$(printf '%s\n' "$output" | grep -cF "$red")" -ge 1 ]
    printf '%s\n' "$output" | grep -F "$red" | grep -q 浙江海亮
    ! printf '%s\n' "$output" | grep -F "停车难" | grep -qF $'\e['
    on_tty 100 enterprise risk list
    printf '%s\n' "$output" | grep -F "$red" | grep -q 资金链紧张
    printf '%s\n' "$output" | grep -F "$orange" | grep -q 危化品储存
    ! printf '%s\n' "$output" | grep -F 合同纠纷 | grep -qF $'\e['
    NO_COLOR=1 on_tty 100 demand list
    [[ "$output" != *$'\e['* ]]
    [[ "$output" == *"停车难"* ]]
    run -0 hujing -f table enterprise risk list
    [[ "$output" != *$'\e['* ]]
}

@test "visit due colours the overdue rows on a terminal" {
    seed_enterprises_and_officers
    hujing enterprise assign $E1 --officer 100001 --role 企业警官 --since 2025-01-01 >/dev/null
    on_tty 120 visit due
    assert_status 0
    printf '%s\n' "$output" | grep -F $'\e[31m' | grep -q $E1
    NO_COLOR=1 on_tty 120 visit due
    [[ "$output" != *$'\e['* ]]
}

@test "show through a pipe keeps every section as a '# 标题' block; on a terminal it fits too" {
    seed_demands
    hujing enterprise assign $E1 --officer 100001 --role 企业警官 >/dev/null
    hujing visit log $E1 --officer 100001 --summary 走访 >/dev/null
    run -0 bash -c "'$HUJING' enterprise show $E1 | cat"
    for title in 责任民警 信用记录 未结风险 最近走访 未办结诉求; do
        [[ "$output" == *$'\n# '"$title"* ]] || { echo "no section $title" >&2; return 1; }
    done
    printf '%s\n' "$output" | grep -q $'^100001\t'
    for cols in 80 100; do
        on_tty "$cols" enterprise show $E1
        assert_status 0
        assert_fits "$cols"
        [[ "$output" == *"未办结诉求"* && "$output" == *"张警官"* ]]
        [[ "$output" != *"…"* ]]
    done
}
