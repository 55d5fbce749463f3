# Shared set-up for the end-to-end suites: each test gets its own database and a pinned today.
bats_require_minimum_version 1.5.0

: "${HUJING:?set HUJING to the hujing binary (ctest does)}"
: "${HUJING_SOURCE_DIR:?set HUJING_SOURCE_DIR to the source tree (ctest does)}"

setup() {
    export HUJING_DB="$BATS_TEST_TMPDIR/test.db"
    export HUJING_TODAY=2025-10-15
    export HUJING_OFFICER=000001
    unset HUJING_DATA_DIR NO_COLOR
    cd "$BATS_TEST_TMPDIR" || return 1
}

# Run the binary.
hujing() {
    "$HUJING" "$@"
}

# Create the test database quietly.
init_db() {
    "$HUJING" -q init
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
