"""Extraction: groups, persons, relations and operations from one text."""

from __future__ import annotations

from orgstruct.extract.groups import find_groups
from orgstruct.extract.operations import extract_operations
from orgstruct.extract.persons import find_persons
from orgstruct.extract.relations import extract_relations, salient_groups
from orgstruct.extract.typer import default_typer, type_relations
from orgstruct.schema import Extraction, Group, Person, Relation, Span
from orgstruct.text import make_document

_AFFILIATION = ("leads", "directs", "finances", "works_for")


def _person_proxies(
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


def extract(text: str, *, learned: bool = True) -> Extraction:
    """Read one text: named groups with aliases, persons, typed relations and operations.

    ``learned=False`` keeps the trigger rules' relations only, without the learned typer
    (which is also what happens when the typer file is missing)."""
    doc = make_document(text)
    groups = find_groups(doc)
    persons = find_persons(doc, groups)
    relations = extract_relations(doc, groups, persons)
    typer = default_typer() if learned else None
    if typer is not None:
        relations = type_relations(doc, groups, persons, relations, salient_groups(doc, groups, persons), typer)
    operations = extract_operations(doc, groups, _person_proxies(groups, persons, relations))
    return Extraction(doc, groups, persons, relations, operations)


__all__ = ["extract"]
