"""The labelled corpus: loading and schema checks (standard library only).

A corpus document is one JSON file ``data/corpus/<writer>/<doc_id>.json``;
labels belong to (document, group) pairs. A gold extraction record is one
JSON file ``data/gold/<doc_id>.json``. The format is described in
``data/DATASHEET.md``. This module must stay importable without numpy so
that ``data/validate_corpus.py`` can run before the package is installed.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from pathlib import Path

LABELS = ("hierarchical", "family_clan", "brokerage_network")
LANGS = ("en", "es")
STYLES = ("news_brief", "profile", "court_summary", "press_release", "analysis")
CONFIDENCES = ("high", "medium", "low")
HARD_KINDS = (
    "misleading_name",
    "family_run_hierarchy",
    "family_broker",
    "fragmenting_hierarchy",
    "implicit_structure",
    "mixed",
)
RELATION_TYPES = (
    "leads",
    "finances",
    "directs",
    "lieutenant_of",
    "works_for",
    "kin_of",
    "allied_with",
    "brokers_for",
    "rival_of",
    "succeeded",
    "arrested",
)
OPERATIONS = (
    "cultivation",
    "production",
    "storage",
    "transport",
    "port_export",
    "distribution",
    "laundering",
    "corruption",
    "violence",
)
DOC_KEYS = {
    "doc_id",
    "writer",
    "lang",
    "style",
    "title",
    "text",
    "countries",
    "sources",
    "hard_case",
    "groups",
}
GROUP_KEYS = {"group_id", "name", "aliases", "label", "confidence", "rationale"}
MIN_WORDS, MAX_WORDS = 80, 900


@dataclass(frozen=True)
class GroupLabel:
    group_id: str
    name: str
    aliases: tuple[str, ...]
    label: str
    confidence: str
    rationale: str


@dataclass(frozen=True)
class CorpusDocument:
    doc_id: str
    writer: str
    lang: str
    style: str
    title: str
    text: str
    countries: tuple[str, ...]
    sources: tuple[str, ...]
    hard_case: str | None
    groups: tuple[GroupLabel, ...]


def writer_of(doc_id: str) -> str | None:
    """The writer a corpus document id names ("w4" for "w4-016"; ``check_document`` makes every
    corpus id start with its writer's), or None for an id of another shape (a seed's)."""
    m = re.match(r"(w\d+)-", doc_id)
    return m.group(1) if m else None


def word_count(text: str) -> int:
    return len(re.findall(r"\w+", text))


def load_group_registry(data_dir: Path) -> dict[str, dict[str, str]]:
    """group_id -> registry row, from groups.tsv plus each writer's new_groups.tsv."""
    registry: dict[str, dict[str, str]] = {}
    files = [data_dir / "groups.tsv", *sorted((data_dir / "corpus").glob("*/new_groups.tsv"))]
    for path in files:
        if not path.exists():
            continue
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                if row.get("group_id"):
                    registry[row["group_id"].strip()] = row
    return registry


def _check_group(g: object, text: str, registry: dict, where: str) -> list[str]:
    if not isinstance(g, dict):
        return [f"{where}: group entry is not an object"]
    errors = []
    if set(g) != GROUP_KEYS:
        errors.append(f"{where}: group keys must be {sorted(GROUP_KEYS)}, got {sorted(g)}")
        return errors
    if registry and g["group_id"] not in registry:
        errors.append(f"{where}: group_id {g['group_id']!r} is in no groups.tsv")
    if g["label"] not in LABELS:
        errors.append(f"{where}: label {g['label']!r} not in {LABELS}")
    if g["confidence"] not in CONFIDENCES:
        errors.append(f"{where}: confidence {g['confidence']!r} not in {CONFIDENCES}")
    if not isinstance(g["rationale"], str) or len(g["rationale"].split()) < 5:
        errors.append(f"{where}: rationale must be one sentence")
    lowered = text.lower()
    for surface in [g["name"], *g["aliases"]]:
        if not isinstance(surface, str) or surface.lower() not in lowered:
            errors.append(f"{where}: name or alias {surface!r} does not occur in the text")
    return errors


