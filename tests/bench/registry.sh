#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Registry benchmarks (DESIGN.md §6), each figure a ratio against the sqlite3 shell in the same
# run. Not part of `make test`; run by tests/bench/run.sh (make bench).
#
#   import  hujing enterprise import  vs  sqlite3 .import into a staging table + INSERT … SELECT
#           (tags and sectors split with json_each) into a database made by `hujing init`, so the
#           same indexes and FTS triggers fire; also hujing's peak RSS (target < 64 MiB)
#   list    hujing enterprise list -f csv  vs  sqlite3 -csv selecting the same columns
#   show    hujing enterprise show USCC  vs  one sqlite3 indexed lookup, process start included
#   search  hujing enterprise list --search X -f csv  vs  the same FTS5 query in sqlite3
#
# Usage: tests/bench/registry.sh [HUJING_BINARY]   (default: $HUJING, else build/cmd/hujing)
# Environment: BENCH_ROWS (default 1000000), BENCH_REPEAT (default 200),
# BENCH_DIR (scratch directory, default a new temporary one, removed afterwards).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HUJING=${1:-${HUJING:-$root/build/cmd/hujing}}
rows=${BENCH_ROWS:-1000000}
repeat=${BENCH_REPEAT:-200}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [ -n "${BENCH_DIR:-}" ]; then
    dir=$BENCH_DIR
    mkdir -p "$dir"
else
    dir=$(mktemp -d "${TMPDIR:-/tmp}/hujing-bench.XXXXXX")
    trap 'rm -rf "$dir"' EXIT
fi
cd "$dir"
export HUJING_TODAY=2025-10-15 HUJING_OFFICER=000001
unset HUJING_DB

# shellcheck source=tests/bench/lib.bash
. "$here/lib.bash"
secs() { awk -v a="$1" 'BEGIN { printf "%.3f", a }'; }
# Print one result line: name, hujing seconds, sqlite3 seconds, ratio, target.
report() {
    local r
    r=$(ratio "$2" "$3")
    printf '%-8s hujing %9.4f s   sqlite3 %9.4f s   ratio %5s   target <= %s   %s\n' \
        "$1" "$2" "$3" "$r" "$4" \
        "$(awk -v r="$r" -v t="$4" 'BEGIN { print (r <= t ? "ok" : "OVER") }')"
}

echo "== registry benchmark: $rows enterprises in $dir"
start=$(now)
awk -v n="$rows" -f "$here/gen_enterprises.awk" > enterprises.csv
echo "generated enterprises.csv ($(du -h enterprises.csv | cut -f1)) in $(secs "$(awk -v a="$(now)" -v b="$start" 'BEGIN { print a - b }')") s"

# --- import -------------------------------------------------------------------------------
"$HUJING" --db hujing.db -q init
"$HUJING" --db hujing.db officer add 000001 --name 值班民警 --unit HQYS >/dev/null
"$HUJING" --db peer.db -q init
cat > peer.sql <<'SQL'
.import --csv enterprises.csv staging
BEGIN;
INSERT INTO enterprise(uscc, name, town, industry, industry_code, scale, legal_rep, phone,
                       address, created_at, updated_at)
SELECT uscc, name, nullif(town, ''), nullif(industry, ''), nullif(industry_code, ''),
       nullif(scale, ''), nullif(legal_rep, ''), nullif(phone, ''), nullif(address, ''),
       strftime('%Y-%m-%dT%H:%M:%fZ'), strftime('%Y-%m-%dT%H:%M:%fZ')
FROM staging;
INSERT INTO enterprise_tag(enterprise_id, tag)
SELECT e.id, j.value FROM staging s JOIN enterprise e ON e.uscc = s.uscc,
       json_each('["' || replace(s.tags, ';', '","') || '"]') j WHERE s.tags <> '';
INSERT INTO enterprise_sector(enterprise_id, sector)
SELECT e.id, j.value FROM staging s JOIN enterprise e ON e.uscc = s.uscc,
       json_each('["' || replace(s.sectors, ';', '","') || '"]') j WHERE s.sectors <> '';
