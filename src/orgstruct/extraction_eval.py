"""Scoring extraction against the hand-annotated gold set (data/gold/*.json).

Entities are matched leniently by surface form (case, accents and leading
articles aside; a short form matching a longer one counts), relations
strictly by type, head and tail after that mapping (symmetric types in either
direction), operations by (group, operation).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

from orgstruct.extract import extract
from orgstruct.extract.lexicon import fold, tokens
from orgstruct.extract.relations import SYMMETRIC
from orgstruct.schema import Extraction

_ARTICLES = {"the", "los", "las", "la", "el"}


def _norm(surface: str) -> str:
    words = [w for w in (fold(t) for t in tokens(surface))]
    while words and words[0] in _ARTICLES:
        words = words[1:]
    return " ".join(words)


_QUOTED = re.compile(r"[\"“”«»]([^\"“”«»]+)[\"“”«»]|\s['‘]([^'’]+)['’](?=\s)")


def entity_forms(*surfaces: str) -> set[str]:
    """Normalised forms of an entity; a name written with its nickname inside ('James "Jaws"
    Byrne') also stands for the name without it and for the nickname."""
    out = set()
    for s in surfaces:
        out.add(_norm(s))
        for m in _QUOTED.finditer(s):
            nick = m.group(1) or m.group(2)
            out.add(_norm(s.replace(m.group(0), " ")))
            if len(nick.strip()) > 2:
                out.add(_norm(nick))
    return {f for f in out if f}


def _matches(a: set[str], b: set[str]) -> bool:
    if a & b:
        return True
    return any(x and y and (f" {x} " in f" {y} " or f" {y} " in f" {x} ") for x in a for y in b)


def _standalone(text: str, surface: str) -> bool:
    """The surface form occurs on its own, not only inside a longer name ("Baybaşin" inside
    "Mehmet Şerif Baybaşin", "Amato-Pagano" inside "Amato-Pagano group")."""
    for m in re.finditer(rf"(?<![\w-]){re.escape(surface)}(?![\w-])", text, flags=re.IGNORECASE):
        before = re.search(r"(\S+)\s+$", text[max(0, m.start() - 40) : m.start()])
        after = re.match(r"\s+(\S+)", text[m.end() : m.end() + 40])
        capital_before = before and before.group(1)[0].isupper() and not before.group(1).endswith((".", ":"))
        continues = after and (after.group(1)[0].isupper() or fold(after.group(1)) in _GROUP_WORDS)
        if not capital_before and not continues:
            return True
    return False


_GROUP_WORDS = {"group", "family", "clan", "cartel", "gang", "network", "organization", "organisation", "syndicate"}


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp, self.fp, self.fn = self.tp + tp, self.fp + fp, self.fn + fn

    @property
    def f1(self) -> float:
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp else 0.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0


@dataclass
class ExtractionScores:
    groups: Counts = field(default_factory=Counts)
    persons: Counts = field(default_factory=Counts)
    relations: Counts = field(default_factory=Counts)
    operations: Counts = field(default_factory=Counts)
    aliases_right: int = 0
    aliases_total: int = 0
    relations_missing_entity: int = 0  # gold relations with an end the extractor did not find
    words: int = 0
    documents: int = 0

    @property
    def relations_gold(self) -> int:
        return self.relations.tp + self.relations.fn

    @property
    def alias_accuracy(self) -> float:
        return self.aliases_right / self.aliases_total if self.aliases_total else 0.0

    def summary(self) -> dict[str, float]:
        out = {
            "documents": self.documents,
            "alias_accuracy": round(self.alias_accuracy, 3),
            "aliases": self.aliases_total,
            "relations_missing_entity": round(self.relations_missing_entity / max(1, self.relations_gold), 3),
        }
        for name in ("groups", "persons", "relations", "operations"):
            c: Counts = getattr(self, name)
            out.update(
                {
                    f"{name}_f1": round(c.f1, 3),
                    f"{name}_precision": round(c.precision, 3),
                    f"{name}_recall": round(c.recall, 3),
                }
            )
        return out


def relation_key(rtype: str, head: str, tail: str | None) -> tuple:
    """One relation as the evaluation counts it: either order for symmetric types."""
    return (rtype, *sorted((head, tail))) if rtype in SYMMETRIC and tail is not None else (rtype, head, tail)


def align_entities(gold_ents: list[dict], pred_forms: dict[str, set[str]]) -> dict[str, str]:
    """predicted entity id -> gold name, one to one: shared forms first, then the lenient
    short-form match, each pass greedy in gold order."""
    mapping: dict[str, str] = {}
    gold_forms = [(ent["name"], entity_forms(ent["name"], *ent.get("aliases", []))) for ent in gold_ents]
    for exact in (True, False):
        for name, forms in gold_forms:
            if name in mapping.values():
                continue
            for pid, pforms in pred_forms.items():
                if pid not in mapping and (forms & pforms if exact else _matches(forms, pforms)):
                    mapping[pid] = name
                    break
    return mapping


def score_document(gold: dict, x: Extraction, scores: ExtractionScores) -> None:
    group_forms = {g.id: entity_forms(g.name, *g.aliases) for g in x.groups}
    person_forms = {p.id: entity_forms(p.name, *p.aliases) for p in x.persons}
    gmap = align_entities(gold["groups"], group_forms)
    pmap = align_entities(gold["persons"], person_forms)
    scores.groups.add(len(gmap), len(x.groups) - len(gmap), len(gold["groups"]) - len(gmap))
    scores.persons.add(len(pmap), len(x.persons) - len(pmap), len(gold["persons"]) - len(pmap))
    inverse = {v: k for k, v in gmap.items()}
    for g in gold["groups"]:
        for alias in g.get("aliases", []):
            if not _standalone(x.document.text, alias):
                continue
            scores.aliases_total += 1
            pid = inverse.get(g["name"])
            if pid is None:
                continue
            pg = next(grp for grp in x.groups if grp.id == pid)
            surfaces = {_norm(s) for s in (pg.name, *pg.aliases, *(m.text for m in pg.mentions))}
            scores.aliases_right += _norm(alias) in surfaces
    names = {**gmap, **pmap}
    gold_rel = {relation_key(r["type"], r["head"], r.get("tail")) for r in gold["relations"]}
    found = set(names.values())
    scores.relations_missing_entity += sum(1 for k in gold_rel if any(e not in found for e in k[1:] if e is not None))
    pred_rel = {
        relation_key(r.type, names.get(r.head, f"?{r.head}"), names.get(r.tail, f"?{r.tail}") if r.tail else None)
        for r in x.relations
    }
    scores.relations.add(len(gold_rel & pred_rel), len(pred_rel - gold_rel), len(gold_rel - pred_rel))
    gold_ops = {(o["group"], o["operation"]) for o in gold["operations"]}
    pred_ops = {(names.get(o.group, f"?{o.group}"), o.operation) for o in x.operations}
    scores.operations.add(len(gold_ops & pred_ops), len(pred_ops - gold_ops), len(gold_ops - pred_ops))


def load_gold(data_dir: Path, seeds_dir: Path, folder: str = "gold") -> list[tuple[dict, str, str]]:
    """(gold record, document text, language) for every annotation in ``data_dir/folder``."""
    texts, langs = {}, {}
    for path in sorted((data_dir / "corpus").glob("*/*.json")):
        raw = json.loads(path.read_text(encoding="utf-8"))
        texts[raw["doc_id"]], langs[raw["doc_id"]] = raw["text"], raw["lang"]
    for path in sorted(seeds_dir.glob("*.txt")):
        texts[f"seed-{path.stem}"], langs[f"seed-{path.stem}"] = path.read_text(encoding="utf-8"), "en"
    out = []
    for path in sorted((data_dir / folder).glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if gold["doc_id"] in texts:
            out.append((gold, texts[gold["doc_id"]], langs[gold["doc_id"]]))
    return out


def _score_all(scored: Iterable[tuple[dict, str, str, object]]) -> dict[str, ExtractionScores]:
    """Accumulate (gold, text, language, extraction) scores per language and "all"."""
    result = {k: ExtractionScores() for k in ("en", "es", "all")}
    for gold, text, lang, x in scored:
        for k in (lang, "all"):
            score_document(gold, x, result[k])
            result[k].documents += 1
            result[k].words += len(text.split())
    return result


def evaluate_extraction(
    items: list[tuple[dict, str, str]], learned: bool = True, learned_operations: bool = True
) -> dict[str, ExtractionScores]:
    """Scores per language ("en", "es") and "all" of ``extract`` with the same switches:
    ``learned=False`` scores the rules alone, ``learned_operations=False`` the rules' operations."""
    return _score_all(
        (gold, text, lang, extract(text, learned=learned, learned_operations=learned_operations))
        for gold, text, lang in items
    )


def record_as_extraction(record: dict, text: str) -> SimpleNamespace:
    """A gold record in the shape ``score_document`` reads, so two annotations of one text
    can be scored against each other exactly as the extractor is scored against the gold."""
    ent = lambda e: SimpleNamespace(id=e["name"], name=e["name"], aliases=tuple(e.get("aliases", [])), mentions=())  # noqa: E731
    return SimpleNamespace(
        document=SimpleNamespace(text=text),
        groups=[ent(g) for g in record["groups"]],
        persons=[ent(p) for p in record["persons"]],
        relations=[SimpleNamespace(type=r["type"], head=r["head"], tail=r.get("tail")) for r in record["relations"]],
        operations=[SimpleNamespace(group=o["group"], operation=o["operation"]) for o in record["operations"]],
    )


def evaluate_agreement(items: list[tuple[dict, str, str]], second_dir: Path) -> dict[str, ExtractionScores]:
    """Inter-annotator agreement: each second annotation in ``second_dir`` scored against the
    first (gold) annotation of the same document with the extractor's own scorer, per language."""
    paths = [(gold, text, lang, second_dir / f"{gold['doc_id']}.json") for gold, text, lang in items]
    return _score_all(
        (gold, text, lang, record_as_extraction(json.loads(path.read_text(encoding="utf-8")), text))
        for gold, text, lang, path in paths
        if path.exists()
    )
