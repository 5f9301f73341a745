"""The known graph (known_graph.cypher) loaded into the session's test Neo4j, for query tests."""

from __future__ import annotations

import sys
from pathlib import Path

# pytest puts tests/ on sys.path, where this folder would pass for the `queries` package (a
# namespace package); the project root first makes the real one win.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.modules.pop("queries", None)

import neo4j  # noqa: E402
import pytest  # noqa: E402

from graph.schema import ensure_schema  # noqa: E402

KNOWN_GRAPH = Path(__file__).with_name("known_graph.cypher")


@pytest.fixture
def known_graph(clean_db: neo4j.Driver, neo4j_settings) -> neo4j.Driver:  # type: ignore[no-untyped-def]
    """The test server holding exactly the known graph, with the schema and full-text index."""
    ensure_schema(clean_db, neo4j_settings.neo4j_database)
    clean_db.execute_query(KNOWN_GRAPH.read_text(encoding="utf-8"), database_=neo4j_settings.neo4j_database)
    return clean_db
