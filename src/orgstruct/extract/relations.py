"""Typed relations between mentioned persons and groups, sentence by sentence.

Each trigger pattern of features/lexicons/relations.json names a relation
type, a voice that says where head and tail stand around the trigger, and the
entity types allowed on each side. The nearest fitting mentions fill the
slots; confidence falls with the distance between trigger and arguments.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from orgstruct.extract.groups import ANAPHORIC_SUBJECT, UNIT_NOUNS, UNIT_OF_BEFORE, outer_mentions
from orgstruct.extract.lexicon import entity_lexicon, fold, given_names
from orgstruct.extract.persons import OFFICIAL_TITLES, ORIGIN_FORM
from orgstruct.extract.spans import SpanSet
from orgstruct.resources import load_lexicon
from orgstruct.schema import Document, Group, Person, Relation, Sentence, Span

SYMMETRIC = {"allied_with", "rival_of", "kin_of"}


# Rule relations below these confidences are dropped: on data/gold_train (the development set)
# their precision was about 0.1 (works_for below 0.7: 7 right of 78; the rarer types below 0.3:
# 4 right of 30), under the ~0.19 a relation needs to raise an F1 near 0.38.
MIN_CONFIDENCE = {
    "works_for": 0.7,
    "allied_with": 0.3,
    "rival_of": 0.3,
    "brokers_for": 0.3,
    "directs": 0.3,
    "succeeded": 0.3,
    "finances": 0.3,
    "lieutenant_of": 0.3,
}


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    entity: str
    etype: str  # "person" | "group"


@dataclass(frozen=True)
class _Pattern:
    type: str
    voice: str
    head: tuple[str, ...]
    tail: tuple[str, ...]
    regex: re.Pattern[str]
    kind: str | None = None  # the kin kind of a kin_of pattern ("married" -> spouse)


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[_Pattern, ...], tuple[tuple[str, re.Pattern[str]], ...]]:
    raw = load_lexicon("relations")
    pats = tuple(
        _Pattern(
            p["type"], p["voice"], tuple(p["head"]), tuple(p["tail"]), re.compile(p["re"], re.IGNORECASE), p.get("kind")
        )
        for p in raw["patterns"]
    )
    words = sorted(load_lexicon("entities")["kinship"], key=len, reverse=True)
    alternation = "(?P<kin>" + "|".join(re.escape(w) for w in words) + r")\b"
    kin = tuple(
        (k["voice"], re.compile(re.sub(r"\(\?P<kin>[^)]*\)(?:\\b)?", lambda _: alternation, k["re"]), re.IGNORECASE))
        for k in raw["kin_patterns"]
    )
    return pats, kin


def sentence_mentions(groups: tuple[Group, ...], persons: tuple[Person, ...]) -> dict[int, list[Mention]]:
    """Per sentence, its entity mentions in text order; a group named inside another's name
    ("Bloque Centauros de las AUC") is not a slot of its own."""
    by_sentence: dict[int, list[Mention]] = {}
    outer = outer_mentions(groups)
    for g in groups:
        for m in outer[g.id]:
            by_sentence.setdefault(m.sentence, []).append(Mention(m.start, m.end, g.id, "group"))
    for p in persons:
        for m in p.mentions:
            if any(
                o.start <= m.start and m.end <= o.end for o in by_sentence.get(m.sentence, []) if o.etype == "group"
            ):
                continue  # the owner a group is named after ("la organización de X"): no slot of its own
            by_sentence.setdefault(m.sentence, []).append(Mention(m.start, m.end, p.id, "person"))
    for mentions in by_sentence.values():
        mentions.sort(key=lambda m: m.start)
    return by_sentence


def nested_groups(groups: tuple[Group, ...]) -> list[tuple[Span, str, str]]:
    """(outer mention, outer group id, inner group id) for each group named inside another's name."""
    outer = outer_mentions(groups)
    kept = {g.id: {(o.start, o.end) for o in outer[g.id]} for g in groups}
    inner = [(m, g.id) for g in groups for m in g.mentions if (m.start, m.end) not in kept[g.id]]
    if not inner:
        return []
    # outer mentions in group order, then mention order, as the pairs are listed
    ordered = [(o, g.id) for g in groups for o in outer[g.id]]
    index = SpanSet((o.start, o.end) for o, _ in ordered)
    return [
        (ordered[k][0], ordered[k][1], ig)
        for m, ig in inner
        for k in index.holding_span(m.start, m.end)
        if ordered[k][1] != ig
    ]


def _left(mentions, pos, types, exclude=None):
    cands = [m for m in mentions if m.end <= pos and m.etype in types and m.entity != exclude]
    return cands[-1] if cands else None


def _right(mentions, pos, types, exclude=None):
    cands = [m for m in mentions if m.start >= pos and m.etype in types and m.entity != exclude]
    return cands[0] if cands else None


def _closest(a, b, pos):
    if a is None or b is None:
        return a or b
    return a if abs(pos - a.end) <= abs(b.start - pos) else b


# a common noun as the subject of a passive arrest: "el patriarca fue capturado", "the boss was jailed"
_NOUN_SUBJECT = re.compile(
    r"\b(?i:el|la|los|las|su|sus|este|esta|ese|esa|the|his|her|their|its|this|that)\s+[a-záéíóúñ]+\s+"
    r"(?i:was|were|has been|had been|fue|fueron|había sido|habían sido|ha sido)\s*$"
)
_ALONG_WITH = re.compile(
    r"\b(?:junto (?:a|al|con)|together with|along with)\s+(?:(?:el|la|los|las|the|a|an|su|sus|his|her)\s+)?"
    r"(?:[a-záéíóúñ\-]+\s+){0,2}$"
)

# an arrest noun with a possessive: "his arrest", "su captura", "their 2015 extradition"
_POSSESSIVE_ARREST = re.compile(r"(?i:his|her|their|su|sus)\s")


def _common_noun_subject(m: re.Match) -> bool:
    """An arrest trigger whose subject is a common noun right before its auxiliary."""
    head = re.match(r"(?i:was|were|fue|fueron)\s", m.group(0))
    end = m.start() + (head.end() if head else 0)
    return bool(_NOUN_SUBJECT.search(m.string, max(0, end - 60), end))


# words that may stand between a role noun and its object ("leader of the gang")
_DETERMINERS = set(
    "the a an its his her their this that these those one el la los las lo un una unos unas uno su sus "
    "este esta estos estas ese esa esos esas aquel aquella dicho dicha".split()
)
# right after a trigger: an unnamed unit is its object ("led a breakaway chapter that ...")
_UNNAMED_UNIT = re.compile(
    r"\s+(?:a|an|un|una)\s+(?:[a-záéíóúñ\-]+\s+){0,2}?" + UNIT_NOUNS + r"\b(?:(?!\b(?:of|de|del)\b)[^.;])*$",
    re.IGNORECASE,
)
# the parts a leader can run of a group (lower case only: "Bloque Centauros" is a name)
_SUB_UNIT_WORDS = (
    "factions?|fronts?|cells?|chapters?|nests?|forces|wings?|branch(?:es)?|columns?|blocs?|"
    "frentes?|facci[oó]n|facciones|células?|columnas?|bloques?|ramas?|plazas?|tropas?"
)
# between a leadership trigger and its group: a sub-unit, so the person runs part of the group
_UNIT_BEFORE_GROUP = re.compile(
    r"\s*(?:(?:its|their|the|his|a|an|one|la|el|las|los|su|sus|una|un|uno)\s+)?(?:[\w\-]+\s+){0,3}?"
    rf"(?-i:{_SUB_UNIT_WORDS}|units?|crews?|estructuras?|brazos?)\s+"
    r"(?:[^.;]{0,40}?\s)?(?:of|de|del|within|dentro del?)\s[^.;]{0,30}$",
    re.IGNORECASE,
)
# right after a leadership trigger: "the head of the Palermo nest", "commander of its southern forces"
_UNIT_OBJECT = re.compile(
    r"\s*(?:(?:its|their|the|his|her|a|an|one|la|el|las|los|su|sus|una|un|uno)\s+)?(?:[\w\-'’\"“”]+\s+){0,3}?"
    rf"(?-i:{_SUB_UNIT_WORDS})\b",
    re.IGNORECASE,
)
_AGENT_AFTER = re.compile(r"\s+(?:by|por)\b", re.IGNORECASE)


# before a pair trigger: it is the object of a preposition, not what the entities before it are
_OBJECT_OF_BEFORE = re.compile(
    r"\b(?:of|de|del|against|contra)\s+(?:(?:two|three|four|several|dos|tres|cuatro|varios|varias|his|her|their|its|"
    r"sus?)\s+)?$",
    re.IGNORECASE,
)


# "William Rodríguez Abadía, hijo de Miguel, manejó el negocio": the person named inside an
# apposition ("hijo de Q", "the son of Q") describes the person before it, who is the subject
_INSIDE_APPOSITION = re.compile(
    r"\s*,\s*(?:(?:the|a|an|el|la|un|una|su|his|her)\s+)?(?:[a-záéíóúñ\-]+\s+){1,3}(?:of|de|del)\s+"
    r"(?:(?:the|el|la|su|his|her)\s+)?$"
)
_APPOSITION_CLOSED = re.compile(r"\s*,\s*(?:(?:y|and)\s+(?:(?:the|a|an|el|la|un|una|su|his|her)\s+)?)?")


