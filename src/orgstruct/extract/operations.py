"""Links of the trafficking chain a group covers, from cue words near its mentions."""

from __future__ import annotations

import re
from functools import lru_cache

from orgstruct.corpus import OPERATIONS
from orgstruct.extract.groups import outer_mentions
from orgstruct.resources import load_lexicon
from orgstruct.schema import Document, Group, Operation, Span

_PARTICIPLE = re.compile(r"(?:ed|ad[oa]s?|id[oa]s?|shot)$", re.IGNORECASE)
_AGENT = re.compile(r"\s+(?:\w+\s+){0,3}?(?:by|por)\s+(?:the\s+|los\s+|las\s+|la\s+|el\s+)?", re.IGNORECASE)
_PASSIVE_BEFORE = re.compile(
    r"\b(?:was|were|been|being|is|are|fue|fueron|sido|era|eran|murió|died|resultó|resultaron|quedó)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
_GENERIC = re.compile(
    r"\b(?:usually|often|typically|generally|in general|tend to|may be|can be|such groups|"
    r"suelen|suele|generalmente|por lo general|normalmente|a menudo|puede ser)\b",
    re.IGNORECASE,
)
SALIENCE_WINDOW = 2  # sentences back to look for the group a mention-less sentence is about
MAJOR_GROUPS = 2  # the most-mentioned groups of a text; the others are mostly named in passing


@lru_cache(maxsize=1)
def _cue_patterns() -> dict[str, re.Pattern[str]]:
    raw = load_lexicon("operations")
    return {
        op: re.compile(
            r"\b(?:"
            + "|".join(re.escape(c) for c in sorted(raw[op], key=len, reverse=True))
            + r")(?:s|es|ed|d|ing|n|on)?\b",
            re.IGNORECASE,
        )
        for op in OPERATIONS
    }


def _nearest_group(spans: list[tuple[int, int, str]], pos: int, lang: str = "en") -> str | None:
    """The group a cue at ``pos`` is about: in English the closest group named before it; in
    Spanish, whose long sentences put the actor first and partners in later clauses, the first
    group named (measured once with a script not in the repository: ops F1 es +0.02 on both
    data/gold and data/gold_train; en -0.03 and +0.01, so English keeps the closest group)."""
    if lang == "es" and spans:
        return spans[0][2]
    left = [g for s, e, g in spans if e <= pos]
    if left:
        return left[-1]
    right = [g for s, e, g in spans if s >= pos]
    return right[0] if right else None


def extract_operations(
    doc: Document, groups: tuple[Group, ...], proxies: tuple[tuple[Span, str], ...] = ()
) -> tuple[Operation, ...]:
    """Operations per group; ``proxies`` are mentions of persons tied to a group (its leader...)."""
    by_sentence: dict[int, list[tuple[int, int, str]]] = {}
    for gid, mentions in outer_mentions(groups).items():  # not the AUC of "Bloque Centauros de las AUC"
        for m in mentions:
            by_sentence.setdefault(m.sentence, []).append((m.start, m.end, gid))
    for m, gid in proxies:
        by_sentence.setdefault(m.sentence, []).append((m.start, m.end, gid))
    for spans in by_sentence.values():
        spans.sort()
    counts = {g.id: len(g.mentions) for g in groups}
    major = set(sorted(counts, key=lambda gid: -counts[gid])[:MAJOR_GROUPS])
    found: dict[tuple[str, str], Operation] = {}
    last_group: tuple[int, str] | None = None
    for sent in doc.sentences:
        spans = by_sentence.get(sent.index, [])
        if spans:
            last_group = (sent.index, spans[-1][2])
        elif _GENERIC.search(sent.text):
            continue  # a general statement about the trade, not about a group
        for op, regex in _cue_patterns().items():
            for m in regex.finditer(doc.text, sent.start, sent.end):
                inside = m.start() > sent.start and doc.text[m.start() - 2 : m.start()].strip(' "“«(')
                if m.group(0)[0].isupper() and inside:
                    continue  # a capitalised cue inside a sentence is a name ("Calle Serna", "Puerto Rico")
                gid = _nearest_group(spans, m.start(), doc.lang)
                if op == "violence" and _PARTICIPLE.search(m.group(0)):
                    agent = _AGENT.match(doc.text, m.end(), sent.end)
                    by = [g for s, e, g in spans if agent and s == agent.end()]
                    if by:
                        gid = by[0]  # "killed by Los Zetas"
                    elif _PASSIVE_BEFORE.search(doc.text, max(sent.start, m.start() - 25), m.start()):
                        continue  # "X was killed": the victim's side, not an act of the group
                if gid is None and last_group and sent.index - last_group[0] <= SALIENCE_WINDOW:
                    gid = last_group[1]
                    if gid not in major:
                        continue  # a sentence naming no group is about one of the text's main groups
                if gid is None or (gid, op) in found:
                    continue
                if gid not in major and counts[gid] < 2:
                    continue  # a group named once, in passing: its sentence rarely says what it does
                found[(gid, op)] = Operation(gid, op, sent.index, sent.start, sent.end, sent.text)
    return tuple(sorted(found.values(), key=lambda o: (o.start, o.operation)))
