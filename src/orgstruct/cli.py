"""The orgstruct command line. Each command wraps an importable function; only this module
turns OrgStructError into a one-line message and exit code 1 (usage errors exit 2)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

from orgstruct import __version__
from orgstruct.errors import InputError, OrgStructError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Classify organized-crime groups as hierarchical, family_clan or brokerage_network.",
)
# what a folder contributes; any file can be named directly
FOLDER_SUFFIXES = {".txt", ".html", ".htm", ".pdf", ".docx", ".jsonl"}


def _fail(message: str) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(1)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"orgstruct {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """orgstruct: structure of organized-crime groups from reporting, with evidence."""


def _jsonl_rows(path: Path, data: bytes) -> Iterator[tuple[str, str | None, str | None]]:
    from orgstruct.text import decode_bytes

    text = decode_bytes(data, str(path))
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        source = f"{path}:{n}"
        try:
            row = json.loads(line)
            body = row["text"]
            if not isinstance(body, str):
                raise TypeError
        except (json.JSONDecodeError, KeyError, TypeError):
            yield source, None, f"{source}: malformed row; each line must be a JSON object with a string 'text'"
            continue
        yield f"{path}:{row.get('id', n)}", body, None


def iter_inputs(paths: list[str]) -> Iterator[tuple[str, str | None, str | None]]:
    """(source, text, error) for each document named by files, folders, .jsonl batches or '-'."""
    from orgstruct.text import decode_bytes

    for raw in paths:
        if raw == "-":
            try:
                yield "<stdin>", decode_bytes(sys.stdin.buffer.read(), "<stdin>"), None
            except InputError as exc:
                yield "<stdin>", None, str(exc)
            continue
        path = Path(raw)
        if not path.exists():
            yield raw, None, f"{raw}: no such file or folder"
            continue
        files = sorted(p for p in path.rglob("*") if p.suffix.lower() in FOLDER_SUFFIXES) if path.is_dir() else [path]
        if path.is_dir() and not files:
            yield raw, None, f"{raw}: folder holds no .txt, .html, .pdf, .docx or .jsonl file"
        for f in files:
            try:
                data = f.read_bytes()
                if f.suffix.lower() == ".jsonl":
                    yield from _jsonl_rows(f, data)
                else:
                    yield str(f), decode_bytes(data, str(f)), None
            except InputError as exc:
                yield str(f), None, str(exc)
            except OSError as exc:
                yield str(f), None, f"{f}: cannot be read ({exc.strerror})"


def classify_paths(paths: list[str], group: str | None = None, model_path: str | None = None):
    """Predict every input; returns BatchItems (each with its predictions or its one-line error,
    its language warning if any, all naming the source) without stopping on a bad document."""
    from dataclasses import replace

    from orgstruct.predict import BatchItem, load_model, predict_item

    model = load_model(model_path)
    items = []
    for source, text, error in iter_inputs(paths):
        if error is None:
            item = predict_item(source, text, group, model)
            if item.error is None:
                items.append(replace(item, warning=f"{source}: {item.warning}" if item.warning else None))
                continue
            error = item.error if item.error.startswith(source) else f"{source}: {item.error}"
        items.append(BatchItem(source, error=error))
    return items


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")


@app.command()
def classify(
    paths: Annotated[
        list[str], typer.Argument(help="Files, folders, .jsonl batches ({'id','text'} per line) or - for stdin.")
    ],
    group: Annotated[str | None, typer.Option("--group", "-g", help="Classify only this group.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, json, jsonl or csv.")] = "table",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write results here instead of stdout.")] = None,
    model: Annotated[
        str | None,
        typer.Option("--model", help="Model bundle folder (default: $ORGSTRUCT_MODEL, then the shipped one)."),
    ] = None,
) -> None:
    """Label every named group: structure, probabilities and the evidence behind them."""
    from orgstruct.output import FORMATS, render

    if fmt not in FORMATS:
        raise typer.BadParameter(f"must be one of {', '.join(FORMATS)}; got {fmt!r}", param_hint="--format")
    try:
        items = classify_paths(paths, group, model)
    except OrgStructError as exc:
        _fail(str(exc))
    _write(render(items, fmt), output)
    for it in items:
        if it.warning:
            typer.echo(f"warning: {it.warning}", err=True)
    errors = [it.error for it in items if it.error]
    for e in errors:
        typer.echo(f"error: {e}", err=True)
    if errors:
        raise typer.Exit(1)


@app.command("extract")
def extract_cmd(
    path: Annotated[str, typer.Argument(help="One file, or - for stdin.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="json, graphml or gexf.")] = "json",
    output: Annotated[Path | None, typer.Option("--output", "-o")] = None,
    learned_operations: Annotated[
        bool,
        typer.Option(
            "--learned-operations/--rule-operations",
            help="Operations from the learned scorer (default; better on unseen text, see README) or the rules.",
        ),
    ] = True,
) -> None:
    """Groups, aliases, persons, relations and operations, for analysts (Gephi reads graphml/gexf)."""
    from orgstruct.export import EXPORT_FORMATS, render_extraction
    from orgstruct.extract import extract

    if fmt not in EXPORT_FORMATS:
        raise typer.BadParameter(f"must be one of {', '.join(EXPORT_FORMATS)}; got {fmt!r}", param_hint="--format")
    source, text, error = next(iter_inputs([path]))
    if error:
        _fail(error)
    from orgstruct.text import language_note

    note = language_note(text)
    if note:
        typer.echo(f"warning: {source}: {note}", err=True)
    try:
        _write(render_extraction(extract(text, learned_operations=learned_operations), fmt), output)
    except OrgStructError as exc:
        _fail(f"{source}: {exc}")


@app.command()
def train(
    config: Annotated[Path, typer.Option("--config", "-c", help="Experiment TOML.")] = Path(
        "experiments/baseline.toml"
    ),
    data: Annotated[Path, typer.Option("--data", help="Corpus folder.")] = Path("data"),
    output: Annotated[Path, typer.Option("--output", "-o", help="Where the model bundle is written.")] = Path(
        "model/bundle"
    ),
    track: Annotated[bool, typer.Option("--track/--no-track", help="Log the run to MLflow.")] = True,
) -> None:
    """Train on the corpus: group-aware CV, test-split scores, model bundle, MLflow run."""
    from orgstruct.workflows import train as run_train

    try:
        report = run_train(config, data, output, track)
    except OrgStructError as exc:
        _fail(str(exc))
    typer.echo(json.dumps(report, indent=2, sort_keys=True))


# the learned extraction parts train on DATA/gold_train
_GoldTrainData = Annotated[Path, typer.Option("--data", help="Corpus folder (annotations in DATA/gold_train).")]


def _echo_training(train_and_save, *args) -> None:
    """Run a learned extraction part's training and print its report (one-line error if it fails)."""
    try:
        report = train_and_save(*args)
    except OrgStructError as exc:
        _fail(str(exc))
    typer.echo(json.dumps(report, indent=2, sort_keys=True))


