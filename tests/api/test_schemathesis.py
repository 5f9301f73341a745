"""Property-based run over the OpenAPI schema against a live server: whatever the parameters,
no 5xx answer. Bounded (a few examples per operation) so it stays well under a minute."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import neo4j
import pytest
import schemathesis
import uvicorn
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from api.app import create_app
from duikou.settings import Settings


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def live_url(api_graph: neo4j.Driver, neo4j_settings: Settings) -> Iterator[str]:
    """The app under uvicorn in a thread, on a free loopback port, holding the known graph."""
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(neo4j_settings), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


# The schema does not depend on the database, so it is read from an app made at import; the
# calls go over HTTP to the live server.
schema = schemathesis.openapi.from_dict(create_app(Settings(_env_file=None)).openapi())  # type: ignore[call-arg]


@schema.parametrize()
@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors(case: schemathesis.Case, live_url: str) -> None:
    case.call_and_validate(base_url=live_url, checks=[not_a_server_error], timeout=30)
