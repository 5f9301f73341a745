"""Graph load throughput: the batched loader against a naive one-row-per-transaction loader.

Runs on a throwaway local Neo4j (its own temp folder and free ports; the demo database is never
touched), over a synthetic corpus (bench/synthetic.py). Figures are relation rows per second: one
row is one supported fact written on an edge (SECONDED_TO, SERVES_AT, BROKERED, SIGNED,
PAIRED_WITH, LOCATED_IN). The naive loader runs on a subset and its rate is extrapolated.

    python bench/graph_load.py --articles 10000 --naive-articles 300
"""

from __future__ import annotations

import argparse
import socket
import sys
import tempfile
import time
from pathlib import Path

import neo4j

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from synthetic import generate  # noqa: E402

from graph import local_server  # noqa: E402
from graph.load import batches  # noqa: E402
from graph.resolve import resolve  # noqa: E402
from graph.rows import Resolved  # noqa: E402
from graph.schema import ensure_schema  # noqa: E402
from graph.txutil import LoadStats  # noqa: E402
from graph.writer import load_batch  # noqa: E402

NAIVE = """
MERGE (s:{sl} {{id: $start}}) MERGE (t:{el} {{id: $end}})
MERGE (s)-[r:{rel}]->(t)
SET r.articles = coalesce(r.articles, []) + $article, r.evidence = coalesce(r.evidence, []) + $evidence,
    r.rules = coalesce(r.rules, []) + $rule
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wipe(driver: neo4j.Driver) -> None:
    with driver.session() as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS").consume()


def naive_load(driver: neo4j.Driver, resolved: list[Resolved]) -> tuple[int, float]:
    """One auto-commit transaction per relation row (MERGE both ends and the edge, append provenance)."""
    rows = 0
    began = time.perf_counter()
    with driver.session() as session:
        for r in resolved:
            for e in r.edges:
                if e.support is None:
                    continue
                query = NAIVE.format(sl=e.start_label, el=e.end_label, rel=e.rel)
                session.run(
                    query,
                    start=e.start,
                    end=e.end,
                    article=e.support["article"],
                    evidence=e.support["evidence"],
                    rule=e.support["rule"],
                ).consume()
                rows += 1
    return rows, time.perf_counter() - began


def batched_load(driver: neo4j.Driver, resolved: list[Resolved], batch_size: int) -> tuple[LoadStats, float]:
    """The project's writer over pre-resolved articles."""
    total = LoadStats()
    began = time.perf_counter()
    for chunk in batches(resolved, batch_size):  # type: ignore[arg-type]
        total.merge(load_batch(driver, chunk))  # type: ignore[arg-type]
    return total, time.perf_counter() - began


def main() -> None:
    """Generate, resolve, load (batched, then naive on a subset), print the figures."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--naive-articles", type=int, default=300)
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument("--heap", default="2g")
    parser.add_argument("--uri", help="use this running throwaway server instead (its database is WIPED)")
    args = parser.parse_args()

    began = time.perf_counter()
    extractions = list(generate(args.articles))
    generated = time.perf_counter() - began
    began = time.perf_counter()
    resolved = [resolve(x) for x in extractions]
    resolving = time.perf_counter() - began
    facts = sum(1 for r in resolved for e in r.edges if e.support is not None)
    print(f"corpus: {args.articles} articles, {facts} relation rows (generated in {generated:.1f} s)")
    print(
        f"resolve: {resolving:.1f} s = {args.articles / resolving:,.0f} articles/s, {facts / resolving:,.0f} rows/s"
    )

    if args.uri:
        _measure(args.uri, resolved, resolving, args)
        return
    with tempfile.TemporaryDirectory(prefix="duikou-bench-") as home:
        spec = local_server.ServerSpec(
            home=Path(home) / "neo4j",
            bolt_port=_free_port(),
            http_port=_free_port(),
            heap=args.heap,
            pagecache="1g",
            classpath_cache=Path(__file__).resolve().parents[1] / ".duikou",
        )
        server, _ = local_server.start(spec)
        try:
            _measure(server.uri, resolved, resolving, args)
        finally:
            local_server.stop(spec)


def _measure(uri: str, resolved: list[Resolved], resolving: float, args: argparse.Namespace) -> None:
    with neo4j.GraphDatabase.driver(uri, auth=("neo4j", "bench"), warn_notification_severity="OFF") as driver:
        _wipe(driver)
        ensure_schema(driver)
        stats, seconds = batched_load(driver, resolved, args.batch_size)
        rate = stats.relation_rows / seconds
        print(
            f"batched: {stats.relation_rows} rows in {seconds:.1f} s = {rate:,.0f} rows/s "
            f"({len(resolved) / seconds:,.0f} articles/s, batch {args.batch_size}); "
            f"end-to-end with resolution {stats.relation_rows / (seconds + resolving):,.0f} rows/s"
        )
        again, seconds_again = batched_load(driver, resolved, args.batch_size)
        print(f"re-ingest (all unchanged): {again.articles_skipped} skipped in {seconds_again:.1f} s")
        _wipe(driver)
        ensure_schema(driver)
        subset = resolved[: args.naive_articles]
        rows, naive_seconds = naive_load(driver, subset)
        naive_rate = rows / naive_seconds
        print(
            f"naive: {rows} rows of {len(subset)} articles in {naive_seconds:.1f} s = {naive_rate:,.0f} rows/s "
            f"(extrapolated to the corpus: {stats.relation_rows / naive_rate:,.0f} s)"
        )
        print(f"ratio batched/naive: {rate / naive_rate:.1f}x")


if __name__ == "__main__":
    main()
