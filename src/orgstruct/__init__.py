"""orgstruct: the structure of organized-crime groups from English and Spanish reporting."""

from orgstruct._version import __version__
from orgstruct.errors import (
    ConfigError,
    DataError,
    GroupNotFoundError,
    InputError,
    LanguageWarning,
    ModelError,
    OrgStructError,
)
from orgstruct.extract import extract
from orgstruct.predict import BatchItem, Model, load_model, predict, predict_many
from orgstruct.schema import Evidence, Extraction, OrgType, Prediction
from orgstruct.text import read_file

__all__ = [
    "BatchItem",
    "ConfigError",
    "DataError",
    "Evidence",
    "Extraction",
    "GroupNotFoundError",
    "InputError",
    "LanguageWarning",
    "Model",
    "ModelError",
    "OrgStructError",
    "OrgType",
    "Prediction",
    "__version__",
    "extract",
    "load_model",
    "predict",
    "predict_many",
    "read_file",
]
