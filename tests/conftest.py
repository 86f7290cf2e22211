"""Shared fixtures. Expensive ones (models, the corpus) load once per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SEED = ROOT / "seeds" / "000_7a7f549edf1aa6f3.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def corpus_docs():
    from orgstruct.corpus import load_corpus

    return load_corpus(DATA)


@pytest.fixture(scope="session")
def hashing_model(corpus_docs):
    """A small real model: every third corpus document, the deterministic hashing embedder."""
    from orgstruct.embed import HashingEmbedder
    from orgstruct.experiment import ExperimentConfig
    from orgstruct.predict import vectorize
    from orgstruct.training import build_examples, fit_final

    examples, _ = build_examples(corpus_docs[::3])
    embedder = HashingEmbedder(32)
    X, _ = vectorize([e.view for e in examples], embedder)
    config = ExperimentConfig(name="unit", embedder=embedder.name, C=0.05, embedding_weight=0.1)
    return fit_final(config, X, examples, embedder, {"model_version": "unit-test"})


@pytest.fixture(scope="session")
def hashing_bundle(hashing_model, tmp_path_factory) -> Path:
    from orgstruct.predict import save_model

    path = tmp_path_factory.mktemp("bundle") / "bundle"
    save_model(hashing_model, path)
    return path


@pytest.fixture(scope="session")
def shipped_model():
    """The default model shipped in model/bundle, with the real MiniLM encoder."""
    from orgstruct.predict import load_model

    return load_model()
