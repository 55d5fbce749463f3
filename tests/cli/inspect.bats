#!/usr/bin/env bats
# Combined inspection (综合查一次) and the double-random draw (双随机、一公开).
load helpers

# The small lodging and netcafe forms these tests were written against stand in for the
# built-in ones (a data file under $HUJING_DATA_DIR overrides the embedded one).
SUITE_DATA_DIR="$HUJING_SOURCE_DIR/tests/fixtures/datadir"

FORMS="$HUJING_SOURCE_DIR/tests/fixtures/forms"
RESULTS="$HUJING_SOURCE_DIR/tests/fixtures/results"

# 20 lodging and 3 netcafe enterprises of the demo set, four inspectors of 治安大队.
seed() {
    init_db
    add_officers
    head -1 "$HUJING_SOURCE_DIR/examples/enterprises.csv" >e.csv
    grep ',lodging$' "$HUJING_SOURCE_DIR/examples/enterprises.csv" | head -20 >>e.csv
    grep ',netcafe$' "$HUJING_SOURCE_DIR/examples/enterprises.csv" | head -3 >>e.csv
    hujing -q enterprise import e.csv >/dev/null
    L1=$(sed -n 2p e.csv | cut -d, -f1)
    L2=$(sed -n 3p e.csv | cut -d, -f1)
}

record_ok() {
    hujing inspect record "$L1" --forms lodging --inspectors 100001,100002 --date 2025-10-10 \
        --results "$RESULTS/lodging_ok.yaml" "$@"
}

@test "init loads the built-in forms; forms and form show list them" {
    seed
    run -0 hujing inspect forms -f tsv --no-header --fields id,version,unit_code
    [[ "$output" == *$'lodging\t1\tZADD'* ]]
    run -0 hujing inspect form show lodging -f json
    python3 -c '
import json, sys
f = json.loads(sys.argv[1])
assert f["id"] == "lodging" and f["version"] == 1, f
ids = [i["id"] for i in f["items"]]
assert ids[:3] == ["L01", "L02", "L03"], ids
l05 = [i for i in f["items"] if i["id"] == "L05"][0]
assert l05["kind"] == "number" and l05["min"] == 30 and l05["required"] is True, l05
for key in ("id", "text", "kind", "required", "severity", "basis", "rectify_days"):
    assert key in f["items"][0], key
' "$output"
    run -3 --separate-stderr hujing inspect form show nosuch
    assert_error_line "表单不存在"
}

@test "form validate: every bad template is exit 4 with FILE:LINE:COL" {
    seed
    declare -A expect=(
        [unknown_key]="未知的键: colour"
        [duplicate_item]="检查项编号重复: B01"
        [bad_kind]="类型无效: boolean"
        [choice_without_choices]="缺少 choices"
        [missing_text]="缺少检查内容"
        [bad_severity]="严重程度无效: fatal"
        [unknown_unit]="未知的检查单位: NOPE"
    )
    before=$(db_digest)
    for name in "${!expect[@]}"; do
        run -4 --separate-stderr hujing inspect form validate "$FORMS/bad/$name.yaml"
        [[ "$stderr" =~ $name\.yaml:[0-9]+:[0-9]+:\ .*${expect[$name]} ]] || { echo "$name: $stderr"; false; }
        assert_error_line "表单有 1 处错误"
        run -4 hujing inspect form load "$FORMS/bad/$name.yaml"
    done
    [ "$(db_digest)" = "$before" ]
}

@test "form validate lists every mistake at once, and warnings apart" {
    seed
    run -4 --separate-stderr hujing inspect form validate "$FORMS/bad/two_mistakes.yaml" "$FORMS/lodging.yaml"
    [[ "$stderr" == *"two_mistakes.yaml:4:1: 未知的键: colour"* ]]
    [[ "$stderr" =~ two_mistakes\.yaml:7:[0-9]+:\ 类型无效:\ maybe ]]
    assert_error_line "表单有 2 处错误"
    run -0 --separate-stderr hujing inspect form validate "$FORMS/warn_no_basis.yaml"
    [[ "$stderr" =~ warn_no_basis\.yaml:7:[0-9]+:\ 警告:\ 检查项\ B01\ 没有依据 ]]
}

@test "form load: unchanged is nothing, a change is a new version, a kind change is refused" {
    seed
    run -0 hujing inspect form load "$FORMS/blasting.yaml"
    [ "$output" = $'blasting\t1\tadded' ]
    run -0 hujing inspect form load "$FORMS"
    [[ "$output" == *$'blasting\t1\tunchanged'* ]]
    [[ "$output" == *$'lodging\t1\tunchanged'* ]]
    sed 's/是否建立销售台账/是否建立并落实销售台账/' "$FORMS/blasting.yaml" >h.yaml
    run -0 hujing inspect form load h.yaml
    [ "$output" = $'blasting\t2\tchanged' ]
    run -0 hujing inspect form show blasting --version 1 -f json
    [ "$(printf '%s' "$output" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["text"])')" = 是否建立销售台账 ]
    sed 's/{id: H01, text: 是否建立销售台账, kind: yesno/{id: H01, text: x, kind: text/' "$FORMS/blasting.yaml" >k.yaml
    before=$(db_digest)
    run -5 --separate-stderr hujing inspect form load k.yaml
    assert_error_line "H01 类型由 yesno 改为 text"
    [ "$(db_digest)" = "$before" ]
}

