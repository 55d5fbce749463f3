#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Run every benchmark part (tests/bench/*.sh) against a binary; `make bench` calls this.
# Usage: tests/bench/run.sh [HUJING_BINARY]   (default: build/cmd/hujing — use a Release build)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
status=0
for part in "$here"/*.sh; do
    [ "$(basename "$part")" = run.sh ] && continue
    echo "### $(basename "$part")"
    "$part" "$@" || status=1
done
exit "$status"
