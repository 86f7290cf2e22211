"""Floors a little under the extraction figures reached on the gold set
(benchmarks/extraction.py prints them), so that they cannot silently regress."""

import json

import pytest

from orgstruct.extraction_eval import evaluate_agreement, evaluate_extraction, load_gold

from .conftest import DATA, ROOT

FLOORS = {  # measured: see README "Figures"; keep about 0.02 to 0.03 under them
    # the relation floors stay where they were (0.43 / 0.50): the gold's learned relation F1 is
    # 0.467 / 0.515 with the typer retrained on 2026-11-29 (sixth session; README "Figures"); the
    # operations floors rose with the sixth session's retrain (0.538 / 0.576)
    "en": {"groups_f1": 0.88, "alias_accuracy": 0.72, "persons_f1": 0.93, "relations_f1": 0.43, "operations_f1": 0.51},
    "es": {"groups_f1": 0.88, "alias_accuracy": 0.89, "persons_f1": 0.92, "relations_f1": 0.50, "operations_f1": 0.55},
}
# the rules alone on data/gold_train (the typer and the operations scorer train on it; since commit
# 312b0ca its misses are read for development too, so these guard a second development set; its
# 60 documents added on 2026-11-28 were scored once before anyone read them, see README)
RULES_FLOORS_TRAIN = {
    # aliases since the seventh session of 2026-11-29 (0.850 / 0.881 then); groups since the eighth
    # (0.921 / 0.918 then)
    "en": {"groups_f1": 0.90, "alias_accuracy": 0.83, "persons_f1": 0.93, "relations_f1": 0.48, "operations_f1": 0.57},
    "es": {"groups_f1": 0.90, "alias_accuracy": 0.86, "persons_f1": 0.92, "relations_f1": 0.47, "operations_f1": 0.54},
}


@pytest.fixture(scope="module")
def results():
    return {k: v.summary() for k, v in evaluate_extraction(load_gold(DATA, ROOT / "seeds")).items()}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_extraction_does_not_fall_below_its_floor(results, lang):
    got = results[lang]
    low = {k: (got[k], floor) for k, floor in FLOORS[lang].items() if got[k] < floor}
    assert not low, low


@pytest.fixture(scope="module")
def train_rules_results():
    items = load_gold(DATA, ROOT / "seeds", folder="gold_train")
    return {k: v.summary() for k, v in evaluate_extraction(items, learned=False).items()}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_rules_alone_on_the_training_annotations_do_not_fall_below_their_floor(train_rules_results, lang):
    got = train_rules_results[lang]
    low = {k: (got[k], floor) for k, floor in RULES_FLOORS_TRAIN[lang].items() if got[k] < floor}
    assert not low, low


@pytest.fixture(scope="module")
def gold_items():
    return load_gold(DATA, ROOT / "seeds")


@pytest.fixture(scope="module")
def rules_on_gold(gold_items):
    return {lang: r.summary() for lang, r in evaluate_extraction(gold_items, learned=False).items()}


def _layouts():
    """benchmarks/layouts_train.py, whose layout transformations (footnote markers, ligatures) the
    benchmark prints figures for and these tests hold floors on."""
    import sys

    bench = str(ROOT / "benchmarks")
    if bench not in sys.path:
        sys.path.insert(0, bench)
    import layouts_train

    return layouts_train


def _assert_read_as_given(gold_items, rules_on_gold, transform, tolerance: float) -> None:
    """The rules read the gold turned by ``transform`` within ``tolerance`` of the gold as given."""
    turned = evaluate_extraction([(g, transform(t), lang) for g, t, lang in gold_items], learned=False)
    for lang in ("en", "es"):
        a, b = rules_on_gold[lang], turned[lang].summary()
        for key in ("groups_f1", "persons_f1", "relations_f1", "operations_f1"):
            assert b[key] >= a[key] - tolerance, (lang, key, a[key], b[key])


def test_hard_wrapped_gold_documents_extract_as_the_unwrapped_ones(gold_items, rules_on_gold):
    """Reports copied from PDFs or e-mail break lines every 45-100 characters; the rules must read
    them as they read the same text one paragraph per line (text.unwrap_lines). Without the
    joining, the rules' relation F1 on the gold fell from 0.47 / 0.51 to 0.21 / 0.27 at 45 columns."""
    import textwrap

    def wrapped(text: str) -> str:
        return "\n".join(textwrap.fill(p, 45) for p in text.split("\n") if p.strip())

    _assert_read_as_given(gold_items, rules_on_gold, wrapped, 0.02)


def test_footnote_markers_left_by_a_pdf_do_not_join_sentences(gold_items, rules_on_gold):
    """A PDF's footnote markers stay after the full stop ("deserters.12 Their", "deserters.¹² Their"),
    and a sentence then ran into the next: with a marker after every third sentence, the rules'
    relation F1 on gold_train fell 0.502 -> 0.494 (en) and 0.502 -> 0.493 (es) before the sentence
    splitter read them."""
    _assert_read_as_given(gold_items, rules_on_gold, _layouts().footnote_marked, 0.005)


def test_footnote_markers_glued_to_words_are_dropped(gold_items, rules_on_gold):
    """Plain text from a PDF glues a superscript marker to the word before it ("the Sinaloa
    Cartel12, which", "deserters13."): with a marker after every third comma or full stop, the
    rules' relation F1 on the gold fell 0.471 -> 0.361 (en) and 0.509 -> 0.399 (es), and groups
    0.908 -> 0.716 (es), before text.drop_glued_markers."""
    _assert_read_as_given(gold_items, rules_on_gold, _layouts().glued_marked, 0.005)


