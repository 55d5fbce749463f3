# SPDX-License-Identifier: GPL-3.0-or-later
# Give groff break points in Chinese prose: groff 1.22 breaks lines only at spaces, so a long
# run of Chinese would overflow the line. A zero-width break point (\:) goes after Chinese
# punctuation and between two Chinese characters, never before closing punctuation, never
# inside "quotes" or “quotes”, bold or italic (\fB…\fR: commands, options, values), and never in requests
# or no-fill blocks (.nf/.fi, .EX/.EE: examples are printed as written). \: prints nothing, so
# no space appears where the line is not broken. A prose line that ends in Chinese and is
# followed by one that starts in Chinese is joined to it with \c, so the line break of the
# source is not printed as a space either.
# Usage: LC_ALL=C awk -f cjk_breaks.awk page.1.tmp > page.1   (bytes, not characters)

BEGIN {
    nofill = 0
    held = ""    # the previous prose line, printed once the next line is known
    holding = 0
}

# Requests and macros: no-fill blocks start and end here; the line itself is left as it is.
/^[.']/ {
    release("")
    if ($0 ~ /^[.'][ \t]*(nf|EX)([ \t]|$)/) {
        nofill = 1
    } else if ($0 ~ /^[.'][ \t]*(fi|EE)([ \t]|$)/) {
        nofill = 0
    }
    print
    next
}

nofill {
    release("")
    print
    next
}

{
    line = breaks($0)
    release(line)
    held = line
    holding = 1
}

END {
    release("")
}

# Print the held prose line; `following` is the prose line after it ("" for none).
function release(following,    last, first) {
    if (!holding) {
        return
    }
    holding = 0
    last = last_char(held)
    first = char_at(following, 1)
    if (following != "" && (is_han(last) || is_closing(last)) && (is_han(first) || is_closing(first) || is_opening(first))) {
        print held (is_closing(first) ? "" : "\\:") "\\c"
    } else {
        print held
    }
}

# The last UTF-8 character of `s`.
function last_char(s,    i) {
    i = length(s)
    while (i > 1 && substr(s, i, 1) >= "\200" && substr(s, i, 1) < "\300") {
        i--
    }
    return substr(s, i)
}

# The UTF-8 character of `s` starting at byte `i` (the whole line when it is not UTF-8).
function char_at(s, i,    b) {
    b = substr(s, i, 1)
    if (b < "\300") {
        return b
    }
    if (b < "\340") {
        return substr(s, i, 2)
    }
    if (b < "\360") {
        return substr(s, i, 3)
    }
    return substr(s, i, 4)
}

# Opening brackets and quote: a line may break before them.
function is_opening(c) {
    return c == "（" || c == "「" || c == "『" || c == "【" || c == "《" || c == "“"
}

# A Chinese character: U+4E00..U+9FFF, three bytes led by E4..E9.
function is_han(c) {
    return length(c) == 3 && substr(c, 1, 1) >= "\344" && substr(c, 1, 1) <= "\351"
}

# Punctuation after which a line may break: ，。；：、！？ and the closing brackets and quote.
function is_closing(c) {
    return c == "，" || c == "。" || c == "；" || c == "：" || c == "、" || c == "！" \
        || c == "？" || c == "）" || c == "」" || c == "』" || c == "】" || c == "》" || c == "”"
}

function breaks(line,    out, i, c, next_c, quoted, font, esc) {
    out = ""
    quoted = 0
    font = 0 # inside \fB or \fI
    i = 1
    while (i <= length(line)) {
        c = char_at(line, i)
        if (c == "\\") {
            # An escape is copied whole; \fB and \fI open code, \fR and \fP close it.
            esc = substr(line, i, 3)
            if (esc == "\\fB" || esc == "\\fI") {
                font = 1
            } else if (esc == "\\fR" || esc == "\\fP") {
                font = 0
            }
            if (substr(line, i + 1, 1) == "f" || substr(line, i + 1, 1) == "[") {
                if (substr(line, i + 1, 1) == "[") {
                    esc = substr(line, i, index(substr(line, i), "]"))
                }
                out = out esc
                i += length(esc)
            } else {
                out = out substr(line, i, 2)
                i += 2
            }
            continue
        }
        if (c == "\"") {
            quoted = !quoted
        } else if (c == "“") {
            quoted = 1
        } else if (c == "”") {
            quoted = 0
        }
        out = out c
        i += length(c)
        if (quoted || font || i > length(line)) {
            continue
        }
        next_c = char_at(line, i)
        if ((is_closing(c) || is_han(c)) && (is_han(next_c) || is_opening(next_c) || (is_closing(c) && next_c != " ")) \
            && !is_closing(next_c)) {
            out = out "\\:"
        }
    }
    return out
}
