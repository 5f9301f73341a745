"""What one batch writes, decided in Python from one read of what already exists (no database here).

The writer reads the batch's existing nodes and edges once; these functions fold them with the
batch's contributions (the order-free folds of `graph.rows`) and return only what differs: nodes and
edges to CREATE (they did not exist), and nodes and edges to overwrite by element id (their folded
properties changed). Nothing is read back and merged row by row inside Cypher.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from graph.rows import Resolved, derive_edge, fold_node, support_entries
from graph.schema import Label, Rel

EdgeKey = tuple[Rel, str, str]  # (type, start id, end id): ids are unique across labels


@dataclass(frozen=True)
class Existing:
    """A node or edge already in the graph: its element id and properties."""

    eid: str
    props: dict[str, Any]


@dataclass
class NodeWrites:
    """New nodes by label (their full properties) and changed ones ({eid, props}: what changed)."""

    new: dict[Label, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    changed: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class EdgeWrites:
    """New relation edges by type ({s, t, props} with element ids) and changed ones ({eid, props}:
    what changed)."""

    new: dict[Rel, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    changed: list[dict[str, Any]] = field(default_factory=list)
    rows: int = 0  # supporting entries written (one per supported fact of the batch)


def node_labels(todo: list[Resolved]) -> dict[str, Label]:
    """Every node id the batch touches, with its label."""
    return {node.id: node.label for r in todo for node in r.nodes}


def node_writes(todo: list[Resolved], existing: dict[str, Existing]) -> NodeWrites:
    """Fold each node's contributions with its stored properties; keep only new or changed nodes."""
    contributions: dict[str, list[dict[str, Any]]] = defaultdict(list)
    labels: dict[str, Label] = {}
    for r in todo:
        for node in r.nodes:
            contributions[node.id].append(node.contribution())
            labels[node.id] = node.label
    writes = NodeWrites()
    for node_id, contribs in contributions.items():
        before = existing.get(node_id)
        folded = fold_node(labels[node_id], contribs + ([before.props] if before else []))
        props = {"id": node_id, **folded}
        if before is None:
            writes.new[labels[node_id]].append(props)
        elif props != before.props:
            writes.changed.append({"eid": before.eid, "props": changes(before.props, props)})
    return writes


def edge_supports(todo: list[Resolved], now: str) -> dict[EdgeKey, list[dict[str, str]]]:
    """The batch's supporting entries of every relation edge (structural PART_OF left out)."""
    supports: dict[EdgeKey, list[dict[str, str]]] = defaultdict(list)
    for r in todo:
        for e in r.edges:
            if e.support is not None:
                supports[(e.rel, e.start, e.end)].append({**e.support, "seen": now})
    return supports


def part_of(todo: list[Resolved]) -> list[tuple[str, str]]:
    """The batch's PART_OF pairs (child, parent), deduplicated and sorted."""
    return sorted({(e.start, e.end) for r in todo for e in r.edges if e.rel == Rel.PART_OF})


def edge_candidates(
    supports: dict[EdgeKey, list[dict[str, str]]], existing_nodes: dict[str, Existing]
) -> list[dict[str, str]]:
    """The edges that may already exist: both ends existed before the batch ({type, s, t})."""
    return [
        {"type": rel.value, "s": existing_nodes[start].eid, "t": existing_nodes[end].eid}
        for rel, start, end in supports
        if start in existing_nodes and end in existing_nodes
    ]


def edge_writes(
    supports: dict[EdgeKey, list[dict[str, str]]],
    existing: dict[EdgeKey, Existing],
    eids: dict[str, str],
) -> EdgeWrites:
    """Derive each edge from its stored entries plus the batch's; keep only new or changed edges."""
    writes = EdgeWrites()
    for (rel, start, end), entries in supports.items():
        writes.rows += len(entries)
        before = existing.get((rel, start, end))
        if before is None:
            writes.new[rel].append({"s": eids[start], "t": eids[end], "props": derive_edge(rel, entries)})
            continue
        props = derive_edge(rel, entries + support_entries(rel, before.props))
        if props != before.props:
            writes.changed.append({"eid": before.eid, "props": changes(before.props, props)})
    return writes


def changes(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """The properties to `SET +=` to turn `before` into `after`: changed ones, None for removed ones
    (only what differs is rewritten: a grown provenance list, not the dozen unchanged fields)."""
    diff = {key: value for key, value in after.items() if before.get(key) != value}
    return diff | {key: None for key in before if key not in after}
