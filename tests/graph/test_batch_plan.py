"""The writer's planning step, without a database: what is new, what changed, what is left alone."""

from __future__ import annotations

from graph.batch_plan import Existing, changes, edge_supports, edge_writes, node_writes
from graph.resolve import resolve
from graph.rows import derive_edge
from graph.schema import Label, Rel
from ingest.models import Extraction

NOW = "2025-01-01T00:00:00+00:00"


def _article(sha: str, evidence: str) -> Extraction:
    return Extraction.model_validate(
        {
            "article": f"{sha}.txt",
            "article_id": sha,
            "people": [{"name": "王芳"}],
            "seconded_to": [{"person": "王芳", "host": "沈阳市科技局", "evidence": evidence}],
        }
    )


def test_changes_sets_what_differs_and_removes_what_is_gone() -> None:
    before = {"name": "a", "aliases": ["b"], "kind": "x", "code": "1"}
    after = {"name": "a", "aliases": ["b", "c"], "kind": "y"}
    assert changes(before, after) == {"aliases": ["b", "c"], "kind": "y", "code": None}
    assert changes(after, after) == {}


def test_new_nodes_are_created_unchanged_ones_left_alone() -> None:
    todo = [resolve(_article("a1", "王芳挂职沈阳市科技局。"))]
    fresh = node_writes(todo, {})
    assert {p["id"] for p in fresh.new[Label.PERSON]} == {"person:王芳:org:沈阳市科技局"}
    assert fresh.changed == []
    stored = {p["id"]: Existing(f"eid-{p['id']}", p) for props in fresh.new.values() for p in props}
    again = node_writes(todo, stored)
    assert dict(again.new) == {} and again.changed == []
    # Another article gave the organisation an alias: kept by the fold, only the stale text is rewritten.
    host = stored["org:沈阳市科技局"]
    other = dict(stored) | {host.props["id"]: Existing(host.eid, {**host.props, "aliases": ["沈阳科技局"]})}
    changed = node_writes(todo, other).changed
    assert changed == [{"eid": host.eid, "props": {"aliases_text": "沈阳市科技局 沈阳科技局"}}]


def test_existing_edge_gets_only_its_grown_lists() -> None:
    first = resolve(_article("a1", "王芳挂职沈阳市科技局。"))
    second = resolve(_article("a2", "王芳在沈阳市科技局挂职。"))
    key = (Rel.SECONDED_TO, "person:王芳:org:沈阳市科技局", "org:沈阳市科技局")
    stored_props = derive_edge(Rel.SECONDED_TO, edge_supports([first], NOW)[key])
    eids = {n.id: n.id.split(":")[0] for r in (first, second) for n in r.nodes}
    writes = edge_writes(edge_supports([second], NOW), {key: Existing("r", stored_props)}, eids)
    assert set(writes.new) == {Rel.LOCATED_IN} and writes.rows == 2  # the fact and the org's place
    (change,) = writes.changed
    assert change["eid"] == "r"
    assert set(change["props"]) == {"articles", "evidence", "rules", "support"}
    assert change["props"]["articles"] == ["article:a1", "article:a2"]
    fresh = edge_writes(edge_supports([second], NOW), {}, eids)
    assert [row["s"] for row in fresh.new[Rel.SECONDED_TO]] == ["person"] and fresh.changed == []


def test_paired_with_keeps_every_programme() -> None:
    entry = {
        "article": "a1",
        "evidence": "",
        "rule": "",
        "seen": NOW,
        "version": "v",
        "source": "",
        "target": "",
    }
    props = derive_edge(
        Rel.PAIRED_WITH,
        [
            {**entry, "program": "京津冀协同发展"},
            {**entry, "article": "a2", "program": "京冀互派干部挂职"},
            {**entry, "article": "a3", "program": "京津冀协同发展"},
            {**entry, "article": "a4", "program": ""},
        ],
    )
    assert props["programs"] == ["京冀互派干部挂职", "京津冀协同发展"]
    assert props["program"] == "京津冀协同发展"  # the first non-empty in entry order (by article)
    assert "programs" not in derive_edge(Rel.PAIRED_WITH, [{**entry, "program": ""}])
    assert "programs" not in derive_edge(Rel.SIGNED, [{**entry, "date": "2024-01"}])
