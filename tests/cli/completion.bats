#!/usr/bin/env bats
# The completion shims offer every verb and option the binary has (STYLE 12, 13).
load helpers

# Run the bash completion function for the words given; prints COMPREPLY one per line.
complete_bash() {
    local bin_dir
    bin_dir=$(dirname "$HUJING")
    PATH="$bin_dir:$PATH" bash -c '
        source "$1"; shift
        COMP_WORDS=("$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
        _hujing
        printf "%s\n" "${COMPREPLY[@]}"
    ' _ "$HUJING_SOURCE_DIR/completions/hujing.bash" hujing "$@"
}

@test "bash completion offers every noun" {
    run -0 complete_bash ""
    for noun in $(hujing __dump-cli | awk -F'\t' '$1 == "noun" { print $2 }'); do
        [[ $'\n'"$output"$'\n' == *$'\n'"$noun"$'\n'* ]] || { echo "missing noun $noun" >&2; return 1; }
    done
}

@test "bash completion offers every verb of every noun" {
    local kind noun verb
    while IFS=$'\t' read -r kind noun verb; do
        [ "$kind" = verb ] || continue
        # shellcheck disable=SC2086
        run -0 complete_bash $noun ""
        [[ $'\n'"$output"$'\n' == *$'\n'"$verb"$'\n'* ]] || { echo "missing $noun $verb" >&2; return 1; }
    done < <(hujing __dump-cli)
}

@test "bash completion offers every option of a verb, and globals" {
    local kind path opt
    while IFS=$'\t' read -r kind path opt; do
        [ "$kind" = option ] && [ "$path" != "-" ] && [[ "$path" == *" "* ]] || continue
        # shellcheck disable=SC2086
        run -0 complete_bash $path --
        [[ $'\n'"$output"$'\n' == *$'\n'"$opt"$'\n'* ]] || { echo "missing $path $opt" >&2; return 1; }
    done < <(hujing __dump-cli)
    run -0 complete_bash officer list --f
    [[ "$output" == *"--format"* ]] && [[ "$output" == *"--fields"* ]]
}

@test "completion filters by the typed prefix" {
    run -0 complete_bash off
    [ "$output" = officer ]
    run -0 complete_bash officer li
    [ "$output" = list ]
}

@test "option values come from the database" {
    init_db
    hujing officer add 123456 --name 甲 --unit ZADD --inspector >/dev/null
    run -0 complete_bash officer add --unit JZ
    [ "$output" = JZDD ]
    run -0 complete_bash officer list --role 项目
    [ "$output" = 项目警官 ]
    run -0 complete_bash -f j
    [[ "$output" == *json* ]]
}

@test "units complete by code, by name and by the short names the plan uses" {
    init_db
    run -0 complete_bash officer add --unit 店口
    [ "$output" = 店口派出所 ]
    run -0 complete_bash demand route 1 --unit 出入境
    [[ $'\n'"$output"$'\n' == *$'\n'出入境大队$'\n'* ]]
    [[ $'\n'"$output"$'\n' == *$'\n'出入境管理大队$'\n'* ]]
    run -0 complete_bash unit add X 名 --parent ZA
    [ "$output" = ZADD ]
}

@test "--kind offers only that option's values" {
    local unit_kinds visit_kinds
    unit_kinds=$(hujing __dump-values | awk -F'\t' '$1 == "unit_kind" { print $2 }')
    visit_kinds=$(hujing __dump-values | awk -F'\t' '$1 == "visit_kind" { print $2 }')
    [ -n "$unit_kinds" ] && [ -n "$visit_kinds" ]
    run -0 complete_bash unit add X 名 --kind ""
    [ "$output" = "$unit_kinds" ]
    run -0 complete_bash visit log 1 --kind ""
    [ "$output" = "$visit_kinds" ]
    run -0 complete_bash unit list --kind ""
    [ "$output" = "$unit_kinds" ]
}

@test "--format=<TAB> completes in bash (split at =) and as one word (zsh, fish)" {
    run -0 complete_bash demand list --format = j
    [ "$output" = $'json\njsonl' ]
    run -0 complete_bash demand list --format = ""
    [ "$(printf '%s\n' "$output" | wc -l)" -eq 6 ]
    run -0 hujing __complete demand list --format=cs
    [ "$output" = "--format=csv" ]
}

@test "Chinese status and level names complete" {
    run -0 complete_bash demand list --status 已
    [[ "$output" == *已流转* ]]
    run -0 complete_bash demand list --status ro
    [ "$output" = routed ]
    run -0 complete_bash enterprise risk list --level 红
    [ "$output" = 红 ]
}

@test "hujing completion prints the installed scripts" {
    run -0 hujing completion bash
    [ "$output" = "$(cat "$HUJING_SOURCE_DIR/completions/hujing.bash")" ]
    run -0 hujing completion zsh
    [ "$output" = "$(cat "$HUJING_SOURCE_DIR/completions/_hujing")" ]
    run -0 hujing completion fish
    [ "$output" = "$(cat "$HUJING_SOURCE_DIR/completions/hujing.fish")" ]
    run -4 hujing completion tcsh
}

@test "the zsh script offers the nouns, verbs and values" {
    command -v zsh >/dev/null || skip "zsh is not installed (make deps installs it)"
    zsh -n "$HUJING_SOURCE_DIR/completions/_hujing"
    # Run the completion function with compadd stubbed to print what it would offer.
    zsh_complete() {
        zsh -f -c '
            compadd() { shift; print -l -- "${(@P)1}"; }
            _files() { print -- "<files>"; }
            words=("$@"); CURRENT=$#words
            source "$HUJING_SOURCE_DIR/completions/_hujing"
        ' zsh "$@"
    }
    run -0 zsh_complete "$HUJING" ent
    [ "$output" = enterprise ]
    run -0 zsh_complete "$HUJING" demand ''
    [[ "$output" == *route* && "$output" == *escalate* ]]
    run -0 zsh_complete "$HUJING" enterprise list --town 店
    [ "$output" = 店口镇 ]
}

@test "the fish script offers the nouns, verbs and values" {
    command -v fish >/dev/null || skip "fish is not installed (make deps installs it)"
    fish -n "$HUJING_SOURCE_DIR/completions/hujing.fish"
    fish_complete() {
        PATH="$(dirname "$HUJING"):$PATH" fish --no-config -c             "source '$HUJING_SOURCE_DIR/completions/hujing.fish'; complete -C '$1'"
    }
    run -0 fish_complete "hujing ent"
    [ "$output" = enterprise ]
    run -0 fish_complete "hujing visit "
    [[ "$output" == *due* && "$output" == *log* ]]
    run -0 fish_complete "hujing enterprise list --town 店"
    [ "$output" = 店口镇 ]
}
