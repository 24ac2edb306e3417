#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs what is missing, builds everything and runs every test through CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
# Lets ccache reuse objects across checkouts in different folders (CI builds a fresh clone each time).
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
cmake --preset testing >/dev/null
cmake --build --preset testing
export QT_QPA_PLATFORM=offscreen
ctest --preset testing -j "$(nproc)" "$@"
