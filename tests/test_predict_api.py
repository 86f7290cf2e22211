from pathlib import Path

import numpy as np
import pytest

import orgstruct
from orgstruct import GroupNotFoundError, InputError, Prediction, predict, predict_many
from orgstruct.predict import load_model
from orgstruct.schema import LABELS


def test_public_api_surface():
    for name in (
        "predict",
        "predict_many",
        "extract",
        "load_model",
        "Prediction",
        "Evidence",
        "OrgType",
        "OrgStructError",
        "LanguageWarning",
        "__version__",
        "read_file",
    ):
        assert name in orgstruct.__all__


def test_read_file_gives_the_text_of_text_html_and_pdf_files(tmp_path, seed_text, hashing_model):
    import sys

    from orgstruct import InputError, read_file

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    import minipdf

    (tmp_path / "a.txt").write_text(seed_text, encoding="utf-8")
    (tmp_path / "a.pdf").write_bytes(minipdf.report_pdf(seed_text))
    (tmp_path / "a.html").write_text("<html><body><p>" + seed_text.replace("\n", "</p><p>") + "</p></body></html>")
    import minidocx

    (tmp_path / "a.docx").write_bytes(minidocx.report_docx(seed_text))
    for name in ("a.txt", "a.pdf", "a.html", "a.docx"):
        groups = {p.group for p in predict(read_file(tmp_path / name), model=hashing_model)}
        assert {"Kings of Shejo Port", "Andean Cartel"} <= groups, name
    with pytest.raises(InputError, match="no such|cannot be read"):
        read_file(tmp_path / "missing.txt")


def test_predict_every_group_with_probabilities_and_evidence(seed_text, hashing_model):
    preds = predict(seed_text, model=hashing_model)
    assert {"Kings of Shejo Port", "Andean Cartel"} <= {p.group for p in preds}
    for p in preds:
        assert isinstance(p, Prediction)
        assert p.label in LABELS
        assert set(p.probabilities) == set(LABELS)
        assert abs(sum(p.probabilities.values()) - 1) < 1e-6
        assert p.label == max(p.probabilities, key=p.probabilities.get)
        assert p.evidence and all(e.supports in LABELS for e in p.evidence)
        d = p.to_dict()
        assert set(d) == {"group", "aliases", "label", "probabilities", "evidence", "features", "model_version"}
        for e in d["evidence"]:
            if e["kind"] == "sentence":
                assert seed_text[e["input_start"] : e["input_end"]] == e["text"]


def test_evidence_offsets_point_into_the_text_as_given(seed_text, hashing_model):
    """Text pasted from a PDF (hard-wrapped, a word hyphenated at a line end, Windows line ends, a
    soft hyphen): ``start``/``end`` index the normalised text, ``input_start``/``input_end`` the
    text the caller gave."""
    import re
    import textwrap

    paragraphs = [textwrap.fill(p, 60) for p in seed_text.replace("\r\n", "\n").split("\n") if p.strip()]
    given = "\r\n\r\n".join(paragraphs).replace("\n", "\r\n").replace("\r\r\n", "\r\n")
    given = given.replace("organization", "organi-\r\nzation", 1).replace("Cartel", "Car\u00adtel", 1)
    letters = lambda t: re.sub(r"[\W_]", "", t)  # noqa: E731
    preds = predict(given, model=hashing_model)
    assert {"Kings of Shejo Port", "Andean Cartel"} <= {p.group for p in preds}
    checked = 0
    for p in preds:
        for e in p.to_dict()["evidence"]:
            if e["kind"] == "sentence":
                assert letters(given[e["input_start"] : e["input_end"]]) == letters(e["text"])
                checked += 1
    assert checked >= 4


def test_group_argument_selects_by_name_or_alias(seed_text, hashing_model):
    [p] = predict(seed_text, group="Cartel Andino", model=hashing_model)
    assert p.group == "Andean Cartel"


def test_group_not_in_text_lists_found_groups(seed_text, hashing_model):
    with pytest.raises(GroupNotFoundError, match="Andean Cartel") as info:
        predict(seed_text, group="Sinaloa Cartel", model=hashing_model)
    assert "Sinaloa Cartel" in str(info.value)
    assert isinstance(info.value, LookupError)


def test_no_group_gives_an_empty_list(hashing_model):
    assert predict("Nothing happened in the town yesterday.", model=hashing_model) == []


def test_bad_text_raises_input_error(hashing_model):
    with pytest.raises(InputError):
        predict("   ", model=hashing_model)


def test_predict_many_keeps_going_after_a_bad_document(seed_text, hashing_model):
    items = predict_many([("a", seed_text), ("b", ""), ("c", seed_text)], model=hashing_model)
    assert [it.source for it in items] == ["a", "b", "c"]
    assert items[1].error and "empty" in items[1].error
    assert items[0].predictions and items[2].predictions


def test_a_text_in_another_language_is_read_with_a_language_warning(seed_text, hashing_model):
    portuguese = (
        "O Primeiro Comando da Capital é a maior facção do Brasil. Segundo a polícia, a organização controla "
        "rotas de cocaína e também lava dinheiro; o seu líder não perdeu o controle das células que são dele."
    )
    with pytest.warns(orgstruct.LanguageWarning, match="Portuguese"):
        predict(portuguese, model=hashing_model)
    items = predict_many([("pt", portuguese), ("seed", seed_text)], model=hashing_model)
    assert "Portuguese" in items[0].warning and items[1].warning is None and items[1].predictions


def test_bundle_round_trip(hashing_model, hashing_bundle, seed_text):
    loaded = load_model(hashing_bundle)
    a = predict(seed_text, model=hashing_model)
    b = predict(seed_text, model=loaded)
    for x, y in zip(a, b, strict=True):
        assert x.group == y.group
        np.testing.assert_allclose(list(x.probabilities.values()), list(y.probabilities.values()), atol=1e-9)


def test_model_resolution_order(hashing_bundle, monkeypatch, tmp_path):
    monkeypatch.setenv("ORGSTRUCT_MODEL", str(hashing_bundle))
    assert load_model().embedder.name.startswith("hashing")
    with pytest.raises(orgstruct.ModelError, match="not found"):
        load_model(tmp_path)


def test_a_bundle_is_loaded_once_per_process(hashing_bundle):
    assert load_model(hashing_bundle) is load_model(str(hashing_bundle))


def test_predictions_rest_on_the_rules_alone_not_on_the_learned_extraction_parts(seed_text, hashing_model, monkeypatch):
    import importlib

    from orgstruct.extract.typer import RelationTyper

    extract_pkg = importlib.import_module("orgstruct.extract")  # the package, not the function

    before = {p.group: (p.features, p.evidence) for p in predict(seed_text, model=hashing_model)}
    # a typer that accepts every candidate would change the relations if predictions used it
    eager = RelationTyper({"pair:rival_of": {}}, {"pair:rival_of": 5.0}, {"pair:rival_of": 0.2}, {})
    monkeypatch.setattr(extract_pkg, "default_typer", lambda: eager)
    assert any(r.type == "rival_of" and r.confidence > 0.9 for r in extract_pkg.extract(seed_text).relations)
    after = {p.group: (p.features, p.evidence) for p in predict(seed_text, model=hashing_model)}
    assert after == before
