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
            # …and every value the binary knows is there.
            while IFS=$'\t' read -r _ code label; do
                grep -qF -- "$code" "$page" || { echo "$page lacks $name $code" >&2; return 1; }
                grep -qF -- "$label" "$page" || { echo "$page lacks $name $label" >&2; return 1; }
            done < <(hujing __dump-values | awk -F'\t' -v n="$name" '$1 == n')
        done
    done
}
