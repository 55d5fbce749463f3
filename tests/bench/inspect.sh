#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmark (not part of `make test`): `inspect draw` over 1 000 000 candidates against the
# sqlite3 shell selecting the same number of random rows (DESIGN's target ≤ 2×), against sqlite3
# doing the same job (the candidates' join, a hash ticket per candidate with the shell's sha3,
# the smallest k), and the draw's peak memory.
# Usage: tests/bench/inspect.sh [HUJING_BINARY]   (default: build/cmd/hujing)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
HUJING=${1:-${HUJING:-$root/build/cmd/hujing}}
N=${BENCH_CANDIDATES:-1000000}
RATIO=${BENCH_RATIO:-0.01}
work=$(mktemp -d "${TMPDIR:-/tmp}/hujing-bench-inspect.XXXXXX")
trap 'rm -rf "$work"' EXIT
export HUJING_DB="$work/bench.db" HUJING_TODAY=2025-03-31 HUJING_OFFICER=000001
unset HUJING_DATA_DIR
# shellcheck source=tests/bench/lib.bash
. "$here/lib.bash"

"$HUJING" -q init
sqlite3 "$HUJING_DB" <<SQL
PRAGMA synchronous = OFF;
BEGIN;
INSERT INTO officer(badge, name, unit_id) SELECT '000001', '值班民警', id FROM unit WHERE code = 'HQYS';
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 12)
INSERT INTO officer(badge, name, unit_id, inspector)
SELECT printf('2000%02d', i), '检查员' || i, (SELECT id FROM unit WHERE code = 'ZADD'), 1 FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $N)
INSERT INTO enterprise(id, uscc, name, credit_grade, created_at, updated_at)
SELECT i, '9133068100' || printf('%08d', i), '诸暨测试旅馆' || i,
       CASE i % 5 WHEN 0 THEN 'A' WHEN 1 THEN 'C' WHEN 2 THEN 'D' WHEN 3 THEN NULL ELSE 'B' END,
       '2025-01-01', '2025-01-01' FROM n;
INSERT INTO enterprise_sector(enterprise_id, sector) SELECT id, 'lodging' FROM enterprise;
COMMIT;
SQL


best_draw="" best_sql="" best_same="" rss=0 k=0
for run in 1 2 3; do
    plan=$("$HUJING" inspect plan add "bench$run" --forms lodging --ratio "$RATIO" \
        --window 2025-04-01..2025-06-30 --seed "bench-$run")
    t0=$(now)
    /usr/bin/time -f %M -o "$work/rss" "$HUJING" -q inspect draw "$plan" -f tsv >"$work/drawn"
    t=$(echo "$(now) - $t0" | bc)
    k=$(($(wc -l <"$work/drawn") - 1))
    r=$(cat "$work/rss")
    [ "$r" -gt "$rss" ] && rss=$r
    if [ -z "$best_draw" ] || [ "$(echo "$t < $best_draw" | bc)" -eq 1 ]; then best_draw=$t; fi
    t0=$(now)
    sqlite3 "$HUJING_DB" "SELECT id, uscc, name, credit_grade FROM enterprise ORDER BY random() LIMIT $k" >/dev/null
    t=$(echo "$(now) - $t0" | bc)
    if [ -z "$best_sql" ] || [ "$(echo "$t < $best_sql" | bc)" -eq 1 ]; then best_sql=$t; fi
    t0=$(now)
    sqlite3 "$HUJING_DB" "SELECT e.id, e.uscc, e.name, coalesce(e.credit_grade, 'B')
        FROM enterprise_sector s JOIN enterprise e ON e.id = s.enterprise_id
        WHERE s.sector = 'lodging' ORDER BY sha3('bench-$run:' || e.uscc, 256) LIMIT $k" >/dev/null
    t=$(echo "$(now) - $t0" | bc)
    if [ -z "$best_same" ] || [ "$(echo "$t < $best_same" | bc)" -eq 1 ]; then best_same=$t; fi
done
printf 'draw     hujing %9.4f s   sqlite3 %9.4f s   ratio %5s   target <= 2   (%d of %d drawn)\n' \
    "$best_draw" "$best_sql" "$(ratio "$best_draw" "$best_sql")" "$k" "$N"
printf 'draw     hujing %9.4f s   sqlite3 %9.4f s   ratio %5s   (sqlite3 doing the same job: join, hash tickets, smallest k)\n' \
    "$best_draw" "$best_same" "$(ratio "$best_draw" "$best_same")"
printf 'draw     peak memory %d KiB\n' "$rss"
"$HUJING" -q inspect draw 1 --verify
