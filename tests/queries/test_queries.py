"""Every canned query runs against the known graph (known_graph.cypher) and returns the rows it
should. The test is parametrised over the whole catalogue, so a new query without a case fails."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import neo4j
import pytest

import queries

Rows = list[dict[str, Any]]
LIU_WEI = "person:刘伟:北京市中关村科技园区朝阳管委会"
YU = "person:喻华锋:大兴区"
TONG = "person:童腾飞:北京市经信委"
MA = "person:马瑞樯:沈阳市交通局"
DX_AGREEMENT = "agreement:电子商务产业全面战略合作协议|city:110115,city:131000"
ZGC_AGREEMENT = "agreement:创新合作协议|org:中关村,org:沈阳市高新区管委会"


def run(driver: neo4j.Driver, name: str, **raw: Any) -> Rows:
    query = queries.get(name)
    params = query.prepare(raw)
    with driver.session(database="neo4j") as session:
        return session.execute_read(lambda tx: tx.run(query.cypher, params).data())


def names(items: list[dict[str, Any]]) -> list[str]:
    return sorted(item["name"] for item in items)


def check_brokers_of(d: neo4j.Driver) -> None:
    rows = run(d, "brokers_of", target="中关村")
    assert [r["person"]["id"] for r in rows] == [LIU_WEI]
    # 中关村 signed the agreement, and is contained in his home post's name: all his projects count.
    assert {p["id"] for p in rows[0]["projects"]} == {
        ZGC_AGREEMENT,
        "project:京沈双创产业加速器项目",
        "project:京沈电子装备产业联盟",
    }
    assert "刘伟促成中关村与沈阳市高新区管委会签署创新合作协议。" in rows[0]["evidence"]
    assert len(rows[0]["evidence"]) == 3
    assert [a["id"] for a in rows[0]["articles"]] == ["article:aaaa"]
    assert {(p["relation"], p["name"]) for p in rows[0]["posts"]} == {
        ("SERVES_AT", "北京市中关村科技园区朝阳管委会"),
        ("SECONDED_TO", "沈阳市高新区管委会"),
    }
    # By alias, Traditional script: projects located in Shenyang or its districts.
    assert [r["person"]["name"] for r in run(d, "brokers_of", target="瀋陽")] == ["刘伟", "马瑞樯"]
    # A division counts the home posts within it (朝阳区, 大兴区 are PART_OF 北京市).
    assert [r["person"]["id"] for r in run(d, "brokers_of", target="北京市")] == [LIU_WEI, YU]
    assert [r["person"]["id"] for r in run(d, "brokers_of", target="北京市", limit=1, offset=1)] == [YU]
    assert run(d, "brokers_of", target="不存在的地方") == []


def check_person_profile(d: neo4j.Driver) -> None:
    (row,) = run(d, "person_profile", id=LIU_WEI)
    assert row["person"]["name"] == "刘伟"
    assert [(p["name"], p["title"]) for p in row["home_posts"]] == [
        ("北京市中关村科技园区朝阳管委会", "副主任")
    ]
    (secondment,) = row["secondments"]
    assert (secondment["name"], secondment["mode"], secondment["start"]) == (
        "沈阳市高新区管委会",
        "挂职",
        "2017-09",
    )
    assert names(row["brokered"]) == ["京沈双创产业加速器项目", "京沈电子装备产业联盟", "创新合作协议"]
    assert [m["id"] for m in row["maybe_same"]] == ["person:刘伟:河北省工信厅"]
    assert [a["id"] for a in row["articles"]] == ["article:aaaa"]
    # Each fact carries its supporting article ids, parallel to its evidence.
    assert secondment["articles"] == ["article:aaaa"] and len(secondment["evidence"]) == 1
    assert all(b["articles"] == ["article:aaaa"] and b["label"] == "Project" for b in row["brokered"])
    assert run(d, "person_profile", id="person:nobody") == []
    # A body the person helped found is brokered too (Person-[:BROKERED]->Organisation).
    d.execute_query(
        "MATCH (p:Person {id: $p}), (o:Organisation {id: 'org:交科院'}) "
        "CREATE (p)-[:BROKERED {articles: ['article:bbbb'], evidence: ['喻华锋牵线成立交科院分院。']}]->(o)",
        p=YU,
        database_="neo4j",
    )
    (row,) = run(d, "person_profile", id=YU)
    assert sorted((b["label"], b["name"], tuple(b["articles"])) for b in row["brokered"]) == [
        ("Organisation", "交科院", ("article:bbbb",)),
        ("Project", "电子商务产业全面战略合作协议", ("article:bbbb",)),
    ]


def check_city_by_id(d: neo4j.Driver) -> None:
    (row,) = run(d, "city_by_id", id="city:210100")
    assert row["city"]["name"] == "沈阳市" and row["city"]["aliases"] == ["沈阳", "沈"]
    assert names(row["parents"]) == ["辽宁省"]
    assert [(p["name"], p["program"]) for p in row["paired_with"]] == [("北京市", "京沈对口合作")]
    assert row["paired_with"][0]["programs"] == ["京沈对口合作"]
    assert names(row["organisations"]) == ["沈阳市交通局"]
    assert names(row["projects"]) == ["出租车服务楼"]
    assert [p["id"] for p in row["seconded_here"]] == [MA]
    assert run(d, "city_by_id", id="city:999999") == []


def check_organisation_by_id(d: neo4j.Driver) -> None:
    (row,) = run(d, "organisation_by_id", id="org:沈阳市交通局")
    assert names(row["located_in"]) == ["沈阳市"]
    assert [p["id"] for p in row["seconded_here"]] == [MA]
    assert names(row["signed"]) == ["全面战略合作协议"]
    assert row["signed"][0]["evidence"] == ["沈阳市交通局与交科院签署全面战略合作协议。"]
    assert row["signed"][0]["articles"] == ["article:aaaa"]
    (row,) = run(d, "organisation_by_id", id="org:北京市经信委")
    assert [p["id"] for p in row["staff"]] == [TONG]
    assert run(d, "organisation_by_id", id="org:无") == []


def check_project_by_id(d: neo4j.Driver) -> None:
    (row,) = run(d, "project_by_id", id=DX_AGREEMENT)
    assert row["project"]["kind"] == "agreement"
    assert [b["id"] for b in row["brokers"]] == [YU]
    assert row["brokers"][0]["evidence"] == ["喻华锋促成大兴区与廊坊市签署电子商务产业全面战略合作协议。"]
    assert row["brokers"][0]["articles"] == ["article:bbbb"]
    assert sorted((s["name"], s["date"]) for s in row["signatories"]) == [
        ("大兴区", "2015-10-12"),
        ("廊坊市", "2015-10-12"),
    ]
    assert all(
        s["evidence"] == ["大兴区与廊坊市签署电子商务产业全面战略合作协议。"]
        and s["articles"] == ["article:bbbb"]
        for s in row["signatories"]
    )
    (row,) = run(d, "project_by_id", id="project:京沈双创产业加速器项目")
    assert row["project"]["amount_cny"] == 1_700_000_000 and names(row["located_in"]) == ["浑南区"]
    assert run(d, "project_by_id", id="project:无") == []


def check_article_by_id(d: neo4j.Driver) -> None:
    (row,) = run(d, "article_by_id", id="article:bbbb")
    assert row["article"]["title"] == "京冀互派干部挂职" and row["article"]["published"] == "2015-12-01"
    assert len(row["mentions"]) == 10 and "喻华锋" in names(row["mentions"])
    assert run(d, "article_by_id", id="article:none") == []


def check_article_facts(d: neo4j.Driver) -> None:
    rows = run(d, "article_facts", id="article:bbbb")
    facts = {(r["source"]["name"], r["type"], r["target"]["name"]) for r in rows}
    assert ("喻华锋", "SECONDED_TO", "廊坊市") in facts
    assert ("大兴区", "SIGNED", "电子商务产业全面战略合作协议") in facts
    assert ("北京市", "PAIRED_WITH", "河北省") in facts
    assert all(r["source"]["name"] != "刘伟" or r["target"]["name"] == "河北省工信厅" for r in rows)
    assert len(rows) == 9  # 3 SERVES_AT, 2 SECONDED_TO, 1 BROKERED, 2 SIGNED, 1 PAIRED_WITH
    seconded = next(r for r in rows if r["type"] == "SECONDED_TO" and r["source"]["name"] == "喻华锋")
    assert (
        seconded["evidence"] == ["大兴区副区长喻华锋挂任廊坊市副市长。"]
        and seconded["properties"]["title"] == "副市长"
    )
    assert run(d, "article_facts", id="article:none") == []


def check_secondment_flows(d: neo4j.Driver) -> None:
    rows = run(d, "secondment_flows")
    flows = {(r["from_region"]["name"], r["to_region"]["name"]): r["count"] for r in rows}
    assert flows == {("北京市", "河北省"): 2, ("北京市", "辽宁省"): 1}  # 马瑞樯 has no home post
    assert names(rows[0]["people"]) == ["喻华锋", "童腾飞"]
    rows = run(d, "secondment_flows", level="city")
    flows = {(r["from_region"]["name"], r["to_region"]["name"]): r["count"] for r in rows}
    assert flows == {("北京市", "廊坊市"): 1, ("北京市", "沈阳市"): 1, ("北京市", "河北省"): 1}


def check_pair_summary(d: neo4j.Driver) -> None:
    (row,) = run(d, "pair_summary", a="北京", b="河北省")
    assert (row["a"]["id"], row["b"]["id"]) == ("city:110000", "city:130000")
    assert [p["program"] for p in row["pairings"]] == ["京冀互派干部挂职"]
    assert [p["programs"] for p in row["pairings"]] == [["京冀互派干部挂职"]]
    assert sorted(s["person"]["id"] for s in row["secondments_a_to_b"]) == [YU, TONG]
    assert row["secondments_b_to_a"] == []
    assert [p["id"] for p in row["brokered"]] == [DX_AGREEMENT]
    assert [a["id"] for a in row["agreements"]] == [DX_AGREEMENT]
    (row,) = run(d, "pair_summary", a="沈阳", b="北京市")
    assert [s["person"]["id"] for s in row["secondments_b_to_a"]] == [LIU_WEI]
    assert row["amount_cny"] == 2_200_000_000
    assert run(d, "pair_summary", a="北京", b="火星") == []
    # A loader that keeps every programme of a pair writes `programs`: passed through as is.
    d.execute_query(
        "MATCH (:City {id: 'city:110000'})-[r:PAIRED_WITH]->(:City {id: 'city:130000'}) "
        "SET r.programs = ['京冀互派干部挂职', '京津冀协同发展']",
        database_="neo4j",
    )
    (row,) = run(d, "pair_summary", a="河北", b="北京")
    assert [(p["program"], p["programs"]) for p in row["pairings"]] == [
        ("京冀互派干部挂职", ["京冀互派干部挂职", "京津冀协同发展"])
    ]


def check_projects_in(d: neo4j.Driver) -> None:
    rows = run(d, "projects_in", region="沈阳市")
    assert [r["project"]["name"] for r in rows] == [
        "京沈双创产业加速器项目",
        "创新合作协议",
        "出租车服务楼",
        "全面战略合作协议",
    ]
    assert [b["name"] for b in rows[0]["brokers"]] == ["刘伟"]
    rows = run(d, "projects_in", region="北京市")
    assert [r["project"]["id"] for r in rows] == [DX_AGREEMENT]
    assert names(rows[0]["signatories"]) == ["大兴区", "廊坊市"]


def check_agreements_of(d: neo4j.Driver) -> None:
    (row,) = run(d, "agreements_of", party="廊坊")
    assert row["agreement"]["id"] == DX_AGREEMENT and row["date"] == "2015-10-12"
    assert names(row["other_parties"]) == ["大兴区"] and names(row["brokers"]) == ["喻华锋"]
    assert row["articles"] == ["article:bbbb"]
    assert run(d, "agreements_of", party="河北省") == []


def check_top_brokers(d: neo4j.Driver) -> None:
    rows = run(d, "top_brokers")
    assert [(r["person"]["name"], r["project_count"]) for r in rows] == [
        ("刘伟", 3),
        ("喻华锋", 1),
        ("马瑞樯", 1),
    ]
    assert rows[0]["amount_cny"] == 2_200_000_000
    assert len(run(d, "top_brokers", limit=1)) == 1


def check_neighbourhood(d: neo4j.Driver) -> None:
    (row,) = run(d, "neighbourhood", id="org:沈阳市交通局")
    assert row["center"]["name"] == "沈阳市交通局"
    assert {n["id"] for n in row["nodes"]} == {
        "org:沈阳市交通局",
        "city:210100",
        MA,
        "article:aaaa",
        "agreement:全面战略合作协议|org:交科院,org:沈阳市交通局",
    }
    assert len(row["edges"]) == 4
    # Edges carry their dates, for the explorer's date filter.
    assert {(e["type"], e["start"], e["date"]) for e in row["edges"]} == {
        ("LOCATED_IN", None, None),
        ("SECONDED_TO", "2017-09", None),
        ("MENTIONS", None, None),
        ("SIGNED", None, None),
    }
    (wide,) = run(d, "neighbourhood", id="org:沈阳市交通局", depth=2)
    assert "org:交科院" in {n["id"] for n in wide["nodes"]} and len(wide["nodes"]) > len(row["nodes"])
    (small,) = run(d, "neighbourhood", id="org:沈阳市交通局", depth=2, limit=2)
    assert len(small["edges"]) <= 4
    assert run(d, "neighbourhood", id="org:无") == []


def check_path_between(d: neo4j.Driver) -> None:
    rows = run(d, "path_between", a=YU, b=TONG)
    assert rows and all(r["length"] == 4 for r in rows)
    assert ["喻华锋", "大兴区", "北京市"] in [[n["name"] for n in r["nodes"]][:3] for r in rows]
    ids = [[n["id"] for n in r["nodes"]] for r in rows]
    assert len(rows) > 1 and ids == sorted(ids), "tied shortest paths come in a stable order"
    assert run(d, "path_between", a=YU, b=TONG, max_hops=3) == []
    (row,) = run(d, "path_between", a=YU, b="city:131000")
    assert row["length"] == 1 and row["edges"][0]["type"] == "SECONDED_TO"


def check_search(d: neo4j.Driver) -> None:
    rows = run(d, "search", q="沈阳")
    assert rows[0]["id"] == "city:210100"  # an exact alias ranks first
    assert {r["name"] for r in rows} == {"沈阳市", "沈阳市交通局", "沈阳市高新区管委会"}
    assert [r["name"] for r in run(d, "search", q="瀋陽", type="Organisation")] == [
        "沈阳市交通局",
        "沈阳市高新区管委会",
    ]
    assert [r["id"] for r in run(d, "search", q="童厅长")] == [TONG]
    assert run(d, "search", q='"):*') == []


def check_timeline(d: neo4j.Driver) -> None:
    rows = run(d, "timeline", region="河北省")
    assert [(r["date"], r["event"], r["target"]["name"]) for r in rows] == [
        ("2015-07", "secondment", "廊坊市"),
        ("2015-10-12", "signing", "电子商务产业全面战略合作协议"),
        ("2015-12-01", "secondment", "河北省工信厅"),  # no start: the article's date
    ]
    assert rows[2]["date_source"] == "article" and rows[0]["date_source"] == "edge"


def check_edge_evidence(d: neo4j.Driver) -> None:
    (between,) = run(d, "edge_evidence_between", source=YU, type="SECONDED_TO", target="city:131000")
    (row,) = run(d, "edge_evidence", edge=between["edge"])
    assert row["type"] == "SECONDED_TO" and row["target"]["name"] == "廊坊市"
    (support,) = row["support"]
    assert (
        support["evidence"] == "大兴区副区长喻华锋挂任廊坊市副市长。"
        and support["article"]["title"] == "京冀互派干部挂职"
    )
    assert row["rules"] == ["seconded_to_host"] and row["extractor_version"] == "test-1"
    assert run(d, "edge_evidence", edge="5:nonsense:0") == []


def check_edge_evidence_between(d: neo4j.Driver) -> None:
    (row,) = run(
        d, "edge_evidence_between", source=LIU_WEI, type="BROKERED", target="project:京沈双创产业加速器项目"
    )
    assert [s["evidence"] for s in row["support"]] == ["在刘伟的推动下,京沈双创产业加速器项目落地浑南。"]
    assert (
        run(
            d, "edge_evidence_between", source=LIU_WEI, type="SIGNED", target="project:京沈双创产业加速器项目"
        )
        == []
    )


def check_graph_stats(d: neo4j.Driver) -> None:
    counts = {(r["kind"], r["name"]): r["count"] for r in run(d, "graph_stats")}
    assert (
        counts[("node", "Person")] == 5 and counts[("node", "City")] == 8 and counts[("node", "Article")] == 2
    )
    assert counts[("edge", "BROKERED")] == 5 and counts[("edge", "MENTIONS")] == 25


def check_export_nodes(d: neo4j.Driver) -> None:
    rows = run(d, "export_nodes")
    assert len(rows) == 28 and {r["label"] for r in rows} == {
        "Person",
        "City",
        "Organisation",
        "Project",
        "Article",
    }
    assert [r["id"] for r in run(d, "export_nodes", limit=2, offset=1)] == [r["id"] for r in rows[1:3]]


def check_export_edges(d: neo4j.Driver) -> None:
    rows = run(d, "export_edges")
    assert len(rows) == 59
    brokered = [r for r in rows if r["type"] == "BROKERED" and r["source"] == YU]
    assert [r["properties"]["rules"] for r in brokered] == [["brokered_push"]]


CASES: dict[str, Callable[[neo4j.Driver], None]] = {
    name.removeprefix("check_"): check for name, check in globals().items() if name.startswith("check_")
}


@pytest.mark.parametrize("name", sorted(queries.catalogue()))
def test_query(name: str, known_graph: neo4j.Driver) -> None:
    """Each `.cypher` file has a case here; a query without one fails."""
    assert name in CASES, f"queries/{name}.cypher has no test case in {__file__}"
    CASES[name](known_graph)


def test_no_case_without_a_query() -> None:
    assert set(CASES) <= set(queries.catalogue())
