#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Combined inspection and the double-random draw on the demo database: a 2025 random plan for
# the lodging sector (双随机) drawn, carried out, rectified and published (一公开), then a
# targeted re-check (定向复查) of the enterprises that had to rectify. Run after
# examples/demo.sh has imported the enterprises and officers; demo.sh calls it at its end.
# The results files are written from the loaded form (every item answered, one failing where
# asked), so the script follows whatever version of the form is loaded.
# Usage: HUJING=path/to/hujing HUJING_DB=demo.db bash examples/demo_inspect.sh
set -euo pipefail

HUJING=${HUJING:-hujing}
export HUJING_DB=${HUJING_DB:-demo.db}
export HUJING_TODAY=${HUJING_TODAY:-2025-10-15}
export HUJING_OFFICER=${HUJING_OFFICER:-330199}

h() { "$HUJING" "$@"; }
on() {
    local day=$1
    shift
    "$HUJING" -q --today "$day" "$@"
}
section() { printf '\n== %s\n' "$*"; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# results FORM FAIL_ITEMS… > FILE: every item of FORM passing, the items named failing.
results() {
    h inspect form show "$1" -f json | python3 -c '
import json, sys
form = json.load(sys.stdin)
fail = set(sys.argv[1:])
print(form["id"] + ":")
for i in form["items"]:
    if i["kind"] == "yesno":
        v = "fail" if i["id"] in fail else "pass"
    elif i["kind"] == "number":
        lo = i["min"] if i["min"] is not None else (i["max"] if i["max"] is not None else 0)
        v = str(lo - 1 if i["id"] in fail else lo)
    elif i["kind"] == "choice":
        ok = i["pass"] or i["choices"]
        bad = [c for c in i["choices"] if c not in ok]
        v = bad[0] if i["id"] in fail and bad else ok[0]
    else:
        v = "正常"
    print("  %s: %s" % (i["id"], json.dumps(v, ensure_ascii=False)))
' "${@:2}"
}

section "双随机: 2025 年第二季度住宿业抽查（种子 20250401，公开摇号）"
plan=$(on 2025-03-25 inspect plan add "2025 年第二季度住宿业双随机抽查" --forms lodging --ratio 0.1 \
    --window 2025-04-01..2025-06-30 --seed 20250401)
on 2025-03-25 inspect draw "$plan" -f table
h inspect draw "$plan" --verify

# The first two items of the form are the ones the demo fails.
mapfile -t items < <(h inspect form show lodging -f json | python3 -c '
import json, sys
for i in json.load(sys.stdin)["items"][:2]:
    print(i["id"])')
results lodging >"$work/pass.yaml"
results lodging "${items[0]}" >"$work/minor.yaml"
results lodging "${items[0]}" "${items[1]}" >"$work/two.yaml"

section "综合查一次: 抽中企业逐一检查"
day=8
failed=()
n=0
while IFS=$'\t' read -r eid team; do
    file=pass.yaml
    case $((n % 3)) in 1) file=minor.yaml ;; 2) file=two.yaml ;; esac
    date=$(printf '2025-04-%02d' "$day")
    on "$date" inspect record "$eid" --forms lodging --plan "$plan" --inspectors "${team//;/,}" \
        --date "$date" --results "$work/$file" >/dev/null
    [ "$file" = pass.yaml ] || failed+=("$eid")
    day=$((day + 2))
    n=$((n + 1))
done < <(h inspect plan show "$plan" -f json | python3 -c '
import json, sys
for t in json.load(sys.stdin)["targets"]:
    print(t["enterprise_id"], ";".join(t["team"]), sep="\t")')
h inspect list --plan "$plan" -f table

section "整改: 第一家按期整改完毕"
first_inspection=$(h inspect list --plan "$plan" --open-rectifications -f tsv --no-header --fields id --limit 1)
on 2025-04-20 inspect rectify "$first_inspection" --item "lodging.${items[0]}" --done 2025-04-18 \
    --note 已补齐登记 >/dev/null

section "一公开: 结果公示（晚于 20 个工作日的标为逾期）"
on 2025-05-20 inspect publish "$plan" --date 2025-05-20 -f table

section "定向复查: 有整改项的企业"
recheck=$(on 2025-06-25 inspect plan add "2025 年住宿业整改复查" --forms lodging \
    --enterprises "${failed[@]}" --window 2025-07-01..2025-07-31 --seed 20250625)
on 2025-06-25 inspect draw "$recheck" -f table
day=2
while IFS=$'\t' read -r eid team; do
    date=$(printf '2025-07-%02d' "$day")
    on "$date" inspect record "$eid" --forms lodging --plan "$recheck" --inspectors "${team//;/,}" \
        --date "$date" --results "$work/pass.yaml" >/dev/null
    day=$((day + 1))
done < <(h inspect plan show "$recheck" -f json | python3 -c '
import json, sys
for t in json.load(sys.stdin)["targets"]:
    print(t["enterprise_id"], ";".join(t["team"]), sep="\t")')
on 2025-07-20 inspect publish "$recheck" -f table
h inspect list --open-rectifications -f table
