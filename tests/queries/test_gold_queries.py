"""Canned queries over the seed gold files loaded by the real loader: the rows follow from the gold."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import neo4j
import pytest

import queries
from graph.load import load_extractions
from ingest.models import Extraction

GOLD = sorted((Path(__file__).resolve().parents[1] / "gold").glob("*.json"))
DOCS = [json.loads(p.read_text(encoding="utf-8")) for p in GOLD]


def run(driver: neo4j.Driver, name: str, **raw: Any) -> list[dict[str, Any]]:
    query = queries.get(name)
    params = query.prepare(raw)
    with driver.session(database="neo4j") as session:
        return session.execute_read(lambda tx: tx.run(query.cypher, params).data())


@pytest.fixture
def gold_graph(clean_db: neo4j.Driver) -> neo4j.Driver:
    load_extractions(clean_db, [Extraction.model_validate(doc) for doc in DOCS], database="neo4j")
    return clean_db


def projects_of(doc: dict[str, Any]) -> set[str]:
    return {p["name"] for p in doc["projects"]} | {a for p in doc["projects"] for a in p["aliases"]}


def test_brokers_of_zhongguancun_are_the_cadres_the_gold_credits(gold_graph: neo4j.Driver) -> None:
    # Gold: brokers whose own post, brokered project or co-signed party names 中关村.
    expected = set()
    for doc in DOCS:
        posts = {s["person"]: {s["host"], s.get("home") or ""} for s in doc["seconded_to"]}
        signers = {s["agreement"]: s["parties"] for s in doc["signed"]}
        for b in doc["brokered"]:
            if b["project"] not in projects_of(doc):
                continue
            tied = posts.get(b["person"], set()) | {b["project"]} | set(signers.get(b["project"], []))
            if any("中关村" in name for name in tied):
                expected.add(b["person"])
    assert expected  # the seeds do credit someone
    rows = run(gold_graph, "brokers_of", target="中关村")
    assert {r["person"]["name"] for r in rows} == expected
    assert all(r["evidence"] and r["articles"] for r in rows)


def test_top_brokers_are_the_gold_brokers(gold_graph: neo4j.Driver) -> None:
    expected = {b["person"] for doc in DOCS for b in doc["brokered"] if b["project"] in projects_of(doc)}
    rows = run(gold_graph, "top_brokers", limit=100)
    assert {r["person"]["name"] for r in rows} == expected
    counts = [r["project_count"] for r in rows]
    assert counts == sorted(counts, reverse=True)


def test_flows_only_carry_gold_secondments_with_a_home(gold_graph: neo4j.Driver) -> None:
    with_home = {s["person"] for doc in DOCS for s in doc["seconded_to"] if s.get("home")}
    rows = run(gold_graph, "secondment_flows")
    people = {p["name"] for r in rows for p in r["people"]}
    assert people and people <= with_home
    pairs = {(r["from_region"]["name"], r["to_region"]["name"]) for r in rows}
    assert {("北京市", "河北省"), ("河北省", "北京市")} <= pairs  # 京冀互派干部挂职 runs both ways


def test_pair_summary_beijing_hebei(gold_graph: neo4j.Driver) -> None:
    (row,) = run(gold_graph, "pair_summary", a="北京市", b="河北省")
    programs = {
        p["program"]
        for doc in DOCS
        for p in doc["paired"]
        if {p["a"], p["b"]} == {"北京市", "河北省"} and p["program"]
    }
    # The loader keeps every programme of a pair in `programs` (and the first in `program`).
    listed = {name for p in row["pairings"] for name in p["programs"]}
    assert programs and listed == programs
    # Division-to-division secondments from the gold (大兴区 → 廊坊市, 房山区 → 保定市).
    cities = {c["name"] for doc in DOCS for c in doc["cities"]}
    city_to_city = {
        s["person"]
        for doc in DOCS
        for s in doc["seconded_to"]
        if s.get("home") in cities and s["host"] in cities and s["home"].endswith("区")
    }
    assert city_to_city and city_to_city <= {s["person"]["name"] for s in row["secondments_a_to_b"]}


def test_agreements_of_langfang(gold_graph: neo4j.Driver) -> None:
    expected = {s["agreement"] for doc in DOCS for s in doc["signed"] if "廊坊市" in s["parties"]}
    rows = run(gold_graph, "agreements_of", party="廊坊")
    assert {r["agreement"]["name"] for r in rows} == expected


def test_search_and_profile_in_traditional_script(gold_graph: neo4j.Driver) -> None:
    (hit, *_) = run(gold_graph, "search", q="劉偉", type="Person")
    assert hit["name"] == "刘伟"
    (profile,) = run(gold_graph, "person_profile", id=hit["id"])
    gold = next(s for doc in DOCS for s in doc["seconded_to"] if s["person"] == "刘伟")
    assert [s["name"] for s in profile["secondments"]] == [gold["host"]]
    assert profile["articles"][0]["title"] == DOCS[0]["title"]
