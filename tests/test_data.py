"""Guards on the labelled corpus, its split and the gold extraction set."""

import json

import numpy as np

from orgstruct.corpus import check_document, check_gold, corpus_files, corpus_stats, load_group_registry
from orgstruct.training import load_split

from .conftest import DATA, ROOT


def test_every_record_passes_the_schema():
    registry = load_group_registry(DATA)
    problems = []
    for path in corpus_files(DATA):
        problems += check_document(json.loads(path.read_text(encoding="utf-8")), registry, path.name)
    assert problems == []


def test_counts_the_corpus_is_held_to(corpus_docs):
    s = corpus_stats(corpus_docs, load_group_registry(DATA))
    assert s["documents"] >= 300
    assert s["distinct_groups"] >= 120
    assert s["countries"] >= 25
    assert min(s["labels_per_class"].values()) >= 90
    assert s["spanish_share"] >= 0.30
    assert s["multi_group_share"] >= 0.25
    assert s["hard_case_share"] >= 0.15
    assert len(s["writers"]) >= 3
    assert s["hard_cases"].get("implicit_structure", 0) >= 10


def test_split_is_group_disjoint_and_stratified(corpus_docs):
    test_groups = set(load_split(DATA))
    all_groups = {g.group_id for d in corpus_docs for g in d.groups}
    assert len(test_groups) >= 0.2 * len(all_groups)
    assert test_groups <= all_groups
    train_docs = [d for d in corpus_docs if not any(g.group_id in test_groups for g in d.groups)]
    assert train_docs
    for d in train_docs:
        assert not {g.group_id for g in d.groups} & test_groups
    test_labels = {g.label for d in corpus_docs for g in d.groups if g.group_id in test_groups}
    assert test_labels == {"hierarchical", "family_clan", "brokerage_network"}


def test_no_near_duplicate_documents(corpus_docs):
    from sklearn.feature_extraction.text import TfidfVectorizer

    tfidf = TfidfVectorizer(sublinear_tf=True).fit_transform([d.text for d in corpus_docs])
    sim = (tfidf @ tfidf.T).toarray()
    np.fill_diagonal(sim, 0)
    i, j = np.unravel_index(sim.argmax(), sim.shape)
    assert sim.max() < 0.8, (corpus_docs[i].doc_id, corpus_docs[j].doc_id, sim.max())


def test_gold_set_size_languages_and_schema(corpus_docs):
    texts = {d.doc_id: d for d in corpus_docs}
    seed = (ROOT / "seeds" / "000_7a7f549edf1aa6f3.txt").read_text(encoding="utf-8")
    files = sorted((DATA / "gold").glob("*.json"))
    assert len(files) >= 60
    langs, problems = [], []
    for path in files:
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc = texts.get(gold["doc_id"])
        text = doc.text if doc else seed if gold["doc_id"] == "seed-000_7a7f549edf1aa6f3" else None
        assert text is not None, path.name
        problems += check_gold(gold, text, path.name)
        langs.append(doc.lang if doc else "en")
    assert problems == []
    assert "seed-000_7a7f549edf1aa6f3" in {json.loads(p.read_text())["doc_id"] for p in files}
    assert langs.count("es") >= len(langs) / 2 - 1


def _ngrams(text: str, n: int) -> set[str]:
    import re

    words = re.findall(r"\w+", text.lower())
    return {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}


def test_no_copied_passages(corpus_docs, seed_text):
    """Writers paraphrase: no 12-word run from the (third-party) seed, and no pair of documents
    sharing more than five 8-word runs (the trace of two writers copying one source)."""
    seed = _ngrams(seed_text, 12)
    assert [d.doc_id for d in corpus_docs if _ngrams(d.text, 12) & seed] == []
    from collections import Counter
    from itertools import combinations

    owners: dict[str, set[str]] = {}
    for d in corpus_docs:
        for g in _ngrams(d.text, 8):
            owners.setdefault(g, set()).add(d.doc_id)
    shared = Counter(pair for ids in owners.values() if 1 < len(ids) < 5 for pair in combinations(sorted(ids), 2))
    assert not shared or max(shared.values()) <= 5, shared.most_common(3)


def test_second_annotator_agrees(corpus_docs):
    """Blind second labels (data/agreement.jsonl) must stay in substantial agreement (kappa >= 0.6)."""
    from orgstruct.corpus import agreement, load_second_labels

    result = agreement(corpus_docs, load_second_labels(DATA))
    assert result["items"] >= 80
    assert result["cohen_kappa"] >= 0.6, result


def test_second_annotations_follow_the_gold_schema_and_have_a_first_annotation(corpus_docs):
    texts = {d.doc_id: d.text for d in corpus_docs}
    files = sorted((DATA / "gold_second").glob("*.json"))
    assert len(files) >= 16
    problems = []
    for path in files:
        second = json.loads(path.read_text(encoding="utf-8"))
        assert (DATA / "gold" / path.name).exists(), path.name
        problems += check_gold(second, texts[second["doc_id"]], path.name)
    assert problems == []
