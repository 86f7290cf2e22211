"""Learned relation typing over candidate entity pairs, on top of the trigger rules.

The rules of ``relations.py`` find relations with good precision and poor
recall. This layer looks at every pair of entities mentioned in one sentence
(and at each person against the group the sentence is about, and at each
person alone for ``arrested``), describes the pair by the words between and
around the two mentions, their order and types, and which rules fired on it,
and a linear model trained on annotated documents (data/gold_train, never the
evaluation gold) says which relation types hold.

The model is stored as plain JSON (feature weights per type and a threshold per
type, ``model/relation_typer.json``) and scored here without scikit-learn, so
extraction stays fast and has no pickled objects. Without the file, extraction
falls back to the rules alone.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from orgstruct.corpus import RELATION_TYPES
from orgstruct.extract.lexicon import entity_lexicon, fold, given_names
from orgstruct.extract.relations import Mention, _patterns, keep_strongest, relation_slot, sentence_mentions
from orgstruct.resources import resource_path
from orgstruct.schema import Document, Group, Person, Relation

TYPER_FILE = "relation_typer.json"
PAIR_TYPES = tuple(t for t in RELATION_TYPES if t != "arrested")  # "arrested" has no tail
CANDIDATE_KINDS = ("pair", "adjacent", "salient", "unary", "document", "surname")
DOCUMENT_GROUPS = 2  # document candidates pair each person with the text's most-mentioned groups
# allowed (head type, tail type) per relation type, as in the annotation rules
SIGNATURES = {
    "leads": {("person", "group")},
    "finances": {("person", "group"), ("group", "group")},
    "directs": {("person", "group")},
    "lieutenant_of": {("person", "person")},
    "works_for": {("person", "group"), ("group", "group"), ("person", "person"), ("group", "person")},
    "kin_of": {("person", "person")},
    "allied_with": {("group", "group"), ("person", "person")},
    "brokers_for": {("person", "group"), ("group", "group")},
    "rival_of": {("group", "group"), ("person", "person"), ("person", "group"), ("group", "person")},
    "succeeded": {("person", "person"), ("group", "group"), ("person", "group"), ("group", "person")},
}
_WORD = re.compile(r"[\w'\-]+")
_MAX_BETWEEN = 14


def linear_probability(weights: dict[str, float], intercept: float, features: dict[str, float]) -> float:
    """A logistic model over sparse named features, as the learned extraction parts store it."""
    z = intercept + sum(weights.get(k, 0.0) * v for k, v in features.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass
class Candidate:
    kind: str  # "pair" | "adjacent" | "salient" | "unary"
    head: Mention
    tail: Mention | None
    sentence: int
    features: dict[str, float] = field(default_factory=dict)


def allowed_types(cand: Candidate) -> tuple[str, ...]:
    """The relation types whose (head, tail) entity types fit the candidate."""
    if cand.kind == "unary":
        return ("arrested",)
    sig = (cand.head.etype, cand.tail.etype)
    return tuple(t for t in PAIR_TYPES if sig in SIGNATURES[t])


def _words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def _bucket(n: int, edges: Iterable[int] = (0, 2, 5, 10, 20)) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return "more"


@lru_cache(maxsize=4096)
def _trigger_types(text: str) -> tuple[str, ...]:
    """The relation types whose trigger words occur in a stretch of text (cached for one
    document, cleared by ``candidates``: the stretches around one mention recur in every pair
    it is part of)."""
    pats, _ = _patterns()
    return tuple(dict.fromkeys(p.type for p in pats if p.regex.search(text)))


def _trigger_features(text: str, prefix: str) -> dict[str, float]:
    """Which relation types' trigger words occur in a stretch of text."""
    return {f"{prefix}:{t}": 1.0 for t in _trigger_types(text)}


def _rule_features(rules: dict[tuple, set[str]], head: str, tail: str | None) -> dict[str, float]:
    out = {f"rule:{t}": 1.0 for t in rules.get((head, tail), ())}
    if tail is not None:
        out.update({f"rule_rev:{t}": 1.0 for t in rules.get((tail, head), ())})
    return out


