"""The naive loader the benchmark compares against: one transaction per relation row.

Same write semantics as the batched writer, row by row: MERGE both end nodes (named on creation),
MERGE the edge, and append this row's provenance to it — `articles`, `evidence`, `rules`, `support`
(the same compact JSON entry), `extractor_version`, `first_seen`/`last_seen` and the first non-empty
per-fact fields. It does less than the batched writer (no Article nodes, MENTIONS, node property
folds, sorted lists, PART_OF or MAYBE_SAME), so the ratio it yields is, if anything, flattering to it.
"""

from __future__ import annotations

import json
import time
from typing import Any

import neo4j

from graph.rows import EDGE_FIELDS, SUPPORT_KEYS, EdgeRow, Resolved
from graph.schema import Rel

NAIVE = """
MERGE (s:{sl} {{id: $start}}) ON CREATE SET s.name = $source
MERGE (t:{el} {{id: $end}}) ON CREATE SET t.name = $target
MERGE (s)-[r:{rel}]->(t)
SET r.articles = coalesce(r.articles, []) + $article, r.evidence = coalesce(r.evidence, []) + $evidence,
    r.rules = coalesce(r.rules, []) + $rule, r.support = coalesce(r.support, []) + $support,
    r.first_seen = coalesce(r.first_seen, $now), r.last_seen = $now, r.extractor_version = $version
{fields}
"""


def _query(e: EdgeRow) -> str:
    fields = ", ".join(f"r.{f} = coalesce(r.{f}, $fields.{f})" for f in EDGE_FIELDS[e.rel])
    return NAIVE.format(sl=e.start_label, el=e.end_label, rel=e.rel, fields=f"SET {fields}" if fields else "")


def _params(e: EdgeRow, now: str) -> dict[str, Any]:
    s = e.support or {}
    entry = {k: s.get(k) or "" for k in SUPPORT_KEYS[3:] + EDGE_FIELDS[Rel(e.rel)]} | {"seen": now}
    return {
        "start": e.start,
        "end": e.end,
        "source": s["source"],
        "target": s["target"],
        "article": s["article"],
        "evidence": s["evidence"],
        "rule": s["rule"],
        "support": json.dumps(entry, ensure_ascii=False, separators=(",", ":")),
        "now": now,
        "version": s["version"],
        "fields": {f: s.get(f) or None for f in EDGE_FIELDS[Rel(e.rel)]},
    }


def _write(tx: neo4j.ManagedTransaction, query: str, params: dict[str, Any]) -> None:
    tx.run(query, params).consume()


def naive_load(driver: neo4j.Driver, resolved: list[Resolved], now: str) -> tuple[int, float]:
    """Write every relation row in its own managed transaction; returns (rows, seconds)."""
    rows = 0
    began = time.perf_counter()
    with driver.session() as session:
        for r in resolved:
            for e in r.edges:
                if e.support is None:
                    continue
                session.execute_write(_write, _query(e), _params(e, now))
                rows += 1
    return rows, time.perf_counter() - began
