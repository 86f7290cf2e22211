import csv
import io
import json

import pytest
from typer.testing import CliRunner

from orgstruct.cli import app

from .conftest import SEED

runner = CliRunner()


@pytest.fixture()
def run(hashing_bundle):
    def _run(*args, input=None):
        args = list(args)
        if args and args[0] == "classify":
            args += ["--model", str(hashing_bundle)]
        return runner.invoke(app, args, input=input)

    return _run


def _one_line_error(result):
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines and all(line.startswith("error: ") for line in lines), result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("orgstruct ")


def test_classify_table_json_jsonl_csv(run):
    table = run("classify", str(SEED))
    assert table.exit_code == 0, table.stderr
    assert "Kings of Shejo Port" in table.stdout and "Andean Cartel" in table.stdout
    data = json.loads(run("classify", str(SEED), "--format", "json").stdout)
    assert data[0]["error"] is None and len(data[0]["predictions"]) >= 2
    rows = [json.loads(line) for line in run("classify", str(SEED), "-f", "jsonl").stdout.splitlines()]
    assert {r["group"] for r in rows} >= {"Kings of Shejo Port", "Andean Cartel"}
    assert rows[0]["source"] == str(SEED)
    table_rows = list(csv.DictReader(io.StringIO(run("classify", str(SEED), "-f", "csv").stdout)))
    assert {r["group"] for r in table_rows} == {r["group"] for r in rows}


