"""Extraction quality on the gold set, per language, and extraction speed on one core.

Run: .venv/bin/python benchmarks/extraction.py  (prints figures; asserts nothing)
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    from orgstruct.extract import extract
    from orgstruct.extraction_eval import evaluate_extraction, load_gold

    items = load_gold(ROOT / "data", ROOT / "seeds")
    results = evaluate_extraction(items)
    print(f"gold documents: {len(items)}")
    header = ["lang", "docs", "group F1", "alias acc", "person F1", "relation F1", "rel P", "rel R", "ops F1"]
    print("  ".join(f"{h:>11}" for h in header))
    for lang in ("en", "es", "all"):
        s = results[lang].summary()
        row = [
            lang,
            s["documents"],
            s["groups_f1"],
            s["alias_accuracy"],
            s["persons_f1"],
            s["relations_f1"],
            s["relations_precision"],
            s["relations_recall"],
            s["operations_f1"],
        ]
        print("  ".join(f"{v:>11}" for v in row))
    texts = [text for _, text, _ in items]
    words = sum(len(t.split()) for t in texts)
    extract(texts[0])  # warm caches (lexicons, compiled patterns)
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        for t in texts:
            extract(t)
        best = min(best, time.process_time() - t0)
    print(f"speed: {words / best:,.0f} words/s on one core ({words} words, best of 3, CPU time)")
    if "--json" in sys.argv:
        print(json.dumps({k: v.summary() for k, v in results.items()}, indent=2))


if __name__ == "__main__":
    main()
