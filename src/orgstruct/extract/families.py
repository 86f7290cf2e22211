"""A family named by its surname that runs a group with a name of its own is that group.

"Los Monos ... los Cantero", "the Milenio Cartel ... Los Valencia": reporting names a
family-run group both by its gang name and by the family's surname. When the persons who
carry the surname lead or serve one named group, and no other, the surname group is an
alias of that group (its mentions, relations and operations go to it).
"""

from __future__ import annotations

import re

from orgstruct.extract.lexicon import fold, tokens
from orgstruct.schema import Group, Person, Relation

_FAMILY_WORDS = {"los", "las", "the", "la", "el", "family", "familia", "clan", "brothers", "hermanos", "famiglia"}
_TIES = {"leads", "works_for", "directs", "finances", "succeeded"}


def _surname_words(name: str) -> list[str]:
    return [fold(t) for t in tokens(name) if fold(t) not in _FAMILY_WORDS]


def _person_surnames(person: Person) -> set[str]:
    """Every name word after the given name (Spanish names carry two surnames). Wider than the
    typer's ``_surnames_of``, which drops given names: "los León" is named after "Juan José León"."""
    words = [fold(t) for t in tokens(person.name)]
    return set(words[1:])


def _named_by_surname(group: Group, surnames: set[str]) -> set[str] | None:
    """The surname a group is named by ("los Cantero", "the Valencias", "Cantero family"), if every
    one of its names is a surname (of ``surnames``, those the text's persons carry)."""
    found: set[str] = set()
    for form in (group.name, *group.aliases):
        if not re.match(r"(?i)(?:the|los|las|la familia|familia|el clan|clan)\s", form) and not re.search(
            r"(?i)\s(?:family|brothers|clan)$", form
        ):
            return None
        words = _surname_words(form)
        if not words:
            return None
        for w in words:
            word = w if w in surnames else re.sub(r"(?:es|s)$", "", w)  # "the Valencias"
            if word not in surnames:
                return None
            found.add(word)
    return found


def _named_in(group: Group, sentence: int) -> bool:
    """The group is named by one of its names (not an anaphor such as "the family") in the sentence."""
    return any(m.sentence == sentence and re.search(r"[A-ZÁÉÍÓÚÑ]", m.text) for m in group.mentions)


# what joins two items of one list: "the Hamzy family, a large extended family..., and Brothers 4 Life"
_LISTED_APART = re.compile(
    r"(?:,\s*|\s+)(?:and|y|e|as well as|así como)\s+(?:(?:the|los|las|la|el)\s+)?$", re.IGNORECASE
)


def _listed_apart(text: str, a: Group, b: Group) -> bool:
    """A sentence names the two as two items of one list ("two overlapping entities: the Hamzy
    family ... and Brothers 4 Life"): two entities the text keeps apart, not one group's names."""
    for x in a.mentions:
        for y in b.mentions:
            first, second = (x, y) if x.start < y.start else (y, x)
            if x.sentence == y.sentence and _LISTED_APART.search(text, first.end, second.start):
                return True
    return False


def merge_surname_families(
    groups: tuple[Group, ...], persons: tuple[Person, ...], relations: tuple[Relation, ...], text: str = ""
) -> tuple[Group, ...]:
    """``groups`` with each family named by a surname merged into the one named group its
    bearers lead or serve; unchanged when there is none, or when a sentence lists the family
    and that group as two items (``text``, the document's)."""
    by_id = {g.id: g for g in groups}
    surnames_of = {p.id: _person_surnames(p) for p in persons}
    all_surnames = set().union(*surnames_of.values())
    families = {g.id: s for g in groups if (s := _named_by_surname(g, all_surnames))}
    merged: dict[str, str] = {}
    for fid, surname in families.items():
        targets = {
            r.tail
            for r in relations
            if r.type in _TIES
            and r.head in surnames_of
            and r.tail in by_id
            and r.tail not in families
            and surname <= surnames_of[r.head]
            and r.confidence >= 0.5
            and _named_in(by_id[r.tail], r.sentence)  # not the group of the sentences before, nor "the family"
        }
        if len(targets) == 1:
            target = targets.pop()
            if text and _listed_apart(text, by_id[fid], by_id[target]):
                continue
            if len(by_id[fid].mentions) < len(by_id[target].mentions):  # the family is not the text's subject
                merged[fid] = target
    if not merged:
        return groups
    out = []
    for g in groups:
        if g.id in merged:
            continue
        parts = [by_id[f] for f, t in merged.items() if t == g.id]
        if parts:
            aliases = tuple(dict.fromkeys((*g.aliases, *(n for p in parts for n in (p.name, *p.aliases)))))
            spans = tuple(sorted((*g.mentions, *(m for p in parts for m in p.mentions)), key=lambda m: m.start))
            g = Group(g.id, g.name, aliases, spans)
        out.append(g)
    return tuple(out)
