"""Training and evaluation on the labelled corpus: examples, splits, cross-validation, baselines."""

from __future__ import annotations

import json
import random
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.metrics import accuracy_score, f1_score, log_loss
from sklearn.model_selection import StratifiedGroupKFold

from orgstruct.corpus import CorpusDocument, load_corpus
from orgstruct.embed import Embedder
from orgstruct.errors import DataError
from orgstruct.estimator import StructureClassifier
from orgstruct.experiment import ExperimentConfig
from orgstruct.extract import extract_for_classifier
from orgstruct.featurize import GroupView, feature_names, featurize_group
from orgstruct.predict import Model, columns_for, group_from_name, vectorize
from orgstruct.schema import LABELS


@dataclass(frozen=True)
class Example:
    doc_id: str
    group_id: str
    writer: str
    lang: str
    label: str
    hard_case: str | None
    view: GroupView


def build_examples(docs: list[CorpusDocument]) -> tuple[list[Example], list[str]]:
    """One example per labelled (document, group); also the pairs that could not be located."""
    examples, missed = [], []
    for doc in docs:
        extraction = extract_for_classifier(doc.text)
        for gl in doc.groups:
            group = None
            for name in (gl.name, *gl.aliases):
                group = extraction.group_by_name(name)
                if group:
                    break
            group = group or group_from_name(extraction, gl.name)
            if group is None:
                missed.append(f"{doc.doc_id}/{gl.group_id}")
                continue
            view = featurize_group(extraction, group)
            examples.append(Example(doc.doc_id, gl.group_id, doc.writer, doc.lang, gl.label, doc.hard_case, view))
    return examples, missed


def group_majority_labels(docs: list[CorpusDocument]) -> dict[str, str]:
    votes: dict[str, Counter] = defaultdict(Counter)
    for d in docs:
        for g in d.groups:
            votes[g.group_id][g.label] += 1
    return {gid: c.most_common(1)[0][0] for gid, c in votes.items()}


def make_split(docs: list[CorpusDocument], fraction: float = 0.2, seed: int = 13) -> list[str]:
    """Test groups: ``fraction`` of the groups of each (majority) label, chosen at random."""
    by_label: dict[str, list[str]] = defaultdict(list)
    for gid, label in sorted(group_majority_labels(docs).items()):
        by_label[label].append(gid)
    rng = random.Random(seed)
    test = []
    for label in sorted(by_label):
        gids = by_label[label]
        rng.shuffle(gids)
        test += gids[: max(1, round(fraction * len(gids)))]
    return sorted(test)


def load_split(data_dir: Path) -> list[str]:
    path = data_dir / "split.json"
    if not path.exists():
        return []
    return list(json.loads(path.read_text())["test_groups"])


def split_examples(examples: list[Example], docs: list[CorpusDocument], test_groups: list[str]):
    """Train: documents naming no test group. Test: test groups' labels in the other documents."""
    test_set = set(test_groups)
    test_docs = {d.doc_id for d in docs if any(g.group_id in test_set for g in d.groups)}
    train = [e for e in examples if e.doc_id not in test_docs]
    test = [e for e in examples if e.doc_id in test_docs and e.group_id in test_set]
    return train, test


def ece(y_true: np.ndarray, proba: np.ndarray, classes: np.ndarray, bins: int = 10) -> float:
    conf = proba.max(axis=1)
    correct = classes[proba.argmax(axis=1)] == y_true
    edges = np.linspace(0, 1, bins + 1)
    total = 0.0
    for lo, hi in zip(edges[:-1], edges[1:], strict=True):
        sel = (conf > lo) & (conf <= hi)
        if sel.any():
            total += sel.mean() * abs(correct[sel].mean() - conf[sel].mean())
    return float(total)


def scores(y_true, proba: np.ndarray, classes) -> dict[str, float]:
    y_true = np.asarray(y_true)
    classes = np.asarray(classes)
    pred = classes[proba.argmax(axis=1)]
    order = np.argsort(classes)  # log_loss reads columns in sorted label order
    out = {
        "macro_f1": float(f1_score(y_true, pred, average="macro", labels=list(LABELS), zero_division=0)),
        "accuracy": float(accuracy_score(y_true, pred)),
        "log_loss": float(log_loss(y_true, np.clip(proba[:, order], 1e-6, 1), labels=list(classes[order]))),
        "ece": ece(y_true, proba, classes),
    }
    per = f1_score(y_true, pred, average=None, labels=list(LABELS), zero_division=0)
    out.update({f"f1_{label}": float(v) for label, v in zip(LABELS, per, strict=True)})
    return out


class TfidfBaseline:
    """Word TF-IDF of the group's masked sentences + logistic regression: the baseline to beat."""

    def __init__(self, C: float = 2.0):
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline

        self.pipe = make_pipeline(
            TfidfVectorizer(sublinear_tf=True, min_df=2, ngram_range=(1, 2)),
            LogisticRegression(C=C, max_iter=3000, class_weight="balanced"),
        )

    def fit(self, texts, y):
        self.pipe.fit(texts, y)
        self.classes_ = self.pipe.classes_
        return self

    def predict_proba(self, texts):
        return self.pipe.predict_proba(texts)


