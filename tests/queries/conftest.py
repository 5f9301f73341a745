"""The known graph (known_graph.cypher) loaded into the session's test Neo4j, for query tests."""

from __future__ import annotations

from pathlib import Path

import neo4j
import pytest

from graph.schema import ensure_schema

KNOWN_GRAPH = Path(__file__).with_name("known_graph.cypher")


@pytest.fixture
def known_graph(clean_db: neo4j.Driver, neo4j_settings) -> neo4j.Driver:  # type: ignore[no-untyped-def]
    """The test server holding exactly the known graph, with the schema and full-text index."""
    ensure_schema(clean_db, neo4j_settings.neo4j_database)
    clean_db.execute_query(KNOWN_GRAPH.read_text(encoding="utf-8"), database_=neo4j_settings.neo4j_database)
    return clean_db
