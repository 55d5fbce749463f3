# Shared set-up for the end-to-end suites: each test gets its own database and a pinned today.
bats_require_minimum_version 1.5.0

: "${HUJING:?set HUJING to the hujing binary (ctest does)}"
: "${HUJING_SOURCE_DIR:?set HUJING_SOURCE_DIR to the source tree (ctest does)}"

setup() {
    export HUJING_DB="$BATS_TEST_TMPDIR/test.db"
    export HUJING_TODAY=2025-10-15
    export HUJING_OFFICER=000001
    unset HUJING_DATA_DIR NO_COLOR COLUMNS LINES
    # A suite that sets SUITE_DATA_DIR runs with those data files over the built-in ones.
    if [ -n "${SUITE_DATA_DIR:-}" ]; then
        export HUJING_DATA_DIR="$SUITE_DATA_DIR"
    fi
    cd "$BATS_TEST_TMPDIR" || return 1
}

# Run the binary.
hujing() {
    "$HUJING" "$@"
}

# Create the test database quietly, with the acting officer of $HUJING_OFFICER (000001, 值班民警
# of the centre) registered: casework needs a registered, active officer.
init_db() {
    "$HUJING" -q init
    "$HUJING" officer add 000001 --name 值班民警 --unit HQYS >/dev/null
}

# A checksum of the database content (main file plus WAL folded in by a checkpoint-free copy).
db_digest() {
    sqlite3 "$HUJING_DB" .dump | sha256sum | cut -d' ' -f1
}

# Assert `$status` equals $1, printing stderr/stdout when it does not.
assert_status() {
    if [ "$status" -ne "$1" ]; then
        echo "expected exit $1, got $status" >&2
        echo "stdout: $output" >&2
        echo "stderr: ${stderr:-}" >&2
        return 1
    fi
}

# Assert the one-line error format of DESIGN.md §2 on stderr.
assert_error_line() {
    local last
    last=$(printf '%s\n' "$stderr" | tail -n 1)
    [[ "$last" == "hujing: 错误: "* ]] || { echo "bad error line: $last" >&2; return 1; }
    if [ -n "${1:-}" ]; then
        [[ "$last" == *"$1"* ]] || { echo "error line lacks '$1': $last" >&2; return 1; }
    fi
}

# Add a few officers for tests: 100001..100004 inspectors at 治安大队.
add_officers() {
    local b
    for b in 100001 100002 100003 100004; do
        "$HUJING" officer add "$b" --name "民警$b" --unit ZADD --inspector --roles 企业警官 >/dev/null
    done
}

# The two enterprises of the visit and demand suites: $E1 in 店口镇, $E2 in 大唐街道.
E1=91330681MA2EDNXU2B
E2=91330681MA2FF2KRXM

# A database with $E1 and $E2, 100001 张警官 (企业警官, 店口派出所) and 100002 李警官
# (项目警官, 联络室 06).
seed_enterprises_and_officers() {
    init_db
    "$HUJING" enterprise add "$E1" --name 浙江海亮股份有限公司 --town 店口镇 >/dev/null
    "$HUJING" enterprise add "$E2" --name 诸暨袜业有限公司 --town 大唐街道 >/dev/null
    "$HUJING" officer add 100001 --name 张警官 --unit PCS-DK --roles 企业警官 >/dev/null
    "$HUJING" officer add 100002 --name 李警官 --unit LLS-06 --roles 项目警官 >/dev/null
}
