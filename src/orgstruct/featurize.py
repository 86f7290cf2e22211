"""Per-group features: relations, graph measures, operations and lexical cues.

Every feature is named and described in features/FEATURES.md. The group's own
names are masked before lexical cues and embeddings are computed, so that a
name such as "Clan del Golfo" or "Cartel of the Suns" cannot vote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from orgstruct.corpus import RELATION_TYPES
from orgstruct.extract.groups import outer_mentions
from orgstruct.extract.lexicon import entity_lexicon, fold
from orgstruct.extract.operations import OPERATIONS
from orgstruct.graph import brokerage_roles, build_graph, command_depth, degree_centralization, shared_surname_pairs
from orgstruct.resources import load_lexicon
from orgstruct.schema import Extraction, Group, Sentence

CUE_CLASSES = ("command", "kinship", "brokerage")
MASK = "the group"


@dataclass(frozen=True)
class GroupView:
    """What the featurizer and the evidence builder need about one group."""

    group: Group
    sentences: tuple[Sentence, ...]
    masked: tuple[str, ...]  # each sentence's part about the group (own_segments), names masked
    features: dict[str, float]
    # each sentence's additive share of the lexical features (cue_*, stmt_*): evidence tracing
    sentence_parts: tuple[dict[str, float], ...] = ()


@lru_cache(maxsize=1)
def _cue_patterns() -> dict[str, re.Pattern[str]]:
    raw = load_lexicon("structure_cues")
    keys = [*CUE_CLASSES, *(f"statement_{c}" for c in CUE_CLASSES)]
    return {
        key: re.compile(
            r"\b(?:" + "|".join(re.escape(fold(c)) for c in sorted(set(raw[key]), key=len, reverse=True)) + r")"
        )
        for key in keys
    }


def feature_names() -> tuple[str, ...]:
    names = [f"rel_{t}" for t in RELATION_TYPES]
    names += ["rel_works_for_in", "rel_works_for_out", "rel_brokers_in", "rel_brokers_out"]
    names += [
        "graph_members",
        "graph_command_depth",
        "graph_centralization",
        "graph_kin_ratio",
        "graph_shared_surnames",
        "graph_partner_groups",
        "graph_nationalities",
    ]
    names += [f"gf_{r}" for r in ("coordinator", "gatekeeper", "representative", "consultant", "liaison")]
    names += [f"op_{op}" for op in OPERATIONS] + ["op_chain_coverage"]
    names += [f"cue_{c}" for c in CUE_CLASSES] + [f"cue_{c}_max" for c in CUE_CLASSES]
    names += [f"stmt_{c}" for c in CUE_CLASSES] + [f"doc_cue_{c}" for c in CUE_CLASSES]
    names += ["text_nationalities", "text_sentence_share", "text_is_spanish", "name_is_surname"]
    return tuple(names)


def group_sentences(extraction: Extraction, group: Group) -> tuple[Sentence, ...]:
    """The group's discourse: sentences that mention it, and sentences that mention no group
    whose nearest preceding group mention (or, before any, the first one) is this group."""
    mentioned: dict[int, set[str]] = {}
    for gid, mentions in outer_mentions(extraction.groups).items():
        for m in mentions:
            mentioned.setdefault(m.sentence, set()).add(gid)
    if group.id not in {gid for ids in mentioned.values() for gid in ids}:
        mentioned.setdefault(group.mentions[0].sentence if group.mentions else 0, set()).add(group.id)
    first = mentioned[min(mentioned)] if mentioned else set()
    current, picked = first, []
    for s in extraction.document.sentences:
        ids = mentioned.get(s.index)
        if ids:
            current = ids
            if group.id in ids:
                picked.append(s)
        elif group.id in current:
            picked.append(s)
    return tuple(picked)


def mask_names(text: str, names: list[str]) -> str:
    for name in sorted(names, key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", MASK, text, flags=re.IGNORECASE)
    return text


def _cue_rates(text: str) -> dict[str, float]:
    folded = fold(text)
    words = max(1, len(folded.split()))
    return {c: 100.0 * len(p.findall(folded)) / words for c, p in _cue_patterns().items() if c in CUE_CLASSES}


def _statements(text: str) -> dict[str, float]:
    folded = fold(text)
    patterns = _cue_patterns()
    return {c: float(len(patterns[f"statement_{c}"].findall(folded))) for c in CUE_CLASSES}


def _nationalities(text: str) -> int:
    lex = entity_lexicon()
    found = {lex.demonyms[w] for w in re.findall(r"[a-záéíóúñ\-]+", fold(text)) if w in lex.demonyms}
    return len(found)


def _relation_features(extraction: Extraction, group: Group, sentence_ids: set[int]) -> dict[str, float]:
    """Counts over the relations that touch the group or its members, or are stated in its sentences."""
    rg = build_graph(extraction, group, sentence_ids)
    mine = set(rg.members) | {group.id}
    f = {f"rel_{t}": 0.0 for t in RELATION_TYPES}
    f.update(rel_works_for_in=0.0, rel_works_for_out=0.0, rel_brokers_in=0.0, rel_brokers_out=0.0)
    partners, person_edges, kin_edges = set(), 0, 0
    kinds = {g.id: "group" for g in extraction.groups}
    for r in extraction.relations:
        touches = r.head in mine or r.tail in mine
        if not touches and r.sentence not in sentence_ids:
            continue
        f[f"rel_{r.type}"] += 1
        if r.type in ("works_for", "brokers_for") and touches:
            key = "works_for" if r.type == "works_for" else "brokers"
            f[f"rel_{key}_{'in' if r.tail in mine else 'out'}"] += 1
        other = r.tail if r.head in mine else r.head
        if other and kinds.get(other) == "group" and other != group.id:
            partners.add(other)
        if r.tail and kinds.get(r.head) is None and kinds.get(r.tail) is None:
            person_edges += 1
            kin_edges += r.type == "kin_of"
    nationalities = {p.nationality for p in extraction.persons if p.id in rg.members and p.nationality}
    f.update(
        graph_members=float(len(rg.members)),
        graph_command_depth=float(command_depth(rg)),
        graph_centralization=degree_centralization(rg),
        graph_kin_ratio=kin_edges / person_edges if person_edges else 0.0,
        graph_shared_surnames=float(shared_surname_pairs(extraction, set(rg.members))),
        graph_partner_groups=float(len(partners)),
        graph_nationalities=float(len(nationalities)),
    )
    f.update({f"gf_{k}": float(v) for k, v in brokerage_roles(rg).items()})
    return f


_POSSESSOR_OF_OTHERS = re.compile(
    r"['’]s?\s+(?:[a-z]+\s+){0,2}?(?:collaborators?|partners?|allies|ally|rivals?|enemies|suppliers?|clients?|"
    r"customers?|buyers?|associates?|contacts?|providers?)\b"
)

# the same told the other way round: "el Cartel Andino, socio de Los Reyes, negocia..."
_OTHERS_OF = re.compile(
    r"\b(?:collaborators?|partners?|allies|ally|rivals?|enemies|suppliers?|clients?|customers?|buyers?|associates?|"
    r"socios?|socias?|aliad[oa]s?|rivales|enemig[oa]s?|proveedor(?:es)?|proveedoras?|clientes?|compradores?|"
    r"colaborador(?:es)?|contactos?)\s+(?:of|de|del)\s+(?:the\s+|los\s+|las\s+|la\s+|el\s+)?$",
    re.IGNORECASE,
)


def sentence_marks(extraction: Extraction) -> dict[int, list[tuple[int, str]]]:
    """Per sentence, its group mentions as (start, group id), in text order."""
    marks: dict[int, list[tuple[int, str]]] = {}
    text = extraction.document.text
    # a group named inside another's name ("Bloque Centauros de las AUC") does not cut the sentence,
    # nor does the group whose partners a sentence speaks of ("the Kings' alleged collaborators, the
    # Andean Cartel, broker deals"; "el Cartel Andino, socio de Los Reyes, negocia")
    for gid, mentions in outer_mentions(extraction.groups).items():
        for m in mentions:
            partner_of_it = _POSSESSOR_OF_OTHERS.match(text, m.end) or _OTHERS_OF.search(
                text, max(0, m.start - 40), m.start
            )
            if not partner_of_it:
                marks.setdefault(m.sentence, []).append((m.start, gid))
    for v in marks.values():
        v.sort()
    return marks


def own_segments(
    extraction: Extraction, group: Group, sentence: Sentence, marks_by_sentence: dict | None = None
) -> tuple[str, float]:
    """The part of a sentence that is about ``group``, and its share of the sentence's words.

    A sentence naming several groups is cut at each group mention: a stretch runs from a
    mention to the next mention of another group, and the words before the first mention go
    to the first group named. "the Kings' collaborators, the Andean Cartel, broker deals"
    gives "broker deals" to the Andean Cartel. A sentence naming no other group is whole."""
    if marks_by_sentence is None:
        marks_by_sentence = sentence_marks(extraction)
    marks = marks_by_sentence.get(sentence.index, [])
    named = {gid for _, gid in marks}
    if not named or named == {group.id}:
        return sentence.text, 1.0
    if group.id not in named:
        return "", 0.0
    cuts = [sentence.start] + [start for start, _ in marks[1:]] + [sentence.end]
    owners = [gid for _, gid in marks]
    text = extraction.document.text
    pieces = [text[a:b] for a, b, gid in zip(cuts[:-1], cuts[1:], owners, strict=True) if gid == group.id and b > a]
    own = " ".join(pieces)
    return own, len(own.split()) / max(1, len(sentence.text.split()))


def _lexical_features(masked, shares) -> dict[str, float]:
    """Cue rates and explicit statements over the parts of the group's sentences that are
    about it (``own_segments``, names masked), each weighted by its share of its sentence."""
    rates = [_cue_rates(m) for m in masked]
    stmts = [_statements(m) for m in masked]
    total = sum(shares) or 1.0
    parts = [
        {**{f"cue_{c}": r[c] * w / total for c in CUE_CLASSES}, **{f"stmt_{c}": st[c] * w for c in CUE_CLASSES}}
        for r, st, w in zip(rates, stmts, shares, strict=True)
    ]
    f = {}
    for c in CUE_CLASSES:
        f[f"cue_{c}"] = sum(p[f"cue_{c}"] for p in parts)
        f[f"cue_{c}_max"] = max((r[c] * w for r, w in zip(rates, shares, strict=True)), default=0.0)
        f[f"stmt_{c}"] = sum(p[f"stmt_{c}"] for p in parts)
    return f, tuple(parts)


def _named_after_a_person(extraction: Extraction, group: Group) -> bool:
    """The group is known by the surname of a person named in the text ("the Rivera Maradiaga
    brothers", "los Kinahan"): LABELS.md's "a group known by a surname"."""
    lex = entity_lexicon()
    name_words = {fold(t) for n in (group.name, *group.aliases) for t in re.findall(r"[\w'-]+", n)}
    name_words -= lex.heads | lex.generic | lex.connectors
    for p in extraction.persons:
        surnames = {fold(t) for t in p.name.split()[1:]}
        if len(p.name.split()) > 1 and surnames & name_words:
            return True
    return False


def _doc_text_about(extraction: Extraction, group: Group, marks: dict) -> str:
    """The document without what it says of other groups: sentences naming no group stay
    whole, sentences naming groups keep this group's own segments."""
    parts = (own_segments(extraction, group, s, marks)[0] for s in extraction.document.sentences)
    return " ".join(p for p in parts if p)


def featurize_group(extraction: Extraction, group: Group) -> GroupView:
    sentences = group_sentences(extraction, group)
    names = [group.name, *group.aliases]
    marks = sentence_marks(extraction)
    owned = [own_segments(extraction, group, s, marks) for s in sentences]
    masked = tuple(mask_names(own or s.text, names) for (own, _), s in zip(owned, sentences, strict=True))
    f = _relation_features(extraction, group, {s.index for s in sentences})
    ops = {o.operation for o in extraction.operations if o.group == group.id}
    f.update({f"op_{op}": float(op in ops) for op in OPERATIONS})
    f["op_chain_coverage"] = len(ops) / len(OPERATIONS)
    lexical, parts = _lexical_features(masked, [w for _, w in owned])
    f.update(lexical)
    share = len(group.mentions) / max(1, sum(len(g.mentions) for g in extraction.groups))
    doc_rates = _cue_rates(mask_names(_doc_text_about(extraction, group, marks), names))
    f.update({f"doc_cue_{c}": v * min(1.0, share) for c, v in doc_rates.items()})
    f["text_nationalities"] = float(_nationalities(" ".join(own for own, _ in owned)))
    f["text_sentence_share"] = len(sentences) / max(1, len(extraction.document.sentences))
    f["text_is_spanish"] = float(extraction.document.lang == "es")
    f["name_is_surname"] = float(_named_after_a_person(extraction, group))
    return GroupView(group, sentences, masked, {n: float(f[n]) for n in feature_names()}, parts)
