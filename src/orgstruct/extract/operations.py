"""Links of the trafficking chain a group covers, from cue words near its mentions.

Every cue word of the operations lexicon is a *hit*; the hit knows which groups its
sentence names, which of them the sentence's grammar points at (the closest group
before the cue in English, the first group in Spanish, the agent of "killed by X"),
and, when the sentence names none, which group the last sentence that names groups named
first (mostly its subject). Two ways turn hits into (group, operation) pairs:

* the rules (``rule_operations``): each hit goes to one group by the order above;
* the learned scorer (``OperationScorer``, ``model/operations_scorer.json``): every
  (group, operation) with a hit in the text is described by how its hits sit
  relative to the group (in its sentences, after them, in sentences about other
  groups, in general statements), the group's weight in the text and what the rules
  said, and a logistic model trained on data/gold_train (never the evaluation gold)
  decides. It is stored as plain JSON and scored without scikit-learn; without the
  file, extraction falls back to the rules.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from orgstruct.corpus import OPERATIONS
from orgstruct.extract.groups import ANAPHORIC_SUBJECT, outer_mentions
from orgstruct.extract.typer import linear_probability
from orgstruct.resources import load_lexicon, resource_path
from orgstruct.schema import Document, Group, Operation, Sentence, Span

SCORER_FILE = "operations_scorer.json"
_PARTICIPLE = re.compile(r"(?:ed|ad[oa]s?|id[oa]s?|shot)$", re.IGNORECASE)
_AGENT = re.compile(r"\s+(?:\w+\s+){0,3}?(?:by|por)\s+(?:the\s+|los\s+|las\s+|la\s+|el\s+)?", re.IGNORECASE)
_PASSIVE_BEFORE = re.compile(
    r"\b(?:was|were|been|being|is|are|fue|fueron|sido|era|eran|murió|murieron|died|resultó|resultaron|quedó)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
_GENERIC = re.compile(
    r"\b(?:usually|often|typically|generally|in general|tend to|may be|can be|such groups|"
    r"suelen|suele|generalmente|por lo general|normalmente|a menudo|puede ser)\b",
    re.IGNORECASE,
)
# a cue word with an inflection the cue patterns allow that makes another word: "calle" + "d"
# is "called" (38 false distribution hits on data/gold_train), "war" + "n" is "warn"
_FALSE_FORMS = {"called", "warn"}
# "move" of a person or a group, not of goods: "moved to the United States", "moved into drug
# trafficking", "moved up to the post of president", "se movía entre los clanes"
_MOVE = re.compile(r"^(?:move|moved|moving|movía|movían)$", re.IGNORECASE)
_MOVE_AFTER = re.compile(r"\s+(?:to|into|up|on|onto|away|back|abroad|in|out|between|among|entre|en)\b", re.IGNORECASE)
_REFLEXIVE_BEFORE = re.compile(r"\bse\s+$", re.IGNORECASE)
# a sale or a share-out of something that is no drug: "vendía sus servicios", "selling protection",
# "se repartían el poder", "repartía el negocio con grupos más pequeños"
_SELL_OR_SHARE = re.compile(
    r"^(?:sold|sells|selling|vende|venden|vender|vendía|vendían|repartía|repartían)$", re.IGNORECASE
)
_NOT_GOODS_AFTER = re.compile(
    r"\s+(?:(?:its|their|his|her|su|sus|el|la|los|las)\s+)?(?:own\s+|propios?\s+)?"
    r"(?:services?|servicios?|protection|protección|influence|influencia|infraestructura|infrastructure|negocio|poder|"
    r"control|papeles|territorio|territory|favou?rs|favores|información|information)\b",
    re.IGNORECASE,
)
# a negation shortly before a cue, in the same clause: "does not grow coca or run street sales"
_NEGATED = re.compile(
    r"(?:\b(?:not|never|no longer|neither|nor|no|nunca|jamás|tampoco|ni|without|sin(?!\s+embargo))|n['’]t)\b[^,;:.()]*$",
    re.IGNORECASE,
)
# a fight between groups is violence of every group its sentence names, not only of the nearest:
# "la guerra entre los Alameddine y los Hamze", "Calor Calor mantiene una disputa sangrienta con Bagdad"
_SHARED_VIOLENCE = re.compile(
    r"^(?:wars?|fought|gunfights?|shootouts?|guerras?|disputa sangrienta|a tiros|enfrentamientos?|tiroteos?|balaceras?)$",
    re.IGNORECASE,
)
# the state as the actor of a violence cue: "when marines killed Tony Tormenta", "la policía mató a
# dos de los atacantes", "una operación en Pampas mató a Alipio": no act of a group
_STATE_AGENT = re.compile(
    r"\b(?:police|policemen|officers|marines|soldiers|troops|army|military|security forces|agents|authorities|sniper|"
    r"policía|policías|policiales|militares|soldados|marinos|infantes de marina|agentes|autoridades|operación|operativo|"
    r"fuerzas de seguridad)\b[^,;:.()]*$",
    re.IGNORECASE,
)
# loads robbed from others ("asaltar los cargamentos que otros traficantes", "el robo de cargamentos
# ajenos", "asaltando camiones de carga"): theft, no transport of the group's own
_THEFT_BEFORE = re.compile(
    r"\b(?:asalt\w*|rob(?:o|aba|aban|ó|aron|ar|ando)|tumbes?|steal\w*|stole|stolen|theft|hijack\w*|robb\w*)\b"
    r"(?:\s+(?:de|of|the|los|las|el|la|a|an|sus|their|its|\w+))?\s+$",
    re.IGNORECASE,
)
STATE_WINDOW = 40  # characters before a violence cue in which a state actor takes it
NEGATION_WINDOW = 30  # characters before a cue in which a negation cancels it
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


# what may stand between two coordinated group names ("A y B", "A, B", "ni A ni B", "A together with B")
_COORD_GAP = re.compile(
    r"\s*(?:,\s*|\s(?:and|y|e|ni|as well as|together with|junto con)\s+)(?:(?:the|los|las|la|el)\s+)?$", re.IGNORECASE
)


def _coordinated_groups(spans: list[tuple[int, int, str]], gid: str, text: str) -> list[str]:
    """The groups coordinated with ``gid`` in one noun phrase: "Los Cantero y los Funes",
    "ni los Cantero ni los Funes", "the Alameddines and the Hamzys"."""
    idx = [i for i, sp in enumerate(spans) if sp[2] == gid]
    if not idx:
        return []
    out: list[str] = []
    i = idx[0]
    while i > 0 and _COORD_GAP.fullmatch(text, spans[i - 1][1], spans[i][0]):
        i -= 1
        out.append(spans[i][2])
    i = idx[0]
    while i + 1 < len(spans) and _COORD_GAP.fullmatch(text, spans[i][1], spans[i + 1][0]):
        i += 1
        out.append(spans[i][2])
    return [g for g in dict.fromkeys(out) if g != gid]


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


@dataclass(frozen=True)
class Hit:
    """One cue word of one operation in one sentence, and the groups around it."""

    op: str
    sentence: int
    here: tuple[str, ...]  # groups named in the sentence (mention order, with proxies)
    nearest: str | None  # the group the sentence's grammar points at
    victim: bool  # "X was killed": violence suffered, not done
    generic: bool  # a general statement naming no group ("such groups usually...")
    last: tuple[int, str] | None  # (sentences back, group) when the sentence names no group
    cue: str = ""  # the cue word as written, lower case
    # one of the hits a cue gives to several groups (a fight between the groups of its sentence,
    # groups coordinated in one noun phrase): a group named only once still takes it
    shared: bool = False


def _no_operation_stated(doc: Document, sent: Sentence, op: str, m: re.Match) -> bool:
    """The cue word ``m`` of ``op`` states no operation of a group here: another word or sense,
    a denial, the state's violence, a heading, a name."""
    text, start, end = doc.text, m.start(), m.end()
    word, cue = m.group(0), m.group(0).lower()
    reflexive = _REFLEXIVE_BEFORE.search(text, max(0, start - 4), start) is not None
    if cue in _FALSE_FORMS:
        return True
    if _MOVE.match(word) and (_MOVE_AFTER.match(text, end) or reflexive):
        return True  # "moved to the United States", "se movía entre": no goods moved
    if _SELL_OR_SHARE.match(word) and (_NOT_GOODS_AFTER.match(text, end) or cue.startswith("repart") and reflexive):
        return True  # "vendía sus servicios", "se repartían el poder": no drug sold
    if op == "transport" and _THEFT_BEFORE.search(text, max(sent.start, start - 30), start):
        return True  # "el robo de cargamentos ajenos": theft of others' loads
    if _NEGATED.search(text, max(sent.start, start - NEGATION_WINDOW), start):
        return True  # "no cultiva coca": an operation the text denies
    if op == "violence" and _STATE_AGENT.search(text, max(sent.start, start - STATE_WINDOW), start):
        return True  # "marines killed X": violence by the state
    if len(word) > 3 and word.isupper():
        return True  # a word of a capitalised dateline or heading: "PUERTO PRÍNCIPE.—"
    inside = start > sent.start and text[start - 2 : start].strip(' "“«(')
    return word[0].isupper() and bool(inside)  # a capitalised cue inside a sentence is a name ("Calle Serna")