def test_classify_stdin_folder_and_output_file(run, tmp_path, seed_text):
    assert "Andean Cartel" in run("classify", "-", input=seed_text).stdout
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text(seed_text)
    out = tmp_path / "out.json"
    result = run("classify", str(folder), "-f", "json", "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(out.read_text())[0]["source"].endswith("a.txt")


def test_group_option(run):
    result = run("classify", str(SEED), "--group", "the Kings", "-f", "jsonl")
    assert result.exit_code == 0
    assert [json.loads(x)["group"] for x in result.stdout.splitlines()] == ["Kings of Shejo Port"]


@pytest.mark.parametrize(
    "content, expected",
    [
        (b"", "empty"),
        (b"   \n  ", "empty"),
        (b"\x00\x01binary\x00", "binary"),
        ("Cártel".encode("latin-1") + b" de Sinaloa", "UTF-8"),
    ],
)
def test_bad_files_give_one_line_errors(run, tmp_path, content, expected):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = run("classify", str(path))
    assert result.exit_code == 1
    assert expected in result.stderr
    _one_line_error(result)


def test_missing_path_and_unknown_group(run, tmp_path):
    result = run("classify", str(tmp_path / "nope.txt"))
    assert result.exit_code == 1 and "no such file" in result.stderr
    _one_line_error(result)
    result = run("classify", str(SEED), "--group", "Sinaloa Cartel")
    assert result.exit_code == 1
    assert "not found" in result.stderr and "Kings of Shejo Port" in result.stderr
    _one_line_error(result)


def test_text_without_groups_is_said_plainly(run, tmp_path):
    path = tmp_path / "calm.txt"
    path.write_text("It rained all day and nobody left the house.")
    result = run("classify", str(path))
    assert result.exit_code == 0
    assert "no named group found" in result.stdout


def test_batch_survives_bad_documents_and_malformed_rows(run, tmp_path, seed_text):
    batch = tmp_path / "batch.jsonl"
    batch.write_text(
        "\n".join(
            [
                json.dumps({"id": "ok1", "text": seed_text}),
                "{not json",
                json.dumps({"id": "empty", "text": ""}),
                json.dumps({"id": "notext"}),
                json.dumps({"id": "ok2", "text": seed_text}),
            ]
        )
    )
    result = run("classify", str(batch), "-f", "jsonl")
    assert result.exit_code == 1
    sources = {json.loads(x)["source"] for x in result.stdout.splitlines()}
    assert sources == {f"{batch}:ok1", f"{batch}:ok2"}
    assert result.stderr.count("error: ") == 3 and "malformed row" in result.stderr
    _one_line_error(result)


PORTUGUESE = (
    "O Primeiro Comando da Capital é a maior facção criminosa do Brasil. Segundo a polícia, a organização "
    "controla rotas de cocaína que saem da Bolívia e também lava dinheiro com empresas de fachada. O seu líder "
    "está preso desde 1999, mas não perdeu o controle das células que são dirigidas por ele."
)


def test_a_text_in_another_language_is_read_with_a_one_line_warning(run, tmp_path, seed_text):
    path = tmp_path / "pcc.txt"
    path.write_text(PORTUGUESE)
    result = run("classify", str(path), str(SEED), "-f", "jsonl")
    assert result.exit_code == 0, result.stderr  # a warning, not an error: the batch is read
    warnings = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(warnings) == 1 and warnings[0].startswith(f"warning: {path}: ") and "Portuguese" in warnings[0]
    assert "Traceback" not in result.stderr
    data = json.loads(run("classify", str(path), str(SEED), "-f", "json").stdout)
    assert "Portuguese" in data[0]["warning"] and data[1]["warning"] is None
    ext = runner.invoke(app, ["extract", str(path)])
    assert ext.exit_code == 0 and "warning:" in ext.stderr and "Portuguese" in ext.stderr


def test_usage_errors_exit_2(run):
    assert run("classify", str(SEED), "--format", "xml").exit_code == 2
    assert runner.invoke(app, ["classify"]).exit_code == 2
    assert runner.invoke(app, ["frobnicate"]).exit_code == 2


def test_missing_model_is_one_line(tmp_path):
    result = runner.invoke(app, ["classify", str(SEED), "--model", str(tmp_path)])
    assert result.exit_code == 1 and "model bundle not found" in result.stderr
    _one_line_error(result)


@pytest.mark.parametrize("fmt, marker", [("json", '"relations"'), ("graphml", "<graphml"), ("gexf", "<gexf")])
def test_extract_formats(fmt, marker, tmp_path):
    result = runner.invoke(app, ["extract", str(SEED), "--format", fmt])
    assert result.exit_code == 0, result.stderr
    assert marker in result.stdout and "Andean Cartel" in result.stdout
    if fmt == "graphml":
        import networkx as nx

        path = tmp_path / "g.graphml"
        path.write_text(result.stdout)
        g = nx.read_graphml(path)
        assert any(d.get("type") == "finances" and d.get("evidence") for _, _, d in g.edges(data=True))


def test_extract_gives_offsets_into_the_file_as_written(tmp_path):
    text = (
        "Prosecutors said the Cartel del Noreste grew out of Los Zetas in 2015 under Juan Gerardo Trevi-\r\n"
        "ño Chávez, who ran the group from Nuevo Laredo with his cousin Juan Cisneros Treviño and\r\n"
        "fought the Gulf Cartel for the border crossings.\r\n"
    )
    path = tmp_path / "wrapped.txt"
    path.write_bytes(text.encode("utf-8"))
    result = runner.invoke(app, ["extract", str(path), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    relations = json.loads(result.stdout)["relations"]
    assert relations
    for r in relations:
        written = text[r["input_start"] : r["input_end"]]
        assert " ".join(written.replace("-\r\n", "").split()) == r["evidence"]


def test_a_saved_web_page_is_read_as_its_text(run, tmp_path):
    page = (
        "<!DOCTYPE html><html><head><title>Los Zetas | News</title>"
        '<script>var tags = ["Tren de Aragua"];</script></head><body>'
        '<nav><a href="/z">Clan del Golfo</a></nav><article>'
        "<p>Los <b>Choneros</b> are a gang led by Adolfo Mac&iacute;as, alias &quot;Fito&quot;.</p>\n"
        "<p>They work for the Sinaloa Cartel &amp; fight Los Lobos in Guayaquil.</p></article>"
        "<footer>Related: Cartel de los Soles</footer></body></html>"
    )
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "story.html").write_text(page, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(folder / "story.html"), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert {g["name"] for g in data["groups"]} == {"Los Choneros", "Sinaloa Cartel", "Los Lobos"}
    assert "Adolfo Macías" in {p["name"] for p in data["persons"]}
    leads = [r for r in data["relations"] if r["type"] == "leads"]
    assert leads and leads[0]["evidence"] == 'Los Choneros are a gang led by Adolfo Macías, alias "Fito".'
    written = page[leads[0]["input_start"] : leads[0]["input_end"]]
    assert written == "Los <b>Choneros</b> are a gang led by Adolfo Mac&iacute;as, alias &quot;Fito&quot;."
    table = run("classify", str(folder))  # a folder's .html files are read too
    assert table.exit_code == 0 and "Los Choneros" in table.stdout and "Los Zetas" not in table.stdout
    (folder / "app.html").write_text('<html><body><div id="app"></div><script>draw()</script></body></html>')
    both = run("classify", str(folder))  # a page its scripts draw: one line, and the batch goes on
    assert both.exit_code == 1 and "Los Choneros" in both.stdout
    assert "app.html: web page holds no text to read" in both.stderr
    _one_line_error(both)


def _minipdf():
    """benchmarks/minipdf.py, the PDF writer the benchmarks measure orgstruct.pdf with."""
    import sys
    from pathlib import Path

    bench = str(Path(__file__).resolve().parent.parent / "benchmarks")
    if bench not in sys.path:
        sys.path.insert(0, bench)
    import minipdf

    return minipdf


def test_a_pdf_file_is_read_as_the_text_of_its_pages(run, tmp_path, seed_text):
    minipdf = _minipdf()
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(minipdf.report_pdf(seed_text, header="InSight Crime | Peru"))
    table = run("classify", str(pdf))
    assert table.exit_code == 0, table.stderr
    assert "Kings of Shejo Port" in table.stdout and "Andean Cartel" in table.stdout
    result = runner.invoke(app, ["extract", str(pdf), "--format", "json"])
    data = json.loads(result.stdout)
    names = {g["name"] for g in data["groups"]}
    assert {"Kings of Shejo Port", "Andean Cartel", "Barrio Kings"} <= names
    assert not {n for n in names if "InSight" in n or "Peru" == n}  # the running header is dropped
    from orgstruct.pdf import pdf_to_text

    extracted = pdf_to_text(pdf.read_bytes(), str(pdf))
    for r in data["relations"]:  # input offsets index the text taken from the PDF
        assert " ".join(extracted[r["input_start"] : r["input_end"]].split()) == r["evidence"]
    # a folder's PDFs are read; a broken PDF and one without text get one line each, and the batch goes on
    (tmp_path / "broken.pdf").write_bytes(pdf.read_bytes()[:300])
    (tmp_path / "scan.pdf").write_bytes(minipdf.make_pdf([[]]))
    both = run("classify", str(tmp_path))
    assert both.exit_code == 1 and "Andean Cartel" in both.stdout
    assert "broken.pdf: PDF cannot be read" in both.stderr and "scan.pdf: PDF has no text layer" in both.stderr
    _one_line_error(both)


def test_a_word_file_is_read_as_the_text_of_its_paragraphs(run, tmp_path, seed_text):
    import zipfile

    _minipdf()  # puts benchmarks/ on the path
    import minidocx

    doc = tmp_path / "report.docx"
    doc.write_bytes(minidocx.report_docx(seed_text))
    data = json.loads(runner.invoke(app, ["extract", str(doc), "--format", "json"]).stdout)
    assert {"Kings of Shejo Port", "Andean Cartel", "Barrio Kings"} <= {g["name"] for g in data["groups"]}
    from orgstruct.docx import docx_to_text

    extracted = docx_to_text(doc.read_bytes(), str(doc))
    for r in data["relations"]:  # input offsets index the text of the paragraphs
        assert extracted[r["input_start"] : r["input_end"]] == r["evidence"]
    # a folder's Word files are read; a broken one and an empty one get one line each
    (tmp_path / "broken.docx").write_bytes(doc.read_bytes()[:200])
    with zipfile.ZipFile(tmp_path / "empty.docx", "w") as archive:
        archive.writestr("word/document.xml", "<w:document xmlns:w='x'/>")
    both = run("classify", str(tmp_path))
    assert both.exit_code == 1 and "Andean Cartel" in both.stdout
    assert "broken.docx: Word file cannot be read" in both.stderr
    assert "empty.docx: Word file holds no text" in both.stderr
    _one_line_error(both)


def test_reading_a_pdf_without_pypdf_is_one_line(run, tmp_path, seed_text, monkeypatch):
    import sys

    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(_minipdf().report_pdf(seed_text))
    monkeypatch.setitem(sys.modules, "pypdf", None)
    result = run("classify", str(pdf))
    assert result.exit_code == 1 and "reading a PDF needs pypdf" in result.stderr
    _one_line_error(result)


def test_extract_bad_input():
    result = runner.invoke(app, ["extract", "-"], input="")
    assert result.exit_code == 1 and "empty" in result.stderr
    _one_line_error(result)


def test_ui_dry_run_points_at_the_project_store(monkeypatch, tmp_path):
    monkeypatch.delenv("MLFLOW_TRACKING_URI", raising=False)
    monkeypatch.setenv("ORGSTRUCT_HOME", str(tmp_path))
    result = runner.invoke(app, ["ui", "--dry-run"])
    assert result.exit_code == 0
    assert f"sqlite:///{tmp_path}/mlflow.db" in result.stdout and "--workers 1" in result.stdout


def test_train_relations_writes_a_typer_and_says_plainly_when_there_is_nothing_to_learn(tmp_path):
    from .conftest import DATA

    empty = tmp_path / "empty"
    (empty / "gold_train").mkdir(parents=True)
    (empty / "corpus").symlink_to(DATA / "corpus")
    result = runner.invoke(app, ["train-relations", "--data", str(empty), "--output", str(tmp_path / "t.json")])
    assert result.exit_code == 1
    _one_line_error(result)
    assert "gold_train" in result.stderr

    data = tmp_path / "data"
    (data / "gold_train").mkdir(parents=True)
    (data / "corpus").symlink_to(DATA / "corpus")
    for path in sorted((DATA / "gold_train").glob("*.json"))[:24]:
        (data / "gold_train" / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "typer.json"
    result = runner.invoke(app, ["train-relations", "--data", str(data), "--output", str(out)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["documents"] == 24
    saved = json.loads(out.read_text(encoding="utf-8"))
    kept = {k for k, r in report["per_type"].items() if r["kept"]}
    assert kept and set(saved["weights"]) == set(saved["thresholds"]) == kept
