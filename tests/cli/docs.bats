#!/usr/bin/env bats
# Docs that run: every hujing command line in README.md and in the man pages (as built, what the
# reader sees) runs as written against the demo database, each block in a fresh copy of it, and
# exits 0 or the code it documents ("# 退出码 N"). The files the examples name are in
# tests/fixtures/docs/. Skip markers are rare and give a reason.
load helpers

examples() {
    bash "$HUJING_SOURCE_DIR/tests/cli/docs_examples.sh" "$@"
}

# Run the examples of one block (the lines of docs_examples.sh output on stdin) in one shell,
# so that "$id" from one line reaches the next; print each failure as FILE:LINE.
run_block() {
    local script="$BATS_TEST_TMPDIR/block.sh" file line block expect skip cmd
    {
        echo 'set -o pipefail'
        echo 'hujing() { "$HUJING" "$@"; }'
        while IFS=$'\t' read -r file line block expect skip cmd; do
            [ -n "$cmd" ] || { echo "$file:$line: no command" >&2; return 1; }
            printf '{\n%s\n} >>out 2>err\n' "$cmd"
            printf 'rc=$?; [ "$rc" -eq %d ] || { printf "%%s\\n" "%s:%d: exit $rc, not %d: $(grep -m1 错误 err)"; exit 1; }\n' \
                "$expect" "$file" "$line" "$expect"
        done
    } >"$script"
    bash "$script"
}

@test "the extractor finds commands, joins continued lines, reads exit codes and skip markers" {
    cat >doc.md <<'EOF'
Text.

```sh
id=$(hujing demand add X --text a)   # 退出码 3
hujing demand list \
    | hujing demand escalate -
echo not hujing
```

<!-- docs-test: skip 需要生产库 -->
```sh
hujing --db /srv/x.db init
```
```text
hujing not shell
```
EOF
    cat >page.1 <<'EOF'
.TH X 1
hujing outside a block
.nf
hujing demand show 12 \-f json \e
    \-\-fields id,\(dqtext\(dq
.\" docs-test: skip 写生产目录
hujing db backup /srv/b.db
30 7 * * 1\-5  hujing visit due
hujing: 错误: not a command
.fi
EOF
    run -0 examples doc.md page.1
    expected=$(printf '%s\n' \
        $'doc.md\t4\t3\t3\t-\tid=$(hujing demand add X --text a)   # 退出码 3' \
        $'doc.md\t5\t3\t0\t-\thujing demand list     | hujing demand escalate -' \
        $'doc.md\t12\t11\t0\t需要生产库\thujing --db /srv/x.db init' \
        $'page.1\t4\t3\t0\t-\thujing demand show 12 -f json     --fields id,"text"' \
        $'page.1\t7\t3\t0\t写生产目录\thujing db backup /srv/b.db')
    [ "$output" = "$expected" ] || { diff <(echo "$output") <(echo "$expected") >&2; return 1; }
}

@test "every example in README.md and the man pages runs against the demo database" {
    cd "$BATS_TEST_TMPDIR"
    HUJING="$HUJING" HUJING_DB=demo.db HUJING_OFFICER=330101 \
        bash "$HUJING_SOURCE_DIR/examples/demo.sh" >/dev/null 2>&1
    export HUJING_DB=run.db HUJING_OFFICER=330101 HOME="$BATS_TEST_TMPDIR/home" HUJING
    mkdir -p "$HOME/.zfunc" "$HOME/.config/fish/completions"
    examples "$HUJING_SOURCE_DIR/README.md" "$HUJING_BUILD_DIR"/man/*.[0-9] >all.tsv
    # Every page with examples contributes, and most pages have some.
    [ "$(wc -l <all.tsv)" -ge 80 ]
    [ "$(cut -f1 all.tsv | sort -u | wc -l)" -ge 12 ]
    # Skips are rare (at most four blocks) and each names its reason.
    awk -F'\t' '$5 != "-" { print $1 ":" $3 }' all.tsv | sort -u >skipped.tsv
    [ "$(wc -l <skipped.tsv)" -le 4 ]
    local failures="" key
    for key in $(awk -F'\t' '$5 == "-" { print $1 ":" $3 }' all.tsv | sort -u); do
        rm -rf work && mkdir work && cp "$HUJING_SOURCE_DIR"/tests/fixtures/docs/* work/
        cp demo.db work/run.db
        out=$(cd work && awk -F'\t' -v k="$key" '$5 == "-" && $1 ":" $3 == k' ../all.tsv | run_block) \
            || failures+="$out"$'\n'
    done
    [ -z "$failures" ] || { printf 'failing examples:\n%s' "$failures" >&2; return 1; }
}
