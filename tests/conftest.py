"""Session-wide Neo4j for the tests: one real server on free ports with a throwaway data folder.

It is started through the same code as `duikou neo4j start` (graph.local_server), never touches the
demo database, and is stopped at the end of the session. When it cannot start, tests that need it fail
under CI=true and are skipped elsewhere (with the reason).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import NoReturn

import neo4j
import pytest
from neo4j_support import CLASSPATH_CACHE, Neo4jServer, free_port, in_ci, settings_for

from duikou.settings import Settings
from graph import local_server
from graph.db import make_driver
from graph.local_server import FAST_START_JVM_OPTIONS, LocalServerError, ServerSpec


def _unavailable(reason: str) -> NoReturn:
    if in_ci():
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def neo4j_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Neo4jServer]:
    """A Neo4j 5.26 server of this test session (fresh data folder, free ports); stopped at the end."""
    spec = ServerSpec(
        home=tmp_path_factory.mktemp("neo4j-server") / "neo4j",
        bolt_port=free_port(),
        http_port=free_port(),
        classpath_cache=CLASSPATH_CACHE,
        owner_pid=os.getpid(),  # no orphaned server if this session is killed
        jvm_options=FAST_START_JVM_OPTIONS,  # test graphs are tiny; start time matters more
    )
    try:
        running, _ = local_server.start(spec)
    except LocalServerError as error:
        _unavailable(f"the test Neo4j could not start: {error}")
    try:
        yield Neo4jServer(
            uri=running.uri,
            user="neo4j",
            password="duikou-test",
            database="neo4j",
            http_url=running.http_url,
            home=running.home,
            pid=running.pid,
        )
    finally:
        local_server.stop(spec)


@pytest.fixture(scope="session")
def neo4j_settings(neo4j_server: Neo4jServer) -> Settings:
    """Settings pointing at the session's test server."""
    return settings_for(neo4j_server)


@pytest.fixture(scope="session")
def neo4j_driver(neo4j_settings: Settings) -> Iterator[neo4j.Driver]:
    """A driver on the test server, made by graph.db.make_driver like the app's."""
    with make_driver(neo4j_settings) as driver:
        driver.verify_connectivity()
        yield driver


@pytest.fixture
def clean_db(neo4j_driver: neo4j.Driver, neo4j_server: Neo4jServer) -> neo4j.Driver:
    """The driver, after deleting every node of the test server's database (and only that one)."""
    neo4j_driver.execute_query("MATCH (n) DETACH DELETE n", database_=neo4j_server.database)
    return neo4j_driver


@pytest.fixture
def unreachable_settings() -> Settings:
    """Settings whose NEO4J_URI points at a closed loopback port (for 503 / health-down tests)."""
    return Settings(
        neo4j_uri=f"bolt://127.0.0.1:{free_port()}",
        _env_file=None,  # type: ignore[call-arg]
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that uses the server with `neo4j`, so `-m "not neo4j"` deselects them."""
    for item in items:
        if "neo4j_server" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.neo4j)
