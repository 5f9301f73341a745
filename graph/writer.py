"""Batched, idempotent Neo4j writes: one transaction per batch of articles, a handful of statements.

Each batch: find which articles are new, unchanged (skipped) or changed (their old contributions
withdrawn first); read the batch's existing nodes, then the existing edges between them (one
statement each); fold in Python (`graph.batch_plan`); then write everything in two set-based
statements — new nodes and articles (CREATE, returning their element ids), changed nodes (SET by
element id); then mentions, new edges (CREATE per type), changed edges and PART_OF. All inside one
transaction, so a failure leaves no half-written article. Loaders must not run concurrently (the
batch reads, then writes): the unique constraints stop duplicate nodes, not duplicate edges.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from neo4j import Driver

from graph import withdraw
from graph.batch_plan import (
    Existing,
    edge_candidates,
    edge_supports,
    edge_writes,
    node_labels,
    node_writes,
    part_of,
)
from graph.rows import Resolved
from graph.schema import ENTITY_LABELS, Label, Rel
from graph.txutil import LoadStats, Tx, run

FACT_RELS = (Rel.SECONDED_TO, Rel.SERVES_AT, Rel.BROKERED, Rel.SIGNED, Rel.PAIRED_WITH, Rel.LOCATED_IN)

# The loader's statements run with `replan=skip`: a load grows the graph so fast that Neo4j would
# otherwise re-plan each of them every few batches (a fifth of the server's CPU), and their plans do
# not depend on statistics — seeks by element id, or index seeks pinned by hints.
SKIP = "CYPHER replan=skip "
LOOKUP_ARTICLES = (
    SKIP
    + """
CALL () {
  UNWIND $ids AS id MATCH (a:Article {id: id}) USING INDEX a:Article(id) RETURN a
  UNION
  UNWIND $names AS name MATCH (a:Article {name: name}) USING INDEX a:Article(name) RETURN a
}
RETURN a.id AS id, a.name AS name, a.extraction_hash AS hash
"""
)
# One parameter per label ($Person, $City …): index seeks on each label's id constraint.
READ_NODES = (
    SKIP
    + "CALL () {\n"
    + "\n  UNION ALL\n".join(
        f"  UNWIND ${label} AS id MATCH (n:{label} {{id: id}}) USING INDEX n:{label}(id) "
        "RETURN id, elementId(n) AS eid, properties(n) AS props"
        for label in ENTITY_LABELS
    )
    + "\n}\nRETURN collect([id, eid, props]) AS rows"
)
# Both ends bound before the expand (Expand(Into) walks from the sparser end): a province has
# thousands of incoming edges, and seeking it first and expanding would read them all.
READ_EDGES = f"""{SKIP}
UNWIND $rows AS row
MATCH (s) WHERE elementId(s) = row.s
MATCH (t) WHERE elementId(t) = row.t
CALL (s, t, row) {{
  MATCH (s)-[r:{"|".join(FACT_RELS)}]->(t) WHERE type(r) = row.type
  RETURN r
}}
RETURN collect([row.type, s.id, t.id, elementId(r), properties(r)]) AS rows
"""
WRITE_NODES = (
    SKIP + "CALL () { UNWIND $changed AS row MATCH (n) WHERE elementId(n) = row.eid SET n += row.props }\n"
    "CALL () {\n"
    + "\n  UNION ALL\n".join(
        f"  UNWIND ${label} AS props CREATE (n:{label}) SET n = props RETURN n.id AS id, elementId(n) AS eid"
        for label in (Label.ARTICLE, *ENTITY_LABELS)
    )
    + "\n}\nRETURN collect([id, eid]) AS rows"
)
_BY_EIDS = "MATCH (s) WHERE elementId(s) = row.s MATCH (t) WHERE elementId(t) = row.t"
WRITE_LINKS = SKIP + "\n".join(
    [
        f"CALL () {{ UNWIND $mentions AS row {_BY_EIDS} CREATE (s)-[m:{Rel.MENTIONS}]->(t) SET m = row.props }}",
        "CALL () { UNWIND $changed AS row MATCH ()-[r]->() WHERE elementId(r) = row.eid SET r += row.props }",
        *(
            f"CALL () {{ UNWIND ${rel} AS row {_BY_EIDS} CREATE (s)-[r:{rel}]->(t) SET r = row.props }}"
            for rel in FACT_RELS
        ),
        f"CALL () {{ UNWIND ${Rel.PART_OF} AS row {_BY_EIDS} MERGE (s)-[:{Rel.PART_OF}]->(t) }}",
    ]
)


def load_batch(
    driver: Driver, batch: list[Resolved], database: str | None = None, now: str | None = None
) -> LoadStats:
    """Load a batch of resolved articles in one transaction."""
    stats = LoadStats()
    # fetch_size -1: the reads return thousands of rows, all needed, so no PULL round trips.
    with driver.session(database=database, fetch_size=-1) as session, session.begin_transaction() as tx:
        write_batch(tx, batch, stats, now or datetime.now(UTC).isoformat(timespec="seconds"))
        tx.commit()
    return stats


def write_batch(tx: Tx, batch: list[Resolved], stats: LoadStats, now: str) -> None:
    """The steps of one batch, inside the caller's transaction."""
    by_name = {r.article["name"]: r for r in batch}  # the last version of a file in the batch wins
    fresh = {r.article_id: r for r in by_name.values()}
    rows = run(tx, stats, LOOKUP_ARTICLES, ids=list(fresh), names=list(by_name))
    stale: set[str] = set()
    for row in rows:
        new = fresh.get(row["id"])
        if new is not None and new.article["extraction_hash"] == row["hash"]:
            fresh.pop(row["id"])  # unchanged article, unchanged extraction: nothing to do
            stats.articles_skipped += 1
        else:  # the same text extracted differently, or a new version of the same file
            stale.add(row["id"])
    todo = list(fresh.values())
    stats.articles_replaced += len(stale)
    touched_people = withdraw.withdraw(tx, stats, sorted(stale)) if stale else set()
    if todo:
        _write(tx, stats, todo, now)
        touched_people |= {n.name for r in todo for n in r.nodes if n.label == Label.PERSON}
    withdraw.link_same_names(tx, stats, sorted(touched_people))
    stats.articles_loaded += len(todo)


