"""A small dictionary matcher over pyahocorasick, shared by the recognizers.

Build it once from (surface, payload) pairs; a surface may carry several payloads (朝阳区 is a district
of 北京 and of 长春). `find_all` lists every occurrence, overlapping ones included; `find` keeps the
leftmost-longest non-overlapping ones, the usual reading of a gazetteer against running text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

import ahocorasick

T = TypeVar("T")


@dataclass(frozen=True)
class Match(Generic[T]):
    """One occurrence of a surface form: [start, end) in the text, and the surface's payloads."""

    start: int
    end: int
    surface: str
    payloads: tuple[T, ...]


class Matcher(Generic[T]):
    """Aho-Corasick automaton over surface forms, each with one or more payloads."""

    def __init__(self, pairs: Iterable[tuple[str, T]]) -> None:
        table: dict[str, list[T]] = {}
        for surface, payload in pairs:
            if surface:
                table.setdefault(surface, []).append(payload)
        self._automaton = ahocorasick.Automaton()
        for surface, payloads in table.items():
            self._automaton.add_word(surface, (surface, tuple(payloads)))
        self._empty = not table
        if not self._empty:
            self._automaton.make_automaton()

    def __contains__(self, surface: str) -> bool:
        return surface in self._automaton

    def get(self, surface: str) -> tuple[T, ...]:
        """Payloads of an exact surface form, or an empty tuple."""
        found = self._automaton.get(surface, None)
        return found[1] if found else ()

    def iter_all(self, text: str) -> Iterator[Match[T]]:
        """Every occurrence, overlapping ones included, in order of end position."""
        if self._empty:
            return
        for end_index, (surface, payloads) in self._automaton.iter(text):
            end = end_index + 1
            yield Match(end - len(surface), end, surface, payloads)

    def find_all(self, text: str) -> list[Match[T]]:
        """Every occurrence, sorted by start, longest first at equal start."""
        return sorted(self.iter_all(text), key=lambda m: (m.start, -m.end))

    def find(self, text: str, longest: bool = True) -> list[Match[T]]:
        """Non-overlapping occurrences, scanning left to right; at each start the longest (or shortest)."""
        key = (lambda m: (m.start, -m.end)) if longest else (lambda m: (m.start, m.end))
        chosen: list[Match[T]] = []
        last_end = -1
        for match in sorted(self.iter_all(text), key=key):
            if match.start >= last_end:
                chosen.append(match)
                last_end = match.end
        return chosen
