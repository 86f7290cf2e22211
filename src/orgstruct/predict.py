"""The importable prediction API: load a model bundle, predict groups' structures with evidence."""

from __future__ import annotations

import json
import os
import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import numpy as np

from orgstruct.embed import Embedder, get_embedder
from orgstruct.errors import GroupNotFoundError, LanguageWarning, ModelError, OrgStructError
from orgstruct.extract import extract_for_classifier
from orgstruct.extract.lexicon import fold
from orgstruct.featurize import GroupView, feature_names, featurize_group
from orgstruct.resources import default_model_dir
from orgstruct.schema import Evidence, Extraction, Group, Prediction, Span
from orgstruct.text import language_note

BUNDLE_ESTIMATOR = "estimator.skops"
BUNDLE_METADATA = "metadata.json"


@dataclass
class Model:
    """A trained estimator with the embedder it was trained with."""

    estimator: object
    embedder: Embedder
    metadata: dict

    @property
    def version(self) -> str:
        return str(self.metadata.get("model_version", ""))

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(self.metadata["columns"])


def vectorize(views: list[GroupView], embedder: Embedder) -> tuple[np.ndarray, list[np.ndarray]]:
    """Rows of [features | mean sentence embedding]; also each view's sentence embeddings."""
    sentences = [s for v in views for s in v.masked]
    emb = embedder.encode(sentences) if sentences else np.zeros((0, embedder.dim), dtype=np.float32)
    rows, per_view, i = [], [], 0
    names = feature_names()
    for v in views:
        e = emb[i : i + len(v.masked)]
        i += len(v.masked)
        per_view.append(e)
        mean = e.mean(axis=0) if len(e) else np.zeros(embedder.dim, dtype=np.float32)
        rows.append(np.concatenate([[v.features[n] for n in names], mean]))
    return np.asarray(rows, dtype=np.float64), per_view


def columns_for(embedder: Embedder) -> tuple[str, ...]:
    return (*feature_names(), *(f"emb_{i}" for i in range(embedder.dim)))


def save_model(model: Model, directory: Path) -> None:
    import skops.io as sio

    directory.mkdir(parents=True, exist_ok=True)
    sio.dump(model.estimator, directory / BUNDLE_ESTIMATOR)
    meta = dict(model.metadata, embedder=model.embedder.name)
    (directory / BUNDLE_METADATA).write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n")


def load_model(path: str | Path | None = None) -> Model:
    """Argument, then $ORGSTRUCT_MODEL, then the bundle shipped in the package.

    A bundle is loaded once per process (per folder and file time), so repeated
    ``predict(text)`` calls do not reload MiniLM.
    """
    directory = Path(path or os.environ.get("ORGSTRUCT_MODEL") or default_model_dir()).resolve()
    est_path, meta_path = directory / BUNDLE_ESTIMATOR, directory / BUNDLE_METADATA
    if not est_path.exists() or not meta_path.exists():
        raise ModelError(
            f"model bundle not found: {directory} must hold {BUNDLE_ESTIMATOR} and "
            f"{BUNDLE_METADATA}; run 'orgstruct train' first"
        )
    return _load_bundle(str(directory), est_path.stat().st_mtime_ns)


@lru_cache(maxsize=4)
def _load_bundle(directory: str, _mtime: int) -> Model:
    import skops.io as sio

    est_path, meta_path = Path(directory) / BUNDLE_ESTIMATOR, Path(directory) / BUNDLE_METADATA
    untrusted = sio.get_untrusted_types(file=est_path)
    foreign = [t for t in untrusted if not t.startswith(("orgstruct.", "sklearn.", "numpy."))]
    if foreign:
        raise ModelError(f"model bundle {directory} holds types orgstruct does not trust: {foreign}")
    estimator = sio.load(est_path, trusted=untrusted)
    metadata = json.loads(meta_path.read_text())
    embedder = get_embedder(metadata["embedder"])
    if tuple(metadata["columns"]) != columns_for(embedder):
        raise ModelError(f"model bundle {directory} was built with other features; retrain it")
    return Model(estimator, embedder, metadata)


def group_from_name(extraction: Extraction, name: str) -> Group | None:
    """A group for a name the extractor did not find as a group but which occurs in the text."""
    text = extraction.document.text
    spans = []
    for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text, flags=re.IGNORECASE):
        sent = next(s for s in extraction.document.sentences if s.start <= m.start() <= s.end)
        spans.append(Span(m.start(), m.end(), m.group(0), sent.index))
    if not spans:
        return None
    return Group(id=f"g-{fold(name)}", name=name, aliases=(), mentions=tuple(spans))


def select_groups(extraction: Extraction, group: str | None) -> list[Group]:
    if group is None:
        return list(extraction.groups)
    found = extraction.group_by_name(group) or group_from_name(extraction, group)
    if found is None:
        raise GroupNotFoundError(group, [g.name for g in extraction.groups])
    return [found]


