#!/usr/bin/env bats
# Man pages render without warnings and document every noun, verb and option (STYLE 13).
load helpers

man_dir() {
    echo "$HUJING_BUILD_DIR/man"
}

@test "every man page renders with groff without a warning" {
    local page n=0
    for page in "$(man_dir)"/*.[0-9]; do
        run --separate-stderr groff -k -Tutf8 -man -ww -z "$page"
        [ -z "$stderr" ] || { echo "$page: $stderr" >&2; return 1; }
        n=$((n + 1))
    done
    [ "$n" -ge 2 ]
}

@test "every noun has a page naming each of its verbs and options" {
    local kind noun rest page missing=""
    while IFS=$'\t' read -r kind noun rest; do
        case "$kind" in
        noun)
            page="$(man_dir)/hujing-$noun.1"
            [ -f "$page" ] || missing+=" page:hujing-$noun.1"
            ;;
        verb)
            # Where a page documents a verb: a top-level one has its own ".SS VERB" heading; a
            # nested one (enterprise risk add) a ".TP" item headed ".B risk add …".
            page="$(man_dir)/hujing-${noun%% *}.1"
            if [ "$noun" = "${noun%% *}" ]; then
                grep -qxF ".SS $rest" "$page" 2>/dev/null || missing+=" $noun:$rest"
            else
                grep -qE "^\.B ${noun#* } $rest( |\$)" "$page" 2>/dev/null || missing+=" $noun:$rest"
            fi
            ;;
        option)
            if [ "$noun" = "-" ]; then
                page="$(man_dir)/hujing.1"
            else
                page="$(man_dir)/hujing-${noun%% *}.1"
            fi
            # roff writes "--x" as "\-\-x"
            grep -q -- "$(printf '%s' "$rest" | sed 's/-/\\\\-/g')" "$page" 2>/dev/null \
                || missing+=" ${noun}:${rest}"
            ;;
        esac
    done < <(hujing __dump-cli)
    [ -z "$missing" ] || { echo "undocumented:$missing" >&2; return 1; }
}

@test "the top page lists every noun and the exit statuses 0 to 7" {
    local page noun
    page="$(man_dir)/hujing.1"
    for noun in $(hujing __dump-cli | awk -F'\t' '$1 == "noun" { print $2 }'); do
        grep -q "^\.B $noun\$" "$page" || { echo "hujing.1 lacks $noun" >&2; return 1; }
    done
    for code in 0 1 2 3 4 5 6 7; do
        grep -q "^\.B $code\$" "$page"
    done
}

@test "the pages list each closed list exactly as the binary declares it" {
    local name code label page sources="$HUJING_SOURCE_DIR/man"
    ! grep -l '@VALUES:' "$(man_dir)"/*.[0-9]
    for name in officer_role unit_kind visit_kind demand_category demand_source demand_status \
        sector risk_level; do
        # Each list is rendered from `hujing __dump-values` into at least one page…
        grep -l "@VALUES:$name@" "$sources"/*.in >/dev/null || { echo "no page lists $name" >&2; return 1; }
        for page in $(grep -l "@VALUES:$name@" "$sources"/*.in); do
            page="$(man_dir)/$(basename "${page%.in}")"
            # …and every value the binary knows is there (read without the break points).
            sed 's/\\[:c]//g' "$page" >page.txt
            while IFS=$'\t' read -r _ code label; do
                grep -qF -- "$code" page.txt || { echo "$page lacks $name $code" >&2; return 1; }
                grep -qF -- "$label" page.txt || { echo "$page lacks $name $label" >&2; return 1; }
            done < <(hujing __dump-values | awk -F'\t' -v n="$name" '$1 == n')
        done
    done
}

# Render roff text on stdin at 60 columns.
render() {
    groff -k -Tutf8 -man -ww -rLL=60n -P-cbou 2>&1 | sed 's/[[:space:]]*$//'
}

@test "Chinese prose breaks anywhere with no space added; quotes, code and examples are kept whole" {
    cat >page.in <<'EOF'
.TH T 1
.SH N
第一句说明文字，第二句说明文字。这一句较长的中文说明没有任何标点符号但必须在行宽之内换行才能正确显示出来
第二行接着上一行，中间不应出现空格：“引号里的文字，不能在这里断开”，\fB代码，不断开\fR 然后"ab，cd"。
.nf
hujing project add 园区 \-\-plan "每月走访；专班协调治安、交通保障"
.fi
EOF
    LC_ALL=C awk -f "$HUJING_SOURCE_DIR/man/cjk_breaks.awk" page.in >page.1
    # Requests and the example block are unchanged; no break point inside quotes or code.
    [ "$(grep -c '^[.]' page.1)" -eq 4 ]
    grep -qxF 'hujing project add 园区 \-\-plan "每月走访；专班协调治安、交通保障"' page.1
    grep -qF '“引号里的文字，不能在这里断开”' page.1
    grep -qF '\fB代码，不断开\fR' page.1
    grep -qF '"ab，cd"' page.1
    run -0 render <page.1
    text=$(printf '%s\n' "$output" | sed -n '/^N/,$p' | tail -n +2)
    # No space after Chinese punctuation or between the two source lines, no line too wide.
    [[ "$text" != *"， "* && "$text" != *"。 "* && "$text" != *"显示出来 第二行"* ]]
    [[ "$(printf '%s' "$text" | tr -d '\n ')" == *"显示出来第二行接着上一行，中间不应出现空格："* ]]
    while IFS= read -r line; do
        [ "$(printf '%s' "$line" | wc -L)" -le 60 ] || { echo "too wide: $line" >&2; return 1; }
    done < <(printf '%s\n' "$text" | grep -v 'hujing project')
    [[ "$text" == *'hujing project add 园区 --plan "每月走访；专班协调治安、交通保障"'* ]]
    # Without the step, groff cannot fit the long Chinese line into 60 columns.
    run -0 render <page.in
    [ "$(printf '%s\n' "$output" | wc -L)" -gt 60 ]
}

@test "no built page prints a space after Chinese punctuation before more Chinese" {
    local page
    for page in "$(man_dir)"/*.[0-9]; do
        run -0 groff -k -Tutf8 -man -rLL=100n -P-cbou "$page"
        ! printf '%s\n' "$output" | grep -E '[，。；：、] +[^ -~]' || { echo "$page" >&2; return 1; }
    done
}