def _apposition_owner(mentions: list[Mention], inner: Mention, text: str, pos: int) -> Mention:
    """The person an apposition describes when the nearest person before a trigger at ``pos`` is
    named inside it ("P, hijo de Q, manejó"), else ``inner``."""
    if not _APPOSITION_CLOSED.fullmatch(text, inner.end, pos):
        return inner
    outer = _left(mentions, inner.start, ("person",), inner.entity)
    if outer is not None and _INSIDE_APPOSITION.fullmatch(text, outer.end, inner.start):
        return outer
    return inner


_PLURAL_DEFINITE = re.compile(r"\b(?:los|las|the)\s+(?:[a-záéíóúñ]+\s+)?$", re.IGNORECASE)
_CLITIC_BEFORE = re.compile(r"\b(?-i:lo|la|los|las)\s+$")  # before a verb; "la captura de" is an article
# a finite Spanish verb ("detuvieron", "capturó"): after "lo" / "la" a clitic, not an article ("los
# arrestados", "la captura de")
_FINITE_VERB = re.compile(r"(?:ó|aron|ieron|uvo|uvieron|aba|aban|ía|ían)$")


def _clitic_object(text: str, lo: int, m: re.Match) -> bool:
    """The trigger ``m`` is a finite verb after an object clitic ("A Jorge Milton lo detuvieron"):
    its object is a person named before it."""
    return bool(_CLITIC_BEFORE.search(text, lo, m.start()) and _FINITE_VERB.search(m.group(0)))


def _slots(p: _Pattern, m: re.Match, mentions: list[Mention], spanish: bool = False):
    s, e = m.start(), m.end()
    if p.voice == "active":
        if _AGENT_AFTER.match(m.string, e):
            return None, None  # "directed by his lieutenant X": the passive patterns read it
        tail = _right(mentions, e, p.tail)
        if tail is not None and p.type in _MEMBERSHIP and _UNNAMED_UNIT.match(m.string, e, tail.start):
            return None, None  # "led a breakaway chapter that allied with the Bandidos": an unnamed unit
        head = _left(mentions, s, p.head)
        if head is not None and head.etype == "person":
            head = _apposition_owner(mentions, head, m.string, s)
        return head, tail
    if p.voice == "passive":
        tail = _left(mentions, s, p.tail)
        if tail is not None and "group" in p.tail:
            unit = UNIT_OF_BEFORE.search(m.string, max(0, tail.start - 40), tail.start)
            if unit is not None:  # "El Demonio, una célula del Tren del Llano jefaturada por X": the cell
                named = _left(mentions, unit.start() + 1, ("group",), tail.entity)
                tail = named if named is not None and unit.start() - named.end <= 3 else None
                if tail is None:
                    return None, None
        return _right(mentions, e, p.head, tail and tail.entity), tail
    if p.voice == "nominal":
        tail = _right(mentions, e, p.tail)
        if re.match(r"\s+(?:a|an|un|una|unos|unas)\s+[a-záéíóúñ]", m.string[e : e + 40]) and not (
            tail is not None and _UNIT_BEFORE_GROUP.match(m.string, e, tail.start)
        ):
            return None, None  # "the two heads of a scheme that...": an unnamed thing, no group
        if tail is not None and (tail.start - e > 60 or re.search(r"[,;:.()]", m.string[e : tail.start])):
            # the next entity is too far to be the trigger's object: "head of military
            # intelligence ... with the FARC", "jefe de sicarios" name something that is no entity
            nxt = re.match(r"\s+([^\s\"“«]+)", m.string[e : e + 40])
            if nxt and nxt.group(1)[0].islower() and fold(nxt.group(1)) not in _DETERMINERS:
                return None, None
            tail = None
        excl = tail and tail.entity
        after_tail = _right(mentions, tail.end, p.head, excl) if tail else None
        return _closest(_left(mentions, s, p.head, excl), after_tail, s), tail
    if p.voice == "possessive":
        head = _right(mentions, e, p.head)
        return head, _left(mentions, s, p.tail, head and head.entity)
    if p.voice == "genitive":
        tail = _left(mentions, s + 1, p.tail)
        if tail is None or s - tail.end > 1:
            return None, None
        excl = tail.entity
        return _closest(_left(mentions, tail.start, p.head, excl), _right(mentions, e, p.head, excl), s), tail
    if p.voice == "pair":
        if re.match(r"\s+(?:con|with|a|to|against|contra)\b", m.string[e : e + 10], re.IGNORECASE):
            return None, None
        if _OBJECT_OF_BEFORE.search(m.string, max(0, s - 30), s):
            return None, None  # "ordered the murders of two rivals, A and B": the rivals are others
        left = [x for x in mentions if x.end <= s and x.etype in p.head]
        distinct = list(dict.fromkeys(x.entity for x in reversed(left)))
        if len(distinct) < 2:
            return None, None
        second = next(x for x in reversed(left) if x.entity == distinct[0])
        first = next(x for x in reversed(left) if x.entity == distinct[1])
        return first, second
    if p.voice in ("owned", "owner"):  # "Los Ardillos, de los hermanos Ortega" / "Escobar's Medellín Cartel"
        left = _left(mentions, s + 1, p.tail if p.voice == "owned" else p.head)
        right = _right(mentions, e, p.head if p.voice == "owned" else p.tail)
        if left is None or right is None or s - left.end > 1 or right.start - e > 1:
            return None, None
        return (right, left) if p.voice == "owned" else (left, right)
    if p.voice == "copular":  # "the crew's boss is P": P after the verb, the group before or salient
        return _right(mentions, e, p.head), _left(mentions, s, p.tail)
    if p.voice == "unary":
        if _common_noun_subject(m):  # "el patriarca fue capturado": not a person named nearby,
            right = _right(mentions, e, p.head)  # but "junto al indio X" was arrested with them
            if right is not None and _ALONG_WITH.search(m.string, e, right.start):
                return right, None
            return None, None
        passive = re.search(
            r"\b(?:was|were|been|be|is|are|fue|fueron|sido|ser|era|eran|estaba|está)\s*$", m.string[max(0, s - 12) : s]
        )
        head = _left(mentions, s, p.head) if passive else _right(mentions, e, p.head) or _left(mentions, s, p.head)
        if passive and head is not None and head.etype == "person":
            # "Carlos Roberto León Barillas, hijo de Juancho, estaba recluido": the person the
            # apposition before the auxiliary describes
            head = _apposition_owner(mentions, head, m.string, max(0, s - 12) + passive.start())
        if not passive and _clitic_object(m.string, max(0, s - 6), m):
            # "A Jorge Milton lo detuvieron en 2012 ... el juicio contra el Chapo": the clitic stands
            # for the person named before the verb, not for one named after it
            head = _left(mentions, s, p.head) or head
        if _POSSESSIVE_ARREST.match(m.group(0)):
            # "Miguel took command until his arrest in 2013, and Omar led until...": the possessor
            # named before it in the sentence; none ("Tras su extradición, Hutch fue juzgado"), the
            # person after it
            head = _left(mentions, s, p.head) or head
        if passive and head is None and spanish:
            head = _right(mentions, e, p.head)  # "En octubre fueron detenidas su exesposa, X, y su hija Y"
        if m.group(0).startswith(("'s", "’s")):
            head = _left(mentions, s + 1, p.head)  # "Vincenzo's arrest": the possessor
        elif re.match(r"(?:was|were|fue|fueron)\s", m.group(0), re.IGNORECASE):
            # the trigger carries its auxiliary ("Alfredo fue detenido en 2008, Arturo murió"):
            # the person right before it, or after an apposition, is the subject
            left = _left(mentions, s, p.head)
            if left is not None and re.fullmatch(r"\s*(?:,[^,;.]{0,80},\s*)?", m.string[left.end : s]):
                head = left
            elif left is not None and re.fullmatch(r"\s*,\s*", m.string[left.end : s]):
                # "Héctor Palma, socio de Joaquín Guzmán, fue detenido": the person the apposition
                # that ends right before the trigger describes, not the one named inside it
                outer = _left(mentions, left.start, p.head, left.entity)
                if outer is not None and re.fullmatch(r"\s*,[^;.]{0,80}", m.string[outer.end : left.start]):
                    head = outer
        return head, None
    return None, None


def _confidence(m: re.Match, head: Mention, tail: Mention | None) -> float:
    points = [head.start, head.end] + ([tail.start, tail.end] if tail else [])
    dist = min(abs(x - m.start()) for x in points[:2])
    if tail:
        dist = max(dist, min(abs(x - m.end()) for x in points[2:]))
    return round(0.95 * math.exp(-dist / 160), 3)


def _relation(rtype, head, tail, kind, sent: Sentence, conf: float) -> Relation:
    return Relation(
        type=rtype,
        head=head.entity,
        tail=tail.entity if tail else None,
        kind=kind,
        sentence=sent.index,
        start=sent.start,
        end=sent.end,
        evidence=sent.text,
        confidence=conf,
    )


def _first_mentions(mentions: list[Mention]) -> dict[str, Mention]:
    """Each entity's first mention, in order: its name, where a later one may be a nickname."""
    out: dict[str, Mention] = {}
    for x in mentions:
        out.setdefault(x.entity, x)
    return out


def _shared_surnames(a: Mention, b: Mention, surnames: dict[str, set[str]]) -> int:
    """How many surnames two persons share, from their names (a mention may be a nickname)."""
    return len(surnames.get(a.entity, set()) & surnames.get(b.entity, set()))


