"""Extraction: groups, persons, relations and operations from one text."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from orgstruct.extract.families import merge_surname_families
from orgstruct.extract.groups import find_groups
from orgstruct.extract.operations import default_scorer, extract_operations
from orgstruct.extract.persons import find_persons
from orgstruct.extract.proxies import person_proxies
from orgstruct.extract.relations import extract_relations, salient_groups
from orgstruct.extract.typer import default_typer, type_relations
from orgstruct.schema import Document, Extraction, Group, Person
from orgstruct.text import make_document


def _settled(doc: Document, entities: tuple[Group, ...] | tuple[Person, ...]):
    """Each mention's sentence is the one its first character is in. Name finders may give a
    name's part the sentence of the whole ("Celso y\nAntonio Ortega", a newline ending the first
    line); relations look mentions up by sentence, so a mismatch would lose or break them."""
    starts = [s.start for s in doc.sentences]

    def sentence_of(pos: int) -> int:
        return max(0, bisect_right(starts, pos) - 1)

    out = []
    for e in entities:
        mentions = tuple(replace(m, sentence=sentence_of(m.start)) for m in e.mentions)
        out.append(e if mentions == e.mentions else replace(e, mentions=mentions))
    return tuple(out)


def extract(text: str, *, learned: bool = True, learned_operations: bool = True) -> Extraction:
    """Read one text: named groups with aliases, persons, typed relations and operations.

    By default the learned parts run on top of the trigger rules: the relation typer adds
    relations, and the learned operations scorer decides the operations (better than the
    rules' on text nobody developed on; README "Figures"). ``learned_operations=False`` keeps
    the rules' operations; ``learned=False`` keeps the rules alone for both (also what happens
    when a model file is missing). The classifier reads neither learned part (see
    ``extract_for_classifier``)."""
    doc = make_document(text)
    groups = _settled(doc, find_groups(doc))
    persons = _settled(doc, find_persons(doc, groups))
    rule_relations = extract_relations(doc, groups, persons)
    merged = merge_surname_families(groups, persons, rule_relations, doc.text)
    if merged is not groups:  # "los Cantero" run Los Monos: one group, so the relations are read again
        groups = merged
        rule_relations = extract_relations(doc, groups, persons)
    relations = rule_relations
    typer = default_typer() if learned else None
    if typer is not None:
        relations = type_relations(doc, groups, persons, rule_relations, salient_groups(doc, groups, persons), typer)
    proxies = person_proxies(groups, persons, rule_relations)
    scorer = default_scorer() if learned and learned_operations else None
    operations = extract_operations(doc, groups, proxies, scorer)
    return Extraction(doc, groups, persons, relations, operations)


def extract_for_classifier(text: str) -> Extraction:
    """The extraction the structure classifier's features rest on: the rules alone, for
    relations as for operations. Retraining the learned relation typer or operations scorer
    then never shifts the features a trained classifier expects, and the evidence shown
    with a prediction is the rules' (more precise) relations."""
    return extract(text, learned=False)


__all__ = ["extract", "extract_for_classifier"]
