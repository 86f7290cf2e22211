"""The learned operations scorer: hits, candidate features, scoring, training, fallback."""

import importlib
import json

from orgstruct.extract import extract
from orgstruct.extract.groups import find_groups
from orgstruct.extract.operations import OperationScorer, candidate_features, extract_operations, find_hits
from orgstruct.extraction_eval import load_gold
from orgstruct.text import make_document

from .conftest import DATA, ROOT

TEXT = (
    "Los Zetas moved cocaine across the border and laundered the profits through car dealerships. "
    "A rival of the Gulf Cartel, the group was blamed for dozens of killings. "
    "Such groups usually bribe customs officers. "
    "In 2011 a Gulf Cartel lieutenant was killed in Reynosa."
)


def _hits(text=TEXT):
    doc = make_document(text)
    groups = find_groups(doc)
    return doc, groups, find_hits(doc, groups)


def test_hits_know_the_group_the_sentence_points_at_victims_and_general_statements():
    doc, groups, hits = _hits()
    ids = {g.name: g.id for g in groups}
    by_op = {}
    for h in hits:
        by_op.setdefault(h.op, []).append(h)
    assert by_op["transport"][0].nearest == ids["Los Zetas"]
    assert any(h.generic for h in by_op["corruption"])  # "Such groups usually bribe..."
    assert any(h.victim for h in by_op["violence"])  # "a Gulf Cartel lieutenant was killed"


def test_candidate_features_describe_where_the_hits_sit_for_each_group():
    doc, groups, hits = _hits()
    ids = {g.name: g.id for g in groups}
    feats = candidate_features(doc, groups, hits)
    zetas_transport, _ = feats[(ids["Los Zetas"], "transport")]
    gulf_transport, _ = feats[(ids["Gulf Cartel"], "transport")]
    assert zetas_transport.get("nearest>0") == 1.0 and zetas_transport.get("rule") == 1.0
    assert "nearest>0" not in gulf_transport and gulf_transport.get("other>0") == 1.0
    gulf_violence, _ = feats[(ids["Gulf Cartel"], "violence")]
    assert gulf_violence.get("victim>0") == 1.0  # killed, not killing
    # every candidate names the sentence that would be shown as evidence
    assert all(0 <= s < len(doc.sentences) for _, s in feats.values())


def test_the_scorer_decides_by_its_threshold_and_reports_its_confidence():
    doc, groups, _ = _hits()
    accept_all = OperationScorer({}, 5.0, 0.5, {})
    reject_all = OperationScorer({}, -5.0, 0.5, {})
    everything = extract_operations(doc, groups, (), accept_all)
    assert len(everything) == len(candidate_features(doc, groups, find_hits(doc, groups)))
    assert all(0.99 < o.confidence <= 1.0 for o in everything)
    assert extract_operations(doc, groups, (), reject_all) == ()
    rules = extract_operations(doc, groups, ())
    assert rules and all(o.confidence == 1.0 for o in rules)


def test_extraction_uses_the_scorer_by_default_and_falls_back_without_its_file(monkeypatch, tmp_path):
    from orgstruct.extract import extract_for_classifier

    ops_mod = importlib.import_module("orgstruct.extract.operations")
    key = lambda x: sorted((o.group, o.operation) for o in x.operations)  # noqa: E731
    rules_only = key(extract(TEXT, learned=False))
    assert key(extract(TEXT, learned_operations=False)) == rules_only
    assert key(extract_for_classifier(TEXT)) == rules_only  # the classifier's features rest on the rules
    assert {o.confidence for o in extract(TEXT).operations} != {1.0}
    monkeypatch.setattr(ops_mod, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    ops_mod.default_scorer.cache_clear()
    try:
        assert ops_mod.default_scorer() is None
        assert key(extract(TEXT, learned_operations=True)) == rules_only
    finally:
        ops_mod.default_scorer.cache_clear()


def test_the_analyst_export_gives_the_learned_operations_unless_asked_for_the_rules(tmp_path):
    from typer.testing import CliRunner

    from orgstruct.cli import app

    src = tmp_path / "doc.txt"
    src.write_text(TEXT, encoding="utf-8")
    plain = CliRunner().invoke(app, ["extract", str(src)])
    learned = CliRunner().invoke(app, ["extract", str(src), "--learned-operations"])
    rules = CliRunner().invoke(app, ["extract", str(src), "--rule-operations"])
    assert plain.exit_code == 0 and learned.exit_code == 0 and rules.exit_code == 0
    conf = lambda out: {o["confidence"] for o in json.loads(out)["operations"]}  # noqa: E731
    assert conf(plain.output) == conf(learned.output) != {1.0}
    assert conf(rules.output) == {1.0}


def test_training_on_annotated_documents_gives_a_bounded_threshold_and_out_of_fold_figures():
    from orgstruct.operations_training import train_scorer

    items = load_gold(DATA, ROOT / "seeds", folder="gold_train")[:30]
    assert len(items) >= 20
    scorer, report = train_scorer(items, folds=3)
    assert scorer.weights and 0.2 <= scorer.threshold <= 0.8
    assert report["positives"] >= 10 and report["candidates"] > report["positives"]
    assert 0.0 <= report["oof_precision"] <= 1.0 and 0.0 <= report["oof_recall"] <= 1.0
    assert scorer.meta["trained_on"] == "data/gold_train" and scorer.meta["documents"] == len(items)


def test_the_threshold_is_chosen_on_folds_grouped_by_writer_when_there_are_enough_writers():
    from orgstruct.operations_training import fold_groups

    items = [({"doc_id": d}, "", "en") for d in ("w1-001", "w1-002", "w2-001", "w3-004", "w10-002")]
    assert fold_groups(items, 3) == ["w1", "w1", "w2", "w3", "w10"]
    # fewer writers than folds: one group per document
    assert fold_groups(items, 5) == ["w1-001", "w1-002", "w2-001", "w3-004", "w10-002"]


def test_the_threshold_weighs_the_operations_no_candidate_covers():
    import numpy as np

    from orgstruct.relation_training import _best_threshold

    y = np.array([1, 0, 0, 0, 1])
    p = np.array([0.9, 0.35, 0.3, 0.28, 0.25])
    # on the candidates alone one sure hit beats two hits among five; with ten operations no
    # candidate covers, recall weighs more and the lower threshold wins, as in the benchmark
    assert _best_threshold(y, p) == 0.4
    assert _best_threshold(y, p, missed=10) <= 0.25