def find_hits(doc: Document, groups: tuple[Group, ...], proxies: tuple[tuple[Span, str], ...] = ()) -> list[Hit]:
    by_sentence: dict[int, list[tuple[int, int, str]]] = {}
    for gid, mentions in outer_mentions(groups).items():
        for m in mentions:
            by_sentence.setdefault(m.sentence, []).append((m.start, m.end, gid))
    for m, gid in proxies:
        by_sentence.setdefault(m.sentence, []).append((m.start, m.end, gid))
    for spans in by_sentence.values():
        spans.sort()
    hits: list[Hit] = []
    last_group: tuple[int, str] | None = None
    for sent in doc.sentences:
        spans = by_sentence.get(sent.index, [])
        # a sentence whose subject refers back to a group ("It moved cocaine ... for the Sinaloa
        # Cartel", "They worked as hitmen for the Guadalajara cartel"): its cues are that group's
        antecedent = None
        if (
            spans
            and last_group
            and ANAPHORIC_SUBJECT.match(sent.text)
            and sent.index - last_group[0] <= SALIENCE_WINDOW
        ):
            antecedent = last_group[1]
        if spans:
            # the group a later sentence naming none is about: the first this sentence names, mostly its
            # subject ("Los Choneros, allied with the Sinaloa Cartel, moved ... Police arrested his
            # brother ... on suspicion of laundering"); measured on data/gold_train against the last named
            last_group = (sent.index, spans[0][2])
        here = tuple(dict.fromkeys(g for _, _, g in spans))
        generic = not spans and bool(_GENERIC.search(sent.text))
        last = (sent.index - last_group[0], last_group[1]) if last_group and not spans else None
        for op, regex in _cue_patterns().items():
            for m in regex.finditer(doc.text, sent.start, sent.end):
                if _no_operation_stated(doc, sent, op, m):
                    continue
                nearest = antecedent if antecedent is not None else _nearest_group(spans, m.start(), doc.lang)
                victim = False
                if op == "violence" and _PARTICIPLE.search(m.group(0)):
                    agent = _AGENT.match(doc.text, m.end(), sent.end)
                    by = [g for s, e, g in spans if agent and s == agent.end()]
                    if by:
                        nearest = by[0]  # "killed by Los Zetas"
                    elif _PASSIVE_BEFORE.search(doc.text, max(sent.start, m.start() - 25), m.start()):
                        victim = True  # "X was killed": the victim's side, not an act of the group
                hit = Hit(op, sent.index, here, nearest, victim, generic, last, m.group(0).lower())
                if op == "violence" and len(here) > 1 and _SHARED_VIOLENCE.match(hit.cue):
                    shared = list(here)  # a fight: every group the sentence names
                else:
                    hits.append(hit)  # and the groups coordinated with its group ("A y B controlan ...")
                    shared = _coordinated_groups(spans, nearest, doc.text) if nearest is not None and not victim else []
                hits.extend(replace(hit, nearest=gid, shared=True) for gid in shared)
    return hits


