"""Graph export formats: GraphML, Cytoscape.js elements, d3 force {nodes, links}, CSV.

Pure functions over plain node rows `{id, label, properties}` and edge rows
`{id, type, source, target, properties}`.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any
from xml.sax.saxutils import escape, quoteattr

Row = dict[str, Any]
FORMATS = ("graphml", "cytoscape", "d3", "csv")


def _flat(value: Any) -> str:
    """A property as one string: lists and maps as JSON (GraphML and CSV cells are scalars)."""
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def graphml(nodes: list[Row], edges: list[Row]) -> str:
    """GraphML with one string key per property name seen, plus `label` and `type`."""
    node_keys = sorted({k for n in nodes for k in n["properties"]} | {"label"})
    edge_keys = sorted({k for e in edges for k in e["properties"]} | {"type"})
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ]
    out += [f'  <key id="n_{k}" for="node" attr.name={quoteattr(k)} attr.type="string"/>' for k in node_keys]
    out += [f'  <key id="e_{k}" for="edge" attr.name={quoteattr(k)} attr.type="string"/>' for k in edge_keys]
    out.append('  <graph id="duikou" edgedefault="directed">')
    for n in nodes:
        values = {**n["properties"], "label": n["label"]}
        out.append(f"    <node id={quoteattr(n['id'])}>")
        out += [f'      <data key="n_{k}">{escape(_flat(v))}</data>' for k, v in sorted(values.items())]
        out.append("    </node>")
    for e in edges:
        values = {**e["properties"], "type": e["type"]}
        out.append(
            f"    <edge id={quoteattr(e['id'])} source={quoteattr(e['source'])} target={quoteattr(e['target'])}>"
        )
        out += [f'      <data key="e_{k}">{escape(_flat(v))}</data>' for k, v in sorted(values.items())]
        out.append("    </edge>")
    out += ["  </graph>", "</graphml>"]
    return "\n".join(out) + "\n"


def cytoscape(nodes: list[Row], edges: list[Row]) -> dict[str, Any]:
    """Cytoscape.js `elements` JSON."""
    return {
        "elements": {
            "nodes": [{"data": {**n["properties"], "id": n["id"], "label": n["label"]}} for n in nodes],
            "edges": [
                {
                    "data": {
                        **e["properties"],
                        "id": e["id"],
                        "source": e["source"],
                        "target": e["target"],
                        "type": e["type"],
                    }
                }
                for e in edges
            ],
        }
    }


def d3(nodes: list[Row], edges: list[Row]) -> dict[str, Any]:
    """d3-force `{nodes, links}`."""
    return {
        "nodes": [{**n["properties"], "id": n["id"], "label": n["label"]} for n in nodes],
        "links": [
            {
                **e["properties"],
                "id": e["id"],
                "source": e["source"],
                "target": e["target"],
                "type": e["type"],
            }
            for e in edges
        ],
    }


def csv_text(nodes: list[Row], edges: list[Row]) -> str:
    """One CSV: a `record` column says node or edge; properties as a JSON column."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["record", "id", "label_or_type", "name", "source", "target", "properties"])
    for n in nodes:
        writer.writerow(
            ["node", n["id"], n["label"], n["properties"].get("name", ""), "", "", _flat(n["properties"])]
        )
    for e in edges:
        writer.writerow(["edge", e["id"], e["type"], "", e["source"], e["target"], _flat(e["properties"])])
    return buffer.getvalue()