def _antecedent(
    doc: Document,
    head: Mention,
    earlier: list[Mention],
    prior: dict[str, int],
    wider: list[Mention],
    surnames: dict[str, set[str]],
    sibling: bool,
) -> Mention | None:
    """For 'su hermano X' with no person before it in the sentence: a person of the previous
    sentences, preferring one who shares a surname with X (a sibling: the most surnames, both of
    a Spanish name), else one of the KIN_LOOKBACK sentences before who does ("His brother, Edwin
    Douglas Lima Lobo" after sentences about others), else the one the text has named most so far
    (the person it is about), else the last named. ``surnames``: each person's surnames from its
    name (a mention may be a nickname)."""

    def shared(m: Mention) -> int:
        return _shared_surnames(m, head, surnames)

    cands = [m for m in earlier if m.entity != head.entity]
    same = [m for m in cands if shared(m)] or [m for m in wider if m.entity != head.entity and shared(m)]
    if same:
        if sibling:
            return max(enumerate(same), key=lambda im: (shared(im[1]), im[0]))[1]
        return same[-1]
    if not cands:
        return None
    return max(enumerate(cands), key=lambda im: (prior.get(im[1].entity, 0), im[0]))[1]


KIN_LOOKBACK = 5


def _last_persons(by_sentence: dict[int, list[Mention]], index: int) -> list[Mention]:
    """The persons of the closest earlier sentence that names one, up to KIN_LOOKBACK sentences
    back: the sentences between speak of them without naming them ("He ... His father, X")."""
    for i in range(index - 3, max(-1, index - 1 - KIN_LOOKBACK), -1):
        persons = [m for m in by_sentence.get(i, []) if m.etype == "person"]
        if persons:
            return persons
    return []


_POSSESSIVE_DET = re.compile(r"(?:whose|cuyos|cuyas)\b", re.IGNORECASE)  # right after the possessor's name
# between the possessor and "whose": a comma, or a quoted nickname in apposition ("Paolo Di Lauro,
# «Ciruzzo il milionario», cuyos hijos")
_OWNER_GAP = re.compile(r"\s*,?\s*(?:[«\"“][^«»\"“”]{1,40}[»\"”]\s*,?\s*)?")
_NOMINAL_BEFORE = re.compile(
    r"\b(?:un|una|unos|unas|su|sus|el|la|los|las|otro|otra|otros|dos|tres|varios|varias|algunos|sus propios)\s+$",
    re.IGNORECASE,
)


def _adjectival_kin(doc: Document, start: int, word: str) -> bool:
    """'familiar' as an adjective ("la casa familiar", "negocio familiar") is no relative."""
    return fold(word) in {"familiar", "familiares"} and not _NOMINAL_BEFORE.search(doc.text[max(0, start - 20) : start])


def _kin_relations(
    doc: Document,
    sent: Sentence,
    mentions: list[Mention],
    earlier: list[Mention],
    prior: dict[str, int],
    wider: list[Mention],
    surnames: dict[str, set[str]],
) -> list[Relation]:
    """Kinship told in one sentence; ``prior`` counts each person's mentions before it, ``wider``
    are the persons of the KIN_LOOKBACK sentences before, ``surnames`` each person's surnames."""
    lex = entity_lexicon()
    persons = [m for m in mentions if m.etype == "person"]
    out: list[Relation] = []
    _, kin_patterns = _patterns()
    anchors: dict[str, Mention] = {}
    for voice, regex in kin_patterns:
        for m in regex.finditer(doc.text, sent.start, sent.end):
            kind = lex.kinship.get(fold(m.group("kin")))
            if not kind or _adjectival_kin(doc, m.start("kin"), m.group("kin")):
                continue
            s, e = m.start(), m.end()
            fronted = False  # "Hijo de A y B, X": X's kin, listed before X
            if voice == "group_plural":
                if not m.group("kin").endswith("s"):
                    continue
                # "his sons Tirso and Willy", "los hermanos A, B y C": the persons listed are siblings
                first = next((p for p in persons if e <= p.start <= e + 80), None)
                members = (
                    [first, *(o for o in _coordinated(doc, first, mentions) if o.start > first.start)] if first else []
                )
                members = list({p.entity: p for p in members}.values())
                pair_kind = "sibling" if kind == "child" else kind
                out += [
                    _relation("kin_of", a, b, pair_kind, sent, 0.8)
                    for i, a in enumerate(members)
                    for b in members[i + 1 :]
                ]
                # "founded by Patrick Keane, whose three sons, A, B and C": each is the possessor's kin
                whose = _POSSESSIVE_DET.search(doc.text, max(sent.start, s - 8), s + 6)
                if members and whose:
                    owner = _left(persons, whose.start(), ("person",), members[0].entity)
                    if (
                        owner is not None
                        and _OWNER_GAP.fullmatch(doc.text, owner.end, whose.start())
                        and all(x.entity != owner.entity for x in members)
                    ):
                        out += [_relation("kin_of", x, owner, kind, sent, 0.7) for x in members]
                continue
            if voice == "apposition":
                tail = _right(persons, e, ("person",))
                if tail is not None and re.search(r"[;:()]", doc.text[e : tail.start]):
                    tail = None  # "eran hijos del Viejo; Luis Zuluaga ...": a person further on is no parent
                after = _right(persons, tail.end, ("person",), tail.entity) if tail else None
                if after and s == sent.start and re.fullmatch(r"\s+(?:y|e|and)\s+", doc.text[tail.end : after.start]):
                    # "Hijo de Najem Makled y Carmen García, Walid ...": the child after both parents
                    child = _right(persons, after.end, ("person",), after.entity)
                    if child is not None and re.fullmatch(r"\s*,\s*", doc.text[after.end : child.start]):
                        out.append(_relation("kin_of", child, after, kind, sent, 0.8))
                        after, fronted = child, True
                    else:
                        after = None
                elif after and not re.fullmatch(r"\s*[,:]\s*", doc.text[tail.end : after.start]):
                    after = None  # "la madre de Marcos pidió a Brian": Brian is not the mother
                left = _left(persons, s, ("person",), tail and tail.entity)
                if after is not None and left is not None and not re.fullmatch(r"\s*,?\s*", doc.text[left.end : s]):
                    left = None  # "entraron Rodolfo y el hijo de Amado, Vicente": the son is Vicente
                head = _closest(left, after, s)
                plural = fold(m.group("kin")).endswith("s")
                if (
                    tail
                    and head is None
                    and not (plural and _PLURAL_DEFINITE.search(doc.text, sent.start, m.start("kin")))
                ):
                    # not "se alinearon con los hijos del Chapo": sons not named are no one named before
                    head = _antecedent(doc, tail, list(earlier), prior, wider, surnames, kind == "sibling")
                    if head is not None and plural:
                        # "Los capturados son hijos de X", "ambos son hijos de X": the brothers named
                        # before, the one found and the last other one with his surname
                        out += [
                            _relation("kin_of", o, tail, kind, sent, 0.9 * _confidence(m, o, tail))
                            for o in list(_first_mentions(earlier).values())[-3:]
                            if o.entity not in (head.entity, tail.entity) and _shared_surnames(o, head, surnames)
                        ][-1:]
            elif voice == "possessive":
                head = _right(persons, e, ("person",))
                tail = _left(persons, s, ("person",), head and head.entity)
                if tail is not None and tail.entity in anchors:
                    tail = anchors[tail.entity]  # "his wife, X; his son, Y": Y is the son of the same man
                if head and tail is None:
                    tail = _antecedent(doc, head, list(earlier), prior, wider, surnames, kind == "sibling")
                if head and tail:
                    anchors.setdefault(head.entity, tail)
            else:
                tail = _left(persons, s + 1, ("person",))
                head = _right(persons, e, ("person",), tail and tail.entity) if tail and s - tail.end <= 1 else None
                if tail is not None and s - tail.end <= 1 and (head is None or head.start > e + 2):
                    before = _left(persons, tail.start, ("person",), tail.entity)  # "Roberto, Carmine's brother,"
                    if before is not None and re.fullmatch(r"\s*,\s*", doc.text[before.end : tail.start]):
                        head = before
            if head and tail and head.entity != tail.entity:
                conf = _confidence(m, head, tail)
                out.append(_relation("kin_of", head, tail, kind, sent, conf))
                for other in () if fronted else _coordinated(doc, head, mentions):
                    if other.entity != tail.entity:
                        out.append(_relation("kin_of", other, tail, kind, sent, 0.9 * conf))
                        if voice == "possessive":  # "sus hijos A y B, mientras su yerno C": C is not B's
                            anchors.setdefault(other.entity, tail)
                if tail.start < s:  # "X and Y's father Z": Z is the parent of both
                    for other in _coordinated(doc, tail, mentions):
                        if other.entity != head.entity:
                            out.append(_relation("kin_of", head, other, kind, sent, 0.9 * conf))
                elif voice == "apposition" and tail.start - e <= 1:
                    # "hijo de Najem Makled y de Carmen García": the child of both
                    for other in _coordinated(doc, tail, mentions):
                        if (
                            other.start > tail.start
                            and other.entity != head.entity
                            and ";" not in doc.text[tail.end : other.start]
                        ):
                            out.append(_relation("kin_of", head, other, kind, sent, round(0.9 * conf, 3)))
    return out


# an official's title right before a person's name (with at most a short complement between)
_OFFICIAL_BEFORE = re.compile(
    r"\b(?i:" + "|".join(sorted(OFFICIAL_TITLES, key=len, reverse=True)) + r")\b"
    r"(?:\s+(?:superior|federal|general|adjunt[oa]|del? (?:[A-ZÁÉÍÓÚ][\w\-]+\s*)+(?:de [A-ZÁÉÍÓÚ][\w\-]+)?|"
    r"(?:[A-Z][\w.\-]*\s+){1,3}))?\s*,?\s*$"
)
_SECOND = re.compile(r"(?i)\b(?:segundo|second|número dos|number two)\b")


