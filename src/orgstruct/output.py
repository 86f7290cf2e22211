"""Rendering predictions as table, JSON, JSON Lines or CSV; all from Prediction.to_dict()."""

from __future__ import annotations

import csv
import io
import json
import textwrap

from orgstruct.predict import BatchItem
from orgstruct.schema import LABELS

FORMATS = ("table", "json", "jsonl", "csv")
_SHORT = {"hierarchical": "hier", "family_clan": "family", "brokerage_network": "broker"}


def _records(items: list[BatchItem]) -> list[dict]:
    return [{"source": it.source, **p.to_dict()} for it in items for p in it.predictions]


def render(items: list[BatchItem], fmt: str) -> str:
    if fmt == "json":
        return (
            json.dumps(
                [
                    {
                        "source": it.source,
                        "error": it.error,
                        "warning": it.warning,
                        "predictions": [p.to_dict() for p in it.predictions],
                    }
                    for it in items
                ],
                ensure_ascii=False,
                indent=2,
            )
            + "\n"
        )
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in _records(items))
    if fmt == "csv":
        return _csv(items)
    return _table(items)


def _csv(items: list[BatchItem]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["source", "group", "aliases", "label", *(f"p_{c}" for c in LABELS), "top_evidence"])
    for r in _records(items):
        top = r["evidence"][0]["text"] if r["evidence"] else ""
        w.writerow(
            [
                r["source"],
                r["group"],
                "; ".join(r["aliases"]),
                r["label"],
                *(r["probabilities"].get(c, 0.0) for c in LABELS),
                top,
            ]
        )
    return buf.getvalue()


def _table(items: list[BatchItem]) -> str:
    lines = []
    for it in items:
        if it.error:
            continue
        lines.append(f"== {it.source}")
        if not it.predictions:
            lines.append("   no named group found in this text")
        for p in it.predictions:
            probs = "  ".join(f"{_SHORT[c]}={p.probabilities.get(c, 0.0):.2f}" for c in LABELS)
            lines.append(f"-- {p.group}  =>  {p.label}   ({probs})")
            if p.aliases:
                lines.append(f"   aliases: {', '.join(p.aliases)}")
            for e in p.evidence[:6]:
                body = textwrap.shorten(e.text, 150, placeholder=" ...")
                lines.append(f"   [{_SHORT.get(e.supports, e.supports):>6} {e.weight:+.2f}] {e.kind}: {body}")
        lines.append("")
    return "\n".join(lines)