def _pair_features(doc: Document, head: Mention, tail: Mention, between_mentions: int) -> dict[str, float]:
    text = doc.text
    first, second = (head, tail) if head.start < tail.start else (tail, head)
    between = _words(text[first.end : second.start])
    f: dict[str, float] = {
        "bias": 1.0,
        f"sig:{head.etype}>{tail.etype}": 1.0,
        f"order:{'ht' if first is head else 'th'}": 1.0,
        f"dist:{_bucket(len(between))}": 1.0,
        f"nbetween:{min(between_mentions, 3)}": 1.0,
    }
    if len(between) <= _MAX_BETWEEN:
        for w in between:
            f[f"b:{w}"] = 1.0
        for a, b in zip(between, between[1:], strict=False):
            f[f"b2:{a}_{b}"] = 1.0
        if not between:
            f["b:<adjacent>"] = 1.0
    else:
        for w in between[:4]:
            f[f"bl:{w}"] = 1.0
        for w in between[-4:]:
            f[f"br:{w}"] = 1.0
    for w in _words(text[max(0, first.start - 40) : first.start])[-3:]:
        f[f"l:{w}"] = 1.0
    for w in _words(text[second.end : second.end + 40])[:3]:
        f[f"r:{w}"] = 1.0
    for w in _words(text[max(0, head.start - 25) : head.start])[-2:]:
        f[f"hp:{w}"] = 1.0
    for w in _words(text[max(0, tail.start - 25) : tail.start])[-2:]:
        f[f"tp:{w}"] = 1.0
    f.update(_trigger_features(text[first.end : second.start], "trig"))
    f.update(_trigger_features(text[max(0, first.start - 50) : first.start], "trig_l"))
    f.update(_trigger_features(text[second.end : second.end + 50], "trig_r"))
    kin = entity_lexicon().kinship
    kinds = {kin[w] for w in between if w in kin}
    for k in kinds:
        f[f"kin:{k}"] = 1.0
    return f


def _context_features(doc: Document, m: Mention, prefix: str, width: int = 6) -> dict[str, float]:
    f = {f"{prefix}l:{w}": 1.0 for w in _words(doc.text[max(0, m.start - 60) : m.start])[-width:]}
    f.update({f"{prefix}r:{w}": 1.0 for w in _words(doc.text[m.end : m.end + 60])[:width]})
    return f


def _sentences_together(by_sentence: dict[int, list[Mention]]) -> dict[frozenset, int]:
    """For each unordered pair of entities, how many sentences name both."""
    together: dict[frozenset, int] = {}
    for mentions in by_sentence.values():
        ents = sorted({m.entity for m in mentions})
        for i, a in enumerate(ents):
            for b in ents[i + 1 :]:
                key = frozenset((a, b))
                together[key] = together.get(key, 0) + 1
    return together


def _entity_features(groups: tuple[Group, ...], persons: tuple[Person, ...], by_sentence: dict[int, list[Mention]]):
    """Features of the two entities over the whole text: a person's role word, a group's rank
    by mentions, how many sentences name both, a person's surname inside the group's name."""
    roles = {p.id: p.role for p in persons}
    surnames = {p.id: {fold(w) for w in p.name.split()[1:] if len(w) > 3} for p in persons}
    names = {g.id: {fold(w) for w in g.name.split()} for g in groups}
    ranked = sorted(groups, key=lambda g: -len(g.mentions))
    rank = {g.id: i for i, g in enumerate(ranked)}
    together = _sentences_together(by_sentence)

    def features(head: str, tail: str | None) -> dict[str, float]:
        f: dict[str, float] = {}
        for side, e in (("h", head), ("t", tail)):
            if e in roles:
                f[f"{side}role:{roles[e] or 'none'}"] = 1.0
            elif e in rank:
                f[f"{side}rank:{min(rank[e], 2)}"] = 1.0
        if tail is not None:
            f[f"together:{_bucket(together.get(frozenset((head, tail)), 0), (0, 1, 2, 4))}"] = 1.0
            person, group = (head, tail) if tail in names else (tail, head)
            if surnames.get(person, set()) & names.get(group, set()):
                f["surname_in_group"] = 1.0
        return f

    return features