def _named_as_official(doc: Document, sent: Sentence, person: Mention) -> bool:
    """The person is named right after an official's title ("el ministro del Interior, Ali
    Yerlikaya", "Judge Juan Pérez Giménez"): no suspect of an arrest. A person named in an earlier
    sentence is looked up there ("La alcaldesa Virginia Raggi ... condenó a cinco de sus miembros")."""
    low = sent.start if person.start >= sent.start else 0
    return _OFFICIAL_BEFORE.search(doc.text, max(low, person.start - 60), person.start) is not None


_AS_DEPUTY = re.compile(
    r"\s*,?\s+(?:as|como)\s+(?:his|her|su)\s+(?:(?:trusted|senior|chief|top|principal)\s+)?(?:right hand|right-hand man|"
    r"second-in-command|deputy|number two|lieutenant|underboss|lugarteniente|mano derecha|segundo al mando|número dos)\b",
    re.IGNORECASE,
)


def _as_his_deputy(doc: Document, sent: Sentence, mentions: list[Mention]) -> list[Relation]:
    """ "Taghi ran it with Saïd Razzouki as his right hand": the person named before the
    deputy is the one he serves."""
    out: list[Relation] = []
    persons = [m for m in mentions if m.etype == "person"]
    for p in persons:
        if _AS_DEPUTY.match(doc.text, p.end, sent.end):
            boss = _left(persons, p.start, ("person",), p.entity)
            if boss is not None:
                out.append(_relation("lieutenant_of", p, boss, None, sent, 0.7))
    return out


# a leader's title given to a person through an object pronoun: "named him as head of the
# Barrio King", "lo señalan como jefe de Kompania Bello", "regarded him as the dragon head ... of"
_PRONOUN_AS_LEADER = re.compile(
    r"\b(?:(?:named|identified|described|presented|considered|listed|regarded|branded|labell?ed|saw)\s+(?:him|her)\s+as|"
    r"(?:lo|la|le)\s+(?:señal\w+|identific\w+|present\w+|consider\w+|describ\w+|apunt\w+)\s+como)\s+"
    r"(?:(?:the|el|la|su|his|her|one of the|one of its|uno de los|una de las|uno de sus)\s+)?"
    r"(?:(?:top|supreme|máximo|supremo|máximos|main|principal|principales|undisputed)\s+)?"
    r"(?:heads?|leaders?|boss|bosses|chiefs?|founders?|dragon head|jef[ea]s?|líder|líderes|cabecillas?|fundador(?:es)?)\b"
    r"(?:[^.;]{0,40}?\b(?:of|de|del)\b)",
    re.IGNORECASE,
)


# a succession whose predecessor is an object pronoun: "X succeeded him", "lo sucedió X"
_SUCCEEDED_PRONOUN = re.compile(
    r"\b(?:(?P<en>succeeded|replaced|took over from|stepped into the shoes of)\s+(?:him|her)|"
    r"(?:lo|la|le)\s+(?:sucedió|sucedieron|reemplazó|relevó|sustituyó))\b",
    re.IGNORECASE,
)


# taking over with no predecessor in the sentence: "Both men died in 1990. Shigeo Nishiguchi took over"
_TOOK_OVER = re.compile(
    r"\b(?:took over|took charge|took command|took the helm|took the reins|stepped in|"
    r"asumió el mando|tomó el mando|tomó las riendas|quedó al frente|se quedó con el mando)\b"
    r"(?=\s*[,.;]|\s+(?:in|en|and|y|as|como|when|cuando|until|hasta|that|ese|esa|durante|for|por)\b)",
    re.IGNORECASE,
)


def _named_last(earlier: list[Mention], *exclude: Mention) -> Mention | None:
    """The person named last in ``earlier`` who is none of ``exclude``: the predecessor when a
    sentence names only the successor."""
    skip = {x.entity for x in exclude}
    return next((x for x in reversed(earlier) if x.entity not in skip), None)


def _took_over(doc: Document, sent: Sentence, mentions: list[Mention], earlier: list[Mention]) -> list[Relation]:
    """The person who takes over when the sentence names no one before him succeeded the person
    named last in the two sentences before."""
    out: list[Relation] = []
    for m in _TOOK_OVER.finditer(doc.text, sent.start, sent.end):
        head = _left(mentions, m.start(), ("person",))
        if head is None or _left(mentions, head.start, ("person",), head.entity) is not None:
            continue
        before = _named_last(earlier, head)
        if before is not None:
            out.append(_relation("succeeded", head, before, None, sent, 0.5 * _confidence(m, head, None)))
    return out


def _pronoun_objects(doc: Document, sent: Sentence, mentions: list[Mention], earlier: list[Mention]):
    """Relations whose other end is an object pronoun for a person named before. "Police named
    him as head of the Barrio King": that person leads the group named right after the title.
    "Diego Pérez Henao succeeded him", "En 2012 lo sucedió Diego Pérez Henao": the successor is
    the sentence's person (before the verb in English, after it in Spanish), the predecessor the
    person named last in the sentences before."""
    out: list[Relation] = []
    for m in _PRONOUN_AS_LEADER.finditer(doc.text, sent.start, sent.end):
        person = _left(mentions, m.start(), ("person",)) or (earlier[-1] if earlier else None)
        group = _right(mentions, m.end(), ("group",))
        if person is not None and group is not None and group.start - m.end() <= 30:
            out.append(_relation("leads", person, group, None, sent, 0.6))
    for m in _SUCCEEDED_PRONOUN.finditer(doc.text, sent.start, sent.end):
        if m.group("en"):  # "X succeeded him": the subject before the verb; "lo sucedió X": after it
            successor = _left(mentions, m.start(), ("person",))
        else:
            successor = _right(mentions, m.end(), ("person",))
        predecessor = _named_last(earlier, successor) if successor is not None else None
        if successor is not None and predecessor is not None:
            out.append(_relation("succeeded", successor, predecessor, None, sent, 0.6))
    return out


# a count of a group's members, whose names a list gives right after: "condenó a nueve integrantes
# de Los Zetas ... Los sentenciados son A, B y C", "convicted three members of La ONU ... A; B; and C"
_COUNTED_MEMBERS = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens of|several|dos|tres|cuatro|cinco|"
    r"seis|siete|ocho|nueve|diez|once|doce|decenas de|varios|varias)\s+(?:(?:alleged|suspected|presuntos?|presuntas?|"
    r"other|otros)\s+)?(?:members|integrantes|miembros|associates|operatives|affiliates)\s+(?:of|de|del)\s+"
    r"(?:(?:the|la|el|los|las)\s+)?(?:[a-záéíóúñ]+\s+){0,2}$",
    re.IGNORECASE,
)
COUNTED_LOOKAHEAD = 3  # sentences after the count in which its list of names may come


def _counted_members(doc: Document, by_sentence: dict[int, list[Mention]], sentences) -> list[Relation]:
    """Each person of a list of names in the sentence of "N members of G" (after G) or the
    COUNTED_LOOKAHEAD sentences after it: a member of G (works_for)."""
    out: list[Relation] = []
    for i, mentions in by_sentence.items():
        for g in (m for m in mentions if m.etype == "group"):
            if not _COUNTED_MEMBERS.search(doc.text, max(sentences[i].start, g.start - 80), g.start):
                continue
            for j in range(i, i + COUNTED_LOOKAHEAD + 1):
                here = by_sentence.get(j, [])
                listed = [p for p in here if p.etype == "person" and (j > i or p.start > g.end)]
                for p in listed:
                    if _coordinated(doc, p, here):
                        out.append(_relation("works_for", p, g, None, sentences[j], 0.7))
    return out


# "La Línea, su brazo armado", "Los Mexicles y Los Aztecas, que sirven como sus brazos armados", "la
# Yamakawa-ikka, una de las organizaciones subordinadas": a group described as a unit of another
_UNIT_APPOSITION = re.compile(
    r"\s*,\s*(?:(?:which|that|who|que|quienes)\s+(?:\w+\s+){0,2}?(?:serve|serves|served|act|acts|acted|sirven|sirve|"
    r"servían|servía|actúan|actúa|actuaban|actuaba)\s+(?:as|como)\s+|(?:serve|serves|served|act|acts|acted)\s+as\s+)?"
    r"(?P<det>its|their|su|sus|the (?:cartel|gang|group|organi[sz]ation|network|clan)['’]s|the|el|la|a|an|un|una|"
    r"one of (?:its|the)|una de (?:sus|las)|uno de (?:sus|los))\s+(?:(?:own|propio|propia|main|principal|new|nuevo|"
    r"nueva|local|regional|armed|private)\s+)?"
    r"(?P<unit>armed wings?|military wings?|enforcement (?:arm|wing)s?|armed branch(?:es)?|brazos? armados?|"
    r"brazos? ejecutor(?:es)?|brazos? militar(?:es)?|alas? armadas?|ejército privado|private army|"
    r"affiliates?|filial(?:es)?|subordinate (?:groups|gangs|organi[sz]ations)|organizaciones subordinadas|"
    r"grupos subordinados|core affiliates)\b(?!\s+(?:of|de|del)\s+(?:a|an|un|una)\b)",
    re.IGNORECASE,
)
_INDEFINITE_UNIT_DET = re.compile(r"^(?:a|an|un|una)$", re.IGNORECASE)
_OWNER_OF = re.compile(r"\s+(?:of|de|del)\s+(?:the\s+|la\s+|el\s+|los\s+)?", re.IGNORECASE)


