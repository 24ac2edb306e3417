#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs what is missing, builds the workbench and starts it on the bundled demo dataset.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
# Lets ccache reuse objects across checkouts in different folders (CI builds a fresh clone each time).
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
cmake --preset release >/dev/null
cmake --build --preset release
exec build/release/app/gui/i3c-workbench datasets/demo/demo.jsonl "$@"
