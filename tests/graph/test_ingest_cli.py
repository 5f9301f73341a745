"""`duikou ingest` and `duikou stats` end to end, including a Neo4j that dies in the middle of a load."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest
from graph_helpers import free_port
from typer.testing import CliRunner

from duikou.cli import app
from duikou.settings import get_settings
from graph import local_server
from graph.load import load_extractions
from graph.local_server import ServerSpec

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "gold"
DUIKOU = Path(sys.executable).with_name("duikou")


def _synthetic(count: int, folder: Path) -> list:  # type: ignore[type-arg]
    spec = importlib.util.spec_from_file_location("synthetic", ROOT / "bench" / "synthetic.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    extractions = list(module.generate(count, seed=3))
    folder.mkdir(parents=True, exist_ok=True)
    for x in extractions:
        (folder / x.article.replace(".txt", ".json")).write_text(x.to_json(), encoding="utf-8")
    return extractions


@pytest.fixture
def env_for(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """Point the CLI's settings at a server (by environment, as a user would)."""

    def point(uri: str) -> None:
        monkeypatch.setenv("NEO4J_URI", uri)
        get_settings.cache_clear()

    yield point
    get_settings.cache_clear()


def _counts(driver: neo4j.Driver) -> dict[str, int]:
    records, _, _ = driver.execute_query(
        "CALL () { MATCH (n) RETURN 'node:' + labels(n)[0] AS k UNION ALL MATCH ()-[r]->() RETURN type(r) AS k } "
        "RETURN k, count(*) AS n"
    )
    return {r["k"]: r["n"] for r in records}


def test_ingest_json_stats_and_remove(clean_db: neo4j.Driver, neo4j_server, env_for) -> None:  # type: ignore[no-untyped-def]
    env_for(neo4j_server.uri)
    runner = CliRunner()
    first = runner.invoke(app, ["ingest", "--from-json", str(GOLD), "--batch-size", "2"])
    assert first.exit_code == 0, first.output
    assert "5 articles loaded" in first.output
    counts = _counts(clean_db)
    again = runner.invoke(app, ["ingest", "--from-json", str(GOLD)])
    assert again.exit_code == 0 and "0 articles loaded, 5 unchanged" in again.output
    assert _counts(clean_db) == counts
    stats = runner.invoke(app, ["stats", "--json"])
    assert stats.exit_code == 0
    reported = json.loads(stats.output)
    assert (
        reported["nodes"]["Article"] == 5
        and reported["relationships"]["SECONDED_TO"] == counts["SECONDED_TO"]
    )
    removed = runner.invoke(app, ["ingest", "--remove", "000_d328f78a8ef0c07f.txt"])
    assert removed.exit_code == 0 and "1 removed" in removed.output
    assert json.loads(runner.invoke(app, ["stats", "--json"]).output)["nodes"]["Article"] == 4
    unknown = runner.invoke(app, ["ingest", "--remove", "no-such-article.txt"])
    assert unknown.exit_code == 1


def test_unreachable_neo4j_is_one_clear_line(unreachable_settings, env_for) -> None:  # type: ignore[no-untyped-def]
    env_for(unreachable_settings.neo4j_uri)
    result = subprocess.run(
        [str(DUIKOU), "ingest", "--from-json", str(GOLD)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=GOLD,
        env={"NEO4J_URI": unreachable_settings.neo4j_uri, "PATH": ""},
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "not reachable" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_server_dies_mid_ingest_then_rerun_completes(clean_db: neo4j.Driver, tmp_path: Path) -> None:
    corpus = _synthetic(150, tmp_path / "corpus")
    load_extractions(clean_db, corpus)  # the reference: one clean load on the session server
    reference = _counts(clean_db)
    spec = ServerSpec(
        home=tmp_path / "neo4j",
        bolt_port=free_port(),
        http_port=free_port(),
        classpath_cache=ROOT / ".duikou",
    )
    server, _ = local_server.start(spec)
    env = {"NEO4J_URI": server.uri, "PATH": ""}
    command = [str(DUIKOU), "ingest", "--from-json", str(tmp_path / "corpus"), "--batch-size", "5"]
    try:
        process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=tmp_path
        )
        with neo4j.GraphDatabase.driver(server.uri, auth=("neo4j", "x")) as driver:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline and process.poll() is None:
                try:
                    loaded = driver.execute_query("MATCH (a:Article) RETURN count(a) AS n").records[0]["n"]
                except neo4j.exceptions.Neo4jError:
                    loaded = 0
                if loaded >= 10:
                    break
                time.sleep(0.2)
        assert process.poll() is None, "the ingest finished before the server could be stopped"
        local_server.stop(spec)
        _, stderr = process.communicate(timeout=120)
        assert process.returncode == 1
        assert "Traceback" not in stderr and "not reachable" in stderr
        server, _ = local_server.start(spec)
        rerun = subprocess.run(command, capture_output=True, text=True, timeout=600, env=env, cwd=tmp_path)
        assert rerun.returncode == 0, rerun.stderr
        assert "unchanged" in rerun.stdout
        with neo4j.GraphDatabase.driver(server.uri, auth=("neo4j", "x")) as driver:
            assert _counts(driver) == reference
    finally:
        local_server.stop(spec)
