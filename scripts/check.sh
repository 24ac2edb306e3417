#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs what is missing, builds everything and runs every test through CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
cmake --preset testing >/dev/null
cmake --build --preset testing
export QT_QPA_PLATFORM=offscreen
ctest --preset testing -j "$(nproc)" "$@"