def _operation(doc: Document, gid: str, op: str, sentence: int, confidence: float = 1.0) -> Operation:
    s = doc.sentences[sentence]
    return Operation(gid, op, s.index, s.start, s.end, s.text, confidence)


def rule_operations(doc: Document, groups: tuple[Group, ...], hits: list[Hit]) -> dict[tuple[str, str], int]:
    """(group id, operation) -> sentence of the first hit the rules give the group."""
    counts = {g.id: len(g.mentions) for g in groups}
    major = set(sorted(counts, key=lambda gid: -counts[gid])[:MAJOR_GROUPS])
    found: dict[tuple[str, str], int] = {}
    for h in hits:
        if h.generic or h.victim:
            continue  # a general statement about the trade; violence suffered
        gid = h.nearest
        if gid is None and h.last and h.last[0] <= SALIENCE_WINDOW:
            gid = h.last[1]
            if gid not in major:
                continue  # a sentence naming no group is about one of the text's main groups
        if gid is None or (gid, h.op) in found:
            continue
        if gid not in major and counts[gid] < 2 and not h.shared:
            continue  # a group named once, in passing: its sentence rarely says what it does
        found[(gid, h.op)] = h.sentence
    return found


def _count_features(name: str, n: int) -> dict[str, float]:
    return {name: math.log1p(n), f"{name}>0": 1.0} if n else {}


