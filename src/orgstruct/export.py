"""Analyst export of an extraction: JSON, GraphML or GEXF (Gephi), with evidence on each edge."""

from __future__ import annotations

import io
import json

import networkx as nx

from orgstruct.graph import document_graph
from orgstruct.schema import Extraction

EXPORT_FORMATS = ("json", "graphml", "gexf")


def render_extraction(x: Extraction, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(x.to_dict(), ensure_ascii=False, indent=2) + "\n"
    g = document_graph(x)
    buf = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(g, buf)
    else:
        nx.write_gexf(g, buf)
    return buf.getvalue().decode("utf-8")