def _unit_appositions(doc: Document, sent: Sentence, mentions: list[Mention], salient: dict[int, Mention]):
    """A group in apposition with a unit description works for the group that owns the unit: the
    one named after "of" / "de", else (its, the, one of the: not "a") the group named before the
    unit in the sentence, else the group of the text so far."""
    out: list[Relation] = []
    groups = [m for m in mentions if m.etype == "group"]
    for g in groups:
        m = _UNIT_APPOSITION.match(doc.text, g.end, sent.end)
        if m is None:
            continue
        units = [g, *(o for o in _coordinated(doc, g, mentions) if o.etype == "group" and o.start < g.start)]
        named = {u.entity for u in units}
        owner = _right(groups, m.end(), ("group",), g.entity)
        if owner is not None and not _OWNER_OF.fullmatch(doc.text, m.end(), owner.start):
            owner = None
        if owner is None and not _INDEFINITE_UNIT_DET.match(m.group("det")):
            first = min(u.start for u in units)
            owner = next((x for x in reversed(groups) if x.end <= first and x.entity not in named), None) or next(
                (x for x in (salient.get(sent.index - 1), salient.get(sent.index)) if x and x.entity not in named),
                None,
            )
        if owner is None or owner.entity in named:
            continue
        out += [_relation("works_for", u, owner, None, sent, 0.7) for u in units]
    return out


# "Mahmoud Hamzy, a member, was murdered": a member of the group the text is about
_APPOSITIVE_MEMBER = re.compile(
    r"(?:\s*,?\s*(?:alias|a\.k\.a\.?|known as|conocid[oa] como)\s+[«\"“]?[^,;.«»\"“”]{1,30}[»\"”]?)?"
    r"\s*,\s*(?:a|an|one|un|una|otro|otra)\s+(?:(?:senior|sworn|patched|veteran|founding|longtime|former|alleged|"
    r"reputed|full|presunto|presunta|antiguo|antigua|veterano|veterana|ex)\s+)?(?:member|miembro|integrante|soldier|"
    r"enforcer|hitman|sicario|mid-level commander|middle-ranking commander|mando intermedio|mando medio|"
    r"financial operator|operador financiero|operadora financiera|operator|operador|operadora|operative|instructor)\s*"
    r"(?:,|\bwho\b|\bque\b|\bsince\b|\bdesde\b|\b(?:jailed|held|imprisoned|based|pres[oa]|detenid[oa]|recluid[oa])\b)",
    re.IGNORECASE,
)
# "Instructores como Miguel Ortiz Miranda, «El Tyson», entrenaban...": members named as examples of a role
_ROLE_EXAMPLES = re.compile(
    r"\b(?:instructors|instructores|hitmen|sicarios|operators|operadores|operatives|operativos|members|miembros|"
    r"integrantes|commanders|comandantes|mandos|plaza bosses|jefes de plaza|lieutenants|lugartenientes)\s*,?\s+"
    r"(?:such as|like|including|como|entre ellos)\s*$",
    re.IGNORECASE,
)


def _appositive_members(doc: Document, sent: Sentence, mentions: list[Mention], salient: Mention | None):
    if salient is None:
        return []
    return [
        _relation("works_for", p, salient, None, sent, 0.7)
        for p in mentions
        if p.etype == "person"
        and (
            _APPOSITIVE_MEMBER.match(doc.text, p.end, sent.end)
            or _ROLE_EXAMPLES.search(doc.text, max(sent.start, p.start - 40), p.start)
        )
    ]


def _given_names_only(words: list[str], given: int, full: int) -> bool:
    """A listed name that is first names only: every word a known given name, or, before a full
    name of two given names and two surnames, two words of which the first is a known given name
    ("Javier Eriberto y Devis Leonel Rivera Maradiaga", "Iván Archivaldo y Jesús Alfredo Guzmán
    Salazar": the lexicon cannot hold every second given name)."""
    if len(words) > given:
        return False
    if all(fold(w) in given_names() for w in words):
        return True
    return given == 2 and full >= 4 and len(words) == 2 and fold(words[0]) in given_names()


def _surname_shared_in_a_list(doc: Document, sent: Sentence, mentions: list[Mention]) -> list[Relation]:
    """ "Arturo, Carlos, Alfredo and Héctor Beltrán Leyva", "Gilberto y Miguel Rodríguez Orejuela":
    first names listed before a full name carry its surname, so the listed persons are siblings."""
    out: list[Relation] = []
    persons = [m for m in mentions if m.etype == "person"]
    for last in persons:
        words = doc.text[last.start : last.end].split()
        if len(words) < 2 or fold(words[0]) not in given_names():
            continue
        listed = [o for o in _coordinated(doc, last, mentions) if o.end <= last.start]
        # "Víctor Manuel y Miguel Ángel Mejía Múnera": two given names each, when the full name has two too
        given = 2 if len(words) >= 3 and fold(words[1]) in given_names() else 1
        if not listed or not all(
            _given_names_only(doc.text[o.start : o.end].split(), given, len(words)) for o in listed
        ):
            continue
        # the first names must run straight into the full name: "A, B y C Surname"
        if not re.fullmatch(r"\s+(?:y|e|and|&)\s+", doc.text[max(o.end for o in listed) : last.start]):
            continue
        members = [*listed, last]
        out += [
            _relation("kin_of", a, b, "sibling", sent, 0.7)
            for i, a in enumerate(members)
            for b in members[i + 1 :]
            if a.entity != b.entity
        ]
    return out


def _salient_groups(doc: Document, by_sentence: dict[int, list[Mention]]) -> dict[int, Mention]:
    """For each sentence, the group an unnamed tail most likely is: the last group mentioned
    in this or the two previous sentences, else the document's first group."""
    out: dict[int, Mention] = {}
    first = next((m for i in sorted(by_sentence) for m in by_sentence[i] if m.etype == "group"), None)
    last: tuple[int, Mention] | None = None
    for sent in doc.sentences:
        groups = [m for m in by_sentence.get(sent.index, []) if m.etype == "group"]
        if groups:
            last = (sent.index, groups[-1])
        if last and sent.index - last[0] <= 2:
            out[sent.index] = last[1]
        elif first is not None:
            out[sent.index] = first
    return out


_LIST_SEP = re.compile(
    r"^,?[\"”»’']?(?:\s*[,;]\s*(?:(?:and|y|e)\s+)?|\s+(?:and|y|e|&|as well as|así como)\s+|"
    # a short description between two listed names: "Patrick, the reputed enforcer, and Tommy"
    r"\s*,\s*(?:the|a|an|el|la|un|una|su|his|her)\s+[a-záéíóúñ\- ]{2,40},\s*(?:and|y|e)\s+)(?:(?:of|de|del|with|con|for|para)\s+)?"
    r"(?:(?:the|el|la|los|las)\s+)?[\"“«]?$",
    re.IGNORECASE,
)
_SAME_ENTITY_GAP = re.compile(
    r"^[\s,\"“”«»‘’'()]*(?:(?:alias|a\.k\.a\.?|aka|(?:also\s+)?known\s+as|conocid[oa]\s+como|apodad[oa]|o|or)\s*[\"“«‘']*)?$",
    re.IGNORECASE,
)
# a nationality between two listed names: "el irlandés Daniel Kinahan, el italiano Raffaele Imperiale y ..."
_DEMONYM_TAIL = re.compile(r"(?:the|el|la)\s+([A-Za-záéíóúñ]+)(?:-([a-záéíóúñ]+))?\s+$", re.IGNORECASE)
_POSSESSIVE_START = re.compile(r"(?:its|their|su|sus)\s", re.IGNORECASE)
_COORDINATED_TYPES = {"leads", "directs", "works_for", "finances", "brokers_for", "arrested", "lieutenant_of"}
# types whose tail can be a list: "socio de Pablo Escobar y de Amado Carrillo", "worked for A and B"
_COORDINATED_TAILS = {"allied_with", "rival_of", "works_for", "brokers_for"}


def _demonym_between(gap: str) -> bool:
    """A list separator followed by a nationality: ", el italiano " in "el irlandés A, el italiano B",
    " and the Neapolitan " in "Daniel Kinahan and the Neapolitan Raffaele Imperiale"."""
    dm = _DEMONYM_TAIL.search(gap)
    demonyms = entity_lexicon().demonyms
    return bool(
        dm
        and (fold(dm.group(1)) in demonyms or ORIGIN_FORM.fullmatch(dm.group(1)) is not None)
        and (not dm.group(2) or fold(dm.group(2)) in demonyms)
        and _LIST_SEP.match(gap[: dm.start()] + " ")
    )


def _coordinated(doc: Document, mention: Mention, mentions: list[Mention]) -> list[Mention]:
    """Other persons listed together with ``mention``: "A, B and C were arrested", "los
    hermanos X y Y"; aliases between the names ('A, alias "Z", and B') are stepped over."""
    persons = [m for m in mentions if m.etype == mention.etype]
    if mention not in persons:
        return []
    i = persons.index(mention)
    out: list[Mention] = []
    for step in (-1, 1):
        j, cur = i, mention
        while 0 <= j + step < len(persons):
            nxt = persons[j + step]
            a, b = (nxt, cur) if step < 0 else (cur, nxt)
            gap = doc.text[a.end : b.start]
            if nxt.entity == cur.entity and _SAME_ENTITY_GAP.match(gap):
                j, cur = j + step, nxt
                continue
            if not _LIST_SEP.match(gap) and not _demonym_between(gap):
                break
            if nxt.entity != mention.entity and all(o.entity != nxt.entity for o in out):
                out.append(nxt)
            j, cur = j + step, nxt
    return out


