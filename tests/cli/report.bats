#!/usr/bin/env bats
# report quarterly|kpi|warnings|rules validate: golden md and json on the fixed fixture database,
# document numbers, determinism, the audit head as an anchor, bad input.
load helpers

fixture() {
    HUJING="$HUJING" bash "$HUJING_SOURCE_DIR/tests/fixtures/report/fixture.sh"
}

# The report with the audit hashes (which hold the wall-clock time of each write) replaced.
normalise() {
    sed -E 's/([0-9]+):[0-9a-f]{64}/\1:<hash>/g'
}

@test "the quarterly md and json equal the golden files" {
    fixture
    run -0 --separate-stderr hujing report quarterly --quarter 2025Q3
    diff -u "$HUJING_SOURCE_DIR/tests/golden/report-2025Q3.md" <(printf '%s\n' "$output" | normalise)
    run -0 --separate-stderr hujing report quarterly --quarter 2025Q3 -f json
    diff -u "$HUJING_SOURCE_DIR/tests/golden/report-2025Q3.json" <(printf '%s\n' "$output" | normalise)
}

@test "a quarter gets three numbers once; a re-run reuses them and is byte-identical" {
    fixture
    run -0 hujing report quarterly --quarter 2025Q3 -f json
    first=$output
    python3 -c '
import json, sys
d = json.loads(sys.argv[1])
assert d["numbers"] == {"prompt": "诸公护企〔2025〕第1号", "advice": "诸公护企〔2025〕第2号",
                        "warning": "诸公护企〔2025〕第3号"}, d["numbers"]
assert d["period"] == "2025Q3" and d["generated_at"] == "2025-10-15", d
for key in ("audit_head", "kpi", "prompts", "advice", "warnings"):
    assert key in d, key
' "$first"
    for fmt in md html json; do
        hujing report quarterly --quarter 2025Q3 -f "$fmt" > "a.$fmt"
        hujing report quarterly --quarter 2025Q3 -f "$fmt" > "b.$fmt"
        cmp "a.$fmt" "b.$fmt"
    done
    [ "$(sqlite3 "$HUJING_DB" "SELECT count(*) FROM report_number")" -eq 3 ]
    run -0 hujing report quarterly --quarter 2025Q2 -f json
    [[ "$output" == *'"prompt": "诸公护企〔2025〕第4号"'* ]]
    # SOURCE_DATE_EPOCH gives the day when --today is not given.
    run -0 env -u HUJING_TODAY SOURCE_DATE_EPOCH=1760486400 "$HUJING" report quarterly --quarter 2025Q3 -f json
    [[ "$output" == *'"generated_at": "2025-10-15"'* ]]
}

@test "the footer's audit head is an anchor that audit verify checks" {
    fixture
    hujing report quarterly --quarter 2025Q3 --out . >/dev/null
    run -0 hujing audit verify --anchor hujing-report-2025Q3.md
    anchor=$(grep -oE '[0-9]+:[0-9a-f]{64}' hujing-report-2025Q3.md | head -1)
    row=${anchor%%:*}
    [ "$row" = "$(sqlite3 "$HUJING_DB" 'SELECT max(id) FROM audit_log')" ]
    sqlite3 "$HUJING_DB" "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id = $row;
        UPDATE sqlite_sequence SET seq = $((row - 1)) WHERE name = 'audit_log';"
    run -5 --separate-stderr hujing audit verify --anchor hujing-report-2025Q3.md
    assert_error_line "锚点 $anchor 校验失败"
}

@test "--out writes the file and prints its path; a missing folder is exit 4 and changes nothing" {
    fixture
    mkdir out
    run -0 hujing report quarterly --quarter last-quarter -f html --out out
    [ "$output" = "out/hujing-report-2025Q3.html" ]
    grep -q '<style>' out/hujing-report-2025Q3.html
    grep -q '<svg' out/hujing-report-2025Q3.html
    ! grep -qE '<script|<link|src=' out/hujing-report-2025Q3.html
    before=$(db_digest)
    run -4 --separate-stderr hujing report quarterly --quarter 2025Q4 --out nowhere
    assert_error_line "输出目录不存在: nowhere"
    run -4 --separate-stderr hujing report quarterly --quarter 2025-09
    assert_error_line "--quarter 应为季度: 2025-09"
    run -4 --separate-stderr hujing report quarterly --quarter 2025Q3 -f pdf
    run -2 --separate-stderr hujing report quarterly
    [ "$(db_digest)" = "$before" ]
}

