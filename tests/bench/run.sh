#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Run every benchmark part in tests/bench/ (make bench). Each part prints its figures as ratios
# against the sqlite3 shell measured in the same run; a part that fails stops the run.
set -euo pipefail
: "${HUJING:?set HUJING to the hujing binary}"
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
for part in "$here"/*.sh; do
    [ "$(basename "$part")" = run.sh ] && continue
    bash "$part"
done
