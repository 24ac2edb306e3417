#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds wb-screenshots (tools/screenshots) if needed, opens real datasets in the workbench window with it and saves
# a PNG of every page to docs/screenshots/.
# Uses ../shared/datasets when present (I3C-preprocessed GSM8K with the paper's scores, GSM-IC2 with its inserted
# irrelevant sentences), otherwise the bundled demo. Runs under xvfb-run when available, else offscreen.
# The Runs page is shot with a results database made by the `i3c` CLI against wb-fake-openai (tests/tools): its
# "model" fake-server answers deterministic nonsense, so those figures show the workbench, never a model.
# The same database gives inspector-runs.png: the inspector's Runs tab with the newest run's stored calls.
#
#   scripts/screenshots.sh [BUILD_DIR]        default BUILD_DIR: build/screenshots
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
build=${1:-build/screenshots}
out="$root/docs/screenshots"
shared="$root/../shared/datasets"

if [[ ! -x "$build/tools/screenshots/wb-screenshots" ]] || ! grep -q '^BUILD_TESTING:BOOL=ON' "$build/CMakeCache.txt"; then
    # BUILD_TESTING only for wb-fake-openai; no test is built here.
    cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=ON -DWB_BUILD_GUI=ON >/dev/null
fi
cmake --build "$build" --target wb-screenshots i3c wb-fake-openai >/dev/null

files=("$root/datasets/demo/demo.jsonl")
for f in "$shared/i3c-preprocessed/test_data/GSM8K.json" "$shared/gsm-ic-1k/GSM-IC2.json"; do
    [[ -f "$f" ]] && files+=("$f")
done

work=$(mktemp -d)
server_pid=
trap 'rm -rf "$work"; [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true' EXIT
mkdir -p "$out"

# A results database with real runs of the CLI against the fake server (no model behind it).
# Its replies carry reasoning text and a few come back empty, so the pages show reasoning and unanswered problems.
"$build/tests/wb-fake-openai" --latency-ms 5 --reasoning on --model fake-server >"$work/url" &
server_pid=$!
for _ in $(seq 50); do [[ -s "$work/url" ]] && break; sleep 0.1; done
url=$(head -n1 "$work/url")
db="$work/fake-server-runs.sqlite"
i3c=("$build/app/cli/i3c")
fake=(--db "$db" --base-url "$url" --model fake-server --api-key-env WB_SCREENSHOT_NO_KEY --concurrency 4)
# Oldest first: the Runs page selects the newest run, the complete one.
"${i3c[@]}" run datasets/demo/demo.jsonl "${fake[@]}" --method plan-and-solve+i3c --plan-only --name "planned, not started" >/dev/null 2>&1 || true
"${i3c[@]}" run datasets/demo/demo.jsonl "${fake[@]}" --method zero-shot-cot --limit 12 --name "fake server, first 12" >/dev/null 2>&1 || true
"${i3c[@]}" run datasets/demo/demo.jsonl "${fake[@]}" --method zero-shot-cot+i3c --name "fake server (not a model result)" >/dev/null 2>&1 || true
files+=("$db")

# wb-screenshots uses a throw-away settings file: the pictures always show the default layout, never the user's.
run=("$build/tools/screenshots/wb-screenshots" "$out" "${files[@]}")
if command -v xvfb-run >/dev/null; then
    xvfb-run -a -s "-screen 0 1600x1000x24" "${run[@]}"
else
    QT_QPA_PLATFORM=offscreen "${run[@]}"
fi
# The Compare page over two runs the runner makes in the GUI test against the in-process fake server
# (tests/support/comparedb): its "fake-model" answers a fixed share right, so the figures show the page, not a model.
tests_build=$build
if ! grep -q '^BUILD_TESTING:BOOL=ON' "$build/CMakeCache.txt"; then
    tests_build=$build-tests
    [[ -f "$tests_build/CMakeCache.txt" ]] ||
        cmake -S . -B "$tests_build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=ON -DWB_BUILD_GUI=ON >/dev/null
fi
cmake --build "$tests_build" --target tst_mainwindow >/dev/null
compare_shots=$(mktemp -d)
WB_COMPARE_SCREENSHOT_DIR="$compare_shots" QT_QPA_PLATFORM=offscreen \
    "$tests_build/tests/tst_mainwindow" comparePageListsProblemsAndExports >/dev/null
cp "$compare_shots/compare-compare.png" "$out/compare.png"
rm -rf "$compare_shots"
echo "screenshots written to $out"
