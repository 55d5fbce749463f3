# SPDX-License-Identifier: GPL-3.0-or-later
# What every benchmark part (tests/bench/*.sh) measures with; sourced, not run.

# Seconds since the epoch, with nanoseconds.
now() { date +%s.%N; }

# a / b to two decimals (0 when b is 0).
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

# Best wall-clock seconds of three runs of "$@" (output discarded).
best_of_3() {
    local best="" t0 t
    for _ in 1 2 3; do
        t0=$(now)
        "$@" >/dev/null
        t=$(echo "$(now) - $t0" | bc)
        if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" -eq 1 ]; then
            best=$t
        fi
    done
    echo "$best"
}
