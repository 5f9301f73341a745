"""Range lookups over a page's mentions and sentences, so that per-sentence and per-mention steps cost
O(log n + hits) instead of a scan of the whole page (long articles stay linear).

`MentionIndex` keeps the mentions sorted by (start, -end) with a stable sort, so every query answers in
the order a full scan of a list already sorted that way would give: swapping a list comprehension for a
query changes no result.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from operator import attrgetter

from ingest.document import Mention, Sentence

_START = attrgetter("start")
_END = attrgetter("end")


class MentionIndex:
    """Mentions sorted by (start, -end), ties in the order given, with bisect range queries.

    With `longest_first=False` they are sorted by start alone (ties in the order given), which is the
    order of a list sorted by `m.start`.
    """

    def __init__(
        self, mentions: Iterable[Mention], longest_first: bool = True, presorted: bool = False
    ) -> None:
        self.longest_first = longest_first
        if presorted:
            self.mentions = list(mentions)  # a subset of an index keeps its order: no sort
        elif longest_first:
            # Two stable sorts with C-level keys equal one on (start, -end), ties kept in order.
            self.mentions = sorted(sorted(mentions, key=_END, reverse=True), key=_START)
        else:
            self.mentions = sorted(mentions, key=_START)
        self._starts = [m.start for m in self.mentions]
        # The longest span bounds how far before `start` an overlapping mention can begin.
        self._longest = max((m.end - m.start for m in self.mentions), default=0)
        self._types: dict[tuple[str, ...], MentionIndex] = {}
        self._ends: dict[int, list[Mention]] | None = None

    def __len__(self) -> int:
        return len(self.mentions)

    def __iter__(self) -> Iterator[Mention]:
        return iter(self.mentions)

    def by_type(self, *types: str) -> MentionIndex:
        """The index of the mentions of the given types (all of them when none is given)."""
        if not types:
            return self
        key = tuple(sorted(set(types)))
        if key not in self._types:
            self._types[key] = MentionIndex(
                [m for m in self.mentions if m.type in key], self.longest_first, presorted=True
            )
        return self._types[key]

    def within(self, start: int, end: int, *types: str) -> list[Mention]:
        """Mentions (of the given types) lying inside [start, end)."""
        index = self.by_type(*types)
        lo, hi = bisect_left(index._starts, start), bisect_right(index._starts, end)
        return [m for m in index.mentions[lo:hi] if m.end <= end]

    def overlapping(self, start: int, end: int, *types: str) -> list[Mention]:
        """Mentions (of the given types) sharing at least one character with [start, end)."""
        index = self.by_type(*types)
        lo = bisect_left(index._starts, start - index._longest)
        hi = bisect_left(index._starts, end)
        return [m for m in index.mentions[lo:hi] if m.start < end and start < m.end]

    def containing(self, start: int, end: int, *types: str) -> list[Mention]:
        """Mentions (of the given types) that enclose [start, end)."""
        index = self.by_type(*types)
        lo = bisect_left(index._starts, end - index._longest)
        hi = bisect_right(index._starts, start)
        return [m for m in index.mentions[lo:hi] if end <= m.end]

    def starting_in(self, start: int, end: int, *types: str) -> list[Mention]:
        """Mentions (of the given types) that begin in [start, end)."""
        index = self.by_type(*types)
        return index.mentions[bisect_left(index._starts, start) : bisect_left(index._starts, end)]

    def iter_from(self, start: int, *types: str) -> Iterator[Mention]:
        """Mentions (of the given types) that begin at or after `start`, in order, one at a time."""
        index = self.by_type(*types)
        for i in range(bisect_left(index._starts, start), len(index.mentions)):
            yield index.mentions[i]

    def iter_back(self, end: int, *types: str) -> Iterator[Mention]:
        """Mentions (of the given types) that end by `end`, last first (reverse index order)."""
        index = self.by_type(*types)
        for i in range(bisect_right(index._starts, end) - 1, -1, -1):
            if index.mentions[i].end <= end:
                yield index.mentions[i]

    def ending_at(self, end: int, *types: str) -> list[Mention]:
        """Mentions (of the given types) that end at `end`."""
        index = self.by_type(*types)
        if index._ends is None:
            index._ends = {}
            for m in index.mentions:
                index._ends.setdefault(m.end, []).append(m)
        return index._ends.get(end, [])


def as_index(mentions: Iterable[Mention] | MentionIndex) -> MentionIndex:
    """`mentions` as an index (built once when a plain list is given)."""
    return mentions if isinstance(mentions, MentionIndex) else MentionIndex(mentions)


class SentenceIndex:
    """The sentences of a page (in text order) with a lookup by offset."""

    def __init__(self, sentences: list[Sentence]) -> None:
        self.sentences = sentences
        self._starts = [s.start for s in sentences]

    def index_at(self, offset: int) -> int:
        """Index of the sentence that holds `offset`, or -1 when it falls between sentences."""
        i = bisect_right(self._starts, offset) - 1
        return i if i >= 0 and self.sentences[i].end > offset else -1

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence that holds `offset`, if any."""
        i = self.index_at(offset)
        return self.sentences[i] if i >= 0 else None


class Spans:
    """A set of [start, end) spans (they may overlap) with containment and overlap tests by bisect."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self._starts = [s for s, _ in self.spans]
        self._longest = max((e - s for s, e in self.spans), default=0)

    def _near(self, start: int, end: int) -> list[tuple[int, int]]:
        """Spans that begin late enough to reach `start` and no later than `end`."""
        lo = bisect_left(self._starts, start - self._longest)
        return self.spans[lo : bisect_right(self._starts, end)]

    def contains(self, start: int, end: int) -> bool:
        """Whether some span encloses [start, end)."""
        return any(s <= start and end <= e for s, e in self._near(start, start))

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some span shares a character with [start, end)."""
        return any(s < end and start < e for s, e in self._near(start, end))
