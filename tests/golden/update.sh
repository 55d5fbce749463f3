#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerate the golden files (make golden): the quarterly report of the fixed fixture database
# (tests/fixtures/report/fixture.sh) in md and json, with the audit hashes normalised as
# tests/cli/report.bats does. Review the diff before committing it.
# Usage: HUJING=path/to/hujing bash tests/golden/update.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
: "${HUJING:?set HUJING to the hujing binary}"
work=$(mktemp -d "${TMPDIR:-/tmp}/hujing-golden.XXXXXX")
trap 'rm -rf "$work"' EXIT
export HUJING_DB="$work/fixture.db" HUJING_TODAY=2025-10-15
unset HUJING_DATA_DIR
HUJING="$HUJING" bash "$here/../fixtures/report/fixture.sh"
normalise() { sed -E 's/([0-9]+):[0-9a-f]{64}/\1:<hash>/g'; }
"$HUJING" report quarterly --quarter 2025Q3 | normalise > "$here/report-2025Q3.md"
"$HUJING" report quarterly --quarter 2025Q3 -f json | normalise > "$here/report-2025Q3.json"
echo "updated: $here/report-2025Q3.md $here/report-2025Q3.json"
