from orgstruct.tracking import EXPERIMENT, _setup, tracking_uri


def test_default_store_and_artifacts_live_in_orgstruct_home(tmp_path, monkeypatch):
    """Whatever the current directory, the embedded store and its artifacts go to ORGSTRUCT_HOME."""
    home, elsewhere = tmp_path / "home", tmp_path / "cwd"
    elsewhere.mkdir()
    monkeypatch.setenv("ORGSTRUCT_HOME", str(home))
    monkeypatch.delenv("MLFLOW_TRACKING_URI", raising=False)
    monkeypatch.chdir(elsewhere)
    assert tracking_uri() == f"sqlite:///{home}/mlflow.db"
    mlflow = _setup()
    location = mlflow.get_experiment_by_name(EXPERIMENT).artifact_location
    assert location == (home / "mlartifacts").as_uri()
    assert not (elsewhere / "mlruns").exists()
    monkeypatch.delenv("MLFLOW_TRACKING_URI", raising=False)  # mlflow exports it; undo that too


def test_mlflow_tracking_uri_overrides(tmp_path, monkeypatch):
    monkeypatch.setenv("MLFLOW_TRACKING_URI", f"sqlite:///{tmp_path}/other.db")
    assert tracking_uri() == f"sqlite:///{tmp_path}/other.db"