@test "report kpi lists every rate with numerator and denominator, in every format" {
    fixture
    run -0 hujing report kpi 2025Q3 -f tsv --fields key,value,numerator,denominator
    [[ "$output" == *$'demands_received\t4\t\t'* ]]
    # Due in 2025Q3: 07-11 (resolved 07-10), 08-08 (reopened by a rating of 2), 09-03 (open).
    [[ "$output" == *$'on_time_rate\t33.3%\t1\t3'* ]]
    [[ "$output" == *$'demands_resolved\t1\t\t'* ]]
    [[ "$output" == *$'demands_overdue\t2\t\t'* ]]
    [[ "$output" == *$'demands_not_yet_due\t0\t\t'* ]]
    [[ "$output" == *$'mean_satisfaction\t3.50\t7\t2'* ]]
    run -0 hujing report kpi --from 2025-07-01 --to 2025-09-30 -f json
    python3 -c 'import json, sys; rows = json.loads(sys.argv[1]); assert any(r["key"] == "visit_coverage" and r["numerator"] == 2 and r["denominator"] == 3 for r in rows), rows' "$output"
    run -0 hujing report kpi 2025Q3 -f csv
    [[ "${lines[0]}" == "group,label,value,numerator,denominator" ]]
    run -4 --separate-stderr hujing report kpi 2025Q9
}

@test "report warnings lists the rules that fired with their evidence; --rules changes them" {
    fixture
    run -0 hujing report warnings 2025Q3 -f tsv --no-header --fields rule,level,unit
    [ "${lines[0]}" = $'open_risk\tred\t经侦大队' ]
    [[ "$output" == *$'overdue_demands\tyellow\t'* ]]
    [[ "$output" == *$'open_risk\tblue\t经侦大队'* ]]
    printf 'overdue_demands:\n  threshold: 3\nopen_risk:\n  enabled: false\n' > rules.yaml
    run -0 hujing report rules validate rules.yaml
    run -0 hujing report warnings 2025Q3 --rules rules.yaml -f tsv --no-header --fields rule
    [ -z "$output" ]
    run -0 hujing report warnings 2025Q3 -f json
    python3 -c '
import json, sys
rows = json.loads(sys.argv[1])
od = [r for r in rows if r["rule"] == "overdue_demands"][0]
assert od["evidence"]["count"] == 2 and len(od["evidence"]["demand_ids"]) == 2, od
' "$output"
}

@test "report rules validate names each problem FILE:LINE:COL and is exit 4" {
    printf 'overdue_demands:\n  threshold: many\nbogus: {}\n' > bad.yaml
    run -4 --separate-stderr hujing report rules validate bad.yaml
    [[ "$stderr" == *"bad.yaml:2:14: threshold 应为不小于 0 的数"* ]]
    [[ "$stderr" == *"bad.yaml:3:1: 没有规则 bogus"* ]]
    assert_error_line "规则文件有 2 处错误: bad.yaml"
    run -3 --separate-stderr hujing report rules validate missing.yaml
    run -0 hujing report rules validate "$HUJING_SOURCE_DIR/schemas/rules/warnings.yaml"
}

@test "the templates can be overridden under HUJING_DATA_DIR; a broken one is exit 4" {
    fixture
    mkdir -p data/templates
    printf '{{period_label}} {{docs.warning.doc_no}} {{warning_count}}\n' > data/templates/quarterly.md.mustache
    run -0 env HUJING_DATA_DIR=data "$HUJING" report quarterly --quarter 2025Q3
    [ "$output" = "2025年第三季度 诸公护企〔2025〕第3号 3" ]
    printf '{{#x}}\n' > data/templates/quarterly.md.mustache
    run -4 --separate-stderr env HUJING_DATA_DIR=data "$HUJING" report quarterly --quarter 2025Q3
    assert_error_line "模板有错误"
}
