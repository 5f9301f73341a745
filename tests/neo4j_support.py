"""Plain helpers of the Neo4j test fixtures, importable by tests (conftest modules are not: several
folders have one, and `from conftest import …` picks whichever was imported first)."""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from pathlib import Path

from duikou.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
# Only the resolved classpath is shared with the demo (a file keyed by the pom's hash), so a warm
# test run does not call Maven; the test server's data lives in pytest's tmp folder.
CLASSPATH_CACHE = ROOT / ".duikou"


@dataclass(frozen=True)
class Neo4jServer:
    """Connection facts of the test server."""

    uri: str
    user: str
    password: str
    database: str
    http_url: str
    home: Path
    pid: int


def free_port() -> int:
    """A loopback port nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def settings_for(server: Neo4jServer) -> Settings:
    """Settings pointing at `server` (as an external server, so nothing else gets started)."""
    return Settings(
        neo4j_uri=server.uri,
        neo4j_user=server.user,
        neo4j_password=server.password,
        neo4j_database=server.database,
        _env_file=None,  # type: ignore[call-arg]  # a developer's .env must not redirect the tests
    )


def in_ci() -> bool:
    """True under CI (CI=true), where a test that needs a service fails instead of skipping."""
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")