def candidates(
    doc: Document,
    groups: tuple[Group, ...],
    persons: tuple[Person, ...],
    rule_relations: tuple[Relation, ...],
    salient: dict[int, Mention],
    kinds: Iterable[str] = CANDIDATE_KINDS,
) -> list[Candidate]:
    """Every pair of distinct entities in a sentence (both orders), each person here against
    each entity named only in the previous sentence, each person against the sentence's
    salient group when no group is named in it, and each person alone; only ``kinds``."""
    kinds = set(kinds)
    _trigger_types.cache_clear()  # the cache serves one document: a text read twice pays twice
    by_sentence = sentence_mentions(groups, persons)
    rules: dict[tuple, set[str]] = {}
    for r in rule_relations:
        rules.setdefault((r.head, r.tail), set()).add(r.type)
    entity = _entity_features(groups, persons, by_sentence)
    out: list[Candidate] = []
    for sent in doc.sentences:
        mentions = by_sentence.get(sent.index, [])
        first: dict[str, Mention] = {}
        for m in mentions:
            first.setdefault(m.entity, m)
        ents = list(first.values())
        persons_here = [m for m in ents if m.etype == "person"]
        sentence_triggers = _trigger_features(sent.text, "usent") if "unary" in kinds else {}
        for a in ents if "pair" in kinds else ():
            for b in ents:
                if a.entity == b.entity:
                    continue
                # the closest pair of mentions of the two entities in this sentence
                ma, mb = min(
                    ((x, y) for x in mentions if x.entity == a.entity for y in mentions if y.entity == b.entity),
                    key=lambda xy: abs(xy[0].start - xy[1].start),
                )
                lo, hi = sorted((ma.start, mb.start))
                n_between = len({m.entity for m in mentions if lo < m.start < hi} - {a.entity, b.entity})
                f = _pair_features(doc, ma, mb, n_between)
                f.update(_rule_features(rules, a.entity, b.entity))
                f.update(entity(a.entity, b.entity))
                out.append(Candidate("pair", ma, mb, sent.index, f))
        if "adjacent" in kinds and persons_here:
            here = {m.entity for m in ents}
            prev_first: dict[str, Mention] = {}
            for m in by_sentence.get(sent.index - 1, []):
                if m.entity not in here:
                    prev_first.setdefault(m.entity, m)
            opening = {f"open:{w}": 1.0 for w in _words(doc.text[sent.start : sent.start + 30])[:2]}
            triggers = _trigger_features(sent.text, "atrig")
            for p in persons_here:
                for q in prev_first.values():
                    # a person here and an entity named only in the previous sentence ("He was his deputy")
                    f = {"bias": 1.0, "adjacent": 1.0, f"sig:{p.etype}>{q.etype}": 1.0, **opening}
                    f.update(_context_features(doc, p, "a", 4))
                    f.update(triggers)
                    f.update(_rule_features(rules, p.entity, q.entity))
                    f.update(entity(p.entity, q.entity))
                    out.append(Candidate("adjacent", p, q, sent.index, f))
        group_here = any(m.etype == "group" for m in ents)
        sal = salient.get(sent.index)
        for p in persons_here:
            if "salient" in kinds and sal is not None and not group_here:
                f = {"bias": 1.0, "salient": 1.0, f"sig:person>{sal.etype}": 1.0}
                f.update(_context_features(doc, p, "s"))
                f.update(
                    _trigger_features(doc.text[max(sent.start, p.start - 80) : min(sent.end, p.end + 80)], "strig")
                )
                f.update(_rule_features(rules, p.entity, sal.entity))
                f.update(entity(p.entity, sal.entity))
                out.append(Candidate("salient", p, sal, sent.index, f))
            if "unary" in kinds:
                f = {"bias": 1.0}
                f.update(_context_features(doc, p, "u"))
                f.update(
                    _trigger_features(doc.text[max(sent.start, p.start - 60) : min(sent.end, p.end + 60)], "utrig")
                )
                f.update(_rule_features(rules, p.entity, None))
                f.update(entity(p.entity, None))
                f.update(sentence_triggers)  # an arrest may be told far from the name in its sentence
                out.append(Candidate("unary", p, None, sent.index, f))
    if "document" in kinds:
        out += _document_candidates(doc, groups, persons, rules, rule_relations, by_sentence, salient, entity)
    if "surname" in kinds:
        out += _surname_candidates(doc, groups, persons, rule_relations, by_sentence)
    return out


def _surnames_of(person: Person) -> list[str]:
    """The capitalised words after the first that are not given names: "Guzmán", "Salazar"."""
    words = [w.strip(",.\"'“”") for w in person.name.split()[1:]]
    return [fold(w) for w in words if len(w) > 2 and w[:1].isupper() and fold(w) not in given_names()]


