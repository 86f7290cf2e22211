"""Experiment configs: one TOML file per experiment, validated, unknown keys rejected."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields
from pathlib import Path

from orgstruct.errors import ConfigError

MODELS = ("structure", "tfidf_baseline", "majority_baseline")
FEATURE_SETS = ("all", "structural", "embeddings")


@dataclass(frozen=True)
class ExperimentConfig:
    name: str
    description: str = ""
    model: str = "structure"
    features: str = "all"
    embedder: str = "all-MiniLM-L6-v2"
    C: float = 0.5
    embedding_weight: float = 0.3
    calibrate: bool = True
    cv_folds: int = 5
    seed: int = 0
    clip: float = 0.0

    def __post_init__(self) -> None:
        if self.model not in MODELS:
            raise ConfigError(f"model must be one of {MODELS}, got {self.model!r}")
        if self.features not in FEATURE_SETS:
            raise ConfigError(f"features must be one of {FEATURE_SETS}, got {self.features!r}")
        if self.C <= 0 or self.embedding_weight < 0 or self.cv_folds < 2 or self.clip < 0:
            raise ConfigError("C must be > 0, embedding_weight >= 0, cv_folds >= 2 and clip >= 0")

    @classmethod
    def from_file(cls, path: str | Path) -> ExperimentConfig:
        path = Path(path)
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"experiment config {path} does not exist") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"experiment config {path} is not valid TOML: {exc}") from None
        allowed = {f.name for f in fields(cls)}
        unknown = sorted(set(raw) - allowed)
        if unknown:
            raise ConfigError(f"experiment config {path}: unknown keys {unknown}; allowed: {sorted(allowed)}")
        if "name" not in raw:
            raise ConfigError(f"experiment config {path}: 'name' is required")
        try:
            return cls(**raw)
        except TypeError as exc:
            raise ConfigError(f"experiment config {path}: {exc}") from None

    def params(self) -> dict[str, str | float | int | bool]:
        return {f.name: getattr(self, f.name) for f in fields(self)}
