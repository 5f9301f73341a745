"""Helpers of the graph tests: the gold extractions as input, and whole-graph snapshots."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import neo4j

from ingest.models import Extraction

GOLD_DIR = Path(__file__).resolve().parents[1] / "gold"


def gold() -> list[Extraction]:
    """The hand-made gold files, as extractions."""
    return [
        Extraction.model_validate_json(p.read_text(encoding="utf-8")) for p in sorted(GOLD_DIR.glob("*.json"))
    ]


def snapshot(driver: neo4j.Driver) -> dict[str, Any]:
    """Every node and edge with all properties, in a canonical order (element ids left out)."""
    nodes, _, _ = driver.execute_query("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")
    edges, _, _ = driver.execute_query(
        "MATCH (s)-[r]->(t) RETURN s.id AS s, type(r) AS type, t.id AS t, properties(r) AS props"
    )
    return {
        "nodes": sorted((tuple(r["labels"]), repr(sorted(r["props"].items()))) for r in nodes),
        "edges": sorted((r["s"], r["type"], r["t"], repr(sorted(r["props"].items()))) for r in edges),
    }


def ids_of(driver: neo4j.Driver, label: str) -> set[str]:
    """The ids of all nodes with `label`."""
    records, _, _ = driver.execute_query(f"MATCH (n:{label}) RETURN n.id AS id")
    return {r["id"] for r in records}


def free_port() -> int:
    """A loopback port nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