def check_document(raw: object, registry: dict, filename: str = "") -> list[str]:
    """Every schema problem of one raw corpus record, as readable strings."""
    where = filename or "record"
    if not isinstance(raw, dict):
        return [f"{where}: not a JSON object"]
    if set(raw) != DOC_KEYS:
        return [f"{where}: keys must be {sorted(DOC_KEYS)}, got {sorted(raw)}"]
    errors = []
    text = raw["text"]
    if not isinstance(text, str):
        return [f"{where}: text is not a string"]
    n_words = word_count(text)
    if not MIN_WORDS <= n_words <= MAX_WORDS:
        errors.append(f"{where}: {n_words} words, must be {MIN_WORDS}..{MAX_WORDS}")
    if filename and Path(filename).stem != raw["doc_id"]:
        errors.append(f"{where}: doc_id {raw['doc_id']!r} differs from the file name")
    if not str(raw["doc_id"]).startswith(f"{raw['writer']}-"):
        errors.append(f"{where}: doc_id must start with the writer id")
    for key, allowed in (("lang", LANGS), ("style", STYLES)):
        if raw[key] not in allowed:
            errors.append(f"{where}: {key} {raw[key]!r} not in {allowed}")
    if raw["hard_case"] is not None and raw["hard_case"] not in HARD_KINDS:
        errors.append(f"{where}: hard_case {raw['hard_case']!r} not in {HARD_KINDS} or null")
    if not raw["countries"] or not all(re.fullmatch(r"[A-Z]{2}", c) for c in raw["countries"]):
        errors.append(f"{where}: countries must be ISO 3166 alpha-2 codes")
    if not raw["sources"] or not all(str(s).startswith("http") for s in raw["sources"]):
        errors.append(f"{where}: sources must be a non-empty list of URLs")
    if not raw["groups"]:
        errors.append(f"{where}: at least one labelled group")
    for i, g in enumerate(raw["groups"]):
        errors.extend(_check_group(g, text, registry, f"{where} group {i}"))
    ids = [g.get("group_id") for g in raw["groups"] if isinstance(g, dict)]
    if len(ids) != len(set(ids)):
        errors.append(f"{where}: a group_id is labelled twice")
    return errors


def parse_document(raw: dict) -> CorpusDocument:
    groups = tuple(
        GroupLabel(
            group_id=g["group_id"],
            name=g["name"],
            aliases=tuple(g["aliases"]),
            label=g["label"],
            confidence=g["confidence"],
            rationale=g["rationale"],
        )
        for g in raw["groups"]
    )
    return CorpusDocument(
        doc_id=raw["doc_id"],
        writer=raw["writer"],
        lang=raw["lang"],
        style=raw["style"],
        title=raw["title"],
        text=raw["text"],
        countries=tuple(raw["countries"]),
        sources=tuple(raw["sources"]),
        hard_case=raw["hard_case"],
        groups=groups,
    )


def corpus_files(data_dir: Path) -> list[Path]:
    return sorted((data_dir / "corpus").glob("*/*.json"))


def load_corpus(data_dir: Path, *, strict: bool = True) -> list[CorpusDocument]:
    """All valid corpus documents; with strict, any invalid record raises ValueError."""
    registry = load_group_registry(data_dir)
    docs, problems = [], []
    for path in corpus_files(data_dir):
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            problems.append(f"{path.name}: unreadable JSON ({exc})")
            continue
        errors = check_document(raw, registry, path.name)
        if errors:
            problems.extend(errors)
            continue
        docs.append(parse_document(raw))
    if strict and problems:
        raise ValueError("corpus has invalid records: " + "; ".join(problems[:20]))
    return docs


