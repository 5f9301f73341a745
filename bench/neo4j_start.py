"""Measure the local Neo4j: cold start (empty Maven repo), warm start, RSS, stop, and the Browser page.

    .venv/bin/python bench/neo4j_start.py [--skip-cold]

Uses its own temporary state dirs and free ports (never the demo's). The cold run downloads the
artifacts (~160 MB) into a throwaway Maven repository (MAVEN_OPTS=-Dmaven.repo.local=...), so ~/.m2 is
left as it is. Results are printed and written to bench/results/neo4j_start.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import tempfile
import time
import urllib.request
from dataclasses import replace
from pathlib import Path

from graph import local_server
from graph.local_server import FAST_START_JVM_OPTIONS, ServerSpec

RESULTS = Path(__file__).parent / "results" / "neo4j_start.json"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def cpu_seconds(pid: int) -> float:
    """CPU time the JVM used so far (user + system): a start-up cost that load on the box does not inflate."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def browser_ok(http_url: str) -> bool:
    with urllib.request.urlopen(f"{http_url}/browser/", timeout=10) as response:
        return response.status == 200 and "<title>Neo4j Browser</title>" in response.read().decode()


def timed_start(spec: ServerSpec) -> tuple[float, local_server.RunningServer]:
    began = time.monotonic()
    server, started = local_server.start(spec)
    assert started, "a server was already running there"
    return time.monotonic() - began, server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-cold", action="store_true", help="skip the empty-Maven-repo run")
    args = parser.parse_args()
    results: dict[str, object] = {"load_average_at_start": os.getloadavg()[0]}
    work = Path(tempfile.mkdtemp(prefix="duikou-neo4j-bench-"))
    try:
        if not args.skip_cold:
            os.environ["MAVEN_OPTS"] = f"-Dmaven.repo.local={work / 'empty-m2'}"
            cold = ServerSpec(
                home=work / "cold" / "neo4j",
                bolt_port=free_port(),
                http_port=free_port(),
                classpath_cache=work / "cold",
            )
            began = time.monotonic()
            local_server.resolve_classpath(work / "cold")
            resolve = time.monotonic() - began
            seconds, _ = timed_start(cold)
            results["cold_maven_resolve_s"] = round(resolve, 1)
            results["cold_first_start_s"] = round(resolve + seconds, 1)
            local_server.stop(cold)
            del os.environ["MAVEN_OPTS"]
        # Warm: classpath cached from ~/.m2, data folder created by a first start, then restarted.
        warm = ServerSpec(
            home=work / "warm" / "neo4j",
            bolt_port=free_port(),
            http_port=free_port(),
            classpath_cache=work / "warm",
        )
        seconds, server = timed_start(warm)
        results["first_start_empty_data_s"] = round(seconds, 1)
        began = time.monotonic()
        local_server.stop(warm)
        results["stop_s"] = round(time.monotonic() - began, 1)
        seconds, server = timed_start(warm)
        results["warm_start_s"] = round(seconds, 1)
        results["warm_start_jvm_cpu_s"] = round(cpu_seconds(server.pid), 1)
        results["rss_after_start_mib"] = round(rss_mib(server.pid))
        results["browser_served"] = browser_ok(server.http_url)
        time.sleep(10)
        results["rss_after_10s_idle_mib"] = round(rss_mib(server.pid))
        local_server.stop(warm)
        fast = replace(warm, jvm_options=FAST_START_JVM_OPTIONS)  # what the test fixture uses
        seconds, server = timed_start(fast)
        results["warm_start_fast_jvm_s"] = round(seconds, 1)
        results["warm_start_fast_jvm_cpu_s"] = round(cpu_seconds(server.pid), 1)
        results["rss_after_start_fast_jvm_mib"] = round(rss_mib(server.pid))
        local_server.stop(fast)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    results["load_average_at_end"] = os.getloadavg()[0]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2))
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
