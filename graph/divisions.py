"""Administrative divisions by code, to resolve city mentions and to add their parents.

The table is the shared gazetteer (`ingest.gazetteer`: provinces, prefectures, counties and
districts with their 12-digit codes), used read-only. Towns are not in it: they resolve through the
`code` an extraction carries, or by name under their parent.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from graph.ids import normalise, normalise_code
from ingest import gazetteer


@dataclass(frozen=True)
class Division:
    """One division of the table."""

    code: str  # 12 digits
    name: str
    level: str
    parent: str | None  # code of the enclosing division


class Divisions:
    """Lookup by code, full name and short name."""

    def __init__(self, table: Iterable[Division], short: dict[str, list[str]]) -> None:
        self.by_code: dict[str, Division] = {d.code: d for d in table}
        self.by_name: dict[str, list[str]] = defaultdict(list)
        self.by_short: dict[str, list[str]] = defaultdict(list)
        for code, division in sorted(self.by_code.items()):
            self.by_name[normalise(division.name)].append(code)
            for form in short.get(code, []):
                self.by_short[normalise(form)].append(code)
        self.short = short

    def ancestors(self, code: str) -> list[Division]:
        """The enclosing divisions, nearest first."""
        chain: list[Division] = []
        division = self.by_code.get(normalise_code(code))
        while division is not None and division.parent is not None:
            division = self.by_code.get(division.parent)
            if division is not None:
                chain.append(division)
        return chain

    def candidates(self, names: Iterable[str]) -> list[str]:
        """Codes whose full name equals one of `names`, else whose short name does."""
        names = [normalise(n) for n in names if n]
        for index in (self.by_name, self.by_short):
            found = sorted({code for n in names if len(n) >= 2 for code in index.get(n, ())})
            if found:
                return found
        return []

    def resolve(
        self, names: list[str], level: str | None, parent: str | None, context: set[str]
    ) -> str | None:
        """The one code these names denote, using level, parent and the article's other places to
        choose among homonyms (朝阳区 of 北京 or of 长春); None when not unique."""
        found = self.candidates(names)
        if level and len(found) > 1:
            found = [c for c in found if self.by_code[c].level == level] or found
        for hint in ({normalise(parent)} if parent else set(), context):
            if len(found) > 1 and hint:
                # The candidate whose *nearest* enclosing division the article names wins:
                # 铁西区 under 沈阳市 beats 铁西区 under 鞍山市 when both only share 辽宁省.
                ranks = {c: self._nearest(c, hint) for c in found}
                best = min(ranks.values())
                if best is not None and best < 99:
                    found = [c for c in found if ranks[c] == best]
        return found[0] if len(found) == 1 else None

    def _nearest(self, code: str, hint: set[str]) -> int:
        for depth, division in enumerate(self.ancestors(code)):
            if hint & {normalise(form) for form in [division.name, *self.short.get(division.code, [])]}:
                return depth
        return 99


@lru_cache(maxsize=1)
def divisions() -> Divisions:
    """The process-wide table, read once from the shared gazetteer."""
    table = gazetteer.load()
    rows = [
        Division(
            normalise_code(d.code), d.name, d.level, normalise_code(d.parent_code) if d.parent_code else None
        )
        for d in table.by_code.values()
    ]
    return Divisions(rows, {normalise_code(d.code): list(d.short) for d in table.by_code.values()})
