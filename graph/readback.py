"""Read an article's facts back from the graph in the extraction format.

Entities come from the article's MENTIONS (which keep the names and fields as the article gave
them); relations from the support entries the article left on each edge. Lists come back sorted,
and the parties of a signing in the order of their ids, so compare them as sets.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from neo4j import Driver

from graph.rows import support_entries
from graph.schema import Label, Rel
from ingest.models import Extraction

FIND = """
MATCH (a:Article)
WHERE a.id IN [$ref, 'article:' + $ref] OR a.name IN [$ref, $basename] OR a.path = $ref
RETURN a.id AS id ORDER BY a.id
"""
ARTICLE = "MATCH (a:Article {id: $id}) RETURN properties(a) AS props"
MENTIONS = """
MATCH (:Article {id: $id})-[m:MENTIONS]->(n)
RETURN labels(n)[0] AS label, properties(m) AS props ORDER BY m.name
"""
EDGES = """
MATCH (:Article {id: $id})-[:MENTIONS]->(n)-[r]->(t)
WHERE type(r) IN $rels AND $id IN r.articles
RETURN DISTINCT type(r) AS rel, properties(r) AS props, t.id AS target
"""
FACT_RELS = [Rel.SECONDED_TO, Rel.BROKERED, Rel.SIGNED, Rel.PAIRED_WITH]
ENTITY_FIELDS = {
    Label.PERSON: ("people", ("name", "aliases")),
    Label.CITY: ("cities", ("name", "level", "aliases", "code", "parent")),
    Label.ORGANISATION: ("organisations", ("name", "aliases", "kind", "city")),
    Label.PROJECT: ("projects", ("name", "kind", "aliases", "amount_cny", "city")),
}


def find_articles(driver: Driver, ref: str, database: str | None = None) -> list[str]:
    """Ids of the articles `ref` names: an id (with or without `article:`), a file name or a path."""
    records, _, _ = driver.execute_query(FIND, ref=ref, basename=Path(ref).name, database_=database)
    return [r["id"] for r in records]


def read_article(driver: Driver, article_id: str, database: str | None = None) -> Extraction:
    """The article's facts as an `Extraction` (only what the article itself supports)."""
    with driver.session(database=database) as session:
        article = session.run(ARTICLE, id=article_id).single(strict=True)["props"]
        mentions = [r.data() for r in session.run(MENTIONS, id=article_id)]
        edges = [r.data() for r in session.run(EDGES, id=article_id, rels=[r.value for r in FACT_RELS])]
    data: dict[str, Any] = {
        "article": article["name"],
        **{k: article.get(k) for k in ("title", "published", "source", "path", "url")},
        "authors": article.get("authors", []),
        "article_id": article_id.removeprefix("article:"),
        "extractor": article.get("extractor_version"),
    }
    for label, (key, fields) in ENTITY_FIELDS.items():
        given = [
            {"name": m["props"]["name"], **json.loads(m["props"]["given"])}
            for m in mentions
            if m["label"] == label and not m["props"].get("implicit")
        ]
        data[key] = [{f: g.get(f, [] if f == "aliases" else None) for f in fields} for g in given]
    data.update(_facts(article_id, edges))
    return Extraction.model_validate(data)


def _facts(article_id: str, edges: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    facts: dict[str, list[dict[str, Any]]] = defaultdict(list)
    signings: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for edge in edges:
        rel = Rel(edge["rel"])
        for e in support_entries(rel, edge["props"]):
            if e["article"] != article_id:
                continue
            base = {"evidence": e["evidence"] or None, "rule": e["rule"] or None}
            value = {k: e[k] or None for k in e}
            if rel == Rel.SECONDED_TO:
                fields = ("title", "home", "home_title", "start", "mode")
                facts["seconded_to"].append(
                    {"person": e["source"], "host": e["target"], **{f: value[f] for f in fields}, **base}
                )
            elif rel == Rel.BROKERED:
                facts["brokered"].append({"person": e["source"], "project": e["target"], **base})
            elif rel == Rel.PAIRED_WITH:
                facts["paired"].append(
                    {"a": e["source"], "b": e["target"], "program": value["program"], **base}
                )
            else:
                key = (edge["target"], e["target"], e["date"], e["evidence"], e["rule"])
                signings[key].append(e["source"])
    for (_, agreement, date, evidence, rule), parties in sorted(signings.items()):
        facts["signed"].append(
            {
                "parties": parties,
                "agreement": agreement or None,
                "date": date or None,
                "evidence": evidence or None,
                "rule": rule or None,
            }
        )
    for name in facts:
        facts[name].sort(key=lambda f: repr(sorted(f.items())))
    return facts
