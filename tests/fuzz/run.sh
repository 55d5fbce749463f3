#!/usr/bin/env bash
# Run every libFuzzer target for FUZZ_SECONDS (default 60) each: make fuzz [FUZZ_SECONDS=N].
set -euo pipefail
build=${1:-build-fuzz}
seconds=${FUZZ_SECONDS:-60}
cd "$(dirname "$0")/../.."
mkdir -p "$build/corpus/csv_reader"
"$build/tests/fuzz/fuzz_csv_reader" -dict=tests/fuzz/csv.dict -max_total_time="$seconds" \
    "$build/corpus/csv_reader" tests/fixtures/csv-spectrum/csvs
mkdir -p "$build/corpus/codes"
"$build/tests/fuzz/fuzz_codes" -max_total_time="$seconds" "$build/corpus/codes" tests/fuzz/seeds/codes
