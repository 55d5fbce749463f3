#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Print the hujing command lines of the documentation, one a line, for tests/cli/docs.bats:
#   FILE<TAB>LINE<TAB>BLOCK<TAB>EXIT<TAB>SKIP<TAB>COMMAND
# from README-style Markdown (```sh / ```bash / ```shell blocks) and from man pages (.EX/.EE and
# .nf/.fi blocks; roff escapes undone, as the reader sees them). A command continued with a
# trailing backslash is joined into one line. A line is a hujing command when hujing is run as
# a command in it (at the start, after $( <( | && || ;). BLOCK is the line where its block starts
# (the commands of a block share shell variables such as "$id"). EXIT is the exit code the line
# documents with a trailing "# 退出码 N" comment, else 0. SKIP is the reason given by a marker
# for an example that cannot run, else "-" (an empty field would vanish in `read`):
#   Markdown, the line before a block:   <!-- docs-test: skip REASON -->
#   man, before a block or a command:    .\" docs-test: skip REASON
# Usage: docs_examples.sh FILE...
set -euo pipefail

extract() {
    LC_ALL=C awk -v file="$(basename "$1")" '
    BEGIN {
        for (i = 0; i < 256; i++) byte[sprintf("%c", i)] = i
        hex = "0123456789ABCDEF"
        man = file !~ /\.md$/
    }
    function emit(cmd, line, block, skip,    expect) {
        expect = 0
        if (match(cmd, /#[ \t]*退出码[ \t]*[0-9]+[ \t]*$/)) {
            expect = substr(cmd, RSTART)
            gsub(/[^0-9]/, "", expect)
        }
        if (cmd ~ /(^|[;&|(])[ \t]*hujing[ \t]/) {
            gsub(/\t/, " ", cmd)
            printf "%s\t%d\t%d\t%d\t%s\t%s\n", file, line, block, expect, skip == "" ? "-" : skip, cmd
        }
    }
    # UTF-8 bytes of code point n.
    function utf8(n) {
        if (n < 128) return sprintf("%c", n)
        if (n < 2048) return sprintf("%c%c", 192 + int(n / 64), 128 + n % 64)
        return sprintf("%c%c%c", 224 + int(n / 4096), 128 + int(n / 64) % 64, 128 + n % 64)
    }
    # A roff text line as printed in no-fill mode.
    function unroff(s,    out, c, name, n, k) {
        out = ""
        while (s != "") {
            c = substr(s, 1, 1)
            if (c != "\\") { out = out c; s = substr(s, 2); continue }
            c = substr(s, 2, 1)
            if (c == "-" || c == "\\") { out = out (c == "-" ? "-" : "\\"); s = substr(s, 3) }
            else if (c == "e") { out = out "\\"; s = substr(s, 3) }
            else if (c == "&" || c == ":" || c == "%") { s = substr(s, 3) }
            else if (c == "f") { s = substr(s, substr(s, 3, 1) == "(" ? 6 : 4) }
            else if (c == "(") {
                name = substr(s, 3, 2); s = substr(s, 5)
                out = out (name == "aq" ? "\047" : name == "dq" ? "\"" : name == "ti" ? "~" : name == "ha" ? "^" : "?")
            } else if (c == "[") {
                name = substr(s, 3, index(s, "]") - 3); s = substr(s, index(s, "]") + 1)
                if (name ~ /^u[0-9A-F]+$/) {
                    n = 0
                    for (k = 2; k <= length(name); k++) n = n * 16 + index(hex, substr(name, k, 1)) - 1
                    out = out utf8(n)
                } else out = out (name == "aq" ? "\047" : name == "dq" ? "\"" : "?")
            } else { out = out c; s = substr(s, 3) }
        }
        return out
    }
    function finish() {
        if (pending != "") emit(pending, pending_line, block, pending_skip)
        pending = ""
    }
    {
        line = $0
        if (!inblock) {
            if (man && line ~ /^\.[ \t]*(nf|EX)([ \t]|$)/ || !man && line ~ /^```(sh|bash|shell)[ \t]*$/) {
                inblock = 1; block = NR; block_skip = marker; next_skip = ""
            }
            if (man && line ~ /^\.\\" docs-test: skip/ || !man && line ~ /^<!-- docs-test: skip.*-->/) {
                marker = line
                sub(/.*docs-test: skip[ \t]*/, "", marker); sub(/[ \t]*-->.*/, "", marker)
                if (marker == "") marker = "?"
            } else if (line !~ /^[ \t]*$/) marker = ""
            next
        }
        if (man && line ~ /^\.[ \t]*(fi|EE)([ \t]|$)/ || !man && line ~ /^```/) {
            finish(); inblock = 0; marker = ""; next
        }
        if (man && line ~ /^\.\\" docs-test: skip/) {
            next_skip = line; sub(/.*docs-test: skip[ \t]*/, "", next_skip)
            if (next_skip == "") next_skip = "?"
            next
        }
        if (man) {
            if (line ~ /^[.\047]/) next
            line = unroff(line)
        }
        if (pending == "") {
            pending_line = NR
            pending_skip = block_skip != "" ? block_skip : next_skip
            next_skip = ""
        }
        if (line ~ /\\$/) { pending = pending substr(line, 1, length(line) - 1); next }
        pending = pending line
        finish()
    }
    ' "$1"
}

for f in "$@"; do
    extract "$f"
done
