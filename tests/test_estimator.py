import numpy as np
import pytest
from sklearn.base import clone

from orgstruct.estimator import StructureClassifier


@pytest.fixture(scope="module")
def toy():
    rng = np.random.default_rng(0)
    y = np.array(["hierarchical", "family_clan", "brokerage_network"] * 40)
    X = rng.normal(size=(120, 6))
    X[:, 0] += (y == "hierarchical") * 2.0
    X[:, 1] += (y == "family_clan") * 2.0
    X[:, 2] += (y == "brokerage_network") * 2.0
    names = ("a", "b", "c", "emb_0", "emb_1", "emb_2")
    return X, y, names


def test_sklearn_contract(toy):
    X, y, names = toy
    est = StructureClassifier(feature_names=names, C=1.0)
    assert est.get_params()["C"] == 1.0 and not hasattr(est, "classes_")
    assert est.fit(X, y) is est
    proba = est.predict_proba(X)
    assert proba.shape == (120, 3)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0, atol=1e-9)
    assert (est.predict(X) == y).mean() > 0.8
    assert list(est.get_feature_names_out()) == list(names)
    assert clone(est).get_params() == est.get_params()


def test_contributions_explain_the_linear_score(toy):
    X, y, names = toy
    est = StructureClassifier(feature_names=names, calibrate=False).fit(X, y)
    contrib = est.contributions(X[0])
    decision = est.linear_.decision_function(est._transform(X[:1]))[0]
    np.testing.assert_allclose(contrib.sum(axis=1) + est.linear_.intercept_, decision, atol=1e-9)


def test_embedding_weight_shrinks_embedding_columns(toy):
    X, y, names = toy
    est = StructureClassifier(feature_names=names, embedding_weight=0.1).fit(X, y)
    assert est.weights_.tolist() == [1, 1, 1, 0.1, 0.1, 0.1]


def test_wrong_number_of_names_is_refused(toy):
    X, y, _ = toy
    with pytest.raises(ValueError, match="feature_names"):
        StructureClassifier(feature_names=("a",)).fit(X, y)


def test_clip_bounds_a_rare_outlier_column(toy):
    X, y, _ = toy
    names = ("a", "b", "c", "emb_0", "emb_1", "rare_count")
    X = X.copy()
    X[:, 5] = 0.0
    X[0, 5] = 50.0  # one row far out on a column that is otherwise constant
    plain = StructureClassifier(feature_names=names, calibrate=False).fit(X, y)
    clipped = StructureClassifier(feature_names=names, calibrate=False, clip=3.0).fit(X, y)
    assert np.abs(plain._transform(X[:1])[0]).max() > 10
    assert np.abs(clipped._transform(X[:1]) / clipped.weights_).max() <= 3.0 + 1e-12
    assert clone(clipped).get_params()["clip"] == 3.0
