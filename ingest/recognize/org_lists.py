"""Organisations named through coordination: shared regions, shared heads and enumerations.

- 承德、廊坊、张家口市政府: regions listed before one body each get that body (承德市政府 …).
- 昆山高新区、经开区和综合保税区: bare zone heads after a zone take its region (昆山经开区 …).
- 包括A、B、C等科技型企业 / 与A、B等4家北京企业合作: bare names enumerated before 等 + a word for
  enterprises or institutions are organisations.
"""

from __future__ import annotations

import re
from functools import cache

from ingest.document import Mention
from ingest.rules_data import load_tsv
from ingest.spans import Spans

_CONJ = "、和及与"
_NAME = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·]+")
# Between 等 and the noun only a count and qualifiers: 在用地、用工等方面给予企业支持 lists matters
# (方面, 领域), and the enterprises are who receives, not the items.
_LIST_END = re.compile(
    r"等(?:[0-9]+|[一二三四五六七八九十两几多数]+)?(?:家|个|所|批)?"
    r"(?:(?!方面|领域|环节|问题|给予|帮助|支持|服务|提供)[\u4e00-\u9fff]){0,6}?"
    r"(企业|公司|机构|单位|院校|高校|团队|银行|集团)"
)


@cache
def _park_heads() -> tuple[str, ...]:
    heads = [row[0] for row in load_tsv("org_suffixes.tsv") if row[1] == "park"]
    return tuple(sorted(heads, key=len, reverse=True))


def coordinated(text: str, orgs: list[Mention], cities: list[Mention]) -> list[Mention]:
    """Organisations that share a region or a head with a neighbour in a coordination."""
    ends = {m.end: m for m in cities}
    starts = {m.start: m for m in cities}
    out: list[Mention] = []
    for org in orgs:
        region_name = org.attrs.get("city")
        region = starts.get(org.start)
        if region is not None and region.name == region_name and org.name.startswith(region_name):
            head = org.name[len(region_name) :]
            pos = org.start
            while pos > 0 and text[pos - 1] == "、" and pos - 1 in ends:
                other = ends[pos - 1]
                name = other.name + head
                out.append(
                    Mention(
                        "organisation",
                        name,
                        other.start,
                        other.end,
                        name,
                        "org:shared-head",
                        dict(org.attrs, city=other.name),
                    )
                )
                pos = other.start
        if org.attrs.get("kind") == "park" and region is not None:
            pos = org.end
            while pos < len(text) and text[pos] in _CONJ:
                bare = next((h for h in _park_heads() if text.startswith(h, pos + 1)), None)
                if bare is None:
                    break
                head = bare
                name = region.text + head
                out.append(
                    Mention(
                        "organisation",
                        head,
                        pos + 1,
                        pos + 1 + len(head),
                        name,
                        "org:shared-region",
                        dict(org.attrs),
                    )
                )
                pos += 1 + len(head)
    return out


def _item_start(text: str, end: int, stops: frozenset[str]) -> int:
    pos = end
    while pos > 0 and end - pos < 12 and _NAME.match(text[pos - 1]):
        if any(text[pos - k : pos] in stops for k in (3, 2, 1) if pos - k >= 0):
            break
        pos -= 1
    return pos


def listed(text: str, orgs: list[Mention], cities: list[Mention], stops: frozenset[str]) -> list[Mention]:
    """Bare names enumerated before 等 + a word for enterprises or institutions (A、B、C等企业)."""
    taken = Spans([(m.start, m.end) for m in orgs] + [(m.start, m.end) for m in cities])
    out: list[Mention] = []
    for hit in _LIST_END.finditer(text):
        items: list[tuple[int, int]] = []
        end = hit.start()
        while True:
            start = _item_start(text, end, stops)
            if end - start < 2:
                break
            items.append((start, end))
            if start == 0 or text[start - 1] != "、":
                break
            end = start - 1
        if len(items) < 2:
            continue
        kind = "institution" if hit.group(1) in {"院校", "高校", "团队", "机构"} else "enterprise"
        for start, end in items:
            if taken.contains(start, end):
                continue
            name = text[start:end]
            out.append(Mention("organisation", name, start, end, name, "org:listed", {"kind": kind}))
    return out
