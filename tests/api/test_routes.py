"""Each route against the known graph: answers, paging, 404 and 422."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

import queries

LIU_WEI = "person:刘伟:北京市中关村科技园区朝阳管委会"
YU = "person:喻华锋:大兴区"
TONG = "person:童腾飞:北京市经信委"


def test_catalogue_lists_every_query_with_params(client: TestClient) -> None:
    body = client.get("/queries").json()
    assert body["count"] == len(queries.catalogue()) == len(body["data"])
    brokers = next(q for q in body["data"] if q["name"] == "brokers_of")
    assert [p["name"] for p in brokers["params"]] == ["target", "limit", "offset"]
    assert brokers["params"][1] == {
        "name": "limit",
        "type": "INTEGER",
        "required": False,
        "default": 50,
        "minimum": 1,
        "maximum": 500,
        "choices": [],
    }
    assert brokers["returns"] == ["person", "posts", "projects", "evidence", "articles"]


def test_run_named_query(client: TestClient) -> None:
    body = client.get("/queries/brokers_of", params={"target": "中關村"}).json()
    assert body["count"] == 1 and body["limit"] == 50 and body["offset"] == 0
    assert body["data"][0]["person"]["id"] == LIU_WEI


@pytest.mark.parametrize(
    ("url", "status", "detail"),
    [
        ("/queries/no_such_query", 404, "No canned query named 'no_such_query'"),
        ("/queries/brokers_of", 422, "target: is required"),
        ("/queries/brokers_of?target=x&limit=0", 422, "limit: must be ≥ 1"),
        ("/queries/neighbourhood?id=city:210100&depth=3", 422, "depth: must be ≤ 2"),
        ("/queries/search?q=x&cypher=MATCH", 422, "cypher: is not a parameter of search"),
    ],
)
def test_named_query_errors(client: TestClient, url: str, status: int, detail: str) -> None:
    response = client.get(url)
    assert response.status_code == status
    assert detail in response.json()["detail"]


@pytest.mark.parametrize(
    ("url", "key", "name"),
    [
        (f"/people/{quote(LIU_WEI)}", "person", "刘伟"),
        ("/cities/city:210100", "city", "沈阳市"),
        ("/organisations/org:沈阳市交通局", "organisation", "沈阳市交通局"),
        ("/projects/project:京沈双创产业加速器项目", "project", "京沈双创产业加速器项目"),
        ("/articles/article:aaaa", "article", "000_test.txt"),
    ],
)
def test_entity_by_id(client: TestClient, url: str, key: str, name: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    assert response.json()[key]["name"] == name


@pytest.mark.parametrize("prefix", ["/people", "/cities", "/organisations", "/projects", "/articles"])
def test_unknown_id_is_404_json(client: TestClient, prefix: str) -> None:
    response = client.get(f"{prefix}/nothing:here")
    assert response.status_code == 404
    assert response.json()["error"] == "not_found" and "nothing:here" in response.json()["detail"]


def test_agreement_ids_with_pipes_and_commas(client: TestClient) -> None:
    agreement = "agreement:电子商务产业全面战略合作协议|city:110115,city:131000"
    body = client.get(f"/projects/{quote(agreement)}").json()
    assert [b["id"] for b in body["brokers"]] == [YU]


def test_article_facts(client: TestClient) -> None:
    body = client.get("/articles/article:bbbb/facts").json()
    assert body["count"] == 9
    assert ("喻华锋", "SECONDED_TO", "廊坊市") in {
        (r["source"]["name"], r["type"], r["target"]["name"]) for r in body["data"]
    }
    assert client.get("/articles/article:none/facts").status_code == 404


def test_search(client: TestClient) -> None:
    body = client.get("/search", params={"q": "瀋陽", "type": "Organisation"}).json()
    assert [r["name"] for r in body["data"]] == ["沈阳市交通局", "沈阳市高新区管委会"]
    assert body["count"] == 2 and body["limit"] == 20
    paged = client.get("/search", params={"q": "沈阳", "limit": 1, "offset": 1}).json()
    assert paged["count"] == 1 and paged["offset"] == 1 and paged["data"][0]["id"] != "city:210100"


@pytest.mark.parametrize(
    "params",
    [
        {"q": ""},
        {},
        {"q": "沈阳", "type": "Article"},
        {"q": "沈阳", "limit": 0},
        {"q": "沈阳", "limit": "many"},
    ],
)
def test_search_bad_parameters(client: TestClient, params: dict[str, object]) -> None:
    response = client.get("/search", params=params)
    assert response.status_code == 422
    assert response.json()["error"] == "bad_parameters"


def test_flows(client: TestClient) -> None:
    body = client.get("/flows").json()
    assert {(r["from_region"]["name"], r["to_region"]["name"], r["count"]) for r in body["data"]} == {
        ("北京市", "河北省", 2),
        ("北京市", "辽宁省", 1),
    }
    city = client.get("/flows", params={"level": "city"}).json()
    assert ("北京市", "廊坊市") in {(r["from_region"]["name"], r["to_region"]["name"]) for r in city["data"]}
    assert client.get("/flows", params={"level": "town"}).status_code == 422


def test_pairs(client: TestClient) -> None:
    body = client.get("/pairs", params={"a": "北京", "b": "河北"}).json()
    assert [p["program"] for p in body["pairings"]] == ["京冀互派干部挂职"]
    assert sorted(s["person"]["id"] for s in body["secondments_a_to_b"]) == [YU, TONG]
    assert client.get("/pairs", params={"a": "北京", "b": "火星"}).status_code == 404
    assert client.get("/pairs", params={"a": "北京"}).status_code == 422


def test_neighbourhood(client: TestClient) -> None:
    body = client.get("/graph/neighbourhood", params={"id": "org:沈阳市交通局"}).json()
    assert body["center"]["id"] == "org:沈阳市交通局" and len(body["edges"]) == 4
    assert {e["type"] for e in body["edges"]} == {"MENTIONS", "LOCATED_IN", "SECONDED_TO", "SIGNED"}
    deeper = client.get("/graph/neighbourhood", params={"id": "org:沈阳市交通局", "depth": 2}).json()
    assert len(deeper["nodes"]) > len(body["nodes"])
    assert client.get("/graph/neighbourhood", params={"id": "org:无"}).status_code == 404
    response = client.get("/graph/neighbourhood", params={"id": "org:沈阳市交通局", "depth": 5})
    assert response.status_code == 422 and "depth" in response.json()["detail"]


def test_path(client: TestClient) -> None:
    body = client.get("/graph/path", params={"a": YU, "b": TONG}).json()
    assert body["count"] >= 1 and body["data"][0]["length"] == 4
    assert client.get("/graph/path", params={"a": YU, "b": TONG, "max_hops": 3}).json()["count"] == 0
    assert client.get("/graph/path", params={"a": YU, "b": TONG, "max_hops": 5}).status_code == 422


def test_edge_evidence(client: TestClient) -> None:
    params = {"source": YU, "type": "SECONDED_TO", "target": "city:131000"}
    body = client.get("/graph/edge", params=params).json()
    assert body["support"][0]["evidence"] == "大兴区副区长喻华锋挂任廊坊市副市长。"
    neighbourhood = client.get("/graph/neighbourhood", params={"id": YU}).json()
    edge_id = next(e["id"] for e in neighbourhood["edges"] if e["type"] == "SECONDED_TO")
    by_id = client.get(f"/graph/edges/{quote(edge_id)}").json()
    assert by_id["support"] == body["support"]
    assert client.get("/graph/edges/5:nothing:1").status_code == 404
    assert client.get("/graph/edge", params={**params, "type": "MENTIONS"}).status_code == 422


def test_export_formats(client: TestClient) -> None:
    cyto = client.get("/export", params={"format": "cytoscape"}).json()
    assert len(cyto["elements"]["nodes"]) == 28 and len(cyto["elements"]["edges"]) == 59
    d3 = client.get("/export", params={"format": "d3", "id": "org:沈阳市交通局"}).json()
    assert {n["id"] for n in d3["nodes"]} >= {"org:沈阳市交通局", "city:210100"} and len(d3["links"]) == 4
    graphml = client.get("/export", params={"format": "graphml", "id": "city:210100"})
    assert graphml.headers["content-type"].startswith("application/graphml+xml")
    assert '<node id="city:210100">' in graphml.text and "<edge " in graphml.text
    csv = client.get("/export", params={"format": "csv"})
    lines = csv.text.strip().splitlines()
    assert lines[0].startswith("record,id,") and len(lines) == 1 + 28 + 59
    assert client.get("/export", params={"format": "pdf"}).status_code == 422
    assert client.get("/export", params={"id": "org:无"}).status_code == 404


def test_stats(client: TestClient) -> None:
    body = client.get("/stats").json()
    assert body["nodes"]["Person"] == 5 and body["edges"]["SIGNED"] == 6
    assert body["total_nodes"] == 28 and body["total_edges"] == 59


def test_openapi_has_chinese_examples(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    search = spec["paths"]["/search"]["get"]["parameters"]
    assert next(p for p in search if p["name"] == "q")["schema"]["examples"] == ["沈阳", "瀋陽"]
    assert {"/health", "/stats", "/queries", "/queries/{name}", "/export", "/graph/path"} <= set(
        spec["paths"]
    )


def test_cors_from_settings(client: TestClient) -> None:
    response = client.get("/stats", headers={"Origin": "http://example.org"})
    assert response.headers["access-control-allow-origin"] in ("*", "http://example.org")
