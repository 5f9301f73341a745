"""Canned query latency at scale: p50/p95 per query over a synthetic graph of ≥ 1M nodes.

Builds the graph in a throwaway local Neo4j (its own temp folder and free ports; the demo database
is never touched) with `UNWIND range(...)` batches in Cypher, following docs/graph-model.md:
a province → city → district tree, organisations and projects LOCATED_IN districts, agreements
SIGNED by two bodies, people with a home post (SERVES_AT), some SECONDED_TO a body in another
province and some BROKERED projects, articles that MENTION entities, provenance on every edge.
Then runs each canned query with random valid parameters in read transactions.

    .venv/bin/python bench/query_bench.py [--people 500000] [--runs 40] [--out bench/results/query_bench.json]

Building 1M nodes takes minutes; to profile repeatedly, keep the server and its store:

    .venv/bin/python bench/query_bench.py --keep /tmp/qbench            # build once, leave it running
    .venv/bin/python bench/query_bench.py --keep /tmp/qbench --only timeline,brokers_of   # reuse
    .venv/bin/python bench/query_bench.py --keep /tmp/qbench --stop     # stop it (the folder stays)
    .venv/bin/python bench/query_bench.py --keep /tmp/qbench --baseline old-queries/   # before/after,
        # alternating the two versions run by run on the same parameters
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import socket
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import neo4j

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import queries  # noqa: E402
from graph import local_server  # noqa: E402
from graph.local_server import ServerSpec  # noqa: E402
from graph.schema import ensure_schema  # noqa: E402

CHARS = "安宝北滨昌长城川春大德东丰福阜广桂海汉和河鹤华淮黄吉嘉江金晋京九开康兰乐丽连辽林临龙鲁洛马梅南宁平普齐秦青清庆泉荣瑞山汕上韶绍深沈盛石双顺松苏台太泰唐天通铜潍渭文武西湘新兴徐许宣阳扬宜义银永玉元云枣湛张漳肇镇郑中舟周淄遵"
N = len(CHARS)
PROV, CITY_PER, DIST_PER = 34, 10, 10
PROV_BASE, CITY_BASE, DIST_BASE = 100000, 200000, 300000

# Two-character name of number i (distinct for i < N²), in Cypher and in Python.
CY_NAME = "substring($chars, ({i}) % $n, 1) + substring($chars, (({i}) / $n) % $n, 1)"


def py_name(i: int) -> str:
    return CHARS[i % N] + CHARS[(i // N) % N]


PROVENANCE = (
    "articles: ['article:' + toString({a})], evidence: ['合成证据句' + toString({a})], "
    "rules: ['synthetic'], extractor_version: 'bench', first_seen: '2024-01-01', last_seen: '2024-01-01'"
)


def build(driver: neo4j.Driver, people: int) -> dict[str, int]:
    """Create the synthetic graph; returns the entity counts."""
    orgs, projects, articles = people // 2, people // 2, people // 5
    cities = PROV * CITY_PER
    districts = cities * DIST_PER
    p = {"chars": CHARS, "n": N}

    def run(cypher: str, **params: Any) -> None:
        with driver.session() as session:
            session.run(cypher, {**p, **params}).consume()

    def batched(body: str, total: int, **params: Any) -> None:
        run(
            f"UNWIND range(0, $total - 1) AS i CALL (i) {{ {body} }} IN TRANSACTIONS OF 20000 ROWS",
            total=total,
            **params,
        )

    ensure_schema(driver)
    name = CY_NAME.format(i="i")
    batched(
        f"CREATE (:City {{id: 'city:' + toString({PROV_BASE} + i), name: {name} + '省', level: 'province', "
        f"aliases: [{name}], aliases_text: {name}}})",
        PROV,
    )
    batched(
        f"MATCH (p:City {{id: 'city:' + toString({PROV_BASE} + i / {CITY_PER})}}) "
        f"CREATE (c:City {{id: 'city:' + toString({CITY_BASE} + i), name: {CY_NAME.format(i='i + 500')} + '市', level: 'city', "
        f"aliases: [{CY_NAME.format(i='i + 500')}], aliases_text: {CY_NAME.format(i='i + 500')}}})-[:PART_OF]->(p)",
        cities,
    )
    batched(
        f"MATCH (c:City {{id: 'city:' + toString({CITY_BASE} + i / {DIST_PER})}}) "
        f"CREATE (:City {{id: 'city:' + toString({DIST_BASE} + i), name: c.name + {CY_NAME.format(i='i + 900')} + '区', "
        f"level: 'district', aliases: [], aliases_text: ''}})-[:PART_OF]->(c)",
        districts,
    )
    batched(
        f"MATCH (d:City {{id: 'city:' + toString({DIST_BASE} + i % {districts})}}) "
        f"CREATE (o:Organisation {{id: 'org:' + toString(i), name: d.name + {CY_NAME.format(i='i / 7')} + '局', "
        f"kind: 'government', aliases: [], aliases_text: ''}})-[:LOCATED_IN {{{PROVENANCE.format(a='i % $articles')}}}]->(d)",
        orgs,
        articles=articles,
    )
    batched(
        f"MATCH (d:City {{id: 'city:' + toString({DIST_BASE} + (i * 7) % {districts})}}) "
        f"CREATE (j:Project {{id: 'project:' + toString(i), name: {CY_NAME.format(i='i')} + {CY_NAME.format(i='i / 11')} + "
        f"CASE WHEN i % 5 = 0 THEN '合作协议' ELSE '产业园项目' END, kind: CASE WHEN i % 5 = 0 THEN 'agreement' ELSE 'project' END, "
        f"amount_cny: (i % 97) * 10000000, aliases: [], aliases_text: ''}})-[:LOCATED_IN {{{PROVENANCE.format(a='i % $articles')}}}]->(d)",
        projects,
        articles=articles,
    )
    batched(
        f"MATCH (j:Project {{id: 'project:' + toString(i * 5)}}), (a:Organisation {{id: 'org:' + toString((i * 13) % $orgs)}}), "
        f"(b:Organisation {{id: 'org:' + toString((i * 13 + $orgs / 2) % $orgs)}}) "
        f"CREATE (a)-[:SIGNED {{date: '2020-0' + toString(1 + i % 9), {PROVENANCE.format(a='i % $articles')}}}]->(j), "
        f"(b)-[:SIGNED {{date: '2020-0' + toString(1 + i % 9), {PROVENANCE.format(a='i % $articles')}}}]->(j)",
        projects // 5,
        orgs=orgs,
        articles=articles,
    )
    batched(
        f"MATCH (home:Organisation {{id: 'org:' + toString(i % $orgs)}}) "
        f"CREATE (p:Person {{id: 'person:' + toString(i), name: {CY_NAME.format(i='i')} + {CY_NAME.format(i='i / 3')}, "
        f"aliases: [], aliases_text: ''}})-[:SERVES_AT {{title: '处长', {PROVENANCE.format(a='i % $articles')}}}]->(home) "
        f"WITH p, i WHERE i % 5 < 2 "
        f"MATCH (host:Organisation {{id: 'org:' + toString((i * 31 + $orgs / 3) % $orgs)}}) "
        f"CREATE (p)-[:SECONDED_TO {{title: '副局长', mode: '挂职', start: '20' + toString(10 + i % 12) + '-07', "
        f"{PROVENANCE.format(a='i % $articles')}}}]->(host) "
        f"WITH p, i WHERE i % 5 = 0 "
        f"MATCH (j:Project {{id: 'project:' + toString((i * 17) % $projects)}}) "
        f"CREATE (p)-[:BROKERED {{{PROVENANCE.format(a='i % $articles')}}}]->(j)",
        people,
        orgs=orgs,
        projects=projects,
        articles=articles,
    )
    batched(
        "CREATE (a:Article {id: 'article:' + toString(i), name: toString(i) + '.txt', title: '合成文章' + toString(i), "
        "published: '2020-01-01', source: 'bench', authors: []}) "
        "WITH a, i MATCH (p:Person {id: 'person:' + toString((i * 5) % $people)}), "
        "(o:Organisation {id: 'org:' + toString(i % $orgs)}), (j:Project {id: 'project:' + toString(i % $projects)}) "
        "CREATE (a)-[:MENTIONS]->(p), (a)-[:MENTIONS]->(o), (a)-[:MENTIONS]->(j)",
        articles,
        people=people,
        orgs=orgs,
        projects=projects,
    )
    run(
        f"MATCH (a:City {{id: 'city:{CITY_BASE}'}}), (b:City {{id: 'city:{CITY_BASE + 55}'}}) "
        f"CREATE (a)-[:PAIRED_WITH {{program: '对口合作', {PROVENANCE.format(a='0')}}}]->(b)"
    )
    with driver.session() as session:
        session.run("CALL db.awaitIndexes(600)").consume()
    return {
        "cities": PROV + cities + districts,
        "organisations": orgs,
        "projects": projects,
        "people": people,
        "articles": articles,
    }


def cases(counts: dict[str, int], rng: random.Random) -> dict[str, Callable[[], dict[str, Any]]]:
    """Random valid parameters for each canned query."""
    people, orgs, projects, articles = (
        counts[k] for k in ("people", "organisations", "projects", "articles")
    )
    districts = PROV * CITY_PER * DIST_PER

    def city(level: str) -> str:
        base, size = {
            "province": (PROV_BASE, PROV),
            "city": (CITY_BASE, PROV * CITY_PER),
            "district": (DIST_BASE, districts),
        }[level]
        return f"city:{base + rng.randrange(size)}"

    def city_name() -> str:
        return py_name(rng.randrange(PROV * CITY_PER) + 500) + "市"

    def district_name() -> str:
        d = rng.randrange(districts)
        return py_name(d // DIST_PER + 500) + "市" + py_name(d + 900) + "区"

    def seconded() -> str:
        return f"person:{rng.randrange(people // 5) * 5}"

    return {
        "person_profile": lambda: {"id": f"person:{rng.randrange(people)}"},
        "city_by_id": lambda: {"id": city("district")},
        "organisation_by_id": lambda: {"id": f"org:{rng.randrange(orgs)}"},
        "project_by_id": lambda: {"id": f"project:{rng.randrange(projects)}"},
        "article_by_id": lambda: {"id": f"article:{rng.randrange(articles)}"},
        "article_facts": lambda: {"id": f"article:{rng.randrange(articles)}"},
        "neighbourhood": lambda: {"id": f"org:{rng.randrange(orgs)}", "depth": 2, "limit": 100},
        "path_between": lambda: {"a": seconded(), "b": seconded(), "max_hops": 4, "limit": 5},
        "search": lambda: {"q": city_name()[:2]},
        "brokers_of": lambda: {"target": district_name()},
        "agreements_of": lambda: {"party": f"org:{rng.randrange(orgs)}"},
        "projects_in": lambda: {"region": district_name()},
        "timeline": lambda: {"region": district_name()},
        "pair_summary": lambda: {"a": city("city"), "b": city("city")},
        "edge_evidence": lambda: {"edge": "5:none:0"},
        "edge_evidence_between": lambda: {
            "source": f"person:{(i := rng.randrange(people))}",
            "type": "SERVES_AT",
            "target": f"org:{i % orgs}",
        },
        "graph_stats": lambda: {},
        "top_brokers": lambda: {"limit": 20},
        "secondment_flows": lambda: {"level": "province"},
        "export_nodes": lambda: {"limit": 1000, "offset": rng.randrange(100) * 1000},
        "export_edges": lambda: {"limit": 1000, "offset": rng.randrange(100) * 1000},
    }


# Whole-graph aggregates and exports: not expected to meet the bounded-query goal.
UNBOUNDED = {"top_brokers", "secondment_flows", "export_nodes", "export_edges", "pair_summary"}


def _read(tx: neo4j.ManagedTransaction, cypher: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    return tx.run(cypher, params).data()  # type: ignore[arg-type]


def _timed(driver: neo4j.Driver, query: queries.Query, raw: dict[str, Any]) -> tuple[float, int]:
    prepared = query.prepare(raw)
    began = time.perf_counter()
    with driver.session() as session:
        result = session.execute_read(_read, query.cypher, prepared)
    return (time.perf_counter() - began) * 1000, len(result)


def _summary(name: str, timings: list[float], rows: int, runs: int) -> dict[str, Any]:
    timings = sorted(timings)
    return {
        "query": name,
        "p50_ms": round(statistics.median(timings), 1),
        "p95_ms": round(timings[max(0, int(len(timings) * 0.95) - 1)], 1),
        "mean_rows": round(rows / runs, 1),
        "bounded": name not in UNBOUNDED,
    }


def measure(
    driver: neo4j.Driver,
    query: queries.Query,
    params: Callable[[], dict[str, Any]],
    runs: int,
    warmup: int,
    baseline: queries.Query | None = None,
) -> dict[str, Any]:
    """p50/p95 of `query`; with a `baseline`, both run alternately on the same parameters, so a
    busy machine weighs on both alike (the baseline's figures go under `baseline`)."""
    timings: list[float] = []
    base_timings: list[float] = []
    rows = base_rows = 0
    for n in range(warmup + runs):
        raw = params()
        elapsed, count = _timed(driver, query, raw)
        if baseline is not None:
            base_elapsed, base_count = _timed(driver, baseline, raw)
        if n >= warmup:
            timings.append(elapsed)
            rows += count
            if baseline is not None:
                base_timings.append(base_elapsed)
                base_rows += base_count
    result = _summary(query.name, timings, rows, runs)
    if baseline is not None:
        result["baseline"] = _summary(baseline.name, base_timings, base_rows, runs)
    return result


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def has_nodes(driver: neo4j.Driver) -> bool:
    """Whether the store holds anything (a kept folder whose build was interrupted)."""
    with driver.session() as session:
        return bool(session.run("MATCH (n) RETURN count(n) > 0 AS any").single()["any"])  # type: ignore[index]


def kept_spec(folder: Path, args: argparse.Namespace) -> ServerSpec:
    """The spec of a kept bench server: its ports are remembered in the folder, so reruns attach."""
    ports_file = folder / "ports.json"
    if ports_file.exists():
        ports = json.loads(ports_file.read_text())
    else:
        folder.mkdir(parents=True, exist_ok=True)
        ports = {"bolt": free_port(), "http": free_port()}
        ports_file.write_text(json.dumps(ports))
    return ServerSpec(
        home=folder / "neo4j",
        bolt_port=ports["bolt"],
        http_port=ports["http"],
        heap=args.heap,
        pagecache=args.pagecache,
        classpath_cache=Path(__file__).resolve().parents[1] / ".duikou",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--people", type=int, default=500_000, help="people; orgs = projects = people/2, articles = people/5"
    )
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--heap", default="2g")
    parser.add_argument("--pagecache", default="1g")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "results" / "query_bench.json")
    parser.add_argument("--keep", type=Path, help="server folder to build in once and leave running")
    parser.add_argument("--stop", action="store_true", help="with --keep: stop that server and exit")
    parser.add_argument("--queries", type=Path, help="folder of .cypher files to run instead of queries/")
    parser.add_argument(
        "--baseline", type=Path, help="folder of .cypher files to run alternately with them (before/after)"
    )
    parser.add_argument("--only", default="", help="comma-separated query names to run (default: all)")
    args = parser.parse_args()
    # Read the .cypher files now: editing them during a long build must not leak into the run.
    catalogue = queries.load(args.queries) if args.queries else queries.catalogue()
    baselines = queries.load(args.baseline) if args.baseline else {}

    if args.keep:
        spec = kept_spec(args.keep.resolve(), args)
        if args.stop:
            print("stopped" if local_server.stop(spec) else "not running")
            return
    else:
        spec = ServerSpec(
            home=Path(tempfile.mkdtemp(prefix="duikou-qbench-")) / "neo4j",
            bolt_port=free_port(),
            http_port=free_port(),
            heap=args.heap,
            pagecache=args.pagecache,
            classpath_cache=Path(__file__).resolve().parents[1] / ".duikou",
        )
    server, _ = local_server.start(spec)
    print(f"server {server.uri}")
    try:
        # Notifications off: logging "property does not exist" per call would be timed too.
        with neo4j.GraphDatabase.driver(
            server.uri, auth=("neo4j", "bench"), notifications_min_severity="OFF"
        ) as driver:
            began = time.monotonic()
            marker = args.keep / "built.json" if args.keep else None
            if marker is not None and marker.exists():  # built by an earlier run: reuse it
                counts = json.loads(marker.read_text())
                build_s = counts.pop("build_s", 0)
            elif has_nodes(driver):
                raise SystemExit(f"{spec.home} holds a partial build: delete {args.keep} and rerun")
            else:
                counts = build(driver, args.people)
                build_s = time.monotonic() - began
                if marker is not None:
                    marker.write_text(json.dumps({**counts, "build_s": round(build_s)}))
            with driver.session() as session:
                nodes = session.run("MATCH (n) RETURN count(n) AS c").single()["c"]  # type: ignore[index]
                edges = session.run("MATCH ()-[r]->() RETURN count(r) AS c").single()["c"]  # type: ignore[index]
            print(f"built {nodes:,} nodes, {edges:,} edges in {build_s:.0f} s")
            rng = random.Random(7)
            results = []
            only = {n for n in args.only.split(",") if n}
            for name, params in sorted(cases(counts, rng).items()):
                if only and name not in only:
                    continue
                # Whole-graph aggregates take seconds at this size: a few runs say enough.
                runs = args.runs if name not in UNBOUNDED else max(3, args.runs // 8)
                baseline = baselines.get(name)
                result = measure(driver, catalogue[name], params, runs, min(args.warmup, runs), baseline)
                results.append(result)
                before = result.get("baseline")
                print(
                    f"{name:24s} p50 {result['p50_ms']:8.1f} ms  p95 {result['p95_ms']:8.1f} ms  rows {result['mean_rows']}"
                    + (f"  (baseline p50 {before['p50_ms']} p95 {before['p95_ms']})" if before else "")
                    + ("" if result["bounded"] else "  (whole-graph)")
                )
            missing = set(catalogue) - {r["query"] for r in results}
            if missing and not only:
                print(f"not benchmarked: {sorted(missing)}")
        if only:  # a partial run must not overwrite the full results
            return
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(
            json.dumps(
                {
                    "nodes": nodes,
                    "edges": edges,
                    "build_s": round(build_s),
                    "load_average": os.getloadavg(),
                    "runs": args.runs,
                    "results": results,
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        print(f"written {args.out}")
    finally:
        if not args.keep:
            local_server.stop(spec)
            shutil.rmtree(spec.home.parent, ignore_errors=True)  # the 1M-node store is ~1 GB


if __name__ == "__main__":
    main()