def check_gold(raw: object, text: str, filename: str = "") -> list[str]:
    """Schema problems of one gold extraction record against its document text."""
    where = filename or "gold"
    if not isinstance(raw, dict):
        return [f"{where}: not a JSON object"]
    expected = {"doc_id", "groups", "persons", "relations", "operations"}
    if set(raw) != expected:
        return [f"{where}: keys must be {sorted(expected)}, got {sorted(raw)}"]
    errors: list[str] = []
    lowered = text.lower()
    names: set[str] = set()
    for kind in ("groups", "persons"):
        for ent in raw[kind]:
            for surface in [ent["name"], *ent.get("aliases", [])]:
                if surface.lower() not in lowered:
                    errors.append(f"{where}: {kind} surface {surface!r} not in the text")
            names.add(ent["name"])
    for rel in raw["relations"]:
        if rel.get("type") not in RELATION_TYPES:
            errors.append(f"{where}: relation type {rel.get('type')!r} unknown")
        if rel.get("head") not in names:
            errors.append(f"{where}: relation head {rel.get('head')!r} is no listed group or person")
        tail = rel.get("tail")
        if tail is not None and tail not in names:
            errors.append(f"{where}: relation tail {tail!r} is no listed group or person")
        if str(rel.get("evidence", "")).lower() not in lowered or not rel.get("evidence"):
            errors.append(f"{where}: relation evidence is not a substring of the text")
    group_names = {g["name"] for g in raw["groups"]}
    for op in raw["operations"]:
        if op.get("operation") not in OPERATIONS:
            errors.append(f"{where}: operation {op.get('operation')!r} unknown")
        if op.get("group") not in group_names:
            errors.append(f"{where}: operation group {op.get('group')!r} not a listed group")
        if not op.get("evidence") or str(op["evidence"]).lower() not in lowered:
            errors.append(f"{where}: operation evidence is not a substring of the text")
    return errors


def corpus_stats(docs: list[CorpusDocument], registry: dict[str, dict[str, str]]) -> dict:
    """The counts the corpus is held to (data/DATASHEET.md)."""
    from collections import Counter

    labels = Counter(g.label for d in docs for g in d.groups)
    groups = {g.group_id for d in docs for g in d.groups}
    countries = {registry[g].get("country", "") for g in groups if g in registry}
    countries |= {c for d in docs for c in d.countries}
    n = len(docs) or 1
    return {
        "documents": len(docs),
        "labels": sum(labels.values()),
        "labels_per_class": dict(sorted(labels.items())),
        "distinct_groups": len(groups),
        "countries": len(countries - {""}),
        "spanish_share": round(sum(d.lang == "es" for d in docs) / n, 3),
        "languages": dict(Counter(d.lang for d in docs)),
        "multi_group_share": round(sum(len(d.groups) >= 2 for d in docs) / n, 3),
        "hard_case_share": round(sum(d.hard_case is not None for d in docs) / n, 3),
        "hard_cases": dict(Counter(d.hard_case for d in docs if d.hard_case)),
        "writers": dict(sorted(Counter(d.writer for d in docs).items())),
        "styles": dict(Counter(d.style for d in docs)),
        "confidence": dict(Counter(g.confidence for d in docs for g in d.groups)),
        "words_min_max": [min(word_count(d.text) for d in docs), max(word_count(d.text) for d in docs)]
        if docs
        else [0, 0],
    }


def load_second_labels(data_dir: Path) -> list[dict]:
    """Independent second labels of a random sample of (document, group) pairs (data/agreement.jsonl)."""
    path = data_dir / "agreement.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def agreement(docs: list[CorpusDocument], second: list[dict]) -> dict:
    """Raw agreement and Cohen's kappa between the corpus labels and the second annotator's."""
    from collections import Counter

    first = {(d.doc_id, g.group_id): g.label for d in docs for g in d.groups}
    pairs = [(first[(s["doc_id"], s["group_id"])], s["label"]) for s in second if (s["doc_id"], s["group_id"]) in first]
    n = len(pairs)
    if not n:
        return {"items": 0}
    observed = sum(a == b for a, b in pairs) / n
    ca, cb = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(ca[k] * cb[k] for k in LABELS) / (n * n)
    kappa = (observed - expected) / (1 - expected) if expected < 1 else 1.0
    return {"items": n, "raw_agreement": round(observed, 3), "cohen_kappa": round(kappa, 3)}
