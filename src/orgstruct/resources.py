"""Files the package reads at run time: lexicons and the default model bundle.

They live in the repository's top-level ``features/`` and ``model/`` folders and
reach the package as ``orgstruct/_resources/{features,model}`` (symlinks in a
checkout, real folders in a built wheel), so they are found with
``importlib.resources`` in both cases.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any


def resource_path(*parts: str) -> Path:
    root = resources.files("orgstruct").joinpath("_resources", *parts)
    return Path(str(root))


@cache
def load_lexicon(name: str) -> dict[str, Any]:
    """A JSON lexicon from features/lexicons/ (cached)."""
    path = resource_path("features", "lexicons", f"{name}.json")
    return json.loads(path.read_text(encoding="utf-8"))


def default_model_dir() -> Path:
    return resource_path("model", "bundle")
