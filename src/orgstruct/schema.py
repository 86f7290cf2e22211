"""Frozen dataclasses that cross the pipeline's stage boundaries."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class OrgType(str, Enum):  # noqa: UP042 (str mixin keeps json.dumps and == 'label' working)
    HIERARCHICAL = "hierarchical"
    FAMILY_CLAN = "family_clan"
    BROKERAGE_NETWORK = "brokerage_network"


LABELS: tuple[str, ...] = tuple(t.value for t in OrgType)


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class SourceMap:
    """Where the characters of the normalised text stand in the text as given.

    Normalising (``orgstruct.text.normalize``) only drops characters (a soft hyphen, the "\\r" of
    "\\r\\n", a hyphen and newline joining a word broken at a line end, a space of a run, a page's
    running header and number), turns white space into a space or a newline, composes accents
    (NFC) and writes ligatures out ("ﬁ" as "fi": both letters stand on the ligature). So, step
    by step, a position ``p`` of a step's output stands at ``p + shift`` in its input, the shift
    growing where characters were dropped: from position ``points[k]`` on, the shift is
    ``shifts[k]``. ``before`` is the map of the step before (None for the first)."""

    points: tuple[int, ...]
    shifts: tuple[int, ...]
    before: SourceMap | None = None

    def source(self, pos: int) -> int:
        """The input offset of normalised offset ``pos``."""
        k = bisect_right(self.points, pos) - 1
        out = pos + (self.shifts[k] if k >= 0 else 0)
        return self.before.source(out) if self.before is not None else out

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The input span of normalised span [start, end): from its first character's place to
        just after its last character's, so dropped characters around it are not taken in."""
        if end <= start:
            at = self.source(start)
            return at, at
        return self.source(start), self.source(end - 1) + 1


@dataclass(frozen=True)
class Document:
    text: str  # normalised: every offset of an extraction indexes this text
    sentences: tuple[Sentence, ...]
    lang: str
    # where the normalised text stands in the text as given (None when it was not built)
    source: SourceMap | None = field(default=None, compare=False, repr=False)

    def input_span(self, start: int | None, end: int | None) -> tuple[int | None, int | None]:
        """Offsets of normalised span [start, end) in the text as given (the same when
        normalising changed nothing before it)."""
        if start is None or end is None or self.source is None:
            return start, end
        return self.source.span(start, end)

    def input_fields(self, start: int | None, end: int | None) -> dict[str, int | None]:
        """``input_start`` / ``input_end`` of normalised span [start, end), as output fields."""
        a, b = self.input_span(start, end)
        return {"input_start": a, "input_end": b}


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str
    sentence: int


@dataclass(frozen=True)
class Group:
    id: str
    name: str
    aliases: tuple[str, ...]
    mentions: tuple[Span, ...]

    @property
    def sentence_ids(self) -> tuple[int, ...]:
        return tuple(sorted({m.sentence for m in self.mentions}))


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    aliases: tuple[str, ...]
    nationality: str | None
    role: str | None
    mentions: tuple[Span, ...]


@dataclass(frozen=True)
class Relation:
    type: str
    head: str  # entity id (group or person)
    tail: str | None
    kind: str | None
    sentence: int
    start: int
    end: int
    evidence: str
    confidence: float


@dataclass(frozen=True)
class Operation:
    group: str  # group id
    operation: str
    sentence: int
    start: int
    end: int
    evidence: str
    confidence: float = 1.0  # the learned scorer's probability; 1.0 when the rules decided


@dataclass(frozen=True)
class Extraction:
    document: Document
    groups: tuple[Group, ...]
    persons: tuple[Person, ...]
    relations: tuple[Relation, ...]
    operations: tuple[Operation, ...]

    def entity_name(self, entity_id: str | None) -> str | None:
        for ent in (*self.groups, *self.persons):
            if ent.id == entity_id:
                return ent.name
        return None

    def group_by_name(self, name: str) -> Group | None:
        wanted = name.casefold().strip()
        for g in self.groups:
            if wanted in {s.casefold() for s in (g.name, *g.aliases)}:
                return g
        return None

    def to_dict(self) -> dict[str, Any]:
        name = self.entity_name
        at = self.document.input_fields
        return {
            "lang": self.document.lang,
            "groups": [
                {"id": g.id, "name": g.name, "aliases": list(g.aliases), "mentions": len(g.mentions)}
                for g in self.groups
            ],
            "persons": [
                {"id": p.id, "name": p.name, "aliases": list(p.aliases), "nationality": p.nationality, "role": p.role}
                for p in self.persons
            ],
            "relations": [
                {
                    "type": r.type,
                    "head": name(r.head),
                    "tail": name(r.tail),
                    "kind": r.kind,
                    "evidence": r.evidence,
                    "start": r.start,
                    "end": r.end,
                    **at(r.start, r.end),
                    "confidence": round(r.confidence, 3),
                }
                for r in self.relations
            ],
            "operations": [
                {
                    "group": name(o.group),
                    "operation": o.operation,
                    "evidence": o.evidence,
                    "start": o.start,
                    "end": o.end,
                    **at(o.start, o.end),
                    "confidence": round(o.confidence, 3),
                }
                for o in self.operations
            ],
        }


@dataclass(frozen=True)
class Evidence:
    """A sentence, relation or feature that moved the prediction, with the class it supports."""

    kind: str  # "sentence" | "relation" | "feature"
    text: str
    supports: str
    weight: float
    start: int | None = None  # offsets into the normalised text (``Document.text``)
    end: int | None = None
    input_start: int | None = None  # the same span's offsets into the text as given
    input_end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "text": self.text,
            "supports": self.supports,
            "weight": round(self.weight, 4),
            "start": self.start,
            "end": self.end,
            "input_start": self.input_start,
            "input_end": self.input_end,
        }


@dataclass(frozen=True)
class Prediction:
    group: str
    aliases: tuple[str, ...]
    label: str
    probabilities: dict[str, float]
    evidence: tuple[Evidence, ...]
    features: dict[str, float] = field(default_factory=dict)
    model_version: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "group": self.group,
            "aliases": list(self.aliases),
            "label": self.label,
            "probabilities": {k: round(v, 4) for k, v in self.probabilities.items()},
            "evidence": [e.to_dict() for e in self.evidence],
            "features": {k: round(float(v), 4) for k, v in self.features.items()},
            "model_version": self.model_version,
        }
