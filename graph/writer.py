"""Batched, idempotent Neo4j writes: one transaction per batch of articles.

Each batch: find which articles are new, unchanged (skipped) or changed (their old contributions
withdrawn first), then write articles, entity nodes, mentions, PART_OF and relation edges with
`UNWIND $rows … MERGE` on constraint-backed ids. Node and edge properties are recomputed from the
existing properties plus the batch's contributions by the order-free folds of `graph.rows`, read and
written inside the same transaction, so a failure leaves no half-written article.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime
from typing import Any

from neo4j import Driver

from graph import withdraw
from graph.rows import EdgeRow, Resolved, derive_edge, fold_node, support_entries
from graph.schema import Label, Rel
from graph.txutil import LoadStats, Tx, run

FIND_BY_ID = "UNWIND $ids AS id MATCH (a:Article {id: id}) RETURN a.id AS id, a.name AS name, a.extraction_hash AS hash"
FIND_BY_NAME = "UNWIND $names AS name MATCH (a:Article {name: name}) RETURN a.id AS id, a.name AS name, a.extraction_hash AS hash"
WRITE_ARTICLES = "UNWIND $rows AS row MERGE (a:Article {id: row.id}) SET a = row"


def load_batch(
    driver: Driver, batch: list[Resolved], database: str | None = None, now: str | None = None
) -> LoadStats:
    """Load a batch of resolved articles in one transaction."""
    stats = LoadStats()
    with driver.session(database=database) as session, session.begin_transaction() as tx:
        write_batch(tx, batch, stats, now or datetime.now(UTC).isoformat(timespec="seconds"))
        tx.commit()
    return stats


def write_batch(tx: Tx, batch: list[Resolved], stats: LoadStats, now: str) -> None:
    """The steps of one batch, inside the caller's transaction."""
    by_name = {r.article["name"]: r for r in batch}  # the last version of a file in the batch wins
    fresh = {r.article_id: r for r in by_name.values()}
    rows = run(tx, stats, FIND_BY_ID, ids=list(fresh)) + run(tx, stats, FIND_BY_NAME, names=list(by_name))
    known = {row["id"]: row for row in rows}
    stale: set[str] = set()
    for article_id, row in known.items():
        new = fresh.get(article_id)
        if new is not None and new.article["extraction_hash"] == row["hash"]:
            fresh.pop(article_id)  # unchanged article, unchanged extraction: nothing to do
            stats.articles_skipped += 1
        else:  # the same text extracted differently, or a new version of the same file
            stale.add(article_id)
    todo = list(fresh.values())
    stats.articles_replaced += len(stale)
    touched_people = withdraw.withdraw(tx, stats, sorted(stale)) if stale else set()
    if todo:
        _write(tx, stats, todo, now)
        touched_people |= {n.name for r in todo for n in r.nodes if n.label == Label.PERSON}
    withdraw.link_same_names(tx, stats, sorted(touched_people))
    stats.articles_loaded += len(todo)


def _write(tx: Tx, stats: LoadStats, todo: list[Resolved], now: str) -> None:
    run(tx, stats, WRITE_ARTICLES, rows=[{**r.article, "ingested_at": now} for r in todo])
    contributions: dict[tuple[Label, str], list[dict[str, Any]]] = defaultdict(list)
    for r in todo:
        for node in r.nodes:
            contributions[(node.label, node.id)].append(node.contribution())
    for label in (Label.CITY, Label.ORGANISATION, Label.PROJECT, Label.PERSON):
        _write_nodes(tx, stats, label, {i: c for (lab, i), c in contributions.items() if lab == label})
    mentions: dict[Label, list[dict[str, Any]]] = defaultdict(list)
    for r in todo:
        for m in r.mentions:
            mentions[m.label].append({"article": m.article, "node": m.node, "props": m.props})
    for label, rows in mentions.items():
        run(
            tx,
            stats,
            f"UNWIND $rows AS row MATCH (a:Article {{id: row.article}}) MATCH (n:{label} {{id: row.node}}) "
            "CREATE (a)-[m:MENTIONS]->(n) SET m = row.props",
            rows=rows,
        )
    edges: dict[tuple[Rel, Label, Label], dict[tuple[str, str], list[dict[str, str]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for r in todo:
        for e in r.edges:
            entries = edges[(e.rel, e.start_label, e.end_label)][(e.start, e.end)]
            if e.support is not None:
                entries.append({**e.support, "seen": now})
    for (rel, start_label, end_label), group in sorted(edges.items()):
        if rel == Rel.PART_OF:
            rows = [{"start": s, "end": t} for s, t in sorted(group)]
            run(
                tx,
                stats,
                "UNWIND $rows AS row MATCH (s:City {id: row.start}) MATCH (t:City {id: row.end}) "
                "MERGE (s)-[:PART_OF]->(t)",
                rows=rows,
            )
        else:
            _write_edges(tx, stats, EdgeRow(rel, start_label, "", end_label, ""), group)


def _write_nodes(
    tx: Tx, stats: LoadStats, label: Label, contributions: dict[str, list[dict[str, Any]]]
) -> None:
    if not contributions:
        return
    existing = run(
        tx,
        stats,
        f"UNWIND $ids AS id MATCH (n:{label} {{id: id}}) RETURN n.id AS id, properties(n) AS props",
        ids=list(contributions),
    )
    old = {row["id"]: row["props"] for row in existing}
    rows = []
    for node_id, contribs in contributions.items():
        before = old.get(node_id)
        props = {"id": node_id, **fold_node(label, contribs + ([before] if before else []))}
        if props != before:
            rows.append({"id": node_id, "props": props})
    run(tx, stats, f"UNWIND $rows AS row MERGE (n:{label} {{id: row.id}}) SET n = row.props", rows=rows)


def _write_edges(
    tx: Tx, stats: LoadStats, kind: EdgeRow, group: dict[tuple[str, str], list[dict[str, str]]]
) -> None:
    rel, sl, el = kind.rel, kind.start_label, kind.end_label
    keys = [{"start": s, "end": t} for s, t in group]
    existing = run(
        tx,
        stats,
        f"UNWIND $rows AS row MATCH (s:{sl} {{id: row.start}})-[r:{rel}]->(t:{el} {{id: row.end}}) "
        "RETURN row.start AS start, row.end AS end, properties(r) AS props",
        rows=keys,
    )
    old = {(row["start"], row["end"]): support_entries(rel, row["props"]) for row in existing}
    rows = [
        {"start": s, "end": t, "props": derive_edge(rel, entries + old.get((s, t), []))}
        for (s, t), entries in group.items()
    ]
    stats.relation_rows += sum(len(entries) for entries in group.values())
    run(
        tx,
        stats,
        f"UNWIND $rows AS row MATCH (s:{sl} {{id: row.start}}) MATCH (t:{el} {{id: row.end}}) "
        f"MERGE (s)-[r:{rel}]->(t) SET r = row.props",
        rows=rows,
    )