def test_a_reports_web_page_furniture_is_dropped(gold_items, rules_on_gold):
    """A report copied from its web page brings a byline, a share button, links to other stories
    ("SEE ALSO: Sinaloa Cartel News and Profile"), a caption and tags: with them, the rules' group
    F1 on the gold fell 0.902 -> 0.567 (en) and 0.908 -> 0.548 (es) before text.drop_web_furniture."""
    _assert_read_as_given(gold_items, rules_on_gold, _layouts().web_copy, 0.005)


def test_a_report_saved_as_a_web_page_is_read_as_its_text(gold_items, rules_on_gold):
    """A report saved as HTML (a head with a script, a menu, an aside and a footer naming other
    groups, each paragraph a <p> with references for quotes and ampersands): read as plain text,
    the rules' group F1 on the gold fell 0.902 -> 0.612 (en) and 0.908 -> 0.575 (es), relations
    0.471 -> 0.352 and 0.509 -> 0.410, before orgstruct.webpage."""
    _assert_read_as_given(gold_items, rules_on_gold, _layouts().as_html, 0.005)


def test_a_report_given_as_a_pdf_file_reads_as_its_text(gold_items, rules_on_gold):
    """Each gold document written as a PDF file (benchmarks/minipdf.py: pages under a running
    header, page numbers) and read back through pypdf and the layout repairs reads within 0.005
    of the text itself (measured: relations es 0.509 -> 0.506, the rest level); without the
    repairs, relations read 0.396 / 0.395 (en / es)."""
    _assert_read_as_given(gold_items, rules_on_gold, _layouts().as_pdf_file, 0.005)


def test_a_report_written_in_markdown_reads_as_its_words(gold_items, rules_on_gold):
    """The gold as Markdown (a heading, an image, links on names, bold words, quotes): read with the
    marks, the rules' relation F1 on the gold fell 0.471 -> 0.452 (en) and 0.509 -> 0.472 (es), groups
    0.902 -> 0.877 (en), before text.drop_markdown."""
    _assert_read_as_given(gold_items, rules_on_gold, _layouts().as_markdown, 0.005)


def test_a_report_given_as_a_word_file_reads_as_its_text(gold_items, rules_on_gold):
    """Each gold document written as a Word file (benchmarks/minidocx.py: a paragraph per line, cut
    into runs, some bold) and read back reads as the text itself (measured: every figure level)."""
    _assert_read_as_given(gold_items, rules_on_gold, _layouts().as_docx_file, 0.005)


def test_ligatures_left_by_a_pdf_are_read_as_their_letters(gold_items, rules_on_gold):
    """Text copied from a PDF writes "fi", "fl", "ff", "ffi" as one ligature character ("traﬃcking");
    with every one of them so written, the rules' relation F1 on gold_train fell 0.502 -> 0.484 (en)
    and groups 0.918 -> 0.903 (es) before the ligatures were written out."""
    _assert_read_as_given(gold_items, rules_on_gold, _layouts().ligated, 0.005)


def test_every_gold_document_was_scored(results):
    assert results["all"]["documents"] >= 88
    assert results["en"]["documents"] + results["es"]["documents"] == results["all"]["documents"]


def test_agreement_scores_an_annotation_against_itself_as_perfect_and_sees_a_missing_relation(tmp_path):
    items = [it for it in load_gold(DATA, ROOT / "seeds") if it[0]["relations"] and it[0]["operations"]][:2]
    for gold, _, _ in items:
        (tmp_path / f"{gold['doc_id']}.json").write_text(json.dumps(gold), encoding="utf-8")
    same = evaluate_agreement(items, tmp_path)["all"].summary()
    assert same["documents"] == 2
    assert same["groups_f1"] == same["persons_f1"] == same["relations_f1"] == same["operations_f1"] == 1.0
    changed = dict(items[0][0], relations=items[0][0]["relations"][1:], operations=[])
    (tmp_path / f"{changed['doc_id']}.json").write_text(json.dumps(changed), encoding="utf-8")
    fewer = evaluate_agreement(items, tmp_path)["all"].summary()
    assert fewer["relations_recall"] < 1.0 and fewer["relations_precision"] == 1.0
    assert fewer["operations_recall"] < 1.0


def test_relations_whose_end_was_not_found_are_counted(tmp_path):
    gold, text, lang = next(it for it in load_gold(DATA, ROOT / "seeds") if it[0]["relations"])
    (tmp_path / f"{gold['doc_id']}.json").write_text(json.dumps(gold), encoding="utf-8")
    assert evaluate_agreement([(gold, text, lang)], tmp_path)["all"].summary()["relations_missing_entity"] == 0
    dropped = gold["relations"][0]["head"]
    fewer = dict(gold, persons=[p for p in gold["persons"] if p["name"] != dropped])
    fewer["groups"] = [g for g in gold["groups"] if g["name"] != dropped]
    (tmp_path / f"{gold['doc_id']}.json").write_text(json.dumps(fewer), encoding="utf-8")
    assert evaluate_agreement([(gold, text, lang)], tmp_path)["all"].summary()["relations_missing_entity"] > 0