def _rows(tx: Tx, stats: LoadStats, query: str, **params: Any) -> list[Any]:
    """The one `rows` list a statement collects: a single Bolt record instead of thousands, which
    saves the driver (pure Python per record) most of its work."""
    return list(run(tx, stats, query, **params)[0]["rows"])


def _write(tx: Tx, stats: LoadStats, todo: list[Resolved], now: str) -> None:
    ids_by_label: dict[str, list[str]] = {label.value: [] for label in ENTITY_LABELS}
    for node_id, label in node_labels(todo).items():
        ids_by_label[label].append(node_id)
    nodes = {
        node_id: Existing(eid, props) for node_id, eid, props in _rows(tx, stats, READ_NODES, **ids_by_label)
    }
    supports = edge_supports(todo, now)
    candidates = edge_candidates(supports, nodes)
    edges = {
        (Rel(rel), start, end): Existing(eid, props)
        for rel, start, end, eid, props in (
            _rows(tx, stats, READ_EDGES, rows=candidates) if candidates else []
        )
    }
    planned = node_writes(todo, nodes)
    new_nodes: dict[str, Any] = {label.value: planned.new.get(label, []) for label in ENTITY_LABELS}
    articles = [{**r.article, "ingested_at": now} for r in todo]
    created = _rows(tx, stats, WRITE_NODES, changed=planned.changed, Article=articles, **new_nodes)
    eids = {node_id: node.eid for node_id, node in nodes.items()} | dict(created)
    links = edge_writes(supports, edges, eids)
    stats.relation_rows += links.rows
    mentions = [{"s": eids[m.article], "t": eids[m.node], "props": m.props} for r in todo for m in r.mentions]
    structural = [{"s": eids[child], "t": eids[parent]} for child, parent in part_of(todo)]
    new_edges = {rel.value: links.new.get(rel, []) for rel in FACT_RELS}
    run(
        tx,
        stats,
        WRITE_LINKS,
        mentions=mentions,
        changed=links.changed,
        PART_OF=structural,
        **new_edges,
    )
