"""Persons who stand for a group in a sentence (its leader, its financier...)."""

from __future__ import annotations

from orgstruct.schema import Group, Person, Relation, Span

_AFFILIATION = ("leads", "directs", "finances", "works_for")


def person_proxies(
    groups: tuple[Group, ...], persons: tuple[Person, ...], relations: tuple[Relation, ...]
) -> tuple[tuple[Span, str], ...]:
    """Mentions of persons who lead, direct, finance or work for exactly one group."""
    group_ids = {g.id for g in groups}
    affiliation: dict[str, set[str]] = {}
    for r in relations:
        if r.type in _AFFILIATION and r.tail in group_ids:
            affiliation.setdefault(r.head, set()).add(r.tail)
    own = {pid: next(iter(gs)) for pid, gs in affiliation.items() if len(gs) == 1}
    return tuple((m, own[p.id]) for p in persons if p.id in own for m in p.mentions)
