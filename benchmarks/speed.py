"""Classification speed and memory of the shipped model on corpus documents.

Run: .venv/bin/python benchmarks/speed.py [N_DOCS]   (prints figures; asserts nothing)
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    t0 = time.perf_counter()
    from orgstruct import load_model, predict

    model = load_model()
    model.embedder.encode(["warm up"])
    load_s = time.perf_counter() - t0
    texts = [json.loads(p.read_text())["text"] for p in sorted((ROOT / "data" / "corpus").glob("*/*.json"))[:n]]
    words = sum(len(t.split()) for t in texts)
    t1 = time.perf_counter()
    groups = sum(len(predict(t, model=model)) for t in texts)
    run_s = time.perf_counter() - t1
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"model load + first embedding: {load_s:.1f} s")
    print(
        f"classified {len(texts)} documents ({words} words, {groups} groups) in {run_s:.1f} s: "
        f"{len(texts) / run_s:.1f} docs/s, {words / run_s:,.0f} words/s (wall clock, both cores)"
    )
    print(f"peak RSS: {rss_mb:,.0f} MB")


if __name__ == "__main__":
    main()
