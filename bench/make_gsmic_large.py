#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Writes a GSM-IC-sized JSONL file (original GSM-IC schema) built from the 2 x 1000 GSM-IC-1K problems.

Usage: make_gsmic_large.py SHARED_DATASETS_DIR OUT.jsonl [COUNT]
Each record has new_question (with the inserted irrelevant sentence), original_question (without it) and answer,
like GSM-IC_2step.json / GSM-IC_mstep.json. Records are the 2000 real problems cycled to COUNT (default 58052,
the size of GSM-IC); cycled copies get distinct ids so nothing can be cached by content.
"""
import json
import os
import re
import sys


def alnum(text):
    return re.sub(r"[^0-9a-z]", "", text.lower())


def main():
    shared, out_path = sys.argv[1], sys.argv[2]
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 58052
    base = []
    for name in ("GSM-IC2.json", "GSM-ICM.json"):
        with open(os.path.join(shared, "gsm-ic-1k", name), encoding="utf-8") as f:
            base.extend(json.load(f))
    with open(out_path, "w", encoding="utf-8") as out:
        for i in range(count):
            item = base[i % len(base)]
            inserted = alnum(item["equation"])
            kept = [c for c in item["conditions"] if alnum(c) != inserted]
            record = {
                "id": i,
                "new_question": item["problem"],
                "original_question": " ".join(kept + [item["question"]]),
                "answer": item["gold_answer"],
                "n_steps": 2 if i % len(base) < 1000 else 4,
            }
            out.write(json.dumps(record) + "\n")


if __name__ == "__main__":
    main()