_CO_LED = {"leads", "directs"}
_WITH_KIN = re.compile(
    r"\s*,?\s*(?:together with|along with|with|junto con|junto a|con)\s+(?:his|her|their|su|sus)\s+"
    r"(?:(?:elder|younger|older|twin|mayor|menor|gemelo)\s+)?(?:brothers?|sisters?|sons?|father|cousins?|uncle|nephew|"
    r"hermanos?|hermanas?|hijos?|padre|primos?|tío|sobrinos?|cuñados?|brother-in-law)(?:\s+(?:mayor|menor|gemelo))?\s*,?\s*$",
    re.IGNORECASE,
)


def _kin_partner(doc: Document, tail: Mention, mentions: list[Mention]) -> Mention | None:
    """The relative named right after the group in "ran X with his brother Y": Y leads X too."""
    after = [m for m in mentions if m.start >= tail.end and m.etype == "person"]
    if after and _WITH_KIN.match(doc.text[tail.end : after[0].start]):
        return after[0]
    return None


# a determiner and a lower-case noun right after a trigger that is no word for a group
_NON_GROUP_OBJECT = re.compile(
    # "succeeded him": a person, not the text's group ("her" only as an object, not "her gang")
    r"\s+(?:him|himself|herself)\b|\s+her(?=\s*[.,;]|\s+(?:in|on|at|as|after|when|until|before)\b)|"
    r"\s+(?:the|a|an|his|her|their|its|el|la|los|las|un|una|su|sus)\s+(?:[a-záéíóúñ\-]+\s+)?"
    r"(?!(?:gang|group|organi[sz]ation|cartel|network|family|clan|crew|syndicate|faction|outfit|band|ring|mafia|"
    r"banda|grupo|organización|cártel|red|familia|facción|pandilla|estructura|empresa|negocio|business|"
    r"operation|operations|operación|club|structure|alliance|alianza)\b)[a-záéíóúñ]+\b"
)
_OPPOSED = {"rival_of", "allied_with"}
_MEMBERSHIP = {"leads", "directs", "finances", "works_for", "lieutenant_of"}


def _between(doc: Document, sent: Sentence, p: _Pattern, m: re.Match, mentions: list[Mention]) -> list[Relation]:
    """ "una alianza entre A, B y C", "the war between A and B": every pair of the listed entities."""
    first = _right(mentions, m.end(), p.head)
    # the list right after the trigger, or after a short description of it: "a war between two
    # extended families of Lebanese background, the Alameddines and the Hamzys"
    if first is None or not re.fullmatch(
        r"(?:[^.;()\n]{0,70}?\s*[,:—–]\s*)?[\s\"“«'‘]*(?:(?:the|el|la|los|las)\s+)?(?:[a-záéíóúñ\-]+\s+){0,2}?",
        doc.text[m.end() : first.start],
        re.I,
    ):
        return []
    listed = [first, *(o for o in _coordinated(doc, first, mentions) if o.start > first.start)]
    conf = _confidence(m, first, None)
    return [
        _relation(p.type, a, b, None, sent, conf)
        for i, a in enumerate(listed)
        for b in listed[i + 1 :]
        if a.entity != b.entity
    ]


# between two successors after "leadership passed to A": ", then to the founder's son, B" / " y, en 2010, a C"
_NEXT_IN_CHAIN = re.compile(
    r"[^.;:]{0,40}?\b(?:then|later|luego|después|and|y)\b[^.;:]{0,40}?\b(?:to|a|en|by|por)\s+(?:[^.;:]{0,30}?,\s*)?"
    # "...; después, Yoshio Tsunoda", "primero Renato y, tras su asesinato en 2002, Reynaldo"
    r"|[^.:]{0,60}?\b(?:then|later|luego|después|más tarde|tras|after)\b[^.:;]{0,50}?,\s*"
    r"|[^.:;]{0,50}?\b(?:y luego|y después|and then|and later)\s*,?\s*",
    re.IGNORECASE,
)
# between a handover and its first successor: a short stretch, or a colon before "primero" / "first"
_FIRST_IN_CHAIN = re.compile(r"[^.;:]{0,40}?|[^.;:]{0,30}?:\s*(?:primero|first)\s*", re.IGNORECASE)


def _chain(
    doc: Document, sent: Sentence, p: _Pattern, m: re.Match, mentions: list[Mention], earlier: list[Mention]
) -> list[Relation]:
    """ "Leadership passed first to A, then to B, and then to C" / "A la muerte de Y, la
    presidencia recayó en A": each successor succeeded the one before, the first the person
    named before the handover in the same sentence, else the person named last in the two
    sentences before ("Lester Coke murió en 1992. El mando pasó a su hijo Christopher")."""
    persons = [x for x in mentions if x.etype == "person"]
    first = _right(persons, m.end(), ("person",))
    if first is None or not _FIRST_IN_CHAIN.fullmatch(doc.text[m.end() : first.start]):
        return []
    chain = [first]
    for x in persons:
        if x.start > chain[-1].end and x.entity not in {c.entity for c in chain}:
            if not _NEXT_IN_CHAIN.fullmatch(doc.text[chain[-1].end : x.start]):
                break
            chain.append(x)
    before = _left(persons, m.start(), ("person",), first.entity)
    if before is None:
        before = _named_last(earlier, *chain)
    if before is not None:
        chain.insert(0, before)
    conf = _confidence(m, first, None)
    return [_relation("succeeded", b, a, None, sent, conf) for a, b in zip(chain, chain[1:], strict=False)]


def _affiliated(found: dict[tuple, Relation], rels: list[Relation], person: Mention, group: Mention) -> bool:
    """The text already ties the person to the group (leads it, works for it...)."""
    return any(
        r.type in _MEMBERSHIP and r.head == person.entity and r.tail == group.entity for r in (*found.values(), *rels)
    )


def relation_slot(r: Relation) -> tuple:
    """(type, head, tail), either order for symmetric types: what one relation stands for."""
    ends = tuple(sorted((r.head, r.tail or ""))) if r.type in SYMMETRIC else (r.head, r.tail)
    return (r.type, *ends)


_RELATIVE = re.compile(r"\b(?:that|which|who|whom|whose|que|quien|quienes|cuy[oa]s?)\b", re.IGNORECASE)
_NOT_SUBJECT_GAP = re.compile(r"\b(?:and|y|e|with|con|to|a|of|de|del|for|para|against|contra)\b|,")
# a subject pronoun in the trigger's clause: "he was regarded as", "He led", "she became"
_PRONOUN_SUBJECT_BEFORE = re.compile(r"\b(?:he|she|él|ella)\b[^,;:.()\"“”]{0,40}$", re.IGNORECASE)
_PRONOUN_SUBJECT_TYPES = {"leads", "directs", "works_for", "finances", "brokers_for"}
_REFLEXIVE_OBJECT = re.compile(r"\s+(?:himself|herself|itself)\b")  # "established himself as"
_DEFINITE_BEFORE = re.compile(r"\b(?:the|el|la|al|del)\s+(?:\w+\s+)?$", re.IGNORECASE)


def _anaphor_subject(
    doc: Document,
    sent: Sentence,
    p: _Pattern,
    m: re.Match,
    head: Mention | None,
    tail: Mention | None,
    salient: dict[int, Mention],
) -> Mention | None:
    """In a sentence opening with a subject that refers back to a group ("It allied with the
    Sinaloa Cartel and fought the Urabeños"), an active trigger whose nearest group before it
    is no subject (after "and", "with", a comma...) or that has none is that group's: the group
    the two sentences before spoke of. Not inside a relative clause ("the two blocs that had
    fought each other")."""
    if p.voice != "active" or "group" not in p.head or tail is None:
        return None
    if _RELATIVE.search(doc.text, sent.start, m.start()):
        return None
    if head is not None and head.start < m.start() and not _NOT_SUBJECT_GAP.search(doc.text, head.end, m.start()):
        return None  # "It said the Sinaloa Cartel fought X": the trigger has a subject of its own
    antecedent = salient.get(sent.index - 1)
    return antecedent if antecedent is not None and antecedent.entity != tail.entity else None


def keep_strongest(found: dict[tuple, Relation], r: Relation) -> None:
    """Keep one relation per ``relation_slot``: the most confident one."""
    key = relation_slot(r)
    if key not in found or found[key].confidence < r.confidence:
        found[key] = r


_BOTH = re.compile(r"\b(?:ambos|ambas|both|los dos|las dos|the two|the pair)\b", re.IGNORECASE)
_UNNAMED_SUBJECT = re.compile(
    r"^\W*(?:(?:cuando|when|after|once|until|hasta que|después de que|aunque|although|but|pero|later|luego|then)\s+)?"
    r"(?:(?:he|she|él|ella)\b|(?:fue|había sido|habían sido|was|had been)\b|"
    r"(?:arrested|detained|captured|detenid[oa]|capturad[oa]|arrestad[oa])\b|"  # "Arrested in 2021, he was..."
    r"(?:[A-ZÁÉÍÓÚ][a-záéíóúñ]+\s+){0,3}(?:ambos|ambas|both|los dos|las dos|the two)\b)",
    re.IGNORECASE,
)
_ONE_POSSESSOR = re.compile(r"(?:his|her|su)\s", re.IGNORECASE)


def _both_heads(doc: Document, sent: Sentence, m: re.Match, earlier: list[Mention]) -> list[Mention]:
    """'Ambos fueron capturados', 'both were arrested': the last two persons named before."""
    if not _BOTH.search(doc.text, sent.start, m.start()):
        return []
    distinct = list({x.entity: x for x in earlier}.values())
    return distinct[-2:] if len(distinct) >= 2 else []


