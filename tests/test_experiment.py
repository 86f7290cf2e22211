import pytest

from orgstruct.errors import ConfigError
from orgstruct.experiment import ExperimentConfig


def test_shipped_experiments_load(tmp_path):
    from pathlib import Path

    files = sorted((Path(__file__).resolve().parent.parent / "experiments").glob("*.toml"))
    assert files
    for f in files:
        assert ExperimentConfig.from_file(f).name


def test_unknown_keys_and_bad_values_are_rejected(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('name = "x"\nlearning_rate = 3\n')
    with pytest.raises(ConfigError, match="unknown keys"):
        ExperimentConfig.from_file(bad)
    bad.write_text('name = "x"\nfeatures = "everything"\n')
    with pytest.raises(ConfigError, match="features"):
        ExperimentConfig.from_file(bad)
    bad.write_text('name = "x"\nclip = -1\n')
    with pytest.raises(ConfigError, match="clip"):
        ExperimentConfig.from_file(bad)
    with pytest.raises(ConfigError, match="does not exist"):
        ExperimentConfig.from_file(tmp_path / "missing.toml")
