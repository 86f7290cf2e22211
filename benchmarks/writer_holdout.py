"""The learned extraction parts on a writer they never saw.

data/gold_train was written by eleven writers (the "wN-" prefix of a document id). For each
writer, the relation typer and the operations scorer are trained on the other ten writers'
documents, exactly as `orgstruct train-relations` and `orgstruct train-operations` train them,
and the extraction is scored on the held-out writer's documents; the counts are summed over
the eleven writers (micro F1). Out-of-fold figures with document folds share each writer's
wording between training and scoring; these do not, so they say how much of a learned part's
gain is the writers' own style. The rules alone are printed on the same documents, but the
rules were written from gold_train's misses, so they are flattered here: compare learned
variants with each other, and the rules on gold_fresh (benchmarks/extraction.py).

Run: .venv/bin/python benchmarks/writer_holdout.py  (about 7 minutes on one core; prints figures,
     asserts nothing)
"""

from __future__ import annotations

import importlib
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parent.parent


def _counts(results, part: str) -> tuple[int, int, int]:
    s = getattr(results["all"], part)
    return s.tp, s.fp, s.fn


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / max(1, 2 * tp + fp + fn)


def main() -> None:
    from orgstruct.corpus import writer_of
    from orgstruct.extraction_eval import evaluate_extraction
    from orgstruct.operations_training import train_scorer
    from orgstruct.relation_training import train_typer, training_items

    package = importlib.import_module("orgstruct.extract")  # the module extract() looks its parts up in
    items = training_items(ROOT / "data", ROOT / "seeds")
    writer = [writer_of(rec["doc_id"]) for rec, _, _ in items]
    rows = ("rules alone", "typer + scorer (writer folds)", "scorer with document folds")
    totals = {r: {"relations": [0, 0, 0], "operations": [0, 0, 0]} for r in rows}
    t0 = time.process_time()
    print(
        f"{'writer':>7} {'docs':>5}  relation F1: rules / learned"
        "   operations F1: rules / writer folds / document folds"
    )
    for w in sorted(set(writer), key=lambda x: int(x[1:])):
        train = [it for it, wi in zip(items, writer, strict=True) if wi != w]
        test = [it for it, wi in zip(items, writer, strict=True) if wi == w]
        typer, _ = train_typer(train)
        scorer, _ = train_scorer(train)
        scorer_docs, _ = train_scorer(train, by_writer=False)
        package.default_typer = lambda typer=typer: typer
        got = {}
        got["rules alone"] = evaluate_extraction(test, learned=False)
        package.default_scorer = lambda scorer=scorer: scorer
        got["typer + scorer (writer folds)"] = evaluate_extraction(test)
        package.default_scorer = lambda scorer=scorer_docs: scorer
        got["scorer with document folds"] = evaluate_extraction(test)
        for r in rows:
            for part in ("relations", "operations"):
                c = _counts(got[r], part)
                totals[r][part] = [a + b for a, b in zip(totals[r][part], c, strict=True)]
        line = [
            _f1(*_counts(got["rules alone"], "relations")),
            _f1(*_counts(got["typer + scorer (writer folds)"], "relations")),
            _f1(*_counts(got["rules alone"], "operations")),
            _f1(*_counts(got["typer + scorer (writer folds)"], "operations")),
            _f1(*_counts(got["scorer with document folds"], "operations")),
        ]
        print(
            f"{w:>7} {len(test):>5}  {line[0]:.3f} / {line[1]:.3f}{'':18}{line[2]:.3f} / {line[3]:.3f} / {line[4]:.3f}",
            flush=True,
        )
    print("\nsummed over the eleven held-out writers (micro F1)")
    print(
        f"  relations:  rules {_f1(*totals[rows[0]]['relations']):.4f}, "
        f"rules + typer {_f1(*totals[rows[1]]['relations']):.4f}"
    )
    print(
        f"  operations: rules {_f1(*totals[rows[0]]['operations']):.4f}, scorer (threshold on writer folds) "
        f"{_f1(*totals[rows[1]]['operations']):.4f}, scorer (threshold on document folds) "
        f"{_f1(*totals[rows[2]]['operations']):.4f}"
    )
    print(f"  ({time.process_time() - t0:.0f} s CPU)")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    main()
