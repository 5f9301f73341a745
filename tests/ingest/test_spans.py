"""The span index answers exactly as a full scan does (same mentions, same order)."""

from __future__ import annotations

import random

import pytest

from ingest.document import Mention, Sentence
from ingest.spans import MentionIndex, SentenceIndex, Spans

TYPES = ("city", "organisation", "person", "project")


def _random_mentions(seed: int, n: int = 300) -> list[Mention]:
    rng = random.Random(seed)
    found = []
    for i in range(n):
        start = rng.randrange(0, 500)
        end = start + rng.randrange(0, 40)
        found.append(Mention(rng.choice(TYPES), "x", start, end, f"m{i}", "test"))
    return found


def _scan(
    mentions: list[Mention], query: str, a: int, b: int, types: tuple[str, ...], longest_first: bool = True
) -> list[Mention]:
    """What a full scan of the list finds for `query`, sorted as the index sorts."""
    tests = {
        "within": lambda m: a <= m.start and m.end <= b,
        "overlapping": lambda m: m.start < b and a < m.end,
        "containing": lambda m: m.start <= a and b <= m.end,
        "starting_in": lambda m: a <= m.start < b,
    }
    keep = [m for m in mentions if (not types or m.type in types) and tests[query](m)]
    return sorted(keep, key=(lambda m: (m.start, -m.end)) if longest_first else (lambda m: m.start))


@pytest.mark.parametrize("longest_first", [True, False])
def test_index_queries_match_a_full_scan(longest_first: bool) -> None:
    for seed in range(5):
        mentions = _random_mentions(seed)
        index = MentionIndex(mentions, longest_first)
        rng = random.Random(seed + 100)
        for _ in range(200):
            a = rng.randrange(0, 560)
            b = a + rng.randrange(0, 60)
            types = tuple(rng.sample(TYPES, rng.randrange(0, 3)))
            for query in ("within", "overlapping", "containing", "starting_in"):
                expected = _scan(mentions, query, a, b, types, longest_first)
                assert getattr(index, query)(a, b, *types) == expected, query
            onwards = _scan(mentions, "starting_in", a, 10_000, types, longest_first)
            assert list(index.iter_from(a, *types)) == onwards
            behind = [m for m in mentions if m.end <= b and (not types or m.type in types)]
            assert list(index.iter_back(b, *types)) == _scan(behind, "within", 0, b, (), longest_first)[::-1]
            ending = [m for m in mentions if m.end == b]
            assert index.ending_at(b, *types) == _scan(ending, "within", 0, b, types, longest_first)


def test_spans_and_sentence_lookup() -> None:
    rng = random.Random(7)
    spans = [(s, s + rng.randrange(0, 30)) for s in (rng.randrange(0, 300) for _ in range(100))]
    table = Spans(spans)
    for a in range(0, 330, 3):
        for b in (a, a + 1, a + 9):
            assert table.contains(a, b) == any(s <= a and b <= e for s, e in spans)
            assert table.overlaps(a, b) == any(s < b and a < e for s, e in spans)
    sentences = SentenceIndex([Sentence(0, 5, "甲甲甲甲。"), Sentence(6, 9, "乙乙。")])
    assert [sentences.index_at(i) for i in range(10)] == [0, 0, 0, 0, 0, -1, 1, 1, 1, -1]
    assert sentences.sentence_at(7) is sentences.sentences[1]
    assert sentences.sentence_at(5) is None
