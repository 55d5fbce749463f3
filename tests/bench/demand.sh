#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmark (not part of `make test`): 1 000 000 demands, `demand list --overdue -f csv` against
# the same query in the sqlite3 shell (target ≤ 2×); then 8 processes × 200 `visit log` at once
# (target: every write lands).
# Usage: tests/bench/demand.sh [HUJING_BINARY]   (default: build/cmd/hujing)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
HUJING=${1:-${HUJING:-$root/build/cmd/hujing}}
N=${BENCH_DEMANDS:-1000000}
WRITERS=${BENCH_WRITERS:-8}
PER_WRITER=${BENCH_VISITS:-200}
work=$(mktemp -d "${TMPDIR:-/tmp}/hujing-bench-demand.XXXXXX")
trap 'rm -rf "$work"' EXIT
export HUJING_DB="$work/bench.db" HUJING_TODAY=2025-12-31 HUJING_OFFICER=000001
unset HUJING_DATA_DIR
# shellcheck source=tests/bench/lib.bash
. "$here/lib.bash"


echo "== demand list --overdue over $N demands"
"$HUJING" -q init
t0=$(date +%s.%N)
sqlite3 "$HUJING_DB" <<SQL
PRAGMA synchronous = OFF;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)
INSERT INTO enterprise(id, uscc, name, town, created_at, updated_at)
SELECT i, '9133068100' || printf('%08d', i), '诸暨测试企业' || i || '有限公司', '店口镇',
       '2025-01-01', '2025-01-01' FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $N)
INSERT INTO demand(id, enterprise_id, category, text, source, status, unit_id, due, sla_days,
                   created, resolved, on_time, closed, reopens, score)
SELECT i, 1 + i % 10000,
       CASE i % 9 WHEN 0 THEN '治安' WHEN 1 THEN '经济犯罪' WHEN 2 THEN '出入境' WHEN 3 THEN '交通'
                  WHEN 4 THEN '户政' WHEN 5 THEN '审批' WHEN 6 THEN '网络安全' WHEN 7 THEN '知识产权'
                  ELSE '其他' END,
       '企业诉求第' || i || '号：请协助解决员工通勤、外籍人员签证等问题', '走访',
       CASE i % 5 WHEN 0 THEN 'collected' WHEN 1 THEN 'routed' WHEN 2 THEN 'resolved'
                  WHEN 3 THEN 'fed_back' ELSE 'rated' END,
       CASE WHEN i % 5 = 0 THEN NULL ELSE 2 + i % 80 END,
       CASE WHEN i % 5 = 0 THEN NULL ELSE date('2025-01-01', '+' || (i % 400) || ' days') END,
       CASE WHEN i % 5 = 0 THEN NULL ELSE 5 END,
       date('2025-01-01', '+' || (i % 360) || ' days'),
       CASE WHEN i % 5 IN (2, 3, 4) THEN date('2025-01-01', '+' || (i % 390) || ' days') END,
       CASE WHEN i % 5 IN (2, 3, 4) THEN i % 2 END,
       CASE WHEN i % 5 = 4 THEN date('2025-01-01', '+' || (i % 395) || ' days') END,
       i % 7 / 6,
       CASE WHEN i % 5 = 4 THEN 1 + i % 5 END
FROM n;
COMMIT;
ANALYZE;
SQL
t1=$(date +%s.%N)
printf 'filled %d demands in %.1f s\n' "$N" "$(echo "$t1 - $t0" | bc)"

query="SELECT d.id, d.enterprise_id, e.uscc, e.name, d.category, d.status, u.name AS unit, d.due,
       d.created, d.closed, d.reopens, 'true' AS overdue, d.score
FROM demand d JOIN enterprise e ON e.id = d.enterprise_id LEFT JOIN unit u ON u.id = d.unit_id
WHERE d.status = 'routed' AND d.due < '$HUJING_TODAY' ORDER BY d.id"
rows_h=$("$HUJING" demand list --overdue -f csv --no-header | wc -l)
rows_s=$(sqlite3 -csv "$HUJING_DB" "$query" | wc -l)
[ "$rows_h" -eq "$rows_s" ] || { echo "row counts differ: hujing $rows_h, sqlite3 $rows_s" >&2; exit 1; }
t_h=$(best_of_3 "$HUJING" demand list --overdue -f csv)
t_s=$(best_of_3 sqlite3 -csv -header "$HUJING_DB" "$query")
ratio=$(echo "scale=2; $t_h / $t_s" | bc)
printf 'overdue rows: %d\n' "$rows_h"
printf 'hujing demand list --overdue -f csv: %.3f s\n' "$t_h"
printf 'sqlite3 -csv (same query):           %.3f s\n' "$t_s"
printf 'ratio: %s× (target ≤ 2×)\n' "$ratio"

echo "== $WRITERS processes × $PER_WRITER visit log at once"
"$HUJING" officer add 000001 --name 值班民警 --unit HQYS >/dev/null
"$HUJING" officer add 100001 --name 张警官 --unit PCS-DK >/dev/null
for w in $(seq "$WRITERS"); do
    (
        ok=0 failed=0
        for i in $(seq "$PER_WRITER"); do
            if "$HUJING" visit log 1 --officer 100001 --summary "写入 $w-$i" --demand "诉求 $w-$i" \
                >/dev/null 2>>"$work/err.$w"; then
                ok=$((ok + 1))
            else
                failed=$((failed + 1))
            fi
        done
        echo "$ok $failed" >"$work/count.$w"
    ) &
done
t0=$(date +%s.%N)
wait
t1=$(date +%s.%N)
ok=$(cat "$work"/count.* | awk '{ s += $1 } END { print s }')
failed=$(cat "$work"/count.* | awk '{ s += $2 } END { print s }')
rows=$(sqlite3 "$HUJING_DB" "SELECT count(*) FROM visit")
busy=$(cat "$work"/err.* | grep -c 忙 || true)
printf 'writes: %d ok, %d failed (%d busy), %d visit rows, %.1f s\n' \
    "$ok" "$failed" "$busy" "$rows" "$(echo "$t1 - $t0" | bc)"
[ "$failed" -eq 0 ] && [ "$rows" -eq $((WRITERS * PER_WRITER)) ]
"$HUJING" -q audit verify >/dev/null
echo "audit chain verified"
