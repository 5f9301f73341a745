"""Running statements inside a transaction while adding up what they changed."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from neo4j import ManagedTransaction, Transaction

Tx = Transaction | ManagedTransaction


@dataclass
class LoadStats:
    """What a load did: articles by outcome and the server's update counters."""

    articles_loaded: int = 0
    articles_skipped: int = 0
    articles_replaced: int = 0
    articles_removed: int = 0
    relation_rows: int = 0
    counters: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def count(self, summary: Any) -> None:
        """Add a result summary's counters."""
        for key, value in vars(summary.counters).items():
            if isinstance(value, int) and not key.startswith("_"):
                self.counters[key] += value

    def merge(self, other: LoadStats) -> None:
        """Add another batch's figures."""
        for name in (
            "articles_loaded",
            "articles_skipped",
            "articles_replaced",
            "articles_removed",
            "relation_rows",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for key, value in other.counters.items():
            self.counters[key] += value


def run(tx: Tx, stats: LoadStats, query: str, **params: Any) -> list[dict[str, Any]]:
    """Run a statement, count its updates, return its rows as dicts."""
    result = tx.run(query, **params)
    keys = result.keys()
    # The loader's statements return plain values, lists and maps, so no `record.data()` conversion.
    rows = [dict(zip(keys, record, strict=True)) for record in result]
    stats.count(result.consume())
    return rows