def _surname_candidates(doc, groups, persons, rule_relations, by_sentence) -> list[Candidate]:
    """Each pair of persons sharing a surname, anywhere in the text: families are written up
    one member at a time, and the annotation ties the relatives named apart ("Ovidio Guzmán
    López" and "Iván Archivaldo Guzmán Salazar")."""
    kin_lex = entity_lexicon().kinship
    kin_words = sum(1 for w in _words(doc.text) if w in kin_lex)
    group_words = {fold(w) for g in groups for w in g.name.split()}
    has_kin = {e for r in rule_relations if r.type == "kin_of" for e in (r.head, r.tail)}
    rule_kin = {frozenset((r.head, r.tail)) for r in rule_relations if r.type == "kin_of"}
    together = _sentences_together(by_sentence)
    sur = {p.id: _surnames_of(p) for p in persons}
    out: list[Candidate] = []
    for i, a in enumerate(persons):
        for b in persons[i + 1 :]:
            shared = set(sur[a.id]) & set(sur[b.id])
            if not shared or not a.mentions or not b.mentions:
                continue
            f = {"bias": 1.0, "surname": 1.0, f"shared:{min(len(shared), 2)}": 1.0}
            f[f"kinwords:{_bucket(kin_words, (0, 2, 5, 10))}"] = 1.0
            f[f"together:{_bucket(together.get(frozenset((a.id, b.id)), 0), (0, 1, 3))}"] = 1.0
            if sur[a.id][:1] == sur[b.id][:1]:
                f["same_first_surname"] = 1.0
            if sur[a.id] == sur[b.id]:
                f["same_surnames"] = 1.0
            if shared & group_words:
                f["surname_in_group"] = 1.0
            f[f"with_kin:{int(a.id in has_kin) + int(b.id in has_kin)}"] = 1.0
            if frozenset((a.id, b.id)) in rule_kin:
                f["rule:kin_of"] = 1.0
            if a.name.split()[0] == b.name.split()[0]:
                f["same_given"] = 1.0  # father and son of one name
            for role in {a.role, b.role} - {None}:
                f[f"role:{role}"] = 1.0
            ma, mb = a.mentions[0], b.mentions[0]
            first, second = (ma, mb) if ma.start <= mb.start else (mb, ma)
            head = Mention(first.start, first.end, a.id if first is ma else b.id, "person")
            tail = Mention(second.start, second.end, b.id if first is ma else a.id, "person")
            out.append(Candidate("surname", head, tail, second.sentence, f))
    return out


_MEMBERSHIP_TYPES = {"leads", "directs", "finances", "works_for", "lieutenant_of", "brokers_for"}


def _document_candidates(doc, groups, persons, rules, rule_relations, by_sentence, salient, entity) -> list[Candidate]:
    """Each person against each of the text's main groups, described over the whole text: a
    report about one group names its members and leaders in sentences that never name the
    group ("Its founder...", "He ran the routes..."). The evidence is the person's first
    sentence with the group, else the person's first sentence."""
    if not groups or not persons:
        return []
    ranked = sorted(groups, key=lambda g: (-len(g.mentions), min((m.start for m in g.mentions), default=0)))
    main = ranked[:DOCUMENT_GROUPS]
    kin: dict[str, set[str]] = {}
    for r in rule_relations:
        if r.type == "kin_of" and r.tail:
            kin.setdefault(r.head, set()).add(r.tail)
            kin.setdefault(r.tail, set()).add(r.head)
    n_sent = max(1, len(doc.sentences))
    out: list[Candidate] = []
    for p in persons:
        mentions = [Mention(m.start, m.end, p.id, "person") for m in p.mentions]
        if not mentions:
            continue
        sents = sorted({m.sentence for m in p.mentions})
        ctx: dict[str, float] = {}
        trig: dict[str, float] = {}
        for m in mentions[:6]:
            ctx.update(_context_features(doc, m, "d", 4))
        for i in sents[:6]:
            trig.update(_trigger_features(doc.sentences[i].text, "dtrig"))
        other_groups = {tl for (h, tl), types in rules.items() if h == p.id and tl and types & _MEMBERSHIP_TYPES}
        for rank, g in enumerate(main):
            with_g = [i for i in sents if any(m.entity == g.id for m in by_sentence.get(i, []))]
            about_g = [i for i in sents if (sal := salient.get(i)) is not None and sal.entity == g.id]
            f = {"bias": 1.0, "document": 1.0, f"grank:{rank}": 1.0, **ctx, **trig}
            f[f"pmentions:{_bucket(len(mentions), (1, 2, 4))}"] = 1.0
            f[f"pfirst:{_bucket(int(10 * sents[0] / n_sent), (0, 2, 5))}"] = 1.0
            f[f"with_g:{_bucket(len(with_g), (0, 1, 3))}"] = 1.0
            f[f"about_g:{_bucket(len(about_g), (0, 1, 3))}"] = 1.0
            f.update(_rule_features(rules, p.id, g.id))
            f.update(entity(p.id, g.id))
            if other_groups - {g.id}:
                f["member_elsewhere"] = 1.0
            if any(rules.get((k, g.id), set()) & _MEMBERSHIP_TYPES for k in kin.get(p.id, ())):
                f["kin_of_member"] = 1.0
            if "arrested" in rules.get((p.id, None), set()):
                f["arrested"] = 1.0
            sent = (with_g or sents)[0]
            head = next(m for m in mentions if doc.sentences[sent].start <= m.start < doc.sentences[sent].end)
            tail_m = next((m for m in g.mentions if m.sentence == sent), g.mentions[0])
            out.append(Candidate("document", head, Mention(tail_m.start, tail_m.end, g.id, "group"), sent, f))
    return out


