"""Graph load throughput: the batched writer against a naive one-row-per-transaction loader.

Each loader gets its own throwaway local Neo4j (own temp folder, free ports; the demo database is
never touched), both warmed up on a separate small corpus first (JIT, query plans) and wiped. The
synthetic corpus (bench/synthetic.py) is then loaded chunk by chunk, *interleaved*: one batch on
the batched server, then a small slice of the same chunk row by row on the naive server, and so on,
so that whatever else the machine is doing hits both alike. The naive loader only gets a subset
(its rate is extrapolated to the corpus). Figures are relation rows per second: one row is one
supported fact written on an edge (SECONDED_TO, SERVES_AT, BROKERED, SIGNED, PAIRED_WITH,
LOCATED_IN). CPU seconds of the Python process and of each server are printed too: on a busy box
they move less than wall time.

    python bench/graph_load.py --articles 10000 --naive-articles 300
"""

from __future__ import annotations

import argparse
import math
import os
import resource
import socket
import statistics
import sys
import tempfile
import time
from contextlib import ExitStack
from datetime import UTC, datetime
from pathlib import Path

import neo4j

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from naive_load import naive_load  # noqa: E402
from synthetic import generate  # noqa: E402

from graph import local_server  # noqa: E402
from graph.load import DEFAULT_BATCH_SIZE, batches  # noqa: E402
from graph.resolve import resolve  # noqa: E402
from graph.rows import Resolved  # noqa: E402
from graph.schema import ensure_schema  # noqa: E402
from graph.writer import load_batch  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


def _python_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _server_cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _wipe(driver: neo4j.Driver) -> None:
    with driver.session() as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS").consume()
    ensure_schema(driver)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _rows(resolved: list[Resolved]) -> int:
    return sum(1 for r in resolved for e in r.edges if e.support is not None)


def _server(stack: ExitStack, home: Path, args: argparse.Namespace) -> local_server.RunningServer:
    spec = local_server.ServerSpec(
        home=home,
        bolt_port=_free_port(),
        http_port=_free_port(),
        heap=args.heap,
        pagecache=args.pagecache,
        classpath_cache=ROOT / ".duikou",
        owner_pid=os.getpid(),
        # The whole heap from the start: no resize-and-collect cycles while the load grows it.
        jvm_options=(f"-Xms{args.heap}",),
    )
    server, _ = local_server.start(spec)
    stack.callback(local_server.stop, spec)
    return server


def main() -> None:
    """Generate, resolve, then load batched and naive interleaved; print the figures."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--naive-articles", type=int, default=300)
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    parser.add_argument(
        "--warmup",
        type=int,
        default=3000,
        help="articles of the warm-up corpus (the JIT is still busy after 1000)",
    )
    parser.add_argument("--heap", default="2g")
    parser.add_argument("--pagecache", default="1g")
    args = parser.parse_args()
    print(f"machine: {_load()}")

    extractions = list(generate(args.articles))
    began, cpu = time.perf_counter(), _python_cpu()
    resolved = [resolve(x) for x in extractions]
    resolving, resolving_cpu = time.perf_counter() - began, _python_cpu() - cpu
    facts = _rows(resolved)
    print(f"corpus: {args.articles} articles, {facts} relation rows")
    print(
        f"resolve only: {resolving:.1f} s (CPU {resolving_cpu:.1f} s) = {args.articles / resolving:,.0f} "
        f"articles/s, {facts / resolving:,.0f} rows/s"
    )
    warmup = [resolve(x) for x in generate(args.warmup, seed=99)]

    with ExitStack() as stack, tempfile.TemporaryDirectory(prefix="duikou-bench-") as home:
        fast = _server(stack, Path(home) / "batched", args)
        slow = _server(stack, Path(home) / "naive", args)
        auth = ("neo4j", "bench")
        batched = stack.enter_context(
            neo4j.GraphDatabase.driver(fast.uri, auth=auth, notifications_min_severity="OFF")
        )
        naive = stack.enter_context(
            neo4j.GraphDatabase.driver(slow.uri, auth=auth, notifications_min_severity="OFF")
        )
        for driver in (batched, naive):
            _wipe(driver)
        for chunk in batches(warmup, args.batch_size):
            load_batch(batched, chunk, now=_now())
        naive_load(naive, warmup[: max(1, args.naive_articles // 3)], _now())
        for driver in (batched, naive):
            _wipe(driver)
        print(f"servers warmed up on {len(warmup)} other articles and wiped; {_load()}")
        _measure(batched, naive, fast.pid, slow.pid, resolved, resolving, args)
        print(f"machine after: {_load()}")


def _measure(
    batched: neo4j.Driver,
    naive: neo4j.Driver,
    fast_pid: int,
    slow_pid: int,
    resolved: list[Resolved],
    resolving: float,
    args: argparse.Namespace,
) -> None:
    chunks = list(batches(resolved, args.batch_size))
    per_chunk = max(1, math.ceil(args.naive_articles / len(chunks)))
    b_rows = b_secs = n_rows = n_secs = b_py = b_db = n_db = 0.0
    ratios = []
    for chunk in chunks:
        began, py, db = time.perf_counter(), _python_cpu(), _server_cpu(fast_pid)
        stats = load_batch(batched, chunk, now=_now())
        seconds = time.perf_counter() - began
        b_py, b_db = b_py + _python_cpu() - py, b_db + _server_cpu(fast_pid) - db
        db = _server_cpu(slow_pid)
        rows, naive_seconds = naive_load(naive, chunk[:per_chunk], _now())
        n_db += _server_cpu(slow_pid) - db
        b_rows, b_secs, n_rows, n_secs = (
            b_rows + stats.relation_rows,
            b_secs + seconds,
            n_rows + rows,
            n_secs + naive_seconds,
        )
        ratios.append((stats.relation_rows / seconds) / (rows / naive_seconds))
    rate, naive_rate = b_rows / b_secs, n_rows / n_secs
    print(
        f"batched: {b_rows:.0f} rows of {len(resolved)} articles in {b_secs:.1f} s = {rate:,.0f} rows/s "
        f"({len(resolved) / b_secs:,.0f} articles/s, {len(chunks)} batches of {args.batch_size}); "
        f"CPU python {b_py:.1f} s, neo4j {b_db:.1f} s"
    )
    print(
        f"naive: {n_rows:.0f} rows of {per_chunk * len(chunks)} articles ({per_chunk} after each batch) in "
        f"{n_secs:.1f} s = {naive_rate:,.0f} rows/s, one transaction per row; neo4j CPU {n_db:.1f} s; "
        f"extrapolated to the corpus: {b_rows / naive_rate:,.0f} s"
    )
    print(
        f"ratio batched/naive: {rate / naive_rate:.1f}x overall; per interleaved round: median "
        f"{statistics.median(ratios):.1f}x, min {min(ratios):.1f}x, max {max(ratios):.1f}x"
    )
    print(f"end to end (resolve, then write): {b_rows / (b_secs + resolving):,.0f} rows/s")
    began = time.perf_counter()
    skipped = sum(load_batch(batched, c, now=_now()).articles_skipped for c in chunks)
    print(f"re-ingest (all unchanged): {skipped} skipped in {time.perf_counter() - began:.1f} s")


if __name__ == "__main__":
    main()
