"""The article's own region: what 我省, 本市, 省科技厅 and 市交通局 refer to.

In order: the outlet named in `Page.source` (河北日报 → 河北省); an outlet named in the text
(河北日报记者, 沈阳日报); otherwise the province the article names most, counting its own name twice
as much as the names of places inside it.
"""

from __future__ import annotations

from collections import Counter

from ingest.document import Mention, Page
from ingest.gazetteer import Division, load

# Words after a region name that make it a news outlet's name (河北日报, 沈阳晚报, 河北新闻网).
_OUTLETS = ("日报", "晚报", "晨报", "新闻网", "广播电视台", "电视台", "融媒")


def _division(name: str) -> Division | None:
    found = [d for d in load().by_name.get(name, []) if d.code]
    return found[0] if found else None


def _split(division: Division | None) -> tuple[Division | None, Division | None]:
    """(province, city) for a division: a municipality is both; a county gives its prefecture."""
    if division is None:
        return None, None
    g = load()
    province = g.province(division)
    if division.level == "province":
        return province, division if division.name.endswith("市") else None
    chain = [division, *g.ancestors(division)]
    city = next((d for d in chain if d.level == "city"), None)
    return province, city


def _outlet(page: Page, cities: list[Mention]) -> Division | None:
    if page.source:
        from ingest.recognize.cities import rules  # cities imports this module

        for match in rules().matcher.find(page.source):
            # An outlet is named after a province or a prefecture: take the highest level.
            named = [c.division for c in match.payloads if c.division.code]
            if named:
                return min(named, key=lambda d: len(d.code.rstrip("0")))
    for mention in cities:
        if page.text.startswith(_OUTLETS, mention.end) and mention.attrs.get("code"):
            return _division(mention.name)
    return None


def paper_city(page: Page, cities: list[Mention]) -> Division | None:
    """The city whose own outlet published the article (哈尔滨日报 → 哈尔滨市): 市 in its text is that city."""
    named = [m for m in cities if m.attrs.get("code") and m.rule.startswith("gazetteer")]
    outlet = _outlet(page, named)
    return outlet if outlet is not None and outlet.level == "city" else None


def home_regions(page: Page, cities: list[Mention]) -> tuple[Division | None, Division | None]:
    """The article's (province, city); city is None when the article is about a whole province."""
    named = [m for m in cities if m.attrs.get("code") and m.rule.startswith("gazetteer")]
    outlet = _outlet(page, named)
    if outlet is not None:
        province, city = _split(outlet)
        if city is None and province is not None:
            city = _dominant_city(named, province)
        return province, city
    g = load()
    # Provinces named outright decide; places inside a province break ties (and decide when no
    # province is named).
    direct: Counter[str] = Counter()
    inside: Counter[str] = Counter()
    for mention in named:
        division = _division(mention.name)
        if division is not None:
            name = g.province(division).name
            (direct if division.level == "province" else inside)[name] += 1
    if not direct and not inside:
        return None, None
    ranked = sorted(set(direct) | set(inside), key=lambda n: (direct[n], inside[n]), reverse=True)
    province = _division(ranked[0])
    if province is None:
        return None, None
    if province.name.endswith("市"):
        return province, province
    return province, _dominant_city(named, province)


def _dominant_city(named: list[Mention], province: Division) -> Division | None:
    """The prefecture of `province` named most often, if any."""
    g = load()
    votes: Counter[str] = Counter()
    for mention in named:
        division = _division(mention.name)
        if division is None or g.province(division).code != province.code:
            continue
        city = _split(division)[1]
        if city is not None:
            votes[city.name] += 1
    return _division(votes.most_common(1)[0][0]) if votes else None
