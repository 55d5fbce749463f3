#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmark (not part of `make test`): `report quarterly --quarter 2025Q3` on ten years of history
# (2016–2025, a few million visits, demands and demand events) against the same report on a
# database holding only that quarter's rows (the same rows). Target: within 1.5× — the report's
# queries are range scans on event-date indexes, so cost follows the quarter, not the history.
# Usage: tests/bench/report.sh [HUJING_BINARY]   (default: build/cmd/hujing)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
HUJING=${1:-${HUJING:-$root/build/cmd/hujing}}
PER_DAY=${BENCH_EVENTS_PER_DAY:-240} # visits per day (a multiple of 12, so both databases cut the quarter
# at the same demand); demands 3/4 of that, two events each
work=$(mktemp -d "${TMPDIR:-/tmp}/hujing-bench-report.XXXXXX")
[ -n "${BENCH_KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
export HUJING_TODAY=2025-10-15 HUJING_OFFICER=000001
unset HUJING_DATA_DIR
# shellcheck source=tests/bench/lib.bash
. "$here/lib.bash"


# Fill database $1 with the rows of days [$2, $3) counted from 2016-01-01.
fill() {
    local db=$1 first=$2 last=$3
    HUJING_DB=$db "$HUJING" -q init
    sqlite3 "$db" <<SQL
PRAGMA synchronous = OFF;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
INSERT INTO enterprise(id, uscc, name, town, industry, created_at, updated_at)
SELECT i, '9133068100' || printf('%08d', i), '诸暨测试企业' || i || '有限公司', '店口镇',
       CASE i % 3 WHEN 0 THEN '袜业' WHEN 1 THEN '铜加工' ELSE '珍珠' END, '2016-01-01', '2016-01-01' FROM n;
INSERT INTO officer(id, badge, name, unit_id) VALUES (1, '000001', '值班民警', 1);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
INSERT INTO enterprise_officer SELECT i, 1, '企业警官', '2016-01-01' FROM n;
WITH RECURSIVE n(i) AS (SELECT $first * $PER_DAY UNION ALL SELECT i + 1 FROM n WHERE i + 1 < $last * $PER_DAY)
INSERT INTO visit(id, enterprise_id, date, kind, summary, created_at)
SELECT i + 1, 1 + i % 5000, date('2016-01-01', '+' || (i / $PER_DAY) || ' days'), '走访', '走访', '2016-01-01' FROM n;
WITH RECURSIVE n(i) AS (SELECT $first * $PER_DAY * 3 / 4 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < $last * $PER_DAY * 3 / 4)
INSERT INTO demand(id, enterprise_id, category, text, source, status, unit_id, due, sla_days, created, resolved, on_time)
SELECT i + 1, 1 + i % 5000,
       CASE i % 4 WHEN 0 THEN '治安' WHEN 1 THEN '交通' WHEN 2 THEN '出入境' ELSE '其他' END,
       '诉求' || i, '走访', CASE WHEN i % 50 = 0 AND i * 4 / 3 / $PER_DAY >= 3400 THEN 'routed' ELSE 'resolved' END, 2 + i % 60,
       date('2016-01-01', '+' || (i * 4 / 3 / $PER_DAY + 7) || ' days'), 5,
       date('2016-01-01', '+' || (i * 4 / 3 / $PER_DAY) || ' days'),
       CASE WHEN i % 50 = 0 AND i * 4 / 3 / $PER_DAY >= 3400 THEN NULL ELSE date('2016-01-01', '+' || (i * 4 / 3 / $PER_DAY + i % 10) || ' days') END,
       CASE WHEN i % 50 = 0 AND i * 4 / 3 / $PER_DAY >= 3400 THEN NULL ELSE (i % 10 <= 7) END FROM n;
INSERT INTO demand_event(demand_id, at, action, actor, unit_id, due)
SELECT id, created, 'route', '000001', unit_id, due FROM demand;
INSERT INTO demand_event(demand_id, at, action, actor, score)
SELECT id, resolved, 'rate', '000001', 1 + id % 5 FROM demand WHERE resolved IS NOT NULL;
COMMIT;
ANALYZE;
SQL
}

# 2025Q3 is days 3469 .. 3560 from 2016-01-01; ten years are days 0 .. 3652.
t0=$(date +%s.%N)
fill "$work/history.db" 0 3653
fill "$work/quarter.db" 3469 3561
t1=$(date +%s.%N)
rows() { sqlite3 "$1" "SELECT (SELECT count(*) FROM visit) + (SELECT count(*) FROM demand) + (SELECT count(*) FROM demand_event)"; }
printf 'filled in %.1f s: history %d events, quarter %d events\n' "$(echo "$t1 - $t0" | bc)" \
    "$(rows "$work/history.db")" "$(rows "$work/quarter.db")"

report() { HUJING_DB=$1 "$HUJING" -q report quarterly --quarter 2025Q3 -f json; }
# The same quarter's rows on both: the same demands received and visits.
figures() { report "$1" | python3 -c 'import json,sys; k=json.load(sys.stdin)["kpi"]; print(k["demands_received"]["value"], k["visits"]["value"])'; }
[ "$(figures "$work/history.db")" = "$(figures "$work/quarter.db")" ] ||
    { echo "the quarter's rows differ between the two databases" >&2; exit 1; }
[ -n "${BENCH_KEEP:-}" ] && echo "kept: $work"
t_hist=$(best_of_3 report "$work/history.db")
t_q=$(best_of_3 report "$work/quarter.db")
ratio=$(echo "scale=2; $t_hist / $t_q" | bc)
printf 'report quarterly, ten years of history: %.3f s\n' "$t_hist"
printf 'report quarterly, one quarter:          %.3f s\n' "$t_q"
printf 'ratio: %s× (target ≤ 1.5×)\n' "$ratio"
[ "$(echo "$ratio <= 1.5" | bc)" -eq 1 ]
