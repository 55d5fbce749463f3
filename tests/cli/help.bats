#!/usr/bin/env bats
# Help in Chinese: every command's --help, `hujing help`, and help for a command that does not exist.
load helpers

# Every command path ("db", "db backup", "enterprise risk add", …).
command_paths() {
    hujing __dump-cli | awk -F'\t' '$1 == "noun" { print $2 } $1 == "verb" { print $2 " " $3 }'
}

@test "no command's help has CLI11's English, and every usage line says hujing" {
    local path
    while read -r path; do
        # shellcheck disable=SC2086
        run -0 --separate-stderr hujing $path --help
        for word in Usage: Positionals: Options: Subcommands: REQUIRED Excludes: Needs: "Env:" TEXT INT; do
            [[ "$output" != *"$word"* ]] || { echo "$path: $word in help" >&2; return 1; }
        done
        [[ "$output" == *"用法: hujing $path"* ]] || { echo "$path: usage line" >&2; echo "$output" >&2; return 1; }
    done < <(command_paths)
}

@test "the usage line says hujing even when the binary is run by another path" {
    ln -s "$HUJING" ./hj
    run -0 ./hj officer list --help
    [[ "$output" == *"用法: hujing officer list"* ]]
    [[ "$output" != *"./hj"* ]]
}

@test "a leaf command's help lists the global options, aligned by display width" {
    run -0 hujing demand list --help
    [[ "$output" == *$'\n全局选项:\n'* ]]
    [[ "$output" == *"--fields"* ]] && [[ "$output" == *"--no-header"* ]] && [[ "$output" == *"-f,--format"* ]]
    # Each option's description starts in the same display column.
    cols=$(printf '%s\n' "$output" | grep -E '^  --(status|unit|since|limit) ' |
        python3 -c 'import sys, unicodedata
for line in sys.stdin:
    name = line.rstrip("\n").split("  ")[1:]
    head = line[: len(line) - len(line.lstrip()) ] + line.strip().split("  ")[0]
    rest = line[len(head):]
    pad = len(rest) - len(rest.lstrip(" "))
    print(sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in head) + pad)' | sort -u)
    [ "$(printf '%s\n' "$cols" | wc -l)" -eq 1 ]
    # A noun's help lists its verbs, not the global options.
    run -0 hujing demand --help
    [[ "$output" == *$'\n子命令:\n'* ]]
    [[ "$output" != *"全局选项:"* ]]
}

@test "hujing help NOUN VERB is the command's --help; a wrong word is exit 2 naming the choices" {
    run -0 hujing enterprise list --help
    expected=$output
    run -0 hujing help enterprise list
    [ "$output" = "$expected" ]
    run -0 hujing help
    [[ "$output" == *"用法: hujing"* ]]
    run -2 --separate-stderr hujing help officer bogus
    assert_error_line "officer: 未知命令: bogus (可用: add import list show update)"
}

@test "--help after a command that does not exist is exit 2 with a suggestion, never the top-level help" {
    run -2 --separate-stderr hujing nosuchnoun --help
    assert_error_line "未知命令: nosuchnoun"
    [ -z "$output" ]
    run -2 --separate-stderr hujing enterprise lst --help
    assert_error_line "enterprise: 未知命令: lst (是否要用 list？)"
    run -2 --separate-stderr hujing --db x.db vist -h
    assert_error_line "是否要用 visit？"
    # Values of options are not taken for commands; a leaf's positional is not a command.
    run -0 hujing --db x.db --today 2025-01-01 officer show --help
    [ ! -e x.db ]
}

@test "no error line has a doubled hujing prefix" {
    run -2 --separate-stderr hujing
    [[ "$stderr" != *"hujing: 错误: hujing"* ]]
    run -2 --separate-stderr hujing enterprise risk
    [[ "$stderr" != *"hujing: 错误: hujing"* ]]
    assert_error_line "enterprise risk: 缺少子命令"
    run -2 --separate-stderr hujing frobnicate
    [[ "$stderr" != *"hujing: 错误: hujing"* ]]
}

@test "every example in a leaf's help runs as written against the demo database" {
    cd "$BATS_TEST_TMPDIR"
    HUJING="$HUJING" HUJING_DB=demo.db HUJING_OFFICER=330101 \
        bash "$HUJING_SOURCE_DIR/examples/demo.sh" >/dev/null 2>&1
    export HUJING_DB=demo.db HUJING_OFFICER=330101
    run -0 hujing __dump-examples
    [ "${#lines[@]}" -ge 20 ]
    while IFS= read -r example; do
        cp demo.db run.db
        # shellcheck disable=SC2001
        command=$(sed 's/^hujing /"$HUJING" --db run.db /' <<<"$example")
        run --separate-stderr bash -c "$command"
        [ "$status" -eq 0 ] || { echo "failed ($status): $example: $stderr" >&2; return 1; }
    done < <(hujing __dump-examples)
    # Each example is shown in its command's help.
    run -0 hujing demand route --help
    [[ "$output" == *"示例:"*"hujing demand route 9 --unit 治安大队"* ]]
}

@test "an option's exclusions are in its description, not in the names column" {
    run -0 hujing demand route --help
    [[ "$output" == *"--due 文本"*"（不能与 --within 同用）"* ]]
    [[ "$output" != *"不能与此同用"* ]]
}

@test "a leaf's help lists only the global options that apply to it" {
    run -0 hujing enterprise list --help
    [[ "$output" == *"-f,--format"* && "$output" == *"--no-header"* && "$output" == *"--no-pager"* ]]
    [[ "$output" == *"--db"* && "$output" == *"--today"* ]]
    run -0 hujing demand show --help
    [[ "$output" == *"-f,--format"* && "$output" == *"--reveal"* ]]
    # A mutation prints only an id: the output options do not apply to it.
    run -0 hujing demand route --help
    [[ "$output" == *"--as"* && "$output" == *"--db"* ]]
    [[ "$output" != *"--fields"* && "$output" != *"--no-header"* && "$output" != *"--bom"* ]]
}