def column_slice(config: ExperimentConfig, n_total: int) -> slice:
    n_hand = len(feature_names())
    return {"all": slice(0, n_total), "structural": slice(0, n_hand), "embeddings": slice(n_hand, n_total)}[
        config.features
    ]


def _make_estimator(config: ExperimentConfig, names: tuple[str, ...]):
    if config.model == "tfidf_baseline":
        return TfidfBaseline(C=config.C)
    if config.model == "majority_baseline":
        from sklearn.dummy import DummyClassifier

        return DummyClassifier(strategy="prior")
    return StructureClassifier(
        feature_names=names,
        C=config.C,
        embedding_weight=config.embedding_weight,
        calibrate=config.calibrate,
        random_state=config.seed,
        clip=config.clip,
    )


def model_inputs(config: ExperimentConfig, X: np.ndarray, examples: list[Example]):
    if config.model == "tfidf_baseline":
        return [" ".join(e.view.masked) for e in examples]
    return X[:, column_slice(config, X.shape[1])]


def fit_predict(config, names, X_train, y_train, X_test) -> tuple[np.ndarray, np.ndarray]:
    est = _make_estimator(config, names).fit(X_train, y_train)
    return est.predict_proba(X_test), np.asarray(est.classes_)


def _held_out_proba(config, X, examples, y, tr, va) -> np.ndarray:
    """Fit on rows ``tr``, return probabilities for rows ``va`` with columns in LABELS order."""
    inputs = model_inputs(config, X, examples)
    names = tuple(columns_for_width(X.shape[1])[column_slice(config, X.shape[1])])
    take = (lambda idx: [inputs[i] for i in idx]) if isinstance(inputs, list) else (lambda idx: inputs[idx])
    p, classes = fit_predict(config, names, take(tr), y[tr], take(va))
    full = np.zeros((len(va), len(LABELS)))
    for j, c in enumerate(classes):
        full[:, list(LABELS).index(c)] = p[:, j]
    return full


def cross_validate(config: ExperimentConfig, X: np.ndarray, examples: list[Example]) -> dict[str, float]:
    """Group-aware CV: no group is in both the training and the validation folds."""
    y = np.array([e.label for e in examples])
    groups = np.array([e.group_id for e in examples])
    proba = np.zeros((len(y), len(LABELS)))
    cv = StratifiedGroupKFold(n_splits=config.cv_folds, shuffle=True, random_state=config.seed)
    for tr, va in cv.split(np.zeros(len(y)), y, groups):
        proba[va] = _held_out_proba(config, X, examples, y, tr, va)
    out = {f"cv_{k}": v for k, v in scores(y, proba, np.array(LABELS)).items()}
    langs = np.array([e.lang for e in examples])
    for lang in ("en", "es"):
        sel = langs == lang
        if sel.any():
            out[f"cv_macro_f1_{lang}"] = scores(y[sel], proba[sel], np.array(LABELS))["macro_f1"]
    return out


def writer_holdout(config: ExperimentConfig, X: np.ndarray, examples: list[Example]) -> dict[str, float]:
    """Macro-F1 on each writer's documents when training on the other writers' (groups disjoint)."""
    y = np.array([e.label for e in examples])
    writers = np.array([e.writer for e in examples])
    groups = np.array([e.group_id for e in examples])
    out = {}
    for w in sorted(set(writers)):
        va = np.where(writers == w)[0]
        held_groups = set(groups[va])
        tr = np.array([i for i in range(len(y)) if writers[i] != w and groups[i] not in held_groups])
        if len(tr) < 10 or len(set(y[tr])) < 3:
            continue
        full = _held_out_proba(config, X, examples, y, tr, va)
        out[f"writer_{w}_macro_f1"] = scores(y[va], full, np.array(LABELS))["macro_f1"]
    if out:
        out["writer_holdout_mean_macro_f1"] = float(np.mean(list(out.values())))
    return out


def columns_for_width(width: int) -> np.ndarray:
    n_hand = len(feature_names())
    return np.array([*feature_names(), *(f"emb_{i}" for i in range(width - n_hand))], dtype=object)


def load_training_data(data_dir: Path) -> list[CorpusDocument]:
    try:
        docs = load_corpus(data_dir)
    except ValueError as exc:
        raise DataError(str(exc)) from None
    if not docs:
        raise DataError(f"no corpus documents under {data_dir / 'corpus'}")
    return docs


def fit_final(
    config: ExperimentConfig, X: np.ndarray, examples: list[Example], embedder: Embedder, metadata: dict
) -> Model:
    est = _make_estimator(config, columns_for(embedder)).fit(X, [e.label for e in examples])
    return Model(est, embedder, dict(metadata, columns=list(columns_for(embedder))))


def evaluate_model(model: Model, examples: list[Example]) -> dict[str, float]:
    X, _ = vectorize([e.view for e in examples], model.embedder)
    proba = model.estimator.predict_proba(X)
    return scores([e.label for e in examples], proba, model.estimator.classes_)
