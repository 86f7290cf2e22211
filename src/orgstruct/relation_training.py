"""Training the learned relation typer (orgstruct.extract.typer) on annotated documents.

Training documents come from data/gold_train only: the evaluation gold
(data/gold) never trains the typer, so benchmarks/extraction.py stays a
held-out measurement. Each candidate pair is labelled from the annotation
after aligning annotated names to extracted entities; one L2 logistic
regression per (candidate kind, relation type) is fitted, and its decision
threshold is chosen on out-of-fold probabilities (document-grouped folds).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from orgstruct.corpus import RELATION_TYPES
from orgstruct.errors import DataError
from orgstruct.extract import extract
from orgstruct.extract.relations import SYMMETRIC, salient_groups
from orgstruct.extract.typer import CANDIDATE_KINDS, Candidate, RelationTyper, allowed_types, candidates
from orgstruct.extraction_eval import align_entities, entity_forms

# a type is shipped only if its out-of-fold precision reaches that of the trigger rules (about 0.5
# on the gold): the typer should add relations an analyst can trust, not noise
MIN_PRECISION = 0.5
DEFAULT_C = 0.3  # inverse L2 strength, the best out-of-fold value on gold_train


@dataclass
class LabelledCandidate:
    doc: int
    cand: Candidate
    labels: set[str]


def _evidence_span(text: str, evidence: str) -> tuple[int, int] | None:
    i = text.lower().find(evidence.lower()) if evidence else -1
    return (i, i + len(evidence)) if i >= 0 else None


def label_document(record: dict, text: str, doc_index: int) -> list[LabelledCandidate]:
    """Candidates of one annotated document with the relation types the annotation gives them."""
    x = extract(text, learned=False)  # the typer's candidates rest on the rules' output
    cands = candidates(x.document, x.groups, x.persons, x.relations, salient_groups(x.document, x.groups, x.persons))
    names = align_entities(record["groups"], {g.id: entity_forms(g.name, *g.aliases) for g in x.groups})
    names |= align_entities(record["persons"], {p.id: entity_forms(p.name, *p.aliases) for p in x.persons})
    sent_span = {s.index: (s.start, s.end) for s in x.document.sentences}
    gold: dict[tuple, list[tuple[int, int] | None]] = {}
    for r in record["relations"]:
        span = _evidence_span(text, r.get("evidence", ""))
        gold.setdefault((r["type"], r["head"], r.get("tail")), []).append(span)
        if r["type"] in SYMMETRIC and r.get("tail"):
            gold.setdefault((r["type"], r["tail"], r["head"]), []).append(span)

    def holds(rtype: str, head: str | None, tail: str | None, sentence: int, strict: bool) -> bool:
        """The annotation has the relation; ``strict``: its evidence overlaps the sentence."""
        spans = gold.get((rtype, head, tail))
        if not spans:
            return False
        s, e = sent_span[sentence]
        return any(sp is None or not strict or (sp[0] < e and sp[1] > s) for sp in spans)

    out = []
    for c in cands:
        head = names.get(c.head.entity)
        tail = names.get(c.tail.entity) if c.tail else None
        strict = c.kind in ("pair", "unary")
        labels = {t for t in allowed_types(c) if holds(t, head, tail, c.sentence, strict)}
        out.append(LabelledCandidate(doc_index, c, labels))
    return out


def _fit(features: list[dict], y: np.ndarray, c_value: float):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform(features)
    clf = LogisticRegression(C=c_value, max_iter=2000)
    clf.fit(x, y)
    return vec, clf


def _best_threshold(y: np.ndarray, p: np.ndarray) -> float:
    best, best_f1 = 0.5, -1.0
    for t in np.arange(0.2, 0.81, 0.05):
        pred = p >= t
        tp = int((pred & (y == 1)).sum())
        f1 = 2 * tp / (pred.sum() + y.sum()) if tp else 0.0
        if f1 > best_f1 + 1e-9:
            best, best_f1 = float(round(t, 2)), f1
    return best


def fit_thresholded(feats: list[dict], y: np.ndarray, groups: np.ndarray, c_value: float, folds: int):
    """One logistic regression: out-of-fold probabilities (folds grouped by document) choose
    the threshold; the final fit uses every row. Returns (weights, intercept, threshold, report)."""
    from sklearn.model_selection import GroupKFold

    oof = np.zeros(len(y))
    for tr, te in GroupKFold(n_splits=min(folds, len(set(groups)))).split(feats, y, groups):
        if 0 < y[tr].sum() < len(tr):
            vec, clf = _fit([feats[i] for i in tr], y[tr], c_value)
            oof[te] = clf.predict_proba(vec.transform([feats[i] for i in te]))[:, 1]
    threshold = _best_threshold(y, oof)
    vec, clf = _fit(feats, y, c_value)
    names = vec.get_feature_names_out()
    weights = {n: round(float(w), 5) for n, w in zip(names, clf.coef_[0], strict=True) if abs(w) > 1e-4}
    pred = oof >= threshold
    tp = int((pred & (y == 1)).sum())
    report = {
        "candidates": len(y),
        "positives": int(y.sum()),
        "threshold": threshold,
        "oof_precision": round(float(tp / pred.sum()), 3) if pred.sum() else 0.0,
        "oof_recall": round(float(tp / y.sum()), 3),
    }
    return weights, round(float(clf.intercept_[0]), 5), threshold, report


def train_typer(items: list[tuple[dict, str, str]], c_value: float = DEFAULT_C, folds: int = 5):
    """Fit the relation typer on annotated documents; returns (typer, out-of-fold report)."""
    data = [lc for i, (rec, text, _) in enumerate(items) for lc in label_document(rec, text, i)]
    weights, intercepts, thresholds, report = {}, {}, {}, {}
    for kind in CANDIDATE_KINDS:
        rows = [lc for lc in data if lc.cand.kind == kind]
        for t in RELATION_TYPES:
            rows_t = [lc for lc in rows if t in allowed_types(lc.cand)]
            y = np.array([int(t in lc.labels) for lc in rows_t])
            if y.sum() < 5 or len(y) - y.sum() < 5:
                continue
            key = f"{kind}:{t}"
            feats = [lc.cand.features for lc in rows_t]
            docs = np.array([lc.doc for lc in rows_t])
            w, b, threshold, report[key] = fit_thresholded(feats, y, docs, c_value, folds)
            report[key]["kept"] = report[key]["oof_precision"] >= MIN_PRECISION
            if report[key]["kept"]:
                weights[key], intercepts[key], thresholds[key] = w, b, threshold
    meta = {"trained_on": "data/gold_train", "documents": len(items), "C": c_value}
    meta["created"] = _dt.date.today().isoformat()
    return RelationTyper(weights, intercepts, thresholds, meta), report


def training_items(data_dir: Path, seeds_dir: Path) -> list[tuple[dict, str, str]]:
    """The annotated training documents of DATA/gold_train (never the evaluation gold)."""
    from orgstruct.extraction_eval import load_gold

    items = load_gold(data_dir, seeds_dir, folder="gold_train")
    if not items:
        raise DataError(f"no annotated training documents in {data_dir / 'gold_train'}")
    return items


def train_and_save(data_dir: Path, seeds_dir: Path, out: Path, c_value: float | None = None) -> dict:
    """Train on DATA/gold_train and write the typer JSON; ``c_value`` None means DEFAULT_C."""
    items = training_items(data_dir, seeds_dir)
    typer, report = train_typer(items, c_value=DEFAULT_C if c_value is None else c_value)
    typer.to_json(out)
    return {"documents": len(items), "output": str(out), "per_type": report}