@app.command("train-relations")
def train_relations(
    data: _GoldTrainData = Path("data"),
    output: Annotated[Path, typer.Option("--output", "-o", help="Where the typer JSON is written.")] = Path(
        "model/relation_typer.json"
    ),
    c_value: Annotated[
        float | None,
        typer.Option(
            "--c",
            help="Inverse L2 strength of each logistic regression (default: the tuned relation_training.DEFAULT_C).",
        ),
    ] = None,
) -> None:
    """Train the learned relation typer on DATA/gold_train (never on the evaluation gold)."""
    from orgstruct.relation_training import train_and_save

    _echo_training(train_and_save, data, Path("seeds"), output, c_value)


@app.command("train-operations")
def train_operations(
    data: _GoldTrainData = Path("data"),
    output: Annotated[Path, typer.Option("--output", "-o", help="Where the scorer JSON is written.")] = Path(
        "model/operations_scorer.json"
    ),
) -> None:
    """Train the learned operations scorer on DATA/gold_train (never on the evaluation gold)."""
    from orgstruct.operations_training import train_and_save

    _echo_training(train_and_save, data, Path("seeds"), output)


@app.command()
def evaluate(
    model: Annotated[str | None, typer.Option("--model", help="Model bundle folder.")] = None,
    data: Annotated[Path, typer.Option("--data", help="Corpus folder.")] = Path("data"),
) -> None:
    """Score a model bundle on the fixed group-disjoint test split."""
    from orgstruct.workflows import evaluate as run_evaluate

    try:
        report = run_evaluate(Path(model) if model else None, data)
    except OrgStructError as exc:
        _fail(str(exc))
    typer.echo(json.dumps(report, indent=2, sort_keys=True))


@app.command()
def ui(
    port: Annotated[int, typer.Option(help="Port on localhost.")] = 5000,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Print the server command and exit.")] = False,
) -> None:
    """Open the MLflow dashboard on orgstruct's tracking store."""
    from orgstruct.tracking import artifact_root, tracking_uri

    cmd = [
        sys.executable,
        "-m",
        "mlflow",
        "server",
        "--backend-store-uri",
        tracking_uri(),
        "--default-artifact-root",
        artifact_root(),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        "1",
    ]
    typer.echo(
        " ".join(cmd) if dry_run else f"MLflow dashboard: http://127.0.0.1:{port}  (Ctrl-C stops it)", err=not dry_run
    )
    if dry_run:
        return
    env = dict(os.environ, MLFLOW_SERVER_ENABLE_JOB_EXECUTION="false")
    proc = subprocess.Popen(cmd, env=env, start_new_session=True)
    try:
        raise typer.Exit(proc.wait())
    except KeyboardInterrupt:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait()
