"""Train and evaluate end to end; the CLI commands are thin wrappers over these."""

from __future__ import annotations

import json
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from orgstruct.embed import get_embedder
from orgstruct.experiment import ExperimentConfig
from orgstruct.predict import load_model, save_model, vectorize
from orgstruct.training import (
    build_examples,
    column_slice,
    columns_for_width,
    cross_validate,
    evaluate_model,
    fit_final,
    fit_predict,
    load_split,
    load_training_data,
    make_split,
    model_inputs,
    scores,
    split_examples,
    writer_holdout,
)


def _log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def train(
    config_path: Path, data_dir: Path = Path("data"), output: Path | None = Path("model/bundle"), track: bool = True
) -> dict:
    """Cross-validate on the training groups, fit, score the held-out test groups, save and log."""
    t0 = time.perf_counter()
    config = ExperimentConfig.from_file(config_path)
    docs = load_training_data(data_dir)
    test_groups = load_split(data_dir) or make_split(docs)
    _log(f"extracting {len(docs)} documents ...")
    examples, missed = build_examples(docs)
    train_ex, test_ex = split_examples(examples, docs, test_groups)
    embedder = get_embedder(config.embedder)
    _log(f"embedding {len(train_ex)} training and {len(test_ex)} test examples with {embedder.name} ...")
    X_train, _ = vectorize([e.view for e in train_ex], embedder)
    X_test, _ = vectorize([e.view for e in test_ex], embedder)
    metrics = cross_validate(config, X_train, train_ex)
    metrics.update(writer_holdout(config, X_train, train_ex))
    y_train = [e.label for e in train_ex]
    ships = config.model == "structure" and config.features == "all" and output is not None
    if ships:
        meta = {
            "model_version": f"{config.name}-{datetime.now(UTC):%Y%m%d%H%M%S}",
            "experiment": config.params(),
            "trained_examples": len(train_ex),
        }
        model = fit_final(config, X_train, train_ex, embedder, meta)
        proba = model.estimator.predict_proba(X_test) if test_ex else None
        test = scores([e.label for e in test_ex], proba, model.estimator.classes_) if test_ex else {}
    else:
        names = tuple(columns_for_width(X_train.shape[1])[column_slice(config, X_train.shape[1])])
        proba, classes = fit_predict(
            config,
            names,
            model_inputs(config, X_train, train_ex),
            np.array(y_train),
            model_inputs(config, X_test, test_ex),
        )
        test = scores([e.label for e in test_ex], proba, classes)
    metrics.update({f"test_{k}": v for k, v in test.items()})
    counts = {
        "documents": len(docs),
        "examples": len(examples),
        "train_examples": len(train_ex),
        "test_examples": len(test_ex),
        "test_groups": len(test_groups),
        "unlocated_labels": len(missed),
    }
    report = {
        "experiment": config.name,
        "metrics": metrics,
        "counts": counts,
        "seconds": round(time.perf_counter() - t0, 1),
    }
    if ships:
        save_model(model, output)
        (output.parent / "metrics.json").write_text(json.dumps(report, indent=2, sort_keys=True) + "\n")
        report["bundle"] = str(output)
    if track:
        from orgstruct.tracking import log_run

        texts = [d.text for d in docs[:2]]
        report["run_id"] = log_run(
            config.name,
            config.params(),
            {**metrics, **counts},
            bundle_dir=output if ships else None,
            example_texts=texts,
            tags={"model": config.model, "features": config.features},
        )
    return report


def evaluate(model_path: Path | None = None, data_dir: Path = Path("data")) -> dict:
    """Scores of a model bundle on the fixed group-disjoint test split, overall and by slice."""
    model = load_model(model_path)
    docs = load_training_data(data_dir)
    test_groups = load_split(data_dir) or make_split(docs)
    examples, _ = build_examples([d for d in docs if any(g.group_id in test_groups for g in d.groups)])
    _, test_ex = split_examples(examples, docs, test_groups)
    out = {"test": evaluate_model(model, test_ex), "test_examples": len(test_ex)}
    for lang in ("en", "es"):
        sub = [e for e in test_ex if e.lang == lang]
        if sub:
            out[f"test_{lang}"] = evaluate_model(model, sub) | {"examples": len(sub)}
    hard = [e for e in test_ex if e.hard_case]
    if hard:
        out["test_hard_cases"] = evaluate_model(model, hard) | {"examples": len(hard)}
    return out
