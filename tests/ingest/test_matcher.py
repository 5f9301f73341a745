"""The shared Aho-Corasick matcher: payloads per surface, all matches and leftmost-longest."""

from __future__ import annotations

from ingest.matcher import Matcher


def test_find_all_lists_overlapping_matches_with_payloads() -> None:
    matcher = Matcher([("朝阳", "short"), ("朝阳区", "北京"), ("朝阳区", "长春"), ("阳区", "x")])
    found = [(m.start, m.end, m.surface, m.payloads) for m in matcher.find_all("去朝阳区")]
    assert found == [(1, 4, "朝阳区", ("北京", "长春")), (1, 3, "朝阳", ("short",)), (2, 4, "阳区", ("x",))]


def test_find_keeps_leftmost_longest_without_overlap() -> None:
    matcher = Matcher([("沈阳", 1), ("沈阳市", 2), ("市交通局", 3), ("交通局", 4)])
    assert [(m.surface, m.payloads) for m in matcher.find("沈阳市交通局")] == [
        ("沈阳市", (2,)),
        ("交通局", (4,)),
    ]


def test_find_shortest_when_asked() -> None:
    matcher = Matcher([("沈阳", 1), ("沈阳市", 2)])
    assert [m.surface for m in matcher.find("沈阳市", longest=False)] == ["沈阳"]


def test_empty_matcher_and_lookup() -> None:
    assert Matcher([]).find("任何文本") == []
    matcher = Matcher([("京", "北京市")])
    assert "京" in matcher and matcher.get("京") == ("北京市",) and matcher.get("沪") == ()