@dataclass(frozen=True)
class RelationTyper:
    """A linear model per relation type (sparse weights) with a decision threshold each."""

    weights: dict[str, dict[str, float]]
    intercepts: dict[str, float]
    thresholds: dict[str, float]
    meta: dict

    @classmethod
    def from_json(cls, path: Path) -> RelationTyper:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return cls(raw["weights"], raw["intercepts"], raw["thresholds"], raw.get("meta", {}))

    def to_json(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        payload = {"meta": self.meta, "thresholds": self.thresholds, "intercepts": self.intercepts}
        payload["weights"] = {t: dict(sorted(w.items())) for t, w in self.weights.items()}
        path.write_text(json.dumps(payload, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")

    def probability(self, rtype: str, features: dict[str, float]) -> float:
        return linear_probability(self.weights[rtype], self.intercepts[rtype], features)

    def types_for(self, cand: Candidate) -> list[tuple[str, float]]:
        """The types the typer accepts for a candidate, with their probabilities."""
        out = []
        for t in allowed_types(cand):
            key = f"{cand.kind}:{t}"
            if key in self.weights:
                p = self.probability(key, cand.features)
                if p >= self.thresholds[key]:
                    out.append((t, p))
        return out

    def kinds(self) -> set[str]:
        """The candidate kinds this typer has a model for."""
        return {key.split(":")[0] for key in self.weights}


@lru_cache(maxsize=1)
def default_typer() -> RelationTyper | None:
    path = resource_path("model", TYPER_FILE)
    return RelationTyper.from_json(path) if path.exists() else None


_OPPOSITE = {"allied_with": "rival_of", "rival_of": "allied_with"}


def type_relations(
    doc: Document,
    groups: tuple[Group, ...],
    persons: tuple[Person, ...],
    rule_relations: tuple[Relation, ...],
    salient: dict[int, Mention],
    typer: RelationTyper,
) -> tuple[Relation, ...]:
    """The rules' relations plus those the typer accepts among the candidates (the rules'
    hits are features of the typer, so it mostly adds what the rules missed)."""
    cands = candidates(doc, groups, persons, rule_relations, salient, typer.kinds())
    sentences = {s.index: s for s in doc.sentences}
    found: dict[tuple, Relation] = {}
    # the rules' alliances and rivalries, per sentence and unordered pair: the typer may not
    # contradict one ("la guerra entre A y B" is no alliance)
    stated = {(r.type, r.sentence, frozenset((r.head, r.tail))) for r in rule_relations if r.type in _OPPOSITE}
    for r in rule_relations:
        keep_strongest(found, r)
    ruled = set(found)  # a relation the rules found keeps the rules' direction, kind and evidence
    for c in cands:
        sent = sentences[c.sentence]
        for t, p in typer.types_for(c):
            pair = frozenset((c.head.entity, c.tail.entity)) if c.tail else None
            if t in _OPPOSITE and (_OPPOSITE[t], c.sentence, pair) in stated:
                continue
            # a surname pair's kin kind cannot be read from words that may lie sentences apart
            kind = (_kin_kind(doc, c) if c.kind != "surname" else "relative") if t == "kin_of" else None
            tail = c.tail.entity if c.tail else None
            rel = Relation(t, c.head.entity, tail, kind, sent.index, sent.start, sent.end, sent.text, round(p, 3))
            if relation_slot(rel) not in ruled:
                keep_strongest(found, rel)
    return tuple(sorted(found.values(), key=lambda r: (r.start, r.type)))


def _kin_kind(doc: Document, c: Candidate) -> str:
    kin = entity_lexicon().kinship
    lo, hi = sorted((c.head.start, c.tail.start))
    window = _words(doc.text[max(0, lo - 30) : hi + 30])
    kinds = [kin[w] for w in window if w in kin]
    return kinds[0] if kinds else "relative"