# a leader of a part of the group, said inside the trigger: "one of its regional leaders", "jefe local"
_REGIONAL_ROLE = re.compile(
    r"\b(?:regional|local|zone|area|provincial|municipal|district|plaza|state|zonal|departamental)\s+"
    r"(?:leaders?|bosses|boss|heads?|chiefs?|commanders?|jefes?|líderes|líder|cabecillas?)\b",
    re.IGNORECASE,
)
_OBJECT_PRONOUN_AFTER = re.compile(r"\s+(?:him|her)\b")


def _unnamed_arrests(doc: Document, sent: Sentence, patterns, earlier: list[Mention]) -> list[Relation]:
    """Arrest triggers in a sentence that names nobody and whose subject is a pronoun, "both",
    or dropped (Spanish): the subject is the last person named in the two sentences before."""
    if not earlier:
        return []
    subject = _UNNAMED_SUBJECT.match(sent.text)
    out: list[Relation] = []
    for p in patterns:
        if p.type != "arrested":
            continue
        m = p.regex.search(doc.text, sent.start, sent.end)
        if m is None or not (
            subject
            or _ONE_POSSESSOR.match(m.group(0))  # or "informó de su arresto"
            # "Spanish police arrested him on arrival", "Las autoridades turcas lo arrestaron en 2018"
            or _OBJECT_PRONOUN_AFTER.match(doc.text, m.end())
            or _clitic_object(doc.text, max(sent.start, m.start() - 6), m)
        ):
            continue
        heads = _both_heads(doc, sent, m, earlier) or [earlier[-1]]
        heads = [h for h in heads if not _named_as_official(doc, sent, h)]
        out += [_relation("arrested", h, None, None, sent, 0.4) for h in heads]
        break
    return out


_OF_BETWEEN = re.compile(r"\s+(?:de|del|de la|de los|of|of the)\s+$", re.IGNORECASE)
_UNIT_NAME = re.compile(
    r"(?i)\b(?:clan|clans|family|famiglia|familia|cell|célula|faction|facción|chapter|crew|wing|brazo|bloque|bloc|"
    r"frente|front|cartel|cártel|gang|banda|pandilla)\b"
)


def _group_of_group(doc: Document, by_sentence: dict[int, list[Mention]], sentences) -> list[Relation]:
    """A unit named right before "de"/"of" and another group: "el clan Contini de la Camorra",
    "the Gambino family of the American Mafia": the unit works for (belongs to) the other."""
    out: list[Relation] = []
    for i, mentions in by_sentence.items():
        groups = [m for m in mentions if m.etype == "group"]
        for a, b in zip(groups, groups[1:], strict=False):
            if a.entity == b.entity or b.start - a.end > 12:
                continue
            if _OF_BETWEEN.match(doc.text[a.end : b.start]) and _UNIT_NAME.search(doc.text[a.start : a.end]):
                out.append(_relation("works_for", a, b, None, sentences[i], 0.8))
    return out


def _predecessors_group(found: dict[tuple, Relation], unnamed_group: list[Relation]) -> None:
    """A successor whose sentence names no group ("Tras su muerte, el mando pasó a su hermano
    Haroldo") took over the group his predecessor leads, not the group named last (the one that
    killed the predecessor, say): the salient group gives way to the predecessor's, when the text
    ties the predecessor to one group as leader by name."""
    unnamed = {id(r) for r in unnamed_group}
    for r in unnamed_group:
        if found.get(relation_slot(r)) is not r:
            continue
        before = [x.tail for x in found.values() if x.type == "succeeded" and x.head == r.head and x.tail]
        groups = {
            x.tail for x in found.values() if x.type == "leads" and x.head in before and x.tail and id(x) not in unnamed
        }
        if len(groups) != 1 or any(x.type == "leads" and x.head in before and x.tail == r.tail for x in found.values()):
            continue  # the predecessor is tied to the salient group too ("Ross stepped aside"): it stays
        moved = replace(r, tail=groups.pop())
        del found[relation_slot(r)]
        keep_strongest(found, moved)


def _successors_lead(found: dict[tuple, Relation]) -> list[Relation]:
    """A person who succeeded a leader of a group leads that group, unless the text already
    ties the successor to a group as leader (the succession may be in another group)."""
    leads: dict[str, list[Relation]] = {}
    for r in found.values():
        if r.type == "leads":
            leads.setdefault(r.head, []).append(r)
    out = []
    for r in found.values():
        if r.type != "succeeded" or r.tail is None or r.head in leads:
            continue
        for led in leads.get(r.tail, ()):
            out.append(replace(r, type="leads", tail=led.tail, kind=None, confidence=round(0.8 * r.confidence, 3)))
    return out


# a trigger that names its group by a group noun's or "its" possessive ("the gang's leader", "one of
# its hitmen"): the group of the text, with no doubt that a group is meant
_GROUP_POSSESSOR = re.compile(
    r"\b(?:gang|group|cartel|organi[sz]ation|network|clan|crew|family|syndicate|faction|mafia|outfit)['’]s\s|\bits\s",
    re.IGNORECASE,
)
_ENDS_IN_OF = re.compile(r"(?:\s|^)(?:of|de|del)$", re.IGNORECASE)
_MEMBERS_OF = (
    r"members|miembros|integrantes|men|hombres|bosses|jefes|forces|fuerzas|troops|tropas|soldiers|sicarios|gunmen"
)


def _of_something_else(text: str, m: re.Match, end: int) -> bool:
    """A role noun with its object ("head of", "jefe de", "al frente del") whose object is no
    group: no group is named right after it (else it would be the tail) and it is no description
    of one ("jefe de la banda", "head of the organization", "leader of its armed wing" stay the
    text's group)."""
    if not _ENDS_IN_OF.search(m.group(0)):
        return False
    return _described_group().match(text, m.end(), end) is None


@lru_cache(maxsize=1)
def _described_group() -> re.Pattern[str]:
    """The group of the text described, not named: "la banda", "its southern forces", "some 500
    members", "the four", "bosses"."""
    heads = "|".join((*entity_lexicon().anaphora_heads, UNIT_NOUNS, _MEMBERS_OF))
    return re.compile(
        r"\s+(?:(?:the|la|el|los|las|this|that|its|their|his|her|su|sus|esta|este|esa|ese|dicha|dicho|some|unos|unas)\s+)?"
        r"(?:(?:[\w\-]+\s+){0,2}?(?:" + heads + r")s?\b|(?:\d+|two|three|four|five|six|dos|tres|cuatro|cinco|seis)\b)",
        re.IGNORECASE,
    )


def _siblings_of_siblings(found: dict[tuple, Relation]) -> list[Relation]:
    """Siblings of one person are siblings of each other: every two persons joined by a chain of
    sibling ties are kin ("Los hermanos Basel y Alex ... Alex y su hermano Abdalá")."""
    ties = [r for r in found.values() if r.type == "kin_of" and r.kind == "sibling" and r.tail is not None]
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for r in ties:
        parent[root(r.head)] = root(r.tail)
    linked = {frozenset((r.head, r.tail)) for r in ties}
    out: list[Relation] = []
    for r in ties:
        for s in ties:
            if s is r:
                continue
            for a in (r.head, r.tail):
                for b in (s.head, s.tail):
                    if a != b and root(a) == root(b) and frozenset((a, b)) not in linked:
                        linked.add(frozenset((a, b)))
                        weaker = r if r.confidence <= s.confidence else s
                        out.append(replace(weaker, head=a, tail=b, confidence=round(0.8 * weaker.confidence, 3)))
    return out


def salient_groups(doc: Document, groups: tuple[Group, ...], persons: tuple[Person, ...]) -> dict[int, Mention]:
    """Per sentence, the group a mention-less reference most likely points to."""
    return _salient_groups(doc, sentence_mentions(groups, persons))


