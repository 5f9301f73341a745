"""The local Neo4j: the session server, the health probe, and `duikou neo4j start|stop|status`.

The CLI tests run the real command against their own state dir and free ports, never the demo's.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest
from neo4j_support import CLASSPATH_CACHE, Neo4jServer, free_port

from duikou.settings import Settings
from graph import local_server
from graph.db import async_database_status, database_status, make_async_driver, make_driver
from graph.local_server import FAST_START_JVM_OPTIONS, JVM_OPTIONS_ENV, LocalServerError, ServerSpec

DUIKOU = [sys.executable, "-m", "duikou.cli"]


def test_session_server_is_neo4j_526_community(neo4j_driver: neo4j.Driver, neo4j_server: Neo4jServer) -> None:
    health = database_status(neo4j_driver, neo4j_server.database)
    assert health.ok, health.error
    assert health.version is not None and health.version.startswith("5.26.")
    assert health.edition == "community"
    assert not neo4j_server.uri.endswith(":7687")  # never the demo's port


def test_basic_auth_from_settings_is_accepted(neo4j_settings: Settings) -> None:
    with make_driver(neo4j_settings) as driver:
        records, _, _ = driver.execute_query("RETURN $x + 1 AS y", x=41)
    assert records[0]["y"] == 42


async def test_async_driver_and_status(neo4j_settings: Settings) -> None:
    async with make_async_driver(neo4j_settings) as driver:
        health = await async_database_status(driver, neo4j_settings.neo4j_database)
    assert health.ok, health.error
    assert health.as_dict()["edition"] == "community"


def test_clean_db_starts_empty_and_writes_work(clean_db: neo4j.Driver) -> None:
    before, _, _ = clean_db.execute_query("MATCH (n) RETURN count(n) AS n")
    clean_db.execute_query("CREATE (:Probe {id: 'p1'})")
    after, _, _ = clean_db.execute_query("MATCH (n:Probe) RETURN n.id AS id")
    assert before[0]["n"] == 0
    assert [r["id"] for r in after] == ["p1"]


def test_browser_and_discovery_are_served(neo4j_server: Neo4jServer) -> None:
    with urllib.request.urlopen(f"{neo4j_server.http_url}/browser/", timeout=10) as response:
        page = response.read().decode()
    assert "<title>Neo4j Browser</title>" in page
    with urllib.request.urlopen(neo4j_server.http_url, timeout=10) as response:
        discovery = json.load(response)
    # Browser connects to the advertised Bolt address, so it must be the test server's own port.
    assert discovery["bolt_direct"] == neo4j_server.uri
    assert discovery["neo4j_version"].startswith("5.26.")


def test_unreachable_settings_report_down_quickly(unreachable_settings: Settings) -> None:
    began = time.monotonic()
    with make_driver(unreachable_settings) as driver:
        health = database_status(driver, unreachable_settings.neo4j_database)
    assert not health.ok
    assert health.error is not None and "ServiceUnavailable" in health.error
    assert time.monotonic() - began < 10


# --- the CLI -------------------------------------------------------------------------------------


@pytest.fixture
def cli_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, str]]:
    """Environment for `duikou neo4j …` with its own state dir and free ports; stops what it started.

    The state dir is relative (like the default `.duikou`) to the tmp folder, the working directory."""
    monkeypatch.chdir(tmp_path)
    state = Path("state")
    state.mkdir()
    # Reuse the classpath the session server resolved, so the CLI does not run Maven again.
    for cached in CLASSPATH_CACHE.glob("neo4j-classpath-*.txt"):
        shutil.copy(cached, state / cached.name)
    env = {k: v for k, v in os.environ.items() if k != "NEO4J_URI"}
    env |= {
        "DUIKOU_STATE_DIR": str(state),
        "NEO4J_BOLT_PORT": str(free_port()),
        "NEO4J_HTTP_PORT": str(free_port()),
        JVM_OPTIONS_ENV: " ".join(FAST_START_JVM_OPTIONS),
    }
    yield env
    subprocess.run([*DUIKOU, "neo4j", "stop"], env=env, capture_output=True, timeout=120)


def duikou(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*DUIKOU, "neo4j", *args], env=env, capture_output=True, text=True, timeout=300)


def server_processes(state: Path) -> list[int]:
    """Pids of JVMs started for this state dir's home (the launcher's -D marker)."""
    marker = f"-Dduikou.neo4j.home={(state / 'neo4j').resolve()}".encode()
    found = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                if marker in (proc / "cmdline").read_bytes().split(b"\0"):
                    found.append(int(proc.name))
            except OSError:
                continue
    return found


def cli_settings(env: dict[str, str]) -> Settings:
    """The settings the CLI sees with `env`, built in this process."""
    return Settings(
        neo4j_uri=None,
        neo4j_bolt_port=int(env["NEO4J_BOLT_PORT"]),
        neo4j_http_port=int(env["NEO4J_HTTP_PORT"]),
        DUIKOU_STATE_DIR=Path(env["DUIKOU_STATE_DIR"]),
        _env_file=None,  # type: ignore[call-arg]
    )


def count_nodes(env: dict[str, str]) -> int:
    uri = f"bolt://127.0.0.1:{env['NEO4J_BOLT_PORT']}"
    with neo4j.GraphDatabase.driver(uri, auth=("neo4j", "any")) as driver:
        records, _, _ = driver.execute_query("MATCH (n:Kept) RETURN count(n) AS n")
    return int(records[0]["n"])


def test_cli_start_twice_status_stop_and_data_survives(
    cli_env: dict[str, str], neo4j_server: Neo4jServer
) -> None:
    # neo4j_server: same skip/fail policy when no server can start here, and a warm classpath cache.
    state = Path(cli_env["DUIKOU_STATE_DIR"])
    assert duikou(cli_env, "status").returncode == 1

    first = duikou(cli_env, "start")
    assert first.returncode == 0, first.stderr
    assert "started" in first.stdout and f"bolt://127.0.0.1:{cli_env['NEO4J_BOLT_PORT']}" in first.stdout
    assert (state / "neo4j" / "data" / "databases" / "neo4j").is_dir()  # the data is in the state dir
    second = duikou(cli_env, "start")
    assert second.returncode == 0, second.stderr
    assert "already running" in second.stdout
    pids = server_processes(state)
    assert len(pids) == 1
    assert f"pid      {pids[0]}" in second.stdout

    status = duikou(cli_env, "status")
    assert status.returncode == 0 and f"pid      {pids[0]}" in status.stdout
    same = cli_settings(cli_env)
    assert local_server.ensure_running(same) == local_server.status(ServerSpec.from_settings(same))
    with pytest.raises(LocalServerError, match="already runs"):
        local_server.ensure_running(cli_settings(cli_env | {"NEO4J_BOLT_PORT": str(free_port())}))
    with neo4j.GraphDatabase.driver(
        f"bolt://127.0.0.1:{cli_env['NEO4J_BOLT_PORT']}", auth=("neo4j", "x")
    ) as driver:
        driver.execute_query("CREATE (:Kept {id: 1})")

    stopped = duikou(cli_env, "stop")
    assert stopped.returncode == 0 and f"pid {pids[0]}" in stopped.stdout
    assert server_processes(state) == []
    assert duikou(cli_env, "status").returncode == 1
    assert "not running" in duikou(cli_env, "stop").stdout

    again = duikou(cli_env, "start")  # the data lives in the state dir and survives the restart
    assert again.returncode == 0, again.stderr
    assert count_nodes(cli_env) == 1


def test_cli_with_external_uri_starts_nothing(tmp_path: Path) -> None:
    env = dict(os.environ, DUIKOU_STATE_DIR=str(tmp_path), NEO4J_URI=f"bolt://127.0.0.1:{free_port()}")
    result = duikou(env, "start")
    assert result.returncode == 0
    assert "starts nothing" in result.stdout
    assert not (tmp_path / "neo4j").exists()
    assert duikou(env, "status").returncode == 1  # the external server is unreachable


def _no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert "docker compose up" in result.stderr and "NEO4J_URI" in result.stderr


def test_cli_without_java_says_so(cli_env: dict[str, str]) -> None:
    env = {k: v for k, v in cli_env.items() if k != "JAVA_HOME"} | {"PATH": "/nonexistent"}
    result = duikou(env, "start")
    _no_traceback(result)
    assert "Java 17+" in result.stderr


def test_cli_without_maven_says_so(cli_env: dict[str, str], tmp_path: Path) -> None:
    java = shutil.which("java")
    assert java is not None
    only_java = tmp_path / "bin"
    only_java.mkdir()
    (only_java / "java").symlink_to(Path(java).resolve())
    for cached in Path(cli_env["DUIKOU_STATE_DIR"]).glob("neo4j-classpath-*.txt"):
        cached.unlink()  # force a Maven run
    result = duikou(cli_env | {"PATH": str(only_java)}, "start")
    _no_traceback(result)
    assert "Maven" in result.stderr


def test_cli_port_taken_says_so(cli_env: dict[str, str]) -> None:
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", int(cli_env["NEO4J_BOLT_PORT"])))
        squatter.listen()
        result = duikou(cli_env, "start")
    _no_traceback(result)
    assert f"Port {cli_env['NEO4J_BOLT_PORT']}" in result.stderr


def test_cli_with_old_java_says_so(cli_env: dict[str, str], tmp_path: Path) -> None:
    old_java = tmp_path / "old-jdk" / "bin"
    old_java.mkdir(parents=True)
    (old_java / "java").write_text("#!/bin/sh\necho 'openjdk version \"11.0.22\" 2024-01-16' >&2\n")
    (old_java / "java").chmod(0o755)
    result = duikou(cli_env | {"JAVA_HOME": str(old_java.parent)}, "start")
    _no_traceback(result)
    assert "Java 11 found" in result.stderr


def test_ensure_running_leaves_an_external_server_alone(tmp_path: Path) -> None:
    settings = Settings(
        neo4j_uri="bolt://127.0.0.1:7999", DUIKOU_STATE_DIR=tmp_path / "state", _env_file=None
    )  # type: ignore[call-arg]
    assert local_server.ensure_running(settings) is None
    assert not (tmp_path / "state").exists()
