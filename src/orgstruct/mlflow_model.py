"""The MLflow pyfunc model (models-from-code): a DataFrame with a ``text`` column in,
one row per (document, group) out."""

from __future__ import annotations

import mlflow
import pandas as pd
from mlflow.pyfunc import PythonModel

from orgstruct.schema import LABELS


def predictions_frame(items) -> pd.DataFrame:
    rows = []
    for i, item in enumerate(items):
        if item.error:
            rows.append({"doc": i, "group": "", "label": "", "error": item.error, **{f"p_{c}": 0.0 for c in LABELS}})
        for p in item.predictions:
            rows.append(
                {
                    "doc": i,
                    "group": p.group,
                    "label": p.label,
                    "error": "",
                    **{f"p_{c}": p.probabilities.get(c, 0.0) for c in LABELS},
                }
            )
    columns = ["doc", "group", "label", "error", *(f"p_{c}" for c in LABELS)]
    return pd.DataFrame(rows, columns=columns)


class OrgStructPyfunc(PythonModel):
    def load_context(self, context) -> None:
        from orgstruct.predict import load_model

        self.model = load_model(context.artifacts["bundle"])

    def predict(self, context, model_input: pd.DataFrame, params=None) -> pd.DataFrame:
        from orgstruct.predict import predict_many

        texts = [str(t) for t in model_input["text"]]
        return predictions_frame(predict_many(texts, model=self.model))


mlflow.models.set_model(OrgStructPyfunc())
