"""Loading extractions in batches, and withdrawing articles: the entry points the CLI and bench use."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from threading import Event
from typing import TypeVar

from neo4j import Driver

from graph import withdraw
from graph.readback import find_articles
from graph.resolve import resolve
from graph.rows import Resolved
from graph.schema import ensure_schema
from graph.txutil import LoadStats
from graph.writer import load_batch
from ingest.models import Extraction

T = TypeVar("T")
# Measured on 2 cores: 200 articles a transaction beat 500 by a third (big transactions keep megabytes
# of transaction state alive through young collections); 50-250 were alike.
DEFAULT_BATCH_SIZE = 200


def batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of at most `size` items."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def read_json_dir(folder: Path) -> list[Path]:
    """The extraction files of a folder (recursive, sorted)."""
    return sorted(p for p in folder.rglob("*.json") if p.is_file())


def load_extractions(
    driver: Driver,
    extractions: Iterable[Extraction],
    batch_size: int = DEFAULT_BATCH_SIZE,
    database: str | None = None,
    on_batch: Callable[[int, LoadStats], None] | None = None,
) -> LoadStats:
    """Resolve and load extractions, one transaction per batch; returns the summed figures.

    The next batch is read and resolved on one worker thread while the current one is written:
    the driver waits for the server with the GIL released, so resolution overlaps the database.
    """
    ensure_schema(driver, database)
    total = LoadStats()
    items, stop = iter(extractions), Event()

    def resolve_next() -> list[Resolved]:
        resolved: list[Resolved] = []
        # Item by item, so that a failed write stops the worker after one article, not a batch.
        while len(resolved) < batch_size and not stop.is_set():
            x = next(items, None)
            if x is None:
                break
            resolved.append(resolve(x))
        return resolved

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="duikou-resolve") as worker:
        pending = worker.submit(resolve_next)
        try:
            while resolved := pending.result():
                pending = worker.submit(resolve_next)
                now = datetime.now(UTC).isoformat(timespec="seconds")
                stats = load_batch(driver, resolved, database, now)
                total.merge(stats)
                if on_batch is not None:
                    on_batch(len(resolved), stats)
        finally:
            stop.set()
    return total


class UnknownArticle(LookupError):
    """No article in the graph matches a reference given to --remove."""


def remove_articles(driver: Driver, refs: list[str], database: str | None = None) -> LoadStats:
    """Withdraw the articles named by id, file name or path (one transaction)."""
    ids: list[str] = []
    for ref in refs:
        found = find_articles(driver, ref, database)
        if not found:
            raise UnknownArticle(f"no article in the graph matches {ref!r}")
        ids.extend(i for i in found if i not in ids)
    stats = LoadStats()
    with driver.session(database=database) as session, session.begin_transaction() as tx:
        people = withdraw.withdraw(tx, stats, ids)
        withdraw.link_same_names(tx, stats, sorted(people))
        tx.commit()
    stats.articles_removed = len(ids)
    return stats
