"""API throughput for entity lookups (/people, /cities, /organisations, /projects by id) on loopback.

Starts a throwaway local Neo4j (unless --neo4j-uri names one whose data may be replaced), loads the
gold extractions of the seeds with the real loader, runs `uvicorn api.app:app` in a subprocess,
and drives it for a fixed duration at fixed concurrency with `wrk` when installed (a C client, so
the load generator does not eat the CPU it measures) or else a bounded asyncio httpx load.
Reports requests/s, latency percentiles and non-200 answers.

    .venv/bin/python bench/api_load.py [--seconds 20] [--concurrency 32] [--workers 1] [--client wrk|httpx]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import neo4j

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph import local_server  # noqa: E402
from graph.load import load_extractions  # noqa: E402
from graph.local_server import ServerSpec  # noqa: E402
from ingest.models import Extraction  # noqa: E402

PREFIX = {
    "Person": "/people/",
    "City": "/cities/",
    "Organisation": "/organisations/",
    "Project": "/projects/",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def load_gold(uri: str) -> list[str]:
    """Replace the database with the gold graph; return the lookup URLs of its entities."""
    extractions = [
        Extraction.model_validate_json(p.read_text(encoding="utf-8"))
        for p in sorted((ROOT / "tests" / "gold").glob("*.json"))
    ]
    with neo4j.GraphDatabase.driver(uri, auth=("neo4j", "bench")) as driver:
        driver.execute_query("MATCH (n) DETACH DELETE n")
        load_extractions(driver, extractions)
        records, _, _ = driver.execute_query(
            "MATCH (n) WHERE n:Person OR n:City OR n:Organisation OR n:Project RETURN n.id AS id, labels(n)[0] AS label"
        )
    return [PREFIX[r["label"]] + quote(r["id"], safe=":") for r in records]


def start_api(uri: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "NEO4J_URI": uri, "NEO4J_USER": "neo4j", "NEO4J_PASSWORD": "bench"}
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        "api.app:app",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--log-level",
        "warning",
        "--no-access-log",
    ]
    process = subprocess.Popen(command, cwd=ROOT, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                return process
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    process.terminate()
    raise RuntimeError("the API did not come up")


async def drive(base: str, urls: list[str], seconds: float, concurrency: int) -> dict[str, Any]:
    """`concurrency` clients requesting random lookup URLs for `seconds`."""
    latencies: list[float] = []
    errors = 0
    rng = random.Random(7)
    stop_at = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)

    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:

        async def worker() -> None:
            nonlocal errors
            while time.perf_counter() < stop_at:
                began = time.perf_counter()
                response = await client.get(rng.choice(urls))
                latencies.append((time.perf_counter() - began) * 1000)
                if response.status_code != 200:
                    errors += 1

        began = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - began
    latencies.sort()
    return {
        "requests": len(latencies),
        "requests_per_s": round(len(latencies) / elapsed, 1),
        "p50_ms": round(statistics.median(latencies), 1),
        "p95_ms": round(latencies[int(len(latencies) * 0.95) - 1], 1),
        "p99_ms": round(latencies[int(len(latencies) * 0.99) - 1], 1),
        "non_200": errors,
    }


def drive_wrk(base: str, urls: list[str], seconds: float, concurrency: int) -> dict[str, Any]:
    """The same load through `wrk` (random lookup URL per request, from a Lua list)."""
    lua = "local paths = {" + ",".join(json.dumps(u) for u in urls) + "}\n"
    lua += (
        "math.randomseed(7)\nrequest = function() return wrk.format('GET', paths[math.random(#paths)]) end\n"
    )
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(lua)
    command = ["wrk", "-t2", f"-c{concurrency}", f"-d{int(seconds)}s", "--latency", "-s", script.name, base]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    Path(script.name).unlink()

    def ms(label: str) -> float:
        found = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)", out, re.M)
        if not found:
            return float("nan")
        value, unit = float(found.group(1)), found.group(2)
        return round(value / 1000 if unit == "us" else value * 1000 if unit == "s" else value, 1)

    rate = re.search(r"Requests/sec:\s+([\d.]+)", out)
    total = re.search(r"(\d+) requests in", out)
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "requests": int(total.group(1)) if total else 0,
        "requests_per_s": float(rate.group(1)) if rate else 0.0,
        "p50_ms": ms("50"),  # wrk prints the 50th, 75th, 90th and 99th percentiles
        "p90_ms": ms("90"),
        "p99_ms": ms("99"),
        "non_200": int(bad.group(1)) if bad else 0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    parser.add_argument("--client", choices=("auto", "wrk", "httpx"), default="auto")
    parser.add_argument("--neo4j-uri", help="use this server (its database is REPLACED by the gold graph)")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "results" / "api_load.json")
    args = parser.parse_args()

    spec = None
    uri = args.neo4j_uri
    if uri is None:
        home = Path(tempfile.mkdtemp(prefix="duikou-apiload-")) / "neo4j"
        spec = ServerSpec(
            home=home, bolt_port=free_port(), http_port=free_port(), classpath_cache=ROOT / ".duikou"
        )
        uri = local_server.start(spec)[0].uri
    try:
        urls = load_gold(uri)
        port = free_port()
        api = start_api(uri, port, args.workers)
        try:
            base = f"http://127.0.0.1:{port}"
            client = args.client if args.client != "auto" else ("wrk" if shutil.which("wrk") else "httpx")
            asyncio.run(drive(base, urls, 3, args.concurrency))  # warm-up: plans cached, pool filled
            if client == "wrk":
                result = drive_wrk(base, urls, args.seconds, args.concurrency)
            else:
                result = asyncio.run(drive(base, urls, args.seconds, args.concurrency))
        finally:
            api.terminate()
            api.wait(timeout=20)
        result.update(
            client=client,
            entities=len(urls),
            concurrency=args.concurrency,
            workers=args.workers,
            seconds=args.seconds,
        )
        print(json.dumps(result, indent=2))
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(result, indent=2))
    finally:
        if spec is not None:
            local_server.stop(spec)
            shutil.rmtree(spec.home.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