def _sentence_evidence(model: Model, view: GroupView, emb: np.ndarray) -> list[Evidence]:
    """Each sentence's share of the linear score: its embedding plus its lexical cues."""
    if not len(emb):
        return []
    est = model.estimator
    names = feature_names()
    scores = est.embedding_scores(emb, slice(len(names), None))
    coef_over_scale = est.linear_.coef_[:, : len(names)] / est.scaler_.scale_[: len(names)]
    index = {n: j for j, n in enumerate(names)}
    for i, parts in enumerate(view.sentence_parts):
        for name, value in parts.items():
            scores[i] += coef_over_scale[:, index[name]] * value * est.weights_[index[name]]
    classes = list(est.classes_)
    out = []
    for sent, row in zip(view.sentences, scores, strict=True):
        best = int(np.argmax(row))
        margin = float(row[best] - np.delete(row, best).mean())
        out.append(Evidence("sentence", sent.text, classes[best], margin, sent.start, sent.end))
    out.sort(key=lambda e: -e.weight)
    return out[:4]


def _feature_evidence(model: Model, contrib: np.ndarray, x: np.ndarray, label_i: int) -> list[Evidence]:
    classes = list(model.estimator.classes_)
    names = feature_names()
    n = len(names)
    rel = contrib[:, :n] - contrib[:, :n].mean(axis=0)
    order = np.argsort(-rel[label_i])
    out = []
    for j in order[:4]:
        if rel[label_i, j] <= 0 or x[j] == 0:
            continue
        out.append(Evidence("feature", f"{names[j]} = {x[j]:.3g}", classes[label_i], float(rel[label_i, j])))
    return out


def _relation_evidence(model: Model, extraction: Extraction, view: GroupView, contrib: np.ndarray) -> list[Evidence]:
    classes = list(model.estimator.classes_)
    names = list(feature_names())
    members = {view.group.id}
    members |= {r.head for r in extraction.relations if r.tail == view.group.id}
    out = []
    for r in extraction.relations:
        if r.head not in members and r.tail not in members:
            continue
        col = names.index(f"rel_{r.type}")
        rel = contrib[:, col] - contrib[:, col].mean()
        best = int(np.argmax(rel))
        head = extraction.entity_name(r.head) or view.group.name
        tail = extraction.entity_name(r.tail) or view.group.name if r.tail else ""
        kind = f" ({r.kind})" if r.kind else ""
        text = f"{head} -[{r.type}{kind}]-> {tail}".rstrip(" ->") if tail else f"{head} -[{r.type}]"
        out.append(Evidence("relation", text, classes[best], float(rel[best]) * r.confidence, r.start, r.end))
    out.sort(key=lambda e: -e.weight)
    return out[:4]


def predict_extraction(extraction: Extraction, groups: list[Group], model: Model) -> list[Prediction]:
    views = [featurize_group(extraction, g) for g in groups]
    if not views:
        return []
    X, embs = vectorize(views, model.embedder)
    proba = model.estimator.predict_proba(X)
    classes = [str(c) for c in model.estimator.classes_]
    preds = []
    for view, x, p, emb in zip(views, X, proba, embs, strict=True):
        li = int(np.argmax(p))
        contrib = model.estimator.contributions(x)
        evidence = (
            _sentence_evidence(model, view, emb)
            + _relation_evidence(model, extraction, view, contrib)
            + _feature_evidence(model, contrib, x, li)
        )
        at = extraction.document.input_fields
        evidence = [replace(e, **at(e.start, e.end)) for e in evidence]
        evidence.sort(key=lambda e: (e.supports != classes[li], -e.weight))
        preds.append(
            Prediction(
                group=view.group.name,
                aliases=view.group.aliases,
                label=classes[li],
                probabilities={c: float(v) for c, v in zip(classes, p, strict=True)},
                evidence=tuple(evidence),
                features=dict(view.features),
                model_version=model.version,
            )
        )
    return preds


def _predict_text(text: str, group: str | None, model: Model) -> list[Prediction]:
    extraction = extract_for_classifier(text)
    return predict_extraction(extraction, select_groups(extraction, group), model)


def predict(text: str, group: str | None = None, *, model: Model | str | Path | None = None) -> list[Prediction]:
    """Predictions for every group named in ``text`` (or only ``group``). A text that looks written
    in neither English nor Spanish is still read, with a ``LanguageWarning``."""
    model = model if isinstance(model, Model) else load_model(model)
    note = language_note(text)
    if note:
        warnings.warn(note, LanguageWarning, stacklevel=2)
    return _predict_text(text, group, model)


@dataclass(frozen=True)
class BatchItem:
    """One document of a batch: its predictions, or the one-line error that stopped it."""

    source: str
    predictions: tuple[Prediction, ...] = ()
    error: str | None = None
    warning: str | None = None  # read, but in a language orgstruct does not read (``language_note``)


def predict_item(source: str, text: str, group: str | None, model: Model) -> BatchItem:
    """One document of a batch: its predictions (with the language note, if any, as ``warning``
    instead of a ``LanguageWarning``), or the error that stopped it."""
    try:
        preds = tuple(_predict_text(text, group, model))
    except OrgStructError as exc:
        return BatchItem(source, error=str(exc))
    return BatchItem(source, preds, warning=language_note(text))


def predict_many(
    items: Iterable[str | tuple[str, str]], group: str | None = None, *, model: Model | str | Path | None = None
) -> list[BatchItem]:
    """Predict each text; a bad document gives a BatchItem with ``error`` and the batch goes on."""
    model = model if isinstance(model, Model) else load_model(model)
    pairs = (item if isinstance(item, tuple) else (f"#{i}", item) for i, item in enumerate(items))
    return [predict_item(source, text, group, model) for source, text in pairs]
