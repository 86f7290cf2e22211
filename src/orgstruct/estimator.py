"""The scikit-learn estimator: scaled features + embeddings, logistic regression, sigmoid calibration."""

from __future__ import annotations

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.calibration import CalibratedClassifierCV
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.preprocessing import StandardScaler


class StructureClassifier(ClassifierMixin, BaseEstimator):
    """Linear classifier over named columns with calibrated probabilities.

    Columns named ``emb_*`` are scaled by ``embedding_weight`` after
    standardisation, so that 384 embedding dimensions do not drown the few
    dozen structural features under one L2 penalty. ``contributions`` gives,
    per class, each column's share of the linear score: the evidence trail.
    ``clip`` bounds every standardised value to [-clip, clip] (0 turns it off): a count that is
    rare in training (two rivalries where most texts state none) would otherwise sit a dozen
    standard deviations out and outvote everything else on one small coefficient.
    """

    def __init__(
        self,
        feature_names: tuple[str, ...] = (),
        C: float = 0.5,
        embedding_weight: float = 0.3,
        calibrate: bool = True,
        random_state: int = 0,
        clip: float = 0.0,
    ):
        self.feature_names = feature_names
        self.C = C
        self.embedding_weight = embedding_weight
        self.calibrate = calibrate
        self.random_state = random_state
        self.clip = clip

    def _weights(self, n: int) -> np.ndarray:
        names = self.feature_names or tuple(f"x{i}" for i in range(n))
        return np.array([self.embedding_weight if str(c).startswith("emb_") else 1.0 for c in names])

    def _standardise(self, X, columns=slice(None)) -> np.ndarray:
        z = (np.asarray(X, dtype=np.float64) - self.scaler_.mean_[columns]) / self.scaler_.scale_[columns]
        return np.clip(z, -self.clip, self.clip) if self.clip > 0 else z

    def _transform(self, X) -> np.ndarray:
        return self._standardise(X) * self.weights_

    def fit(self, X, y):
        X = np.asarray(X, dtype=np.float64)
        y = np.asarray(y)
        if self.feature_names and len(self.feature_names) != X.shape[1]:
            raise ValueError(f"feature_names has {len(self.feature_names)} names for {X.shape[1]} columns")
        self.n_features_in_ = X.shape[1]
        self.scaler_ = StandardScaler().fit(X)
        self.weights_ = self._weights(X.shape[1])
        Xt = self._transform(X)
        base = LogisticRegression(C=self.C, max_iter=5000, class_weight="balanced")
        _, counts = np.unique(y, return_counts=True)
        folds = int(min(5, counts.min()))
        if self.calibrate and folds >= 2:
            cv = StratifiedKFold(folds, shuffle=True, random_state=self.random_state)
            self.model_ = CalibratedClassifierCV(base, method="sigmoid", cv=cv, ensemble=False).fit(Xt, y)
            self.linear_ = self.model_.calibrated_classifiers_[0].estimator
        else:
            self.model_ = base.fit(Xt, y)
            self.linear_ = self.model_
        self.classes_ = self.model_.classes_
        return self

    def predict_proba(self, X) -> np.ndarray:
        return self.model_.predict_proba(self._transform(X))

    def predict(self, X) -> np.ndarray:
        return self.classes_[np.argmax(self.predict_proba(X), axis=1)]

    def contributions(self, x) -> np.ndarray:
        """(n_classes, n_columns): coefficient times transformed value, for one row."""
        xt = self._transform(np.asarray(x, dtype=np.float64).reshape(1, -1))[0]
        return self.linear_.coef_ * xt

    def embedding_scores(self, embeddings: np.ndarray, emb_slice: slice) -> np.ndarray:
        """(n_sentences, n_classes): the linear score each sentence alone would add."""
        z = self._standardise(embeddings, emb_slice) * self.embedding_weight
        return z @ self.linear_.coef_[:, emb_slice].T

    def get_feature_names_out(self, input_features=None) -> np.ndarray:
        names = self.feature_names or tuple(f"x{i}" for i in range(self.n_features_in_))
        return np.asarray(names, dtype=object)
