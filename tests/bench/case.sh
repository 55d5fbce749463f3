#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmark (not part of `make test`): 200 000 cases; `case stale -f csv` and
# `case list --type 合同诈骗 -f csv` against the same queries in the sqlite3 shell, as ratios
# (target ≤ 2×) in the same run.
# Usage: tests/bench/case.sh [HUJING_BINARY]   (default: build/cmd/hujing)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
HUJING=${1:-${HUJING:-$root/build/cmd/hujing}}
N=${BENCH_CASES:-200000}
work=$(mktemp -d "${TMPDIR:-/tmp}/hujing-bench-case.XXXXXX")
trap 'rm -rf "$work"' EXIT
export HUJING_DB="$work/bench.db" HUJING_TODAY=2025-12-31 HUJING_OFFICER=000001
unset HUJING_DATA_DIR
# shellcheck source=tests/bench/lib.bash
. "$here/lib.bash"


"$HUJING" -q init
"$HUJING" officer add 000001 --name 值班民警 --unit HQYS >/dev/null
t0=$(date +%s.%N)
sqlite3 "$HUJING_DB" <<SQL
PRAGMA synchronous = OFF;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)
INSERT INTO enterprise(id, uscc, name, town, created_at, updated_at)
SELECT i, '9133068100' || printf('%08d', i), '诸暨测试企业' || i || '有限公司', '店口镇',
       '2025-01-01', '2025-01-01' FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $N)
INSERT INTO case_(id, case_no, title, type, status, origin, agency, unit_id, created, filed,
                  closed, loss_fen, last_progress, review, registered_by)
SELECT i, '诸公经立字〔' || (2019 + i % 7) || '〕' || i || '号', '涉企案件第' || i || '号',
       CASE i % 14 WHEN 0 THEN '合同诈骗' WHEN 1 THEN '职务侵占' WHEN 2 THEN '挪用资金'
            WHEN 3 THEN '串通投标' WHEN 4 THEN '商业贿赂' WHEN 5 THEN '侵犯知识产权'
            WHEN 6 THEN '非法经营' WHEN 7 THEN '敲诈勒索' WHEN 8 THEN '强揽工程'
            WHEN 9 THEN '寻衅滋事' WHEN 10 THEN '强迫交易' WHEN 11 THEN '暴力讨债'
            WHEN 12 THEN '聚众扰乱' ELSE '其他' END,
       CASE i % 6 WHEN 0 THEN 'accepted' WHEN 1 THEN 'filed' WHEN 2 THEN 'investigating'
            WHEN 3 THEN 'prosecuted' WHEN 4 THEN 'closed' ELSE 'withdrawn' END,
       CASE WHEN i % 50 = 0 THEN 'external' ELSE 'local' END,
       CASE WHEN i % 50 = 0 THEN '外省公安' END,
       2 + i % 30,
       date('2019-01-01', '+' || (i % 2500) || ' days'),
       CASE WHEN i % 6 <> 0 THEN date('2019-01-01', '+' || (i % 2500 + 3) || ' days') END,
       CASE WHEN i % 6 IN (4, 5) THEN date('2019-01-01', '+' || (i % 2500 + 200) || ' days') END,
       (i % 997) * 100003,
       date('2019-01-01', '+' || (i % 2500 + i % 300) || ' days'),
       CASE WHEN i % 6 IN (3, 4) THEN 'pass' END,
       1
FROM n;
INSERT INTO case_enterprise(case_id, enterprise_id, role)
SELECT id, 1 + id % 10000, CASE id % 3 WHEN 0 THEN 'victim' WHEN 1 THEN 'suspect' ELSE 'other' END
FROM case_;
INSERT INTO recovery(case_id, date, amount_fen) SELECT id, last_progress, 1 + id % 50000
FROM case_ WHERE id % 4 = 0;
INSERT INTO prereport(case_id, kind, status, measure, enterprise_id, object, amount_fen, reason,
                      impact, requested, requested_by, executed, lifted, emergency)