def extract_relations(doc: Document, groups: tuple[Group, ...], persons: tuple[Person, ...]) -> tuple[Relation, ...]:
    patterns, _ = _patterns()
    by_sentence = sentence_mentions(groups, persons)
    found: dict[tuple, Relation] = {}
    unnamed_group: list[Relation] = []  # leads whose group the sentence does not name (the salient one)
    person_surnames = {
        p.id: {fold(t) for t in p.name.split()[1:] if t[:1].isupper() and fold(t) not in given_names()} for p in persons
    }
    salient = _salient_groups(doc, by_sentence)
    prior: dict[str, int] = {}  # mentions of each person before the sentence
    for sent in doc.sentences:
        for m in by_sentence.get(sent.index - 1, []):
            if m.etype == "person":
                prior[m.entity] = prior.get(m.entity, 0) + 1
        mentions = by_sentence.get(sent.index, [])
        earlier = [m for i in (sent.index - 2, sent.index - 1) for m in by_sentence.get(i, []) if m.etype == "person"]
        if not mentions:
            # "He was arrested in 1993." / "Fue capturado en Cúcuta.": a sentence naming nobody
            # can still say that the person just named was arrested
            for r in _unnamed_arrests(doc, sent, patterns, earlier):
                keep_strongest(found, r)
            continue
        antecedents = earlier or _last_persons(by_sentence, sent.index)
        anaphoric = bool(ANAPHORIC_SUBJECT.match(sent.text))
        wider = [
            m
            for i in range(sent.index - KIN_LOOKBACK, sent.index)
            for m in by_sentence.get(i, [])
            if m.etype == "person"
        ]
        rels: list[Relation] = _kin_relations(doc, sent, mentions, antecedents, prior, wider, person_surnames)
        rels += _surname_shared_in_a_list(doc, sent, mentions)
        rels += _as_his_deputy(doc, sent, mentions)
        rels += _pronoun_objects(doc, sent, mentions, antecedents)
        rels += _took_over(doc, sent, mentions, earlier)
        rels += _appositive_members(doc, sent, mentions, salient.get(sent.index))
        rels += _unit_appositions(doc, sent, mentions, salient)
        for p in patterns:
            for m in p.regex.finditer(doc.text, sent.start, sent.end):
                if p.voice == "between":
                    rels.extend(_between(doc, sent, p, m, mentions))
                    continue
                if p.voice == "chain":
                    rels.extend(_chain(doc, sent, p, m, mentions, earlier))
                    continue
                head, tail = _slots(p, m, mentions, doc.lang == "es")
                conf_scale = 1.0
                head_distance_only = False
                implicit = False
                tail_distance_only = False
                anaphor = _anaphor_subject(doc, sent, p, m, head, tail, salient) if anaphoric else None
                if anaphor is not None:
                    head = anaphor
                elif (
                    head is not None
                    and tail is None
                    and "group" in p.tail
                    and p.voice in ("nominal", "active", "copular", "passive")
                ):
                    if p.voice == "active" and _NON_GROUP_OBJECT.match(doc.text, m.end(), sent.end):
                        continue  # "Barrera ran the routes": the trigger's object is no group
                    if p.voice == "nominal" and _of_something_else(doc.text, m, sent.end):
                        continue  # "chief of Taiwan's military intelligence bureau": the head of something else
                    tail, conf_scale, implicit = salient.get(sent.index), 0.6, True
                    if (
                        p.voice == "copular"
                        and tail is not None
                        and tail.start >= m.start()
                        and _POSSESSIVE_START.match(m.group(0))
                    ):
                        # "Its rivals include X and Y": the group spoken of before, not one named after
                        tail = salient.get(sent.index - 1)
                    # a part of the group run with no group named ("X handled operations"): the text's
                    # group, wherever it was last named
                    head_distance_only = p.type == "directs"
                    if _GROUP_POSSESSOR.search(m.group(0)):
                        # "the group's accountant", "one of its hitmen": a group, said so; only the
                        # person's distance counts
                        conf_scale, head_distance_only = 1.0, True
                    if p.voice == "passive":  # "It was founded by X" / "Founded by X, it grew...": the
                        tail = salient.get(sent.index - 1, tail)  # group of the text so far, not one named later
                    if tail is not None and p.type in _OPPOSED and _affiliated(found, rels, head, tail):
                        continue  # "X and Y were rivals": not a rivalry between X and X's own group
                elif head is None and tail is not None and "group" in p.head and p.voice == "active":
                    head, conf_scale = salient.get(sent.index), 0.5  # Spanish drops the subject
                    if head is not None and head.entity == tail.entity:  # "It fought a war with the rival X":
                        head = salient.get(sent.index - 1)  # the group spoken of before, not X itself
                    if (
                        doc.lang == "es"
                        and p.type in _OPPOSED
                        and tail.etype == "group"  # "Fue socio de Joaquín Guzmán": a person's, likely
                        and not any(x.end <= m.start() for x in mentions)
                    ):
                        # "Más tarde se aliaron con el cartel del Golfo", "pronto entró en guerra con el
                        # CJNG": a clause that names nothing before its verb has the group of the text
                        # so far as subject (not one named later in the sentence), as close as its object
                        subject = salient.get(sent.index - 1)
                        if subject is not None and subject.entity != tail.entity:
                            head, tail_distance_only = subject, True
                elif (
                    head is None
                    and tail is not None
                    and p.type in ("leads", "directs", "works_for")
                    and p.voice == "nominal"
                    and earlier
                    and not any(x.etype == "person" for x in mentions)
                    and _DEFINITE_BEFORE.search(doc.text, max(sent.start, m.start() - 12), m.start())
                ):
                    # "las autoridades cerraban el cerco sobre el jefe de Los Caballeros Templarios":
                    # a definite description of the person named just before
                    head, conf_scale = earlier[-1], 0.5
                elif (
                    head is None
                    and tail is not None
                    and p.type in _PRONOUN_SUBJECT_TYPES
                    and "person" in p.head
                    and p.voice in ("active", "nominal")
                    and antecedents
                    and not _REFLEXIVE_OBJECT.match(doc.text, m.end())
                    and _PRONOUN_SUBJECT_BEFORE.search(doc.text, max(sent.start, m.start() - 50), m.start())
                ):
                    # "Raised in the Netherlands, he was regarded as head of X": the person named last
                    head, conf_scale = antecedents[-1], 0.5
                elif head is None and p.voice == "unary" and earlier and not _common_noun_subject(m):
                    both = _both_heads(doc, sent, m, earlier)
                    for other in both[1:]:
                        rels.append(_relation(p.type, other, None, None, sent, 0.5 * _confidence(m, other, None)))
                    head, conf_scale = (both[0] if both else earlier[-1]), 0.5  # "He was arrested in 1993"
                if head is None or (p.tail and tail is None) or (tail and head.entity == tail.entity):
                    continue
                # a copular membership names its unit right after the trigger and its parent
                # wherever the sentence put it ("X ..., y con él su brazo armado, la Tropa"):
                # only the unit's distance counts
                both = not (p.voice == "copular" and p.type == "works_for")
                if anaphor is not None:  # the subject is the anaphor at the sentence's start: the tail's distance
                    conf = 0.8 * _confidence(m, tail, None)
                elif tail_distance_only:
                    conf = 0.6 * _confidence(m, tail, None)
                else:
                    conf = conf_scale * _confidence(m, head, tail if both and not head_distance_only else None)
                rtype = p.type
                if rtype == "works_for" and tail is not None and tail.etype == "person" and _SECOND.search(m.group(0)):
                    rtype = "lieutenant_of"  # "segundo al mando de Claudius Massop": his deputy, not his employee
                if (
                    rtype == "leads"
                    and tail is not None
                    and (
                        p.voice == "nominal"
                        and _UNIT_OBJECT.match(doc.text, m.end(), sent.end)
                        or p.voice == "active"
                        and tail.start >= m.end()
                        and _UNIT_BEFORE_GROUP.match(doc.text, m.end(), tail.start)
                    )
                ):
                    # "the head of the Palermo nest", "commander of its southern forces", "jefe de
                    # un frente de las FARC": the person runs a part of the group
                    rtype = "directs"
                if rtype == "leads" and _REGIONAL_ROLE.search(m.group(0)):
                    rtype = "directs"  # "regarded as one of its regional leaders": a part of the group
                if rtype == "arrested" and _named_as_official(doc, sent, head):
                    continue
                rels.append(_relation(rtype, head, tail, p.kind, sent, conf))
                if implicit and rtype == "leads":
                    unnamed_group.append(rels[-1])
                if p.voice == "pair" and tail is not None:
                    # "A, B, C y D ... se habrían coordinado": every two of the listed
                    listed = list({x.entity: x for x in (head, tail, *_coordinated(doc, tail, mentions))}.values())
                    for i, a in enumerate(listed):
                        for b in listed[i + 1 :]:
                            if {a.entity, b.entity} != {head.entity, tail.entity}:
                                rels.append(_relation(rtype, a, b, None, sent, 0.9 * conf))
                if (p.type in _COORDINATED_TYPES and (head.etype == "person" or p.voice == "copular")) or (
                    p.type in _COORDINATED_TAILS and p.voice == "copular"
                ):  # "Its rivals today include A, B and C": each of them
                    for other in _coordinated(doc, head, mentions):
                        if not tail or other.entity != tail.entity:
                            rels.append(_relation(rtype, other, tail, None, sent, 0.9 * conf))
                if p.type in _CO_LED and head.etype == "person" and tail is not None and tail.etype == "group":
                    partner = _kin_partner(doc, tail, mentions)  # "dirigía Los Cachiros con su hermano X"
                    if partner is not None and partner.entity != head.entity:
                        rels.append(_relation(p.type, partner, tail, None, sent, round(0.8 * conf, 3)))
                if p.type in _COORDINATED_TAILS and tail is not None and p.voice in ("active", "nominal"):
                    for other in _coordinated(doc, tail, mentions):
                        if other.entity != head.entity and other.start > tail.start:
                            rels.append(_relation(p.type, head, other, None, sent, 0.9 * conf))
        for r in rels:
            keep_strongest(found, r)
    sentences = {s.index: s for s in doc.sentences}
    for outer, og, ig in nested_groups(groups):  # "Bloque Centauros de las AUC": the bloc belongs to the AUC
        head, tail = Mention(outer.start, outer.end, og, "group"), Mention(outer.start, outer.end, ig, "group")
        keep_strongest(found, _relation("works_for", head, tail, None, sentences[outer.sentence], 0.8))
    for r in _group_of_group(doc, by_sentence, sentences):  # "el clan Contini de la Camorra"
        keep_strongest(found, r)
    for r in _counted_members(doc, by_sentence, sentences):  # "nueve integrantes de Los Zetas ... A, B y C"
        keep_strongest(found, r)
    _predecessors_group(found, unnamed_group)  # "Tras su muerte, el mando pasó a su hermano Haroldo"
    for r in _successors_lead(found):  # "A la muerte de Ishii le sucedió Toi Inagawa": Inagawa leads Ishii's group
        keep_strongest(found, r)
    for r in _siblings_of_siblings(found):  # "A, hermano de B" ... "B y su hermano C": A and C are siblings
        keep_strongest(found, r)
    kept = (r for r in found.values() if r.confidence >= MIN_CONFIDENCE.get(r.type, 0.0))
    return tuple(sorted(kept, key=lambda r: (r.start, r.type)))
