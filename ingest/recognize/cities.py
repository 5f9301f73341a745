"""Recognise administrative divisions (cities at every level) in a cleaned page.

Full names (沈阳市, 河北省, 延庆县) come from the gazetteer; short forms (沈阳, 河北) are read with care:
ambiguous ones (朝阳, 和平, 东方) need an enclosing division right before them or a body word right
after them, and a short form followed by 路/街 … is a street, not a place. A name shared by several
divisions (朝阳区 of 北京 and of 长春) resolves to the one whose enclosing divisions the sentence or
the article mentions. Towns, townships and sub-districts (镇, 乡, 街道) are read after a named
county or district and then wherever they recur; 我省/本市 resolve to the article's own region.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache

from ingest.document import Mention, Page
from ingest.gazetteer import Division, Gazetteer, load
from ingest.matcher import Match, Matcher
from ingest.recognize.home import home_regions
from ingest.rules_data import load_tsv
from ingest.spans import Spans

_LEVEL_RANK = {"province": 3, "city": 2, "county": 1, "district": 1}
_TOWN_STOP = set("各全所该本辖下内外等个的和与在及为是有乡镇村市县区省每")
# 【某某报讯】: the outlet's dateline credits the paper, its place name is not a mention.
_DATELINE = re.compile(r"[【\[（(][^】\]）)\n]{1,12}讯[】\]）)]")


@dataclass(frozen=True)
class Candidate:
    """A division a surface form may stand for, and whether the surface is its full or short form."""

    division: Division
    form: str  # full | short


@dataclass
class _Rules:
    gazetteer: Gazetteer
    matcher: Matcher[Candidate]
    ambiguous_short: frozenset[str]
    ambiguous_full: frozenset[str]
    followers: tuple[str, ...]
    context_words: tuple[str, ...]
    town: re.Pattern[str]
    relative: dict[str, str]
    town_cue: re.Pattern[str]


@cache
def rules() -> _Rules:
    """Automaton and rule tables, built once per process."""
    gazetteer = load()
    pairs: list[tuple[str, Candidate]] = []
    for divisions in gazetteer.by_name.values():
        for division in divisions:
            pairs.append((division.name, Candidate(division, "full")))
            pairs.extend((short, Candidate(division, "short")) for short in division.short)
            pairs.extend((form, Candidate(division, "full")) for form in division.abbreviated)
    ambiguous = load_tsv("ambiguous_places.tsv")
    suffixes = sorted((row[0] for row in load_tsv("town_suffixes.tsv")), key=len, reverse=True)
    return _Rules(
        gazetteer=gazetteer,
        matcher=Matcher(pairs),
        ambiguous_short=frozenset(row[0] for row in ambiguous if row[1] == "short"),
        ambiguous_full=frozenset(row[0] for row in ambiguous if row[1] == "full"),
        followers=tuple(row[0] for row in load_tsv("place_followers.tsv")),
        context_words=tuple(row[0] for row in load_tsv("place_context.tsv")),
        town=re.compile(r"([\u4e00-\u9fff]{2,4}?)(" + "|".join(suffixes) + ")"),
        relative={row[0]: row[1] for row in load_tsv("relative_regions.tsv")},
        town_cue=re.compile(
            "|".join(sorted((row[0] for row in load_tsv("town_cues.tsv")), key=len, reverse=True))
        ),
    )


def _attrs(division: Division, gazetteer: Gazetteer) -> dict[str, object]:
    parent = gazetteer.parent(division)
    return {
        "level": division.level,
        "code": division.code[:6] if division.code else None,
        "parent": parent.name if parent else None,
    }


def city_mention(match: Match[Candidate], division: Division, rule: str) -> Mention:
    """A city mention of `division` at the span of `match`."""
    return Mention(
        type="city",
        text=match.surface,
        start=match.start,
        end=match.end,
        name=division.name,
        rule=rule,
        attrs=_attrs(division, rules().gazetteer),
    )


def _sentence_bounds(page: Page) -> list[int]:
    return [s.start for s in page.sentences] if page.sentences else [0]


def _is_ancestor(prev: Mention | None, match: Match[Candidate], division: Division) -> bool:
    """Whether `prev` ends right where `match` starts and names an enclosing division (北京大兴)."""
    if prev is None or prev.end != match.start:
        return False
    return any(a.name == prev.name for a in rules().gazetteer.ancestors(division))


def _plausible(
    match: Match[Candidate], candidate: Candidate, text: str, prev: Mention | None, article_codes: set[str]
) -> bool:
    """Whether the surface reads as this division here (context rules for short and ambiguous forms)."""
    r = rules()
    division = candidate.division
    after_ancestor = _is_ancestor(prev, match, division)
    if candidate.form == "full":
        if match.surface in r.ambiguous_full and not after_ancestor:
            return False
        # A one-character stem (任县, 沙县, 和县) is too easily part of other words (挂任县委常委): the
        # county needs its prefecture or province named in the article.
        if len(match.surface) == 2 and division.level in {"county", "district"} and not after_ancestor:
            return bool({a.code for a in r.gazetteer.ancestors(division)} & article_codes)
        return True
    after = text[match.end : match.end + 4]
    if after.startswith(r.followers) or (match.surface[-1] == "山" and after[:1] in "上下顶脚麓腰"):
        return False
    if match.surface in r.ambiguous_short and not (after_ancestor or after.startswith(r.context_words)):
        return False
    if division.level in {"county", "district"} and not after_ancestor:
        # Right after another division that does not enclose it, a county name is part of a company
        # name (沈阳顺义科技); otherwise its prefecture must be named somewhere in the article.
        if prev is not None and prev.end == match.start:
            return False
        enclosing = next((a for a in r.gazetteer.ancestors(division) if a.level == "city"), None)
        enclosing = enclosing or r.gazetteer.province(division)
        return enclosing.code in article_codes or division.code in article_codes
    return True


def _score(
    candidate: Candidate,
    prev: Mention | None,
    match: Match[Candidate],
    sentence_codes: set[str],
    article_codes: set[str],
    g: Gazetteer,
) -> float:
    division = candidate.division
    ancestors = {a.code for a in g.ancestors(division)}
    score = 0.0
    if prev is not None and prev.end == match.start:
        score += 8 * any(a.name == prev.name for a in g.ancestors(division))
    score += 4 * bool(ancestors & sentence_codes)
    score += 2 * bool(ancestors & article_codes)
    score += 3 * (division.code in article_codes)
    if candidate.form == "short":
        score += 0.5 * _LEVEL_RANK.get(division.level, 0)
    return score - 0.1 * division.historical


def _strong(match: Match[Candidate], r: _Rules) -> Division | None:
    """The division a match names beyond doubt: one candidate, a full name or a province/prefecture."""
    if len({c.division.code for c in match.payloads}) != 1 or match.surface in r.ambiguous_short:
        return None
    candidate = match.payloads[0]
    if not candidate.division.code or match.surface in r.ambiguous_full:
        return None
    if candidate.form == "short" and candidate.division.level not in {"province", "city"}:
        return None
    if len(match.surface) == 2 and candidate.division.level in {"county", "district"}:
        return None  # 任县 in 挂任县委: needs support from elsewhere (see _plausible)
    return candidate.division


def _prefer_enclosing(candidates: list[Candidate], article_codes: set[str], g: Gazetteer) -> list[Candidate]:
    """吉林 is 吉林省 rather than its 吉林市 unless the article names the city itself."""
    codes = {c.division.code for c in candidates}
    kept = [
        c
        for c in candidates
        if c.division.code in article_codes or not any(a.code in codes for a in g.ancestors(c.division))
    ]
    return kept or candidates


def _resolve(page: Page, matches: list[Match[Candidate]], r: _Rules) -> list[Mention]:
    g = r.gazetteer
    text = page.text
    bounds = _sentence_bounds(page)
    # Codes named beyond doubt, with their enclosing divisions, per sentence and per article.
    article_codes: set[str] = set()
    sentence_codes: dict[int, set[str]] = {}
    for match in matches:
        division = _strong(match, r)
        if division is not None:
            codes = {division.code} | {a.code for a in g.ancestors(division)}
            article_codes |= codes
            sentence_codes.setdefault(bisect_right(bounds, match.start), set()).update(codes)
    mentions: list[Mention] = []
    prev: Mention | None = None
    taken_to = blocked_to = -1
    datelines = [(m.start(), m.end()) for m in _DATELINE.finditer(text)]
    for match in matches:
        if match.start < taken_to or any(s <= match.start < e for s, e in datelines):
            continue
        if match.start < blocked_to and all(c.form == "short" for c in match.payloads):
            continue  # 长白 | 白山 in 长白山: only a full name may reuse a rejected form's characters
        plausible = [c for c in match.payloads if _plausible(match, c, text, prev, article_codes)]
        if not plausible:
            blocked_to = max(blocked_to, match.end)
            continue  # a rejected form leaves its characters to full names (和平 | 平江县)
        taken_to = match.end
        plausible = _prefer_enclosing(plausible, article_codes, g)
        in_sentence = sentence_codes.get(bisect_right(bounds, match.start), set())
        best = max(plausible, key=lambda c: _score(c, prev, match, in_sentence, article_codes, g))
        rule = "gazetteer:" + ("historical" if best.division.historical else best.form)
        prev = city_mention(match, best.division, rule)
        mentions.append(prev)
    return mentions


def _any_start(starts: list[int], lo: int, hi: int) -> bool:
    """Whether a mention starts in [lo, hi) (`starts` sorted)."""
    i = bisect_left(starts, lo)
    return i < len(starts) and starts[i] < hi


def _towns(text: str, mentions: list[Mention], r: _Rules) -> list[Mention]:
    """Towns named right after a county, district or city, then wherever the name recurs."""
    starts = sorted({m.start for m in mentions})
    found: dict[str, Mention] = {}
    for mention in mentions:
        if mention.attrs.get("level") not in {"city", "county", "district"}:
            continue
        hit = r.town.match(text, mention.end)
        if not hit or set(hit.group(1)) & _TOWN_STOP or _any_start(starts, mention.end + 1, hit.end()):
            continue
        _add_town(found, hit, mention.name, "town:after-county")
    if any(m.attrs.get("level") in {"county", "district"} for m in mentions):
        # 前往喀拉苏乡: a town after a verb of going, in an article about a county.
        for cue in r.town_cue.finditer(text):
            hit = r.town.match(text, cue.end())
            if hit and not set(hit.group(1)) & _TOWN_STOP and not _any_start(starts, cue.end(), hit.end()):
                _add_town(found, hit, None, "town:after-cue")
    towns: list[Mention] = []
    taken = Spans((m.start, m.end) for m in mentions)
    for name, first in found.items():
        for hit in re.finditer(re.escape(name), text):
            if taken.overlaps(hit.start(), hit.end()):
                continue
            rule = first.rule if hit.start() == first.start else "town:recurring"
            towns.append(Mention("city", name, hit.start(), hit.end(), name, rule, dict(first.attrs)))
    return towns


def _add_town(found: dict[str, Mention], hit: re.Match[str], parent: str | None, rule: str) -> None:
    name = hit.group(0)
    found.setdefault(
        name,
        Mention(
            "city",
            name,
            hit.start(),
            hit.end(),
            name,
            rule,
            {"level": "town", "code": None, "parent": parent},
        ),
    )


def _relative(page: Page, mentions: list[Mention], r: _Rules) -> list[Mention]:
    """我省/本市 … as mentions of the article's own province or city."""
    province, city = home_regions(page, mentions)
    found = []
    for surface, level in r.relative.items():
        division = province if level == "province" else (city or province)
        if division is None:
            continue
        for hit in re.finditer(surface, page.text):
            found.append(
                Mention(
                    "city",
                    surface,
                    hit.start(),
                    hit.end(),
                    division.name,
                    "relative:" + level,
                    _attrs(division, r.gazetteer),
                )
            )
    return found


def recognize_cities(page: Page) -> list[Mention]:
    """Mentions of type 'city' in `page.text`, in text order."""
    r = rules()
    mentions = _resolve(page, r.matcher.find_all(page.text), r)
    mentions += _towns(page.text, mentions, r)
    mentions += _relative(page, mentions, r)
    return sorted(mentions, key=lambda m: (m.start, -m.end))