SELECT id, 'property', CASE WHEN id % 2 = 0 THEN 'lifted' ELSE 'executed' END, '冻结',
       1 + id % 10000, '账户', 100000, '防止转移', '影响可控', filed, 1, filed,
       CASE WHEN id % 2 = 0 THEN date(filed, '+30 days') END, CASE WHEN id % 70 = 0 THEN 1 ELSE 0 END
FROM case_ WHERE id % 7 = 0 AND filed IS NOT NULL;
COMMIT;
ANALYZE;
SQL
t1=$(date +%s.%N)
printf 'filled %d cases in %.1f s\n' "$N" "$(echo "$t1 - $t0" | bc)"

# Compare `hujing ARGS` with the sqlite3 query $2 (label $1): same rows, then the ratio.
compare() {
    local label=$1 query=$2
    shift 2
    local rows_h rows_s t_h t_s
    rows_h=$("$HUJING" "$@" -f csv --no-header | wc -l)
    rows_s=$(sqlite3 -csv "$HUJING_DB" "$query" | wc -l)
    [ "$rows_h" -eq "$rows_s" ] || { echo "$label: rows differ: hujing $rows_h, sqlite3 $rows_s" >&2; exit 1; }
    t_h=$(best_of_3 "$HUJING" "$@" -f csv)
    t_s=$(best_of_3 sqlite3 -csv -header "$HUJING_DB" "$query")
    printf '== %s: %d rows\n' "$label" "$rows_h"
    printf 'hujing %s -f csv: %.3f s\n' "$*" "$t_h"
    printf 'sqlite3 -csv (same query): %.3f s\n' "$t_s"
    printf 'ratio: %s× (target ≤ 2×)\n' "$(echo "scale=2; $t_h / $t_s" | bc)"
}

list_query="SELECT c.id, c.case_no, c.title, c.type, c.status, c.origin, u.name, c.filed,
       printf('%.2f', c.loss_fen / 100.0),
       printf('%.2f', coalesce((SELECT sum(r.amount_fen) FROM recovery r WHERE r.case_id = c.id), 0) / 100.0),
       c.last_progress, c.review,
       CASE WHEN EXISTS (SELECT 1 FROM prereport p WHERE p.case_id = c.id AND p.emergency = 1
                         AND p.reviewed IS NULL) THEN 'true' ELSE 'false' END
FROM case_ c JOIN unit u ON u.id = c.unit_id JOIN officer o ON o.id = c.registered_by
WHERE c.type = '合同诈骗' ORDER BY c.id"
compare "case list --type 合同诈骗" "$list_query" case list --type 合同诈骗

stale_query="SELECT c.id, c.case_no, c.title, c.type, c.status, u.name, c.last_progress,
       CAST(julianday('$HUJING_TODAY') - julianday(c.last_progress) AS INTEGER),
       rtrim(CASE WHEN c.last_progress < date('$HUJING_TODAY', '-180 days') THEN 'no_movement;' ELSE '' END
          || CASE WHEN coalesce(c.filed, c.created) < date('$HUJING_TODAY', '-730 days') THEN 'open_too_long;' ELSE '' END
          || CASE WHEN NOT EXISTS (SELECT 1 FROM prereport p WHERE p.case_id = c.id AND p.status = 'executed')
                   AND (SELECT max(p.lifted) FROM prereport p WHERE p.case_id = c.id) < date('$HUJING_TODAY', '-365 days')
                  THEN 'lifted_too_long' ELSE '' END, ';')
FROM case_ c JOIN unit u ON u.id = c.unit_id
WHERE c.status IN ('accepted', 'filed', 'investigating') AND (c.last_progress < date('$HUJING_TODAY', '-180 days')
   OR coalesce(c.filed, c.created) < date('$HUJING_TODAY', '-730 days')
   OR (NOT EXISTS (SELECT 1 FROM prereport p WHERE p.case_id = c.id AND p.status = 'executed')
       AND (SELECT max(p.lifted) FROM prereport p WHERE p.case_id = c.id) < date('$HUJING_TODAY', '-365 days')))
ORDER BY c.last_progress, c.id"
compare "case stale" "$stale_query" case stale