@test "record: results file, rectifications on the official calendar, derived conclusion" {
    seed
    run -0 record_ok
    id=$output
    run -0 hujing inspect show "$id" -f json
    python3 -c '
import json, sys
d = json.loads(sys.argv[1])
assert d["conclusion"] == "corrected", d
r = {x["item"]: x["result"] for x in d["results"]}
assert r == {"L01": "pass", "L02": "fail", "L03": "pass", "L05": "pass", "L07": "fail"}, r
rect = {x["item"]: x["due"] for x in d["rectifications"]}
# 5 working days after Friday 2025-10-10: Saturday 10-11 is a 调休 working day.
assert rect == {"L02": "2025-10-16", "L07": "2025-10-16"}, rect
assert d["inspectors"] == ["100001", "100002"], d
' "$output"
    run -0 hujing inspect list --open-rectifications -f tsv --no-header --fields id,conclusion,open_rectifications
    [ "$output" = "$id"$'\tcorrected\t2' ]
    [ "$(sqlite3 "$HUJING_DB" "SELECT result FROM v_inspection_result WHERE item_id = 'L02'")" = fail ]
    run -0 hujing inspect record "$L2" --forms lodging --inspectors 100001,100003 --date 2025-10-10 \
        --results "$RESULTS/critical_fail.yaml"
    [ "$(sqlite3 "$HUJING_DB" "SELECT conclusion FROM v_inspection WHERE id = $output")" = pending ]
    run -0 hujing inspect record "$L2" --forms lodging --inspectors 100001,100003 --date 2025-10-10 \
        --results "$RESULTS/critical_fail.yaml" --conclusion 发现问题已责令改正
    [ "$(sqlite3 "$HUJING_DB" "SELECT conclusion FROM inspection WHERE id = $output")" = corrected ]
    run -0 hujing audit verify
}

@test "record: every bad results file is exit 4 with FILE:LINE:COL, database unchanged" {
    seed
    declare -A expect=(
        [unknown_item]="unknown_item.yaml:6:3: 表单 lodging 没有检查项 L99"
        [number_text]="number_text.yaml:5:3: 检查项 L05 应为数值"
        [choice_outside]="choice_outside.yaml:6:3: 检查项 L07 的“很好”不在选项中"
        [missing_required]="missing_required.yaml:1:1: 必查项 lodging.L03"
        [unknown_form]="unknown_form.yaml:7:3: 表单 netcafe 不在本次检查的表单中"
        [syntax]="syntax.yaml:3:"
    )
    before=$(db_digest)
    for name in "${!expect[@]}"; do
        run -4 --separate-stderr hujing inspect record "$L1" --forms lodging --inspectors 100001,100002 \
            --date 2025-10-10 --results "$RESULTS/$name.yaml"
        [[ "$stderr" == *"${expect[$name]}"* ]] || { echo "$name: $stderr"; false; }
        assert_error_line
    done
    [ "$(db_digest)" = "$before" ]
}

@test "record gates: two inspectors, inspectors only, 回避, 无事不扰, unknown ids" {
    seed
    hujing officer add 100009 --name 非检查员 --unit ZADD >/dev/null
    hujing enterprise assign "$L1" --officer 100003 --role 企业警官 >/dev/null
    hujing enterprise exempt "$L1" --form lodging --until 2026-06-30 --reason 无事不扰 >/dev/null
    before=$(db_digest)
    run -4 --separate-stderr hujing inspect record "$L1" --forms lodging --inspectors 100001 \
        --date 2025-10-10 --results "$RESULTS/lodging_ok.yaml"
    assert_error_line "检查人员只有 1 名"
    run -5 --separate-stderr hujing inspect record "$L1" --forms lodging --inspectors 100001,100009 \
        --date 2025-10-10 --results "$RESULTS/lodging_ok.yaml"
    assert_error_line "不是在岗的检查人员"
    run -5 --separate-stderr hujing inspect record "$L1" --forms lodging --inspectors 100001,100003 \
        --date 2025-10-10 --results "$RESULTS/lodging_ok.yaml"
    assert_error_line "应当回避"
    run -5 --separate-stderr record_ok
    assert_error_line "免检"
    [[ "$stderr" == *"定向检查"* ]]
    run -3 --separate-stderr hujing inspect record "$L1" --forms nosuch --inspectors 100001,100002 \
        --date 2025-10-10 --results "$RESULTS/lodging_ok.yaml"
    run -3 --separate-stderr hujing inspect record "$L1" --forms lodging --inspectors 100001,999999 \
        --date 2025-10-10 --results "$RESULTS/lodging_ok.yaml"
    run -2 --separate-stderr hujing inspect record "$L1" --forms lodging --inspectors 100001,100002 --date 2025-10-10
    [ "$(db_digest)" = "$before" ]
    # In a targeted plan the exempt form may be inspected.
    plan=$(hujing inspect plan add 复查 --forms lodging --enterprises "$L1" --window 2025-10-01..2025-10-31 --seed s1)
    hujing inspect draw "$plan" >/dev/null
    run -0 record_ok --plan "$plan"
}

