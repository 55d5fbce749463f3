#!/usr/bin/env bats
# What every listing shares (DESIGN.md §2): --limit, --offset, --sort on each `list` verb.
load helpers

# The small lodging and netcafe forms these tests were written against stand in for the
# built-in ones (a data file under $HUJING_DATA_DIR overrides the embedded one).
SUITE_DATA_DIR="$HUJING_SOURCE_DIR/tests/fixtures/datadir"

# Every verb that lists rows, as "noun verb [args]", from the binary's own command tree.
list_verbs() {
    hujing __dump-cli | awk -F'\t' '$1 == "verb" && ($3 == "list" || $2 $3 == "auditlog" || $3 == "due" || $3 == "towns") { print $2 " " $3 }'
}

seed() {
    init_db
    hujing officer add 100001 --name 张警官 --unit PCS-DK --roles 企业警官,项目警官 >/dev/null
    hujing officer add 100002 --name 李警官 --unit PCS-DK --roles 企业警官 >/dev/null
    hujing officer add 100003 --name 王警官 --unit PCS-DT --roles 企业警官 >/dev/null
    hujing enterprise add 91330681MA2EDNXU2B --name 甲公司 --town 店口镇 >/dev/null
    hujing enterprise add 91330681MA2FF2KRXM --name 乙公司 --town 大唐街道 >/dev/null
    hujing enterprise add 91330681MA2D86XM28 --name 丙公司 --town 枫桥镇 >/dev/null
    for e in 1 2 3; do
        hujing enterprise assign $e --officer 10000$e --role 企业警官 --since 2025-01-01 >/dev/null
        hujing enterprise risk add $e --level 黄 --description 风险$e --unit JZDD --leader 某某 >/dev/null
        hujing visit log $e --officer 10000$e --date 2025-02-0$e --summary 走访$e --demand 诉求$e >/dev/null
    done
    hujing project add 项目甲 --officer 100001 --since 2025-01-01 >/dev/null
    hujing project add 项目乙 --officer 100001 --since 2025-01-01 >/dev/null
    hujing project add 项目丙 --officer 100001 --since 2025-01-01 >/dev/null
    hujing project team add 项目甲 --officer 100002 >/dev/null
    hujing project team add 项目甲 --officer 100003 >/dev/null
    for c in 1 2; do
        hujing case add --no C-$c --title 案件$c --type 合同诈骗 --enterprise $c --role victim --unit JZDD >/dev/null
        hujing case detention request $c --person 张某 --id-no 330681198001011232 --position 高管 \
            --measure 拘留 --reason r --impact i >/dev/null
        hujing case measure request $c --enterprise $c --kind 冻结 --object 账户 --amount 1 \
            --reason r --impact i >/dev/null
    done
    hujing officer add 100011 --name 检查员甲 --unit ZADD --inspector >/dev/null
    hujing officer add 100012 --name 检查员乙 --unit ZADD --inspector >/dev/null
    hujing inspect plan add 计划甲 --forms lodging --ratio 0.1 --window 2025-04-01..2025-06-30 >/dev/null
    hujing inspect plan add 计划乙 --forms lodging --count 2 --window 2025-04-01..2025-06-30 >/dev/null
    local e
    for e in 91330681MA2EDNXU2B 91330681MA2FF2KRXM; do
        hujing inspect record "$e" --forms lodging --inspectors 100011,100012 --date 2025-10-10 \
            --results "$HUJING_SOURCE_DIR/tests/fixtures/results/lodging_ok.yaml" >/dev/null
    done
}

# Arguments a verb needs to list something.
args_of() {
    case "$1" in
        "project team list") echo 项目甲 ;;
    esac
}

@test "the list verbs are the ones this suite knows" {
    run -0 list_verbs
    [ "${#lines[@]}" -ge 12 ]
    [[ "$output" == *"enterprise risk list"* && "$output" == *"project team list"* ]]
}

@test "every list verb pages with --limit and --offset and sorts by any column with --sort" {
    seed
    while read -r verb; do
        # shellcheck disable=SC2046,SC2086
        all=$(hujing $verb $(args_of "$verb") -f tsv --no-header --fields "$(first_field "$verb")")
        n=$(printf '%s\n' "$all" | grep -c .)
        [ "$n" -ge 2 ] || { echo "$verb lists $n rows; the seed should give at least 2" >&2; return 1; }
        # shellcheck disable=SC2046,SC2086
        got=$(hujing $verb $(args_of "$verb") -f tsv --no-header --fields "$(first_field "$verb")" --offset 1 --limit 1)
        [ "$got" = "$(printf '%s\n' "$all" | sed -n 2p)" ] || { echo "$verb: --offset 1 --limit 1 gave '$got'" >&2; return 1; }
        # shellcheck disable=SC2046,SC2086
        run -4 --separate-stderr hujing $verb $(args_of "$verb") --sort no_such_field
        assert_error_line "未知的排序字段"
        [[ "$stderr" == *"$(first_field "$verb")"* ]]
        # shellcheck disable=SC2046,SC2086
        run -2 hujing $verb $(args_of "$verb") --limit -1
    done < <(list_verbs)
}

# The first column a verb writes, from its csv header.
first_field() {
    # shellcheck disable=SC2046,SC2086
    hujing $1 $(args_of "$1") -f csv | head -n 1 | cut -d, -f1
}

@test "--sort orders by the column, descending with a leading minus" {
    seed
    run -0 hujing unit list --kind station --sort -code --limit 2 -f tsv --no-header --fields code
    [ "$output" = $'PCS-ZJ\nPCS-YJ' ]
    run -0 hujing project list --sort -name -f tsv --no-header --fields name
    [ "$output" = $'项目甲\n项目乙\n项目丙' ] # code point order: 甲 U+7532, 乙 U+4E59, 丙 U+4E19
    run -0 hujing audit log --sort -id --limit 1 -f tsv --no-header --fields id
    [ "$output" = "$(sqlite3 "$HUJING_DB" 'SELECT max(id) FROM audit_log')" ]
    run -0 hujing audit log --offset 2 --limit 1 -f tsv --no-header --fields id
    [ "$output" = 3 ]
}

@test "json of a list carries every field; --fields narrows it" {
    seed
    run -0 hujing demand list --limit 1 -f json
    [ "$(printf '%s' "$output" | python3 -c 'import json,sys; d=json.load(sys.stdin)[0]; print(d["text"], d["visit_id"])')" = "诉求1 1" ]
    run -0 hujing demand list --limit 1 -f jsonl --fields id,text
    [ "$output" = '{"id":1,"text":"诉求1"}' ]
    run -0 hujing demand list --limit 1 -f csv
    [[ "${lines[0]}" == *text* && "${lines[0]}" != *visit_id* ]]
}

@test "audit log --sort -id --limit 1 reads only the row it prints" {
    seed
    # Break the oldest row's JSON: a listing that loaded every row would fail on it.
    sqlite3 "$HUJING_DB" "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET after = '{' WHERE id = 1"
    run -0 hujing audit log --sort -id --limit 1 -f tsv --no-header --fields id,after
    [ "$(cut -f1 <<<"$output")" = "$(sqlite3 "$HUJING_DB" 'SELECT max(id) FROM audit_log')" ]
    run -0 hujing audit log --sort -id --offset 1 --limit 2 -f tsv --no-header --fields id
    [ "${#lines[@]}" -eq 2 ]
}
