"""Withdrawing articles (changed or removed) and the derived MAYBE_SAME links.

Withdrawing removes an article's support from every edge (deleting edges nothing else supports),
deletes its MENTIONS and the Article node, recomputes the properties of the nodes it mentioned from
the mentions that remain, and deletes entity nodes left without edges.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from graph.divisions import divisions
from graph.rows import derive_edge, fold_node, support_entries
from graph.schema import ENTITY_LABELS, Label, Rel
from graph.txutil import LoadStats, Tx, run

STRUCTURAL = [Rel.MENTIONS.value, Rel.PART_OF.value, Rel.MAYBE_SAME.value]
# Above this many namesakes only pairs that share a post are linked (all pairs would be quadratic).
MAX_NAMESAKES = 30

AFFECTED = """
UNWIND $ids AS aid MATCH (:Article {id: aid})-[:MENTIONS]->(n)
RETURN DISTINCT labels(n)[0] AS label, n.id AS id, n.name AS name
"""
SUPPORTED_EDGES = """
UNWIND $ids AS aid MATCH (:Article {id: aid})-[:MENTIONS]->(n)-[r]-()
WHERE NOT type(r) IN $structural AND aid IN r.articles
WITH DISTINCT r
RETURN elementId(r) AS eid, type(r) AS rel, properties(r) AS props,
       labels(startNode(r))[0] AS start_label, startNode(r).id AS start,
       labels(endNode(r))[0] AS end_label, endNode(r).id AS end
"""
DELETE_EDGES = "UNWIND $eids AS eid MATCH ()-[r]->() WHERE elementId(r) = eid DELETE r"
UPDATE_EDGES = "UNWIND $rows AS row MATCH ()-[r]->() WHERE elementId(r) = row.eid SET r = row.props"
DELETE_ARTICLES = "UNWIND $ids AS aid MATCH (a:Article {id: aid}) DETACH DELETE a"
REMAINING_MENTIONS = """
UNWIND $ids AS id MATCH (n:{label} {{id: id}})
OPTIONAL MATCH (n)<-[m:MENTIONS]-()
RETURN n.id AS id, collect(m {{.node}}) AS mentions
"""
SET_NODES = "UNWIND $rows AS row MATCH (n:{label} {{id: row.id}}) SET n = row.props"
# An entity with no edge left but its own PART_OF (and MAYBE_SAME, which is derived) is an orphan.
DELETE_ORPHANS = """
UNWIND $ids AS id MATCH (n:{label} {{id: id}})
WHERE NOT EXISTS {{ MATCH (n)-[r]-() WHERE NOT type(r) = 'MAYBE_SAME' AND NOT (type(r) = 'PART_OF' AND startNode(r) = n) }}
OPTIONAL MATCH (n)-[:PART_OF]->(up)
WITH n, collect(up.id) AS parents
DETACH DELETE n
RETURN parents
"""
# Run at every batch: `replan=skip` with the name index pinned (see graph.writer.SKIP).
UNLINK_NAMESAKES = (
    "CYPHER replan=skip UNWIND $names AS name MATCH (p:Person {name: name})-[m:MAYBE_SAME]->() "
    "USING INDEX p:Person(name) DELETE m"
)
LINK_NAMESAKES = """CYPHER replan=skip
UNWIND $names AS name
MATCH (p:Person {name: name}) USING INDEX p:Person(name)
WITH name, p ORDER BY p.id
WITH name, collect(p) AS people WHERE size(people) > 1
UNWIND range(0, size(people) - 2) AS i
UNWIND range(i + 1, size(people) - 1) AS j
WITH people[i] AS a, people[j] AS b, size(people) AS n
OPTIONAL MATCH (a)-[:SECONDED_TO|SERVES_AT]->(c)<-[:SECONDED_TO|SERVES_AT]-(b)
WITH a, b, n, min(c.name) AS shared
WHERE n <= $max OR shared IS NOT NULL
CREATE (a)-[:MAYBE_SAME {reason: CASE WHEN shared IS NULL THEN 'same name, no shared post'
                                 ELSE 'same name, both posted at ' + shared END}]->(b)
"""


def withdraw(tx: Tx, stats: LoadStats, article_ids: list[str]) -> set[str]:
    """Remove the articles' contributions; returns the names of the people they mentioned."""
    affected = run(tx, stats, AFFECTED, ids=article_ids)
    edges = run(tx, stats, SUPPORTED_EDGES, ids=article_ids, structural=STRUCTURAL)
    gone = set(article_ids)
    deletions, updates = [], []
    candidates: dict[str, set[str]] = defaultdict(set)
    for row in affected:
        candidates[row["label"]].add(row["id"])
    for edge in edges:
        rel = Rel(edge["rel"])
        kept = [e for e in support_entries(rel, edge["props"]) if e["article"] not in gone]
        if kept:
            updates.append({"eid": edge["eid"], "props": derive_edge(rel, kept)})
        else:
            deletions.append(edge["eid"])
            candidates[edge["start_label"]].add(edge["start"])
            candidates[edge["end_label"]].add(edge["end"])
    run(tx, stats, DELETE_EDGES, eids=deletions)
    run(tx, stats, UPDATE_EDGES, rows=updates)
    run(tx, stats, DELETE_ARTICLES, ids=article_ids)
    for label in ENTITY_LABELS:
        _refold(tx, stats, label, sorted(candidates.get(label, ())))
    _delete_orphans(tx, stats, candidates)
    return {row["name"] for row in affected if row["label"] == Label.PERSON}


def _refold(tx: Tx, stats: LoadStats, label: Label, node_ids: list[str]) -> None:
    """Recompute node properties from the mentions that remain (or the gazetteer for a division)."""
    table = divisions().by_code
    rows = []
    for row in run(tx, stats, REMAINING_MENTIONS.format(label=label), ids=node_ids):
        contributions: list[dict[str, Any]] = [json.loads(m["node"]) for m in row["mentions"]]
        code = row["id"].removeprefix("city:")
        if label == Label.CITY and code in table:
            division = table[code]
            contributions.append(
                {"name": division.name, "aliases": [], "level": division.level, "code": code}
            )
        if contributions:
            rows.append({"id": row["id"], "props": {"id": row["id"], **fold_node(label, contributions)}})
    run(tx, stats, SET_NODES.format(label=label), rows=rows)


def _delete_orphans(tx: Tx, stats: LoadStats, candidates: dict[str, set[str]]) -> None:
    """Delete entity nodes left without edges, then their enclosing divisions when those are orphans too."""
    pending = {label: set(node_ids) for label, node_ids in candidates.items()}
    while any(pending.values()):
        parents: set[str] = set()
        for label in ENTITY_LABELS:
            for row in run(tx, stats, DELETE_ORPHANS.format(label=label), ids=sorted(pending.get(label, ()))):
                parents.update(row["parents"])
        pending = {Label.CITY.value: parents}


def link_same_names(tx: Tx, stats: LoadStats, names: list[str]) -> None:
    """Rebuild the MAYBE_SAME links among the people of these names (derived, so idempotent)."""
    if names:
        run(tx, stats, UNLINK_NAMESAKES, names=names)
        run(tx, stats, LINK_NAMESAKES, names=names, max=MAX_NAMESAKES)
