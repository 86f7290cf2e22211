"""The relation graph of one group and the structural measures read off it."""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from orgstruct.extract.groups import outer_mentions
from orgstruct.extract.lexicon import fold, tokens
from orgstruct.schema import Extraction, Group

AFFILIATION = ("leads", "directs", "finances", "works_for")
COMMAND = ("leads", "directs", "lieutenant_of", "works_for")
_PARTICLES = {"de", "del", "la", "las", "los", "y", "da", "do", "dos", "di", "van", "von", "el"}


@dataclass(frozen=True)
class RelationGraph:
    group: str
    graph: nx.MultiDiGraph
    members: frozenset[str]

    def edges_of(self, rtype: str) -> list[tuple[str, str, dict]]:
        return [(u, v, d) for u, v, d in self.graph.edges(data=True) if d["type"] == rtype]


def document_graph(extraction: Extraction) -> nx.MultiDiGraph:
    """Every group and person of a document as nodes (string attributes, so GraphML and GEXF can
    hold them) and every two-place relation as an edge carrying its evidence."""
    g = nx.MultiDiGraph()
    for grp in extraction.groups:
        ops = sorted({o.operation for o in extraction.operations if o.group == grp.id})
        g.add_node(
            grp.id,
            label=grp.name,
            kind="group",
            aliases="; ".join(grp.aliases),
            operations="; ".join(ops),
            nationality="",
            role="",
            arrested="no",
        )
    for p in extraction.persons:
        g.add_node(
            p.id,
            label=p.name,
            kind="person",
            aliases="; ".join(p.aliases),
            operations="",
            nationality=p.nationality or "",
            role=p.role or "",
            arrested="no",
        )
    for r in extraction.relations:
        if r.tail is None:
            g.nodes[r.head][r.type] = "yes"
            continue
        g.add_edge(
            r.head,
            r.tail,
            type=r.type,
            kin=r.kind or "",
            evidence=r.evidence,
            start=r.start,
            end=r.end,
            **extraction.document.input_fields(r.start, r.end),
            confidence=float(r.confidence),
        )
    return g


def build_graph(extraction: Extraction, group: Group, sentence_ids: set[int] | None = None) -> RelationGraph:
    """All relations of the document, with the group's members marked.

    Members: persons tied to the group by an affiliation relation; persons
    named in the group's own sentences that mention no other group; then
    persons tied to a member by lieutenant_of or kin_of (one hop).
    """
    g = document_graph(extraction)
    members = {
        r.head
        for r in extraction.relations
        if r.type in AFFILIATION and r.tail == group.id and g.nodes[r.head]["kind"] == "person"
    }
    if sentence_ids:
        others = {m.sentence for gid, ms in outer_mentions(extraction.groups).items() if gid != group.id for m in ms}
        members |= {
            p.id
            for p in extraction.persons
            if any(m.sentence in sentence_ids and m.sentence not in others for m in p.mentions)
        }
    linked = {
        (r.head if r.tail in members else r.tail)
        for r in extraction.relations
        if r.type in ("lieutenant_of", "kin_of") and r.tail and (r.head in members or r.tail in members)
    }
    members |= {m for m in linked if g.nodes[m]["kind"] == "person"}
    return RelationGraph(group.id, g, frozenset(members))


def command_depth(rg: RelationGraph) -> int:
    """Longest chain of command edges among the group and its members (0 = no chain)."""
    nodes = set(rg.members) | {rg.group}
    sub = nx.DiGraph()
    for u, v, d in rg.graph.edges(data=True):
        if d["type"] in COMMAND and u in nodes and v in nodes:
            sub.add_edge(u, v)
    if sub.number_of_edges() == 0:
        return 0
    if not nx.is_directed_acyclic_graph(sub):
        return sub.number_of_edges()
    return nx.dag_longest_path_length(sub)


def degree_centralization(rg: RelationGraph) -> float:
    """Freeman degree centralization of the undirected member graph (1 = a star)."""
    nodes = set(rg.members) | {rg.group}
    und = nx.Graph()
    und.add_nodes_from(nodes)
    und.add_edges_from((u, v) for u, v in rg.graph.edges() if u in nodes and v in nodes and u != v)
    n = und.number_of_nodes()
    if n < 3:
        return 0.0
    degrees = [d for _, d in und.degree()]
    top = max(degrees)
    return sum(top - d for d in degrees) / ((n - 1) * (n - 2))


def shared_surname_pairs(extraction: Extraction, person_ids: set[str]) -> int:
    surnames = []
    for p in extraction.persons:
        if p.id in person_ids:
            words = [fold(t) for t in tokens(p.name) if fold(t) not in _PARTICLES]
            surnames.append(set(words[1:]))
    return sum(1 for i, a in enumerate(surnames) for b in surnames[i + 1 :] if a & b)


def brokerage_roles(rg: RelationGraph) -> dict[str, int]:
    """Gould–Fernandez roles of the group node over two-paths a -> group -> b.

    Each node belongs to its own group (persons to the group they are
    affiliated with, else to themselves). coordinator: a, b in the group;
    gatekeeper / representative: one side in the group; liaison: a, b in two
    different other groups; consultant (itinerant): a, b in one other group.
    """
    g = nx.DiGraph((u, v) for u, v, d in rg.graph.edges(data=True) if d["type"] not in ("rival_of", "arrested"))
    if rg.group not in g:
        return dict.fromkeys(("coordinator", "gatekeeper", "representative", "consultant", "liaison"), 0)
    member_of = {m: rg.group for m in rg.members}

    def block(n: str) -> str:
        return member_of.get(n, n)

    roles = dict.fromkeys(("coordinator", "gatekeeper", "representative", "consultant", "liaison"), 0)
    me = rg.group
    for a in g.predecessors(me):
        for b in g.successors(me):
            if a == b:
                continue
            ba, bb = block(a), block(b)
            if ba == me and bb == me:
                roles["coordinator"] += 1
            elif ba != me and bb == me:
                roles["gatekeeper"] += 1
            elif ba == me:
                roles["representative"] += 1
            elif ba == bb:
                roles["consultant"] += 1
            else:
                roles["liaison"] += 1
    return roles
