"""The app on the session's test Neo4j, holding the known graph of tests/queries."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

# pytest puts tests/ on sys.path, where this folder would pass for the `api` package (a namespace
# package); the project root first makes the real one win.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.modules.pop("api", None)

import neo4j  # noqa: E402
import pytest  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from api.app import create_app  # noqa: E402
from duikou.settings import Settings  # noqa: E402
from graph.schema import ensure_schema  # noqa: E402

KNOWN_GRAPH = Path(__file__).resolve().parents[1] / "queries" / "known_graph.cypher"


@pytest.fixture(scope="module")
def api_graph(neo4j_driver: neo4j.Driver, neo4j_settings: Settings) -> neo4j.Driver:
    """The session's test database reset to the known graph, once per module (the API only reads)."""
    database = neo4j_settings.neo4j_database
    neo4j_driver.execute_query("MATCH (n) DETACH DELETE n", database_=database)
    ensure_schema(neo4j_driver, database)
    neo4j_driver.execute_query(KNOWN_GRAPH.read_text(encoding="utf-8"), database_=database)
    return neo4j_driver


@pytest.fixture(scope="module")
def client(api_graph: neo4j.Driver, neo4j_settings: Settings) -> Iterator[TestClient]:
    """A client of the app (lifespan run: driver made, schema ensured) on the known graph."""
    with TestClient(create_app(neo4j_settings)) as test_client:
        yield test_client
