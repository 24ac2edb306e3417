#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs what is missing, builds everything and runs every test through CTest.
#
#   scripts/check.sh [--asan] [CTEST ARGS...]
#
#   --asan   the same suite built with AddressSanitizer, UBSan and LeakSanitizer (preset asan, build/asan);
#            any report fails the test that caused it. No leak is suppressed.
set -euo pipefail
cd "$(dirname "$0")/.."
preset=testing
if [[ "${1:-}" == --asan ]]; then
    preset=asan
    shift
    export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:detect_stack_use_after_return=0:strict_string_checks=1"
    export LSAN_OPTIONS="print_suppressions=0"
    export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
fi
scripts/bootstrap.sh
# Lets ccache reuse objects across checkouts in different folders (CI builds a fresh clone each time).
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
export QT_QPA_PLATFORM=offscreen
ctest --preset "$preset" -j "$(nproc)" "$@"
