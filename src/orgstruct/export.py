"""Analyst export of an extraction: JSON, GraphML or GEXF (Gephi), with evidence on each edge."""

from __future__ import annotations

import io
import json

import networkx as nx

from orgstruct.schema import Extraction

EXPORT_FORMATS = ("json", "graphml", "gexf")


def extraction_graph(x: Extraction) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for grp in x.groups:
        ops = sorted({o.operation for o in x.operations if o.group == grp.id})
        g.add_node(
            grp.id,
            label=grp.name,
            kind="group",
            aliases="; ".join(grp.aliases),
            operations="; ".join(ops),
            nationality="",
            role="",
        )
    for p in x.persons:
        g.add_node(
            p.id,
            label=p.name,
            kind="person",
            aliases="; ".join(p.aliases),
            operations="",
            nationality=p.nationality or "",
            role=p.role or "",
        )
    for r in x.relations:
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
            confidence=float(r.confidence),
        )
    for _, data in g.nodes(data=True):
        data.setdefault("arrested", "no")
    return g


def render_extraction(x: Extraction, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(x.to_dict(), ensure_ascii=False, indent=2) + "\n"
    g = extraction_graph(x)
    buf = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(g, buf)
    else:
        nx.write_gexf(g, buf)
    return buf.getvalue().decode("utf-8")
