"""Canonical names of project mentions within one article: short forms become the longer name.

Four merges, in order: a delegation of a named event (某研修班代表团 → 某研修班), a site named without
its works (某产业园 → 某产业园二期项目), a shortened name with the same opening and ending
(张北云基地 → 张北云计算产业基地), and a name without its place (肉牛产业项目 → 某旗肉牛产业项目).
Names are looked up in dictionaries rather than compared pairwise, so long pages stay linear; each
merge gives the same result as a scan of all mentions in order would.
"""

from __future__ import annotations

import re
from bisect import bisect_right, insort
from collections.abc import Callable, Iterable

from ingest.document import Mention

_PHASES = [""] + [f"{digit}期" for digit in "一二三四五六七八九十"]
_BUILDS = ("", "建设", "扩建", "改造")
_WORKS_HEADS = ("项目", "专案", "工程")
# 某园 + (二期)(建设)项目: works on a body's site are a project
WORKS = re.compile(
    f"(?:{'|'.join(p for p in _PHASES if p)})?(?:{'|'.join(b for b in _BUILDS if b)})?(?:{'|'.join(_WORKS_HEADS)})"
)
_WORKS_TAILS = tuple(p + b + h for p in _PHASES for b in _BUILDS for h in _WORKS_HEADS)
DELEGATIONS = ("代表团", "考察团", "招商团", "访问团")


def merge_aliases(mentions: list[Mention], heads: Iterable[str]) -> None:
    """Rename short forms to the longer name they stand for (in place); `heads` are bare head words."""
    bare = set(heads)
    # 某研修班 + 代表团: the delegation of a named event
    _follow_all(
        mentions,
        lambda name: [
            name[: -len(d)] for d in DELEGATIONS if name.endswith(d) and name[: -len(d)] not in bare
        ],
    )
    # 某产业园 is short for 某产业园二期项目
    _follow_all(mentions, lambda name: [name + tail for tail in _WORKS_TAILS])
    _same_ends(mentions)
    _prefixed(mentions)


def _prefixed(mentions: list[Mention], shortest: int = 5) -> None:
    """肉牛全产业链项目 is short for 察右后旗肉牛全产业链项目 when that is the one longer name in the
    article that ends with it (two would make it ambiguous)."""
    # Agreements are left alone: a bare 战略合作协议 is often another agreement than 某某战略合作协议.
    names = {m.name for m in mentions if m.attrs.get("kind") != "agreement"}
    longer: dict[str, set[str]] = {}
    for name in names:
        for cut in range(1, len(name) - shortest + 1):
            longer.setdefault(name[cut:], set()).add(name)
    for mention in mentions:
        found = longer.get(mention.name, set()) if mention.name in names else set()
        if len(found) == 1:
            mention.name = next(iter(found))


def _follow_all(mentions: list[Mention], targets: Callable[[str], list[str]]) -> None:
    """For each mention in turn, walk the other mentions in order and take over the name of each one
    whose (current) name is among `targets` of the mention's current name.

    `where` maps each name to the sorted positions of the mentions bearing it, so the walk jumps from
    match to match instead of visiting every mention.
    """
    where: dict[str, list[int]] = {}
    for i, mention in enumerate(mentions):
        where.setdefault(mention.name, []).append(i)
    for k, mention in enumerate(mentions):
        name, pos = mention.name, -1
        while True:
            best: tuple[int, str] | None = None
            for target in targets(name):
                positions = where.get(target)
                if not positions:
                    continue
                i = bisect_right(positions, pos)
                if i < len(positions) and positions[i] == k:
                    i += 1  # the mention itself
                if i < len(positions) and (best is None or positions[i] < best[0]):
                    best = (positions[i], target)
            if best is None:
                break
            pos, name = best
        if name != mention.name:
            where[mention.name].remove(k)
            insort(where.setdefault(name, []), k)
            mention.name = name


def _same_ends(mentions: list[Mention]) -> None:
    """A name is an alias of the longest name that opens and ends alike and holds its characters in order."""
    names = sorted({m.name for m in mentions}, key=len, reverse=True)
    by_ends: dict[tuple[str, str], list[str]] = {}
    for name in names:
        by_ends.setdefault((name[:2], name[-2:]), []).append(name)
    chosen: dict[str, str] = {}
    for mention in mentions:
        name = mention.name
        if name not in chosen:
            chosen[name] = next(
                (
                    longer
                    for longer in by_ends.get((name[:2], name[-2:]), [])
                    if len(longer) > len(name) and _subsequence(name, longer)
                ),
                name,
            )
        mention.name = chosen[name]


def _subsequence(short: str, long_: str) -> bool:
    chars = iter(long_)
    return all(c in chars for c in short)