def candidate_features(
    doc: Document, groups: tuple[Group, ...], hits: list[Hit]
) -> dict[tuple[str, str], tuple[dict[str, float], int]]:
    """(group id, operation) -> (features, evidence sentence) for every group and every
    operation with a hit in the text."""
    rules = rule_operations(doc, groups, hits)
    outer = outer_mentions(groups)  # a group named only inside another's name is not named on its own
    counts = {g.id: len(outer[g.id]) for g in groups}
    total = sum(counts.values()) or 1
    rank_of = {gid: i for i, gid in enumerate(sorted(counts, key=lambda gid: -counts[gid]))}
    first_sentence = {g.id: min((m.sentence for m in g.mentions), default=0) for g in groups}
    earliest = min(first_sentence.values(), default=0)
    out: dict[tuple[str, str], tuple[dict[str, float], int]] = {}
    hits_by_op: dict[str, list[Hit]] = {}
    for h in hits:
        hits_by_op.setdefault(h.op, []).append(h)
    n_groups = len(groups)
    for g in groups:
        gid = g.id
        if not counts[gid]:
            continue  # named only inside another group's name ("las AUC" in "Bloque Centauros de las AUC")
        rank = rank_of[gid]
        gf = {
            "bias": 1.0,
            f"rank={min(rank, 2)}": 1.0,
            "share": counts[gid] / total,
            "mentions": math.log1p(counts[gid]),
            "single_mention": float(counts[gid] == 1),
            f"groups={min(n_groups, 4)}": 1.0,
            "first_named": float(first_sentence[gid] == earliest),
            f"lang={doc.lang}": 1.0,
        }
        for op, op_hits in hits_by_op.items():
            kinds = {k: 0 for k in ("nearest", "here", "only", "after1", "after2", "after_far", "other", "none")}
            victim = generic = 0
            cues: set[str] = set()  # the cue words of the hits that speak of this group
            evidence: list[tuple[int, int]] = []  # (priority, sentence)
            for h in op_hits:
                if h.generic:
                    generic += 1
                    continue
                if h.here:
                    if gid not in h.here and h.nearest != gid:
                        kinds["other"] += 1
                        continue
                    if h.victim:
                        victim += 1
                        continue
                    if h.here == (gid,):
                        kinds["only"] += 1
                    kind = "nearest" if h.nearest == gid else "here"
                    evidence.append((0 if kind == "nearest" else 1, h.sentence))
                elif h.last is None:
                    kind = "none"
                    evidence.append((4, h.sentence))
                elif h.last[1] != gid:
                    kind = "other"
                else:
                    kind = "after1" if h.last[0] == 1 else "after2" if h.last[0] == 2 else "after_far"
                    if not h.victim:
                        evidence.append((1 + min(h.last[0], 3), h.sentence))
                kinds[kind] += 1
                if kind != "other":
                    cues.add(h.cue)
            f = dict(gf)
            f.update({f"cue={c}": 1.0 for c in cues})  # cues differ in how reliably they mean the operation
            f[f"op={op}"] = 1.0
            f["op_hits"] = math.log1p(len(op_hits))
            f.update(_count_features("victim", victim))
            f.update(_count_features("generic", generic))
            for k, n in kinds.items():
                f.update(_count_features(k, n))
            if kinds["nearest"]:
                f[f"nearest|op={op}"] = 1.0
            if (gid, op) in rules:
                f.update({"rule": 1.0, f"rule|op={op}": 1.0, f"rule|lang={doc.lang}": 1.0})
                sentence = rules[(gid, op)]
            else:
                sentence = min(evidence)[1] if evidence else op_hits[0].sentence
            out[(gid, op)] = (f, sentence)
    return out


@dataclass
class OperationScorer:
    """A linear model over (group, operation) candidates with one decision threshold."""

    weights: dict[str, float]
    intercept: float
    threshold: float
    meta: dict

    @classmethod
    def from_json(cls, path: Path) -> OperationScorer:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return cls(raw["weights"], raw["intercept"], raw["threshold"], raw.get("meta", {}))

    def to_json(self, path: Path) -> None:
        payload = {"meta": self.meta, "threshold": self.threshold, "intercept": self.intercept}
        payload["weights"] = dict(sorted(self.weights.items()))
        path.write_text(json.dumps(payload, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")

    def probability(self, features: dict[str, float]) -> float:
        return linear_probability(self.weights, self.intercept, features)


@lru_cache(maxsize=1)
def default_scorer() -> OperationScorer | None:
    path = resource_path("model", SCORER_FILE)
    return OperationScorer.from_json(path) if path.exists() else None


def extract_operations(
    doc: Document,
    groups: tuple[Group, ...],
    proxies: tuple[tuple[Span, str], ...] = (),
    scorer: OperationScorer | None = None,
) -> tuple[Operation, ...]:
    """Operations per group; ``proxies`` are mentions of persons tied to a group (its leader...).
    With a ``scorer`` the learned model decides, otherwise the rules."""
    hits = find_hits(doc, groups, proxies)
    if scorer is None:
        found = [_operation(doc, gid, op, s) for (gid, op), s in rule_operations(doc, groups, hits).items()]
    else:
        found = []
        for (gid, op), (f, s) in candidate_features(doc, groups, hits).items():
            p = scorer.probability(f)
            if p >= scorer.threshold:
                found.append(_operation(doc, gid, op, s, round(p, 3)))
    return tuple(sorted(found, key=lambda o: (o.start, o.operation)))
