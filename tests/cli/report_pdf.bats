#!/usr/bin/env bats
# The HTML report prints: headless Chromium renders it to an A4 PDF with a sane page count and
# no console errors (the page loads nothing and runs no script).
load helpers

@test "chromium prints the quarterly html to a PDF of a few A4 pages without console errors" {
    command -v chromium >/dev/null || skip "chromium not installed (make deps installs it)"
    command -v pdfinfo >/dev/null || skip "pdfinfo not installed (poppler-utils)"
    HUJING="$HUJING" bash "$HUJING_SOURCE_DIR/tests/fixtures/report/fixture.sh"
    hujing report quarterly --quarter 2025Q3 -f html --out . >/dev/null
    export HOME="$BATS_TEST_TMPDIR" XDG_CONFIG_HOME="$BATS_TEST_TMPDIR/.config" XDG_CACHE_HOME="$BATS_TEST_TMPDIR/.cache"
    run --separate-stderr timeout 120 chromium --headless=new --no-sandbox --disable-gpu \
        --no-pdf-header-footer --user-data-dir="$BATS_TEST_TMPDIR/profile" \
        --print-to-pdf="$BATS_TEST_TMPDIR/report.pdf" --enable-logging=stderr --v=0 \
        "file://$BATS_TEST_TMPDIR/hujing-report-2025Q3.html"
    [ -s report.pdf ] || { echo "no PDF: $stderr" >&2; return 1; }
    if grep -E 'INFO:CONSOLE' <<<"$stderr"; then
        echo "console messages on the page" >&2
        return 1
    fi
    run -0 pdfinfo report.pdf
    pages=$(awk '/^Pages:/ { print $2 }' <<<"$output")
    size=$(awk -F': *' '/^Page size:/ { print $2 }' <<<"$output")
    # Three documents and the KPI annex, each from a new page: 4 to 12 pages.
    [ "$pages" -ge 4 ] && [ "$pages" -le 12 ] || { echo "pages: $pages" >&2; return 1; }
    [[ "$size" == *"(A4)"* ]] || { echo "not A4: $size" >&2; return 1; }
    # The CJK text is in the PDF (a font was found for it).
    run -0 pdftotext report.pdf -
    [[ "$output" == *"风险预警单"* ]]
    [[ "$output" == *"诸公护企〔2025〕第3号"* ]]
}