@test "rectify: done once, dated between the inspection and today" {
    seed
    id=$(record_ok)
    run -4 --separate-stderr hujing inspect rectify "$id" --item lodging.L02 --done 2025-10-01
    run -3 --separate-stderr hujing inspect rectify "$id" --item lodging.L01 --done 2025-10-14
    run -0 hujing inspect rectify "$id" --item lodging.L02 --done 2025-10-14 --note 已补登
    run -5 --separate-stderr hujing inspect rectify "$id" --item lodging.L02 --done 2025-10-14
    [ "$(sqlite3 "$HUJING_DB" "SELECT done FROM v_rectification WHERE item_id = 'L02'")" = 2025-10-14 ]
    run -0 hujing inspect list --overdue --today 2025-10-20 -f tsv --no-header --fields id,overdue_rectifications
    [ "$output" = "$id"$'\t1' ]
    run -0 hujing enterprise show "$L1" -f json
    python3 -c '
import json, sys
d = json.loads(sys.argv[1])
assert [i["id"] for i in d["inspections"]] == [int(sys.argv[2])], d["inspections"]
assert [r["item"] for r in d["open_rectifications"]] == ["L07"], d["open_rectifications"]
' "$output" "$id"
}

complete_bash() {
    PATH="$(dirname "$HUJING"):$PATH" bash -c '
        source "$1"; shift
        COMP_WORDS=("$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
        _hujing
        printf "%s\n" "${COMPREPLY[@]}"
    ' _ "$HUJING_SOURCE_DIR/completions/hujing.bash" hujing "$@"
}

@test "completion offers form ids, plan ids and item ids from the database" {
    seed
    plan=$(hujing inspect plan add p --forms lodging --ratio 0.1 --window 2025-04-01..2025-06-30)
    run -0 complete_bash inspect record x --forms lod
    [ "$output" = lodging ]
    run -0 complete_bash inspect list --plan ''
    [ "$output" = "$plan" ]
    run -0 complete_bash inspect rectify 1 --item lodging.L0
    [[ $'\n'"$output"$'\n' == *$'\n'lodging.L01$'\n'* ]]
    run -0 complete_bash inspect record x --conclusion none
    [ "$output" = none_found ]
}

@test "publish: the public table in csv, json and xlsx (read back), late ones flagged" {
    seed
    plan=$(hujing inspect plan add 复查 --forms lodging --enterprises "$L1" "$L2" --window 2025-09-01..2025-09-30 --seed s)
    run -5 --separate-stderr hujing inspect publish "$plan"
    assert_error_line "尚未抽取"
    hujing inspect draw "$plan" >/dev/null
    for e in "$L1" "$L2"; do
        team=$(hujing inspect plan show "$plan" -f json | python3 -c '
import json, sys
t = [x for x in json.load(sys.stdin)["targets"] if x["uscc"] == sys.argv[1]][0]
print(",".join(t["team"]))' "$e")
        d=2025-09-01; [ "$e" = "$L2" ] && d=2025-09-30
        hujing inspect record "$e" --forms lodging --plan "$plan" --inspectors "$team" --date "$d" \
            --results "$RESULTS/lodging_ok.yaml" >/dev/null
    done
    # 20 working days after 2025-09-01 is 2025-09-28 (a 调休 Sunday); 2025-10-15 is late for it.
    run -0 hujing inspect publish "$plan" -f csv
    [ "$(printf '%s\n' "$output" | head -1)" = "inspection_id,uscc,name,date,forms,unit,conclusion,published,late" ]
    [[ "$output" == *"$L1"*",2025-09-01,lodging,治安大队,corrected,2025-10-15,true"* ]]
    [[ "$output" == *"$L2"*",2025-09-30,lodging,治安大队,corrected,2025-10-15,false"* ]]
    [ "$(sqlite3 "$HUJING_DB" "SELECT count(*) FROM v_inspection WHERE published_late = 1")" -eq 1 ]
    [ "$(sqlite3 "$HUJING_DB" "SELECT published FROM v_inspection_plan WHERE id = $plan")" = 2025-10-15 ]
    hujing inspect publish "$plan" -f xlsx >p.xlsx
    python3 - p.xlsx "$L1" <<'PY'
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
names = z.namelist()
assert "xl/worksheets/sheet1.xml" in names, names
sheet = z.read("xl/worksheets/sheet1.xml").decode()
shared = z.read("xl/sharedStrings.xml").decode() if "xl/sharedStrings.xml" in names else ""
text = sheet + shared
for want in ("检查编号", sys.argv[2], "2025-09-01"):
    assert want in text, want
assert len(re.findall(r"<row ", sheet)) == 3, sheet
PY
    run -0 hujing inspect publish "$plan" -f json
    [ "$(printf '%s' "$output" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" -eq 2 ]
}
