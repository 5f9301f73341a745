"""Relation `paired`: two regions in a pairing or cooperation programme.

Read from one-character abbreviation compounds (京沈对口合作, 京冀两地互派干部, 京津冀协同发展,
我省干部赴沪苏浙挂职, 沪苏浙城市结对合作帮扶皖北城市), from compounds of the first characters of two
regions the article names (A县 and B市 → AB一体化, AB劳务协作), from two named regions around a pairing
word (阜阳和苏州结对, A市赴B市开展结对帮扶, A将深化与B的干部互派), from cadres sent to named regions
(A选派干部赴B、C等地跟班学习) and from X援疆/援藏. A city abbreviation (沈 → 沈阳市) counts only next
to a province abbreviation and when the article names that city. Each unordered pair is given once
per kind of programme (bilateral, multilateral), with the sentence as evidence.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import combinations

from ingest.document import Mention, Page, Sentence
from ingest.gazetteer import load
from ingest.matcher import Match, Matcher
from ingest.models import Paired
from ingest.rules_data import load_tsv
from ingest.spans import MentionIndex, SentenceIndex

_WINDOW = 12  # characters after a compound in which its programme word may stand
_CLAUSE_STOP = re.compile(r"[，,。；;！？!?\n]")
_DIRECTIONS = "东南西北中"
_CLOSE = re.compile(r"[\u4e00-\u9fff]{0,2}")  # at most two characters, no punctuation
_JOINERS = frozenset({"和", "、", "及", "以及", "与"})
_SUBJECT_LINKS = ("赴", "到", "去", "来", "帮扶", "支援", "援助", "对口")
_DASHES = "—–－-·・"
_INITIALS_GAP = 4  # characters allowed between an initials compound and its programme word
# Cadres sent from a region to others: 选派…干部赴B、C等地跟班学习, 选派干部到B挂职.
_DISPATCH = re.compile(r"(?:选派|派出|派遣|互派)[^，,。；;]{0,24}?(?:赴|到|前往)")
_SECONDMENT = re.compile(r"(?:等地|等)?(?:[^，,。；;]{0,6}?)(?:挂职|跟班学习|跟岗学习|跟班|挂职锻炼)")


@dataclass
class _Rules:
    abbreviations: dict[str, list[tuple[str, str]]]
    triggers: Matcher[str]
    compound: re.Pattern[str]


@cache
def rules() -> _Rules:
    """Abbreviation table and trigger automaton, built once per process."""
    table: dict[str, list[tuple[str, str]]] = {}
    for abbr, name, kind in load_tsv("region_abbreviations.tsv"):
        table.setdefault(abbr, []).append((name, kind))
    triggers = Matcher((row[0], row[1]) for row in load_tsv("pairing_triggers.tsv"))
    chars = "".join(sorted(table))
    return _Rules(table, triggers, re.compile(f"[{chars}]{{2,4}}"))


def _resolve(abbr: str, named: set[str], strong_in_compound: int) -> str | None:
    """The region an abbreviation stands for in this article, or None when unsure."""
    options = rules().abbreviations[abbr]
    for name, kind in options:
        if kind == "province":
            return name
    for name, kind in options:
        if kind == "city" and name in named and strong_in_compound >= 1:
            return name
    for name, kind in options:
        if kind == "weak" and (name in named or strong_in_compound >= 2):
            return name
    return None


@dataclass
class _Collector:
    page: Page
    seen: set[tuple[frozenset[str], str]]
    out: list[Paired]
    sentences: SentenceIndex

    def sentence_of(self, pos: int) -> Sentence:
        """The sentence holding `pos`, or the whole page when it falls between sentences."""
        found = self.sentences.sentence_at(pos)
        return found if found is not None else Sentence(0, len(self.page.text), self.page.text)

    def add(self, a: str, b: str, kind: str, program: str, pos: int, rule: str) -> None:
        if a == b or _nested(a, b):
            return
        key = (frozenset((a, b)), "multi" if kind == "multilateral" else "bi")
        if key in self.seen:
            return
        self.seen.add(key)
        sentence = self.sentence_of(pos)
        offsets = self.page.original_span(sentence.start, sentence.end)
        evidence = self.page.original_text(sentence.start, sentence.end).strip()
        self.out.append(Paired(a=a, b=b, program=program, evidence=evidence, offsets=offsets, rule=rule))


def _nested(a: str, b: str) -> bool:
    """Whether one region encloses the other (沈阳市 in 辽宁省): that is no pairing."""
    g = load()
    return g.encloses(a, b) or g.encloses(b, a)


def _trigger_after(page: Page, end: int) -> tuple[str, str] | None:
    """The first programme word within the window after `end`, in the same clause (the longest one
    at the leftmost start)."""
    window = _CLAUSE_STOP.split(page.text[end : end + _WINDOW], maxsplit=1)[0]
    hits, starts = _page_triggers(page.text)
    stop = end + len(window)
    first = None
    for i in range(bisect_left(starts, end), len(hits)):
        hit = hits[i]
        if hit.start >= stop or (first is not None and hit.start > first.start):
            break
        if hit.end <= stop and (first is None or hit.end > first.end):
            first = hit
    if first is None:
        return None
    return window[: first.end - end], first.payloads[0]


@lru_cache(maxsize=2)
def _page_triggers(text: str) -> tuple[list[Match[str]], list[int]]:
    """Every programme word of the page (overlapping ones too), by start: one scan per page."""
    hits = rules().triggers.find_all(text)
    return hits, [hit.start for hit in hits]


def _subject_before(start: int, sentence: Sentence, cities: MentionIndex) -> Mention | None:
    """A region named earlier in the sentence and linked to the compound by 赴/到/帮扶 …."""
    before = cities.within(sentence.start, start)
    if not before:
        return None
    subject = before[-1]
    between = sentence.text[subject.end - sentence.start : start - sentence.start]
    # The link stands right before the compound (我省干部赴沪苏浙): the compound is where they go.
    return subject if between.endswith(_SUBJECT_LINKS) and len(between) <= 12 else None


def _compounds(page: Page, cities: MentionIndex, named: set[str], col: _Collector) -> None:
    r = rules()
    for hit in r.compound.finditer(page.text):
        start, end = hit.span()
        if cities.overlapping(start, end):
            continue  # inside a place name (北京, 南京)
        chars = hit.group(0)
        strong = sum(any(k == "province" for _, k in r.abbreviations[c]) for c in chars)
        members = [_resolve(c, named, strong) for c in chars]
        if None in members or strong < 1 or len(set(members)) < len(members):
            continue
        regions = [m for m in members if m is not None]
        program = _trigger_after(page, end)
        sentence = col.sentence_of(start)
        subject = _subject_before(start, sentence, cities)
        if subject is not None:
            text = page.text[subject.start : end + (len(program[0]) if program else 0)]
            for region in regions:
                col.add(subject.name, region, "bilateral", text, start, "paired:subject-to-compound")
            continue
        if program is None:
            continue
        words, kind = program
        label = chars + words[-4:] if kind != "context" else chars + words
        counterpart = _counterpart(page, end + len(words), cities)
        if counterpart is not None and any(_nested(counterpart, region) for region in regions):
            counterpart = None  # 粤桂东西部协作深圳·河池联席会议: a member's own city names the meeting
        if counterpart is not None and kind == "bilateral":
            for region in regions:
                col.add(
                    region,
                    counterpart,
                    kind,
                    page.text[start : end + len(words)],
                    start,
                    "paired:compound-to-region",
                )
            continue
        if kind == "multilateral" or (len(regions) == 2 and kind in {"bilateral", "context", "compound"}):
            for a, b in combinations(regions, 2):
                col.add(a, b, kind, label, start, f"paired:compound-{kind}")


def _counterpart(page: Page, pos: int, cities: MentionIndex) -> str | None:
    """A region right after a programme word (帮扶皖北城市 → 安徽省, 对口支援X)."""
    tail = re.split(r"[，,。；;：:！？!?\n]", page.text[pos : pos + 8], maxsplit=1)[0]
    for mention in cities.starting_in(pos, pos + min(6, len(tail))):
        return mention.name
    hit = re.match(
        r"[\u4e00-\u9fff]{0,3}?([" + "".join(rules().abbreviations) + "])[" + _DIRECTIONS + "]", tail
    )
    if hit:
        options = [n for n, k in rules().abbreviations[hit.group(1)] if k == "province"]
        return options[0] if options else None
    return None


def _units(cities: MentionIndex) -> MentionIndex:
    """Adjacent mentions as one place, named by the innermost (上海市闵行区 → 闵行区)."""
    units: list[Mention] = []
    for mention in cities:
        if mention.attrs.get("level") == "town":
            continue
        if units and units[-1].end == mention.start:
            units[-1] = Mention(
                "city", mention.text, units[-1].start, mention.end, mention.name, mention.rule
            )
        else:
            units.append(mention)
    return MentionIndex(units, longest_first=False)


def _named_pairs(page: Page, units: MentionIndex, col: _Collector) -> None:
    """Two named regions around a programme word: A和B结对, A赴B开展结对帮扶, A对口帮扶B, X援疆."""
    r = rules()
    for match in r.triggers.find(page.text):
        kind = match.payloads[0]
        sentence = col.sentence_of(match.start)
        before = units.within(sentence.start, match.start)
        after = units.starting_in(match.end, sentence.end)
        group = next((int(k[6:]) for k in match.payloads if k.startswith("group:")), 0)
        if group and before and before[-1].end == match.start and _cooperating(page, match.end):
            # 青浦、吴江、嘉善三地互派干部; A、B两地: the regions listed right before the count.
            listed = _joined_back(page, before)
            if len(listed) == group:
                label = page.text[listed[0].start : match.end]
                for a, b in combinations(listed, 2):
                    col.add(a.name, b.name, "bilateral", label, match.start, "paired:listed-regions")
                continue
        if kind.startswith("aid:"):
            if before and before[-1].end == match.start:
                a = before[-1]
                col.add(a.name, kind[4:], "bilateral", a.text + match.surface, match.start, "paired:aid")
            continue
        if (
            kind == "compound"
            and len(before) >= 2
            and len(gap := page.text[before[-1].end : match.start]) == 2
            and r.compound.fullmatch(gap)
        ):
            kind = "bilateral"  # 福州市与固原市闽宁协作联席会议: the named regions of the programme
        if kind not in {"bilateral", "directed"}:
            continue
        if (
            before
            and after
            and _CLOSE.fullmatch(page.text[before[-1].end : match.start])
            and _CLOSE.fullmatch(page.text[match.end : after[0].start])
        ):
            # 闵行区、嘉定区结对帮扶亚东县: every subject joined before, every object joined after.
            for a in _joined_back(page, before):
                for b in _joined(page, units, after[0], sentence.end):
                    col.add(
                        a.name,
                        b.name,
                        "bilateral",
                        page.text[a.start : b.end],
                        match.start,
                        "paired:region-to-region",
                    )
            continue
        if kind != "bilateral" or len(before) < 2:
            continue
        a, b = before[-2], before[-1]
        between = page.text[a.end : b.start]
        gap = page.text[b.end : match.start]
        if kind != "bilateral":
            continue
        linked = (
            between in {"和", "与", "同", "及"}
            or any(x in between for x in ("赴", "到", "前往"))
            or (between.endswith(("与", "和", "同")) and len(between) <= 8)  # 将继续深化与
        )
        if linked and len(gap) <= 12 and len(between) <= 12:
            col.add(a.name, b.name, kind, page.text[a.start : match.end], match.start, "paired:named-regions")
            # 长春市与宁波市、吉林市与杭州市、延边州与温州市等结对城市: earlier pairs of the same list.
            i = len(before) - 2
            while i >= 2 and page.text[before[i - 1].end : before[i].start] == "、":
                x, y = before[i - 2], before[i - 1]
                if page.text[x.end : y.start] not in {"和", "与", "同"}:
                    break
                col.add(
                    x.name, y.name, kind, page.text[x.start : match.end], match.start, "paired:named-regions"
                )
                i -= 2


def _joined(page: Page, units: MentionIndex, first: Mention, end: int) -> list[Mention]:
    """A region and those joined to it (对口支援B和C, B、C及D): every object of the programme word."""
    found = [first]
    for unit in units.iter_from(first.end):
        if unit.start >= end:
            break
        if unit.start <= found[-1].start:
            continue
        if page.text[found[-1].end : unit.start] not in _JOINERS:
            break
        found.append(unit)
    return found


def _cooperating(page: Page, pos: int) -> bool:
    """Whether a programme word follows a count of regions in its clause (三地互派干部, 两市合作):
    a count alone (三省一市复制推广, 两地的风景) only says where, not that they pair."""
    found = _trigger_after(page, pos)
    return found is not None and not found[1].startswith("group:")


def _joined_back(page: Page, before: list[Mention]) -> list[Mention]:
    """The last region of `before` and those joined to it from the left (A、B和C), in text order."""
    found = [before[-1]]
    for unit in reversed(before[:-1]):
        if page.text[unit.end : found[0].start] not in _JOINERS:
            break
        found.insert(0, unit)
    return found


def _initials(page: Page, cities: MentionIndex, units: MentionIndex, col: _Collector) -> None:
    """AB一体化, AB劳务协作: a compound of the first characters of two regions the article names."""
    by_initial: dict[str, set[str]] = {}
    for unit in units:
        if len(unit.text) >= 2:
            by_initial.setdefault(unit.text[0], set()).add(unit.name)
    if len(by_initial) < 2:
        return
    chars = "".join(sorted(by_initial))
    for hit in re.finditer(f"(?=([{chars}][{chars}]))", page.text):
        start, end = hit.start(), hit.start() + 2
        if cities.overlapping(start, end):
            continue
        a, b = (by_initial[c] for c in hit.group(1))
        if len(a) != 1 or len(b) != 1 or a == b:
            continue
        program = _trigger_after(page, end)
        if program is None or program[1] not in {"bilateral", "multilateral", "compound"}:
            continue
        if len(program[0]) - _trigger_length(program[0]) > _INITIALS_GAP:
            continue
        col.add(
            next(iter(a)), next(iter(b)), "bilateral", hit.group(1) + program[0], start, "paired:initials"
        )


@cache
def _provinces() -> dict[str, str]:
    """Province-level abbreviations and the province each stands for (鲁 → 山东省)."""
    return {a: n for a, options in rules().abbreviations.items() for n, k in options if k == "province"}


def _abbreviation_initial(page: Page, cities: MentionIndex, col: _Collector) -> None:
    """鲁喀协作, 京张合作: a province abbreviation beside the first character of one named region.

    The other character must not be an abbreviation itself (苏宁, 京沪 are read as compounds) and must
    start exactly one region the article names; the province's city (苏 → 苏州市) is taken instead
    when the article names it.
    """
    r = rules()
    provinces = _provinces()
    by_initial: dict[str, set[str]] = {}
    for mention in cities:  # each place on its own: 喀什地区 in 新疆喀什地区疏勒县 too
        if (
            len(mention.text) >= 2
            and mention.text[0] not in r.abbreviations
            and mention.attrs.get("level") != "town"
        ):
            by_initial.setdefault(mention.text[0], set()).add(mention.name)
    initials = "".join(c for c, names in by_initial.items() if len(names) == 1)
    if not initials:
        return
    text = page.text
    hits = set()
    for initial in initials:  # a few characters: str.find beats a per-page regex
        pos = text.find(initial)
        while pos >= 0:
            if pos > 0 and text[pos - 1] in provinces:
                hits.add(pos - 1)
            if text[pos + 1 : pos + 2] in provinces:
                hits.add(pos)
            pos = text.find(initial, pos + 1)
    named = {m.name for m in cities}
    for start in sorted(hits):
        end = start + 2
        if cities.overlapping(start, end):
            continue
        pair = text[start:end]
        abbr, initial = (pair[0], pair[1]) if pair[0] in provinces else (pair[1], pair[0])
        words = _programme_close_after(page, end)
        if words is None:
            continue
        (other,) = by_initial[initial]
        region = provinces[abbr]
        for name, kind in r.abbreviations[abbr]:
            if kind == "city" and name in named and not other.endswith(("省", "自治区")):
                region = name
        col.add(region, other, "bilateral", pair + words, start, "paired:abbreviation-initial")


def _programme_close_after(page: Page, end: int) -> str | None:
    """The words up to a pairing programme word right after `end` (at most `_INITIALS_GAP` characters
    before it), or None: what 鲁喀 or 松江—延边 needs to be a pairing."""
    program = _trigger_after(page, end)
    if program is None or program[1] not in {"bilateral", "multilateral", "compound", "context"}:
        return None
    if len(program[0]) - _trigger_length(program[0]) > _INITIALS_GAP:
        return None
    return program[0]


def _dashed(page: Page, units: MentionIndex, col: _Collector) -> None:
    """上海松江—延边产业合作园, 张家港市—沿河县东西部协作: two regions joined by a dash, then a programme word."""
    ordered = list(units)
    for a, b in zip(ordered, ordered[1:], strict=False):
        if b.start != a.end + 1 or page.text[a.end] not in _DASHES:
            continue
        words = _programme_close_after(page, b.end)
        if words is not None:
            col.add(a.name, b.name, "bilateral", page.text[a.start : b.end] + words, a.start, "paired:dashed")


def _trigger_length(words: str) -> int:
    found = rules().triggers.find(words)
    return max((m.end - m.start for m in found if m.end == len(words)), default=0)


def _dispatched(page: Page, units: MentionIndex, col: _Collector) -> None:
    """A region sending cadres to named regions: 滁州市选派干部赴南京、杭州等地跟班学习."""
    for hit in _DISPATCH.finditer(page.text):
        sentence = col.sentence_of(hit.start())
        before = units.within(sentence.start, hit.start())
        if not before:
            continue
        subject = before[-1]
        targets: list[Mention] = []
        pos = hit.end()
        for unit in units.iter_from(pos):
            if unit.start < pos:
                continue  # behind the last target (a shorter place inside it)
            if unit.start != pos:
                break
            targets.append(unit)
            pos = unit.end + (1 if page.text[unit.end : unit.end + 1] in "、和及与" else 0)
        if targets and _SECONDMENT.match(page.text, targets[-1].end):
            label = page.text[hit.start() : targets[-1].end]
            for target in targets:
                col.add(subject.name, target.name, "bilateral", label, hit.start(), "paired:dispatched")


def relate_paired(page: Page, mentions: list[Mention]) -> list[Paired]:
    """`paired` facts of the page, each with its evidence sentence and rule."""
    bodies = MentionIndex((m for m in mentions if m.type == "organisation"), longest_first=False)
    # A region that only names a hospital, school or company (A市人民医院与B地区第二人民医院签约)
    # pairs nothing: the bodies sign, not the regions. Governments and party bodies speak for them.
    cities = MentionIndex(
        (m for m in mentions if m.type == "city" and not _inside_body(m, bodies)), longest_first=False
    )
    named = _with_ancestors({m.name for m in cities})
    col = _Collector(page, set(), [], SentenceIndex(page.sentences))
    _compounds(page, cities, named, col)
    units = _units(cities)
    _named_pairs(page, units, col)
    _initials(page, cities, units, col)
    _abbreviation_initial(page, cities, col)
    _dashed(page, units, col)
    _dispatched(page, units, col)
    return col.out


_GOVERNMENT = re.compile(r"(?:人民政府|政府|[省市县区州盟旗]?委|管委会|党工委)$")


def _inside_body(city: Mention, bodies: MentionIndex) -> bool:
    """Whether the place opens the name of a body other than its government (人民医院, 某公司)."""
    for body in bodies.overlapping(city.start, city.end):
        if body.start <= city.start and body.end > city.end and not _GOVERNMENT.search(body.text):
            return True
    return False


def _with_ancestors(named: set[str]) -> set[str]:
    """Named regions and the provinces/cities enclosing them (a 旗 named: its autonomous region too)."""
    g = load()
    out = set(named)
    for name in named:
        divisions = g.by_name.get(name, [])
        if len(divisions) == 1:  # an ambiguous name (朝阳区) says nothing of its province
            out.update(anc.name for anc in g.ancestors(divisions[0]))
    return out