DROP TABLE staging;
COMMIT;
SQL
sync
t0=$(now)
/usr/bin/time -f %M -o import.rss "$HUJING" --db hujing.db -q enterprise import enterprises.csv > import.out
t1=$(now)
sync
t2=$(now)
sqlite3 peer.db < peer.sql
t3=$(now)
import_h=$(awk -v a="$t1" -v b="$t0" 'BEGIN { print a - b }')
import_s=$(awk -v a="$t3" -v b="$t2" 'BEGIN { print a - b }')
rss_kib=$(tail -n 1 import.rss)
echo "hujing: $(cat import.out)"
for table in enterprise enterprise_tag enterprise_sector; do
    a=$(sqlite3 hujing.db "SELECT count(*) FROM $table")
    b=$(sqlite3 peer.db "SELECT count(*) FROM $table")
    [ "$a" = "$b" ] || { echo "row counts differ in $table: hujing $a, sqlite3 $b" >&2; exit 1; }
done
report import "$import_h" "$import_s" 1.0
awk -v k="$rss_kib" 'BEGIN { printf "import   peak RSS %.1f MiB   target < 64 MiB   %s\n", k / 1024, (k < 65536 ? "ok" : "OVER") }'

# --- list ---------------------------------------------------------------------------------
list_sql="SELECT e.id, e.uscc, e.name, e.town, e.industry, e.scale, e.credit_grade,
  (SELECT group_concat(tag, ';') FROM enterprise_tag t WHERE t.enterprise_id = e.id) AS tags
  FROM enterprise e ORDER BY e.id"
t0=$(now)
"$HUJING" --db hujing.db enterprise list -f csv > list.hujing.csv
t1=$(now)
sqlite3 -csv -header hujing.db "$list_sql" > list.sqlite3.csv
t2=$(now)
[ "$(wc -l < list.hujing.csv)" = "$(wc -l < list.sqlite3.csv)" ] || { echo "list row counts differ" >&2; exit 1; }
report list "$(awk -v a="$t1" -v b="$t0" 'BEGIN { print a - b }')" \
    "$(awk -v a="$t2" -v b="$t1" 'BEGIN { print a - b }')" 1.2

# --- show ---------------------------------------------------------------------------------
uscc=$(sqlite3 hujing.db "SELECT uscc FROM enterprise WHERE id = $((rows / 2))")
t0=$(now)
for ((i = 0; i < repeat; i++)); do "$HUJING" --db hujing.db enterprise show "$uscc" -f json > /dev/null; done
t1=$(now)
for ((i = 0; i < repeat; i++)); do sqlite3 hujing.db "SELECT * FROM enterprise WHERE uscc = '$uscc'" > /dev/null; done
t2=$(now)
report "show" "$(awk -v a="$t1" -v b="$t0" -v n="$repeat" 'BEGIN { print (a - b) / n }')" \
    "$(awk -v a="$t2" -v b="$t1" -v n="$repeat" 'BEGIN { print (a - b) / n }')" 2

# --- search -------------------------------------------------------------------------------
term=${BENCH_SEARCH:-恒信珍珠}
search_sql="SELECT e.id, e.uscc, e.name, e.town, e.industry, e.scale, e.credit_grade,
  (SELECT group_concat(tag, ';') FROM enterprise_tag t WHERE t.enterprise_id = e.id) AS tags
  FROM enterprise e WHERE e.id IN (SELECT rowid FROM enterprise_fts
  WHERE enterprise_fts MATCH '\"$term\"') ORDER BY e.id"
n=$((repeat / 10 > 0 ? repeat / 10 : 1))
t0=$(now)
for ((i = 0; i < n; i++)); do "$HUJING" --db hujing.db enterprise list --search "$term" -f csv > search.hujing.csv; done
t1=$(now)
for ((i = 0; i < n; i++)); do sqlite3 -csv -header hujing.db "$search_sql" > search.sqlite3.csv; done
t2=$(now)
# the same rows (sqlite3 quotes non-ASCII text and ends lines with CRLF, so compare the ids)
cut -d, -f1 search.hujing.csv > search.hujing.ids
tr -d '\r' < search.sqlite3.csv | cut -d, -f1 > search.sqlite3.ids
cmp -s search.hujing.ids search.sqlite3.ids \
    || { echo "search results differ" >&2; diff search.hujing.ids search.sqlite3.ids | head >&2; exit 1; }
echo "search   \"$term\": $(($(wc -l < search.hujing.csv) - 1)) rows"
report search "$(awk -v a="$t1" -v b="$t0" -v n="$n" 'BEGIN { print (a - b) / n }')" \
    "$(awk -v a="$t2" -v b="$t1" -v n="$n" 'BEGIN { print (a - b) / n }')" 2
