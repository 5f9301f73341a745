"""The resolved batch (what the writer loads) and the pure folds that merge contributions.

Every node and relation property is a function of the *set* of contributions (one per article
mention or per supporting sentence), never of their order, so loading A then B or B then A, once or
twice, gives the same graph; withdrawing an article recomputes the same functions over what is left.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from graph.schema import Label, Rel

# Node properties each label keeps besides id, name, aliases, aliases_text.
NODE_FIELDS: dict[Label, tuple[str, ...]] = {
    Label.PERSON: (),
    Label.CITY: ("level", "code"),
    Label.ORGANISATION: ("kind",),
    Label.PROJECT: ("kind", "amount_cny"),
}
# Per-fact fields of each relation type (stored per supporting sentence, shown as the first non-empty).
EDGE_FIELDS: dict[Rel, tuple[str, ...]] = {
    Rel.SECONDED_TO: ("title", "home", "home_title", "start", "mode"),
    Rel.SERVES_AT: ("title",),
    Rel.BROKERED: (),
    Rel.SIGNED: ("date",),
    Rel.PAIRED_WITH: ("program",),
    Rel.LOCATED_IN: (),
}
# List fields: every distinct non-empty value of a per-fact field among the entries, sorted (a pair
# of cities can be paired by several programmes; `program` keeps the first, `programs` all).
EDGE_LISTS: dict[Rel, dict[str, str]] = {Rel.PAIRED_WITH: {"programs": "program"}}
SUPPORT_KEYS = ("article", "evidence", "rule", "seen", "version", "source", "target")
_PACK = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))  # one encoder: no per-call setup


@dataclass
class NodeRow:
    """One article's view of an entity node (or a gazetteer parent, then with no mention)."""

    label: Label
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    props: dict[str, Any] = field(default_factory=dict)

    def contribution(self) -> dict[str, Any]:
        """The node properties this row contributes."""
        return {"name": self.name, "aliases": self.aliases, **self.props}


@dataclass
class MentionRow:
    """(Article)-[:MENTIONS]->(entity), carrying the entity as the article gave it (for read-back)."""

    article: str
    label: Label
    node: str
    props: dict[str, Any]


@dataclass
class EdgeRow:
    """A relation between two resolved nodes; `support` is None for structural PART_OF edges."""

    rel: Rel
    start_label: Label
    start: str
    end_label: Label
    end: str
    support: dict[str, str] | None = None


@dataclass
class Resolved:
    """Everything one article contributes to the graph."""

    article_id: str
    article: dict[str, Any]
    nodes: list[NodeRow]
    mentions: list[MentionRow]
    edges: list[EdgeRow]


def _max(values: list[Any]) -> Any:
    present = [v for v in values if v is not None and v != ""]
    return max(present) if present else None


def fold_node(label: Label, contributions: list[dict[str, Any]]) -> dict[str, Any]:
    """Merge contributions into node properties: the longest name (ties: smallest), all other forms
    as sorted aliases, the largest non-null value of each other field."""
    names = [c["name"] for c in contributions if c.get("name")]
    name = min(names, key=lambda n: (-len(n), n))
    forms = set(names) | {a for c in contributions for a in c.get("aliases") or [] if a}
    aliases = sorted(forms - {name})
    props: dict[str, Any] = {"name": name, "aliases": aliases, "aliases_text": " ".join([name, *aliases])}
    for key in NODE_FIELDS[label]:
        value = _max([c.get(key) for c in contributions])
        if value is not None:
            props[key] = value
    return props


def support_entries(rel: Rel, props: dict[str, Any]) -> list[dict[str, str]]:
    """The supporting entries stored on an existing edge (inverse of `derive_edge`)."""
    articles = props.get("articles") or []
    evidence, rules = props.get("evidence") or [], props.get("rules") or []
    packed = props.get("support") or []
    return [
        {
            "article": article,
            "evidence": evidence[i] if i < len(evidence) else "",
            "rule": rules[i] if i < len(rules) else "",
            **(json.loads(packed[i]) if i < len(packed) else {}),
        }
        for i, article in enumerate(articles)
    ]


def derive_edge(rel: Rel, entries: list[dict[str, str]]) -> dict[str, Any]:
    """Edge properties from its supporting entries (deduplicated, sorted: order-free)."""
    fields = EDGE_FIELDS[rel]
    keys = (*SUPPORT_KEYS, *fields)
    # Tuples in SUPPORT_KEYS order: 0 article, 1 evidence, 2 rule, 3 seen, 4 version, then the rest.
    rows = sorted({tuple(e.get(k) or "" for k in keys) for e in entries})
    packed = keys[3:]
    props: dict[str, Any] = {
        "articles": [r[0] for r in rows],
        "evidence": [r[1] for r in rows],
        "rules": [r[2] for r in rows],
        # The rest of each entry travels as one compact JSON string: one list property, not eight.
        "support": [_PACK.encode(dict(zip(packed, r[3:], strict=True))) for r in rows],
    }
    latest = max(rows, key=lambda r: (r[3], r[4]))
    props["first_seen"], props["last_seen"] = min(r[3] for r in rows), latest[3]
    props["extractor_version"] = latest[4]
    for i, f in enumerate(fields, start=len(SUPPORT_KEYS)):
        value = next((r[i] for r in rows if r[i]), None)
        if value is not None:
            props[f] = value
    for name, f in EDGE_LISTS.get(rel, {}).items():
        i = keys.index(f)
        values = sorted({r[i] for r in rows if r[i]})
        if values:
            props[name] = values
    return props
