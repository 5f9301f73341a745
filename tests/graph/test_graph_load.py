"""Loading into a real Neo4j: idempotence, nothing lost, read-back, replacement and removal."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import neo4j
from graph_helpers import gold, ids_of, snapshot

from graph.load import load_extractions, remove_articles
from graph.readback import find_articles, read_article
from graph.resolve import article_sha
from ingest.models import Extraction


def _facts(x: Extraction) -> dict[str, set[Any]]:
    """The comparable content of an extraction (lists as sets, parties unordered)."""
    return {
        "people": {(p.name, tuple(sorted(p.aliases))) for p in x.people},
        "cities": {(c.name, c.level, tuple(sorted(c.aliases))) for c in x.cities},
        "organisations": {(o.name, tuple(sorted(o.aliases)), o.kind) for o in x.organisations},
        "projects": {(p.name, p.kind, tuple(sorted(p.aliases)), p.amount_cny) for p in x.projects},
        "seconded_to": {
            (f.person, f.host, f.title, f.home, f.home_title, f.start, f.mode, f.evidence)
            for f in x.seconded_to
        },
        "brokered": {(f.person, f.project, f.evidence) for f in x.brokered},
        "signed": {(frozenset(f.parties), f.agreement, f.date, f.evidence) for f in x.signed},
        "paired": {(frozenset((f.a, f.b)), f.program, f.evidence) for f in x.paired},
    }


def test_gold_twice_is_identical(clean_db: neo4j.Driver) -> None:
    first = load_extractions(clean_db, gold(), batch_size=2)
    before = snapshot(clean_db)
    second = load_extractions(clean_db, gold(), batch_size=3)
    assert first.articles_loaded == 5 and second.articles_skipped == 5 and second.articles_loaded == 0
    assert snapshot(clean_db) == before
    assert len(before["nodes"]) > 200 and len(before["edges"]) > 300


def test_load_order_does_not_matter(clean_db: neo4j.Driver) -> None:
    load_extractions(clean_db, gold(), batch_size=1)
    forward = snapshot(clean_db)
    clean_db.execute_query("MATCH (n) DETACH DELETE n")
    load_extractions(clean_db, list(reversed(gold())), batch_size=5)
    backward = snapshot(clean_db)
    strip = lambda snap: [e for e in snap["edges"] if "seen" not in e[3]]  # noqa: E731
    assert len(forward["nodes"]) == len(backward["nodes"]) and strip(forward) == strip(backward)


def test_nothing_lost_and_read_back(clean_db: neo4j.Driver) -> None:
    extractions = gold()
    load_extractions(clean_db, extractions)
    for x in extractions:
        (found,) = find_articles(clean_db, x.article)
        back = read_article(clean_db, found)
        assert back.article == x.article and back.title == x.title and back.authors == x.authors
        assert _facts(back) == _facts(x), x.article
    records, _, _ = clean_db.execute_query(
        "MATCH ()-[r:SECONDED_TO|BROKERED|SIGNED]->() RETURN type(r) AS t, r.articles AS a, r.evidence AS e"
    )
    supports = sum(len(r["a"]) for r in records)
    expected = sum(
        len(x.seconded_to) + len(x.brokered) + sum(len(s.parties) for s in x.signed) for x in extractions
    )
    assert supports == expected
    assert all(all(r["e"]) for r in records), "an edge without its evidence sentence"


def _article(
    name: str, people: list[dict[str, Any]], seconded: list[dict[str, Any]], text: str = ""
) -> Extraction:
    return Extraction.model_validate(
        {"article": name, "article_id": f"{name}-{text}", "people": people, "seconded_to": seconded}
    )


def test_namesakes_without_shared_context_stay_apart(clean_db: neo4j.Driver) -> None:
    a = _article("a.txt", [{"name": "张伟"}], [])
    b = _article(
        "b.txt",
        [{"name": "张伟"}],
        [{"person": "张伟", "host": "某县农业局", "evidence": "张伟挂职某县农业局。"}],
    )
    load_extractions(clean_db, [a, b])
    assert len(ids_of(clean_db, "Person")) == 2
    records, _, _ = clean_db.execute_query(
        "MATCH (:Person)-[m:MAYBE_SAME]->(:Person) RETURN m.reason AS reason"
    )
    assert [r["reason"] for r in records] == ["same name, no shared post"]


def test_namesakes_with_the_same_home_are_one(clean_db: neo4j.Driver) -> None:
    home = "北京市发展和改革委员会"
    a = _article("a.txt", [{"name": "刘伟"}], [{"person": "刘伟", "host": "沈阳市发改委", "home": home}])
    b = _article(
        "b.txt", [{"name": "刘伟"}], [{"person": "刘伟", "host": "沈阳市科技局", "home": "北京市发改委"}]
    )
    load_extractions(clean_db, [a])
    load_extractions(clean_db, [b])
    assert ids_of(clean_db, "Person") == {"person:刘伟:org:北京市发改委"}
    records, _, _ = clean_db.execute_query("MATCH (:Person)-[r:SECONDED_TO]->(o) RETURN o.id AS host")
    assert sorted(r["host"] for r in records) == ["org:沈阳市发改委", "org:沈阳市科技局"]
    records, _, _ = clean_db.execute_query("MATCH ()-[m:MAYBE_SAME]->() RETURN count(m) AS n")
    assert records[0]["n"] == 0


def test_changed_article_replaces_its_facts(clean_db: neo4j.Driver) -> None:
    shared = {"person": "王芳", "host": "沈阳市科技局", "home": "北京市科委", "evidence": "王芳挂职。"}
    other = _article("other.txt", [{"name": "王芳"}], [shared])
    old = _article(
        "x.txt",
        [{"name": "王芳"}, {"name": "李强"}],
        [shared, {"person": "李强", "host": "大兴区", "evidence": "李强挂职大兴区。"}],
        "v1",
    )
    load_extractions(clean_db, [other, old])
    new = _article("x.txt", [{"name": "王芳"}], [shared], "v2")
    stats = load_extractions(clean_db, [new])
    assert stats.articles_replaced == 1 and stats.articles_loaded == 1
    assert not any(i.startswith("person:李强") for i in ids_of(clean_db, "Person"))
    assert "city:110115000000" not in ids_of(clean_db, "City")  # 大兴区 was only this article's
    records, _, _ = clean_db.execute_query("MATCH (:Person)-[r:SECONDED_TO]->() RETURN r.articles AS a")
    assert [sorted(r["a"]) for r in records] == [sorted(["article:other.txt-", "article:x.txt-v2"])]
    assert ids_of(clean_db, "Article") == {"article:other.txt-", "article:x.txt-v2"}


def test_remove_withdraws_and_deletes_orphans(clean_db: neo4j.Driver) -> None:
    extractions = gold()
    load_extractions(clean_db, extractions[1:])
    without = snapshot(clean_db)
    load_extractions(clean_db, extractions[:1])
    assert snapshot(clean_db) != without
    stats = remove_articles(clean_db, [extractions[0].article])
    assert stats.articles_removed == 1
    assert snapshot(clean_db) == without
    assert find_articles(clean_db, article_sha(extractions[0])) == []


def test_pipeline_seeds_twice_identical_and_read_back(clean_db: neo4j.Driver) -> None:
    from ingest.pipeline import extract_file

    seeds = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))
    extractions = [extract_file(p) for p in seeds]
    assert load_extractions(clean_db, extractions).articles_loaded == len(seeds) == 5
    before = snapshot(clean_db)
    assert load_extractions(clean_db, [extract_file(p) for p in seeds]).articles_skipped == 5
    assert snapshot(clean_db) == before
    for x in extractions:
        (found,) = find_articles(clean_db, x.article)
        assert found == f"article:{x.article_id}"
        assert _facts(read_article(clean_db, found)) == _facts(x), x.article


def test_pairing_keeps_every_programme_until_withdrawn(clean_db: neo4j.Driver) -> None:
    def pairing(name: str, program: str) -> Extraction:
        paired = [{"a": "北京市", "b": "河北省", "program": program, "evidence": f"{program}。"}]
        return Extraction.model_validate({"article": name, "article_id": name, "paired": paired})

    query = "MATCH ()-[r:PAIRED_WITH]->() RETURN r.program AS program, r.programs AS programs"
    load_extractions(clean_db, [pairing("p1.txt", "京冀互派干部挂职"), pairing("p2.txt", "京津冀协同发展")])
    records, _, _ = clean_db.execute_query(query)
    assert [r.data() for r in records] == [
        {"program": "京冀互派干部挂职", "programs": ["京冀互派干部挂职", "京津冀协同发展"]}
    ]
    remove_articles(clean_db, ["p1.txt"])
    records, _, _ = clean_db.execute_query(query)
    assert [r.data() for r in records] == [{"program": "京津冀协同发展", "programs": ["京津冀协同发展"]}]
