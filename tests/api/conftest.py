"""The app on the session's test Neo4j, holding the known graph of tests/queries."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from duikou.settings import Settings
from graph.schema import ensure_schema

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
