#!/usr/bin/env bats
# `inspect record --interactive`, walked through a pseudo-terminal with readline.
load helpers

# The small lodging and netcafe forms these tests were written against stand in for the
# built-in ones (a data file under $HUJING_DATA_DIR overrides the embedded one).
SUITE_DATA_DIR="$HUJING_SOURCE_DIR/tests/fixtures/datadir"

seed() {
    init_db
    add_officers
    head -1 "$HUJING_SOURCE_DIR/examples/enterprises.csv" >e.csv
    grep ',lodging$' "$HUJING_SOURCE_DIR/examples/enterprises.csv" | head -2 >>e.csv
    hujing -q enterprise import e.csv >/dev/null
    L1=$(sed -n 2p e.csv | cut -d, -f1)
}

walk() {
    python3 "$HUJING_SOURCE_DIR/tests/cli/inspect_pty.py" "$1" "$HUJING" inspect record "$L1" \
        --forms lodging --inspectors 100001,100002 --date 2025-10-10 --interactive
}

@test "the items are walked at the terminal: y/n, a bad number asked again, a choice, notes" {
    seed
    printf '%s\t%s\n' \
        'lodging.L01' y '说明' '' \
        'lodging.L02' n '说明' '会客登记缺页' \
        'lodging.L03' y '说明' '' \
        'lodging.L05' 三十 '应为数值' 45 '说明' '' \
        'lodging.L07' 很好 '不在选项中' 齐全 '说明' '' >script.txt
    run -0 walk script.txt
    id=$(printf '%s\n' "$output" | tr -d '\r' | sed 's/\x1b\[[?0-9;]*[a-zA-Z]//g' | grep -E '^[0-9]+$' | tail -n 1)
    [ -n "$id" ]
    [ "$(sqlite3 "$HUJING_DB" "SELECT group_concat(item_id || '=' || result || ':' || coalesce(value, '') || ':' || coalesce(note, ''), ' ')
        FROM (SELECT * FROM inspection_result WHERE inspection_id = $id ORDER BY item_id)")" = \
        "L01=pass:: L02=fail::会客登记缺页 L03=pass:: L05=pass:45: L07=pass:齐全:" ]
    [ "$(sqlite3 "$HUJING_DB" "SELECT conclusion FROM inspection WHERE id = $id")" = corrected ]
}

@test "Ctrl-D abandons the walk and writes nothing" {
    seed
    before=$(db_digest)
    printf '%s\t%s\n' 'lodging.L01' y '说明' '' 'lodging.L02' '^D' >script.txt
    run -4 walk script.txt
    [[ "$output" == *"检查录入已放弃"* ]]
    [ "$(db_digest)" = "$before" ]
}

@test "the checks run before the walk: too few inspectors asks nothing" {
    seed
    run -4 python3 "$HUJING_SOURCE_DIR/tests/cli/inspect_pty.py" /dev/null "$HUJING" inspect record "$L1" \
        --forms lodging --inspectors 100001 --date 2025-10-10 --interactive
    [[ "$output" != *"lodging.L01"* ]]
}
