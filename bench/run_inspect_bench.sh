#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Dataset-analysis benchmark: load + segment + score a GSM-IC-sized JSONL (58,052 problems) with
# `i3c inspect --summary`, and compare its wall time with the time Python needs merely to parse the same
# file line by line. Prints problems/s, peak RSS, memory per problem beyond the text, and the ratio.
# Usage: bench/run_inspect_bench.sh [BUILD_DIR] [SHARED_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-$here/../build/release}"
shared="${2:-$here/../../shared/datasets}"
i3c="$build/app/cli/i3c"
[[ -x "$i3c" ]] || { echo "build $i3c first (cmake --preset release && cmake --build --preset release)" >&2; exit 2; }
[[ -d "$shared/gsm-ic-1k" ]] || { echo "no $shared/gsm-ic-1k: the benchmark needs ../shared/datasets" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 "$here/make_gsmic_large.py" "$shared" "$work/gsmic-large.jsonl" 58052
python3 "$here/make_gsmic_large.py" "$shared" "$work/gsmic-small.jsonl" 5805
bytes=$(stat -c %s "$work/gsmic-large.jsonl")

best() { # best of 3 wall times in seconds for the command given
    local best=""
    for _ in 1 2 3; do
        local t0 t1 dt
        t0=$(date +%s.%N); "$@" >/dev/null; t1=$(date +%s.%N)
        dt=$(echo "$t1 - $t0" | bc -l)
        if [[ -z "$best" ]] || (( $(echo "$dt < $best" | bc -l) )); then best=$dt; fi
    done
    echo "$best"
}
rss_kb() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
cpu_s() { # best of 3 CPU times (user + sys, all threads) in seconds: steadier than wall time on a busy machine
    local best=""
    for _ in 1 2 3; do
        local t
        t=$(/usr/bin/time -f '%U %S' "$@" 2>&1 >/dev/null | tail -1 | awk '{print $1 + $2}')
        if [[ -z "$best" ]] || (( $(echo "$t < $best" | bc -l) )); then best=$t; fi
    done
    echo "$best"
}

py=$(best python3 "$here/python_parse_baseline.py" "$work/gsmic-large.jsonl")
ours=$(best "$i3c" inspect "$work/gsmic-large.jsonl" --summary)
py_cpu=$(cpu_s python3 "$here/python_parse_baseline.py" "$work/gsmic-large.jsonl")
ours_cpu=$(cpu_s "$i3c" inspect "$work/gsmic-large.jsonl" --summary)
rss_large=$(rss_kb "$i3c" inspect "$work/gsmic-large.jsonl" --summary)
rss_small=$(rss_kb "$i3c" inspect "$work/gsmic-small.jsonl" --summary)

printf 'file                      %s (58052 problems, %.1f MB)\n' "gsmic-large.jsonl" "$(echo "$bytes/1000000" | bc -l)"
printf 'python json.loads only    %.3f s\n' "$py"
printf 'i3c inspect --summary     %.3f s  (%.0f problems/s)\n' "$ours" "$(echo "58052/$ours" | bc -l)"
printf 'ratio ours/python-parse   %.3f  (target < 1.0)\n' "$(echo "$ours/$py" | bc -l)"
printf 'CPU time python / ours    %.3f s / %.3f s  (ratio %.3f; ours runs on two threads)\n' \
    "$py_cpu" "$ours_cpu" "$(echo "$ours_cpu/$py_cpu" | bc -l)"
printf 'load average at the end   %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
printf 'peak RSS 58052 problems   %d KB\n' "$rss_large"
printf 'peak RSS  5805 problems   %d KB\n' "$rss_small"
printf 'memory per extra problem  %.1f bytes (target < 1024; the file streams)\n' \
    "$(echo "($rss_large - $rss_small) * 1024 / (58052 - 5805)" | bc -l)"
