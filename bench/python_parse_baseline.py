#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Baseline for bench/run_inspect_bench.sh: only parses a JSONL file line by line with json.loads."""
import json
import sys

n = 0
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        if line.strip():
            json.loads(line)
            n += 1
print(n)
