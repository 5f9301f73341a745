"""Recognise organisations: government, party and public bodies, zones, companies and institutions.

Every name ends in a head from the rule files (a body word such as 发改委 or 管委会, or a suffix
such as 有限公司, 大学, 高新区). Its start is found by scanning back over name characters and stopping
at punctuation and at the function words and verbs of `org_stopwords.tsv`; a region named inside it
starts the name unless what precedes is itself an organisation (中国银行北京分行). Government bodies
are named after their region in full (沈阳交通局 → 沈阳市交通局); 省科技厅 and 市交通局 resolve to the
article's province and to the city the sentence is about. Coordinations share their region or head
(承德、廊坊、张家口市政府; 昆山高新区、经开区和综合保税区), and bare names listed before 等…企业 are
taken as organisations too (see `org_lists.py`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from itertools import islice

from ingest.document import Mention, Page
from ingest.gazetteer import load
from ingest.matcher import Matcher
from ingest.recognize.home import home_regions, paper_city
from ingest.recognize.org_lists import coordinated, listed
from ingest.rules_data import load_tsv
from ingest.spans import MentionIndex, Spans

_NAME_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·]")
_RELATIVE = "省市县区旗"
_MAX_LEN = 24
_ZONE = re.compile(r"[\u4e00-\u9fff]{0,8}?(?:新区|开发区|高新区|经开区|合作区|试验区|示范区|保税区|园区)")
_AID_HEADS = ("指挥部", "工作队", "工作组", "领导小组办公室", "领导小组")
_NOT_RELATIVE = frozenset(
    {
        "旗下",
        "旗舰",
        "旗帜",
        "旗袍",
        "市场",
        "市民",
        "市级",
        "市域",
        "市内",
        "市区",
        "市里",
        "市值",
        "省级",
        "省内",
        "省域",
        "省里",
        "县级",
        "县域",
        "县城",
        "县内",
        "县里",
        "县区",
    }
)
_AID_KEEP = frozenset({"对口", "派驻"})  # A市对口支援B县指挥部, A市派驻B县工作组
_SUBORDINATE = (
    "区",
)  # a city district is named after its city when the text does so (a county stands alone)
_TITLE_MARKS = {"副", "正", "常"}  # 副厅, 正局, 常委: ranks and posts, not bodies
# 海门一家家纺企业江苏某公司: the classifier phrase is an apposition, the name starts after it.
_APPOSITION = re.compile(
    r"(?:[一两几多数十百]|[0-9]+)(?:家|个|所)[\u4e00-\u9fff]{0,6}?(?:企业|企|公司|单位|机构|医院|学校|高校)"
)
_CATEGORY = ("企业", "茶企", "药企", "车企", "房企", "外企", "国企", "民企", "公司", "机构", "高校")
_BUILD_AFTER = re.compile(r"(?:建设|新建|兴建|扩建|建成|打造)")
# 投资1.5亿元建设X中心: an amount and a building verb introduce a facility being built.
# So does a zone before the verb (在高新区建设X中心): the zone is where it is built.
_BUILT = re.compile(
    r"(?:[0-9.]*[万亿]*元|投资|在|开发区|高新区|经开区|园区|产业园|工业园|新区)(?:建设|新建|兴建|扩建|建成|打造)"
)
# After a facility's name: it is being built or opened, within the clause (时间、地点 may come first).
_OPENED = re.compile(
    r"[^，,。；;！？\n]{0,14}?(?:建成运营|建成投用|建成启用|建成|落成|揭牌运营|投入使用|投入运营|正式运营|开业|启用)"
)
# 上海某某发展（集团）有限公司: a bracketed type word before a company head belongs to the name.
_BRACKETED = re.compile(r"[（(][\u4e00-\u9fff]{1,4}[）)]")
# A count before a name is not part of it (20名清华大学研究生, 3家公司).
_LEADING_COUNT = re.compile(
    r"(?:[0-9]+[名个家位批项所]?|[一二三四五六七八九十百千万两几多数]+[名个家位批项所])"
)


@dataclass(frozen=True)
class Head:
    """The word that ends an organisation name, and what it requires before it."""

    word: str
    rule: str  # body | region | park | free | national
    kind: str


@dataclass
class _Rules:
    heads: Matcher[Head]
    stops: frozenset[str]
    generic: tuple[str, ...]
    company: tuple[str, ...]  # generic words and a company's type words (集团, 开发, 国有资本)
    create: tuple[str, ...]
    build: tuple[str, ...]
    keep: frozenset[str]
    titles: tuple[str, ...]
    infix: frozenset[str]
    links: tuple[str, ...]
    function: frozenset[str]
    macro: Matcher[str]
    not_office: frozenset[str]  # verbs ending in 办 (举办): no office
    centre_words: frozenset[str]  # words that 中心 begins (中心城区): no centre


@cache
def rules() -> _Rules:
    """Head automaton and word lists, built once per process."""
    heads: list[tuple[str, Head]] = []
    for row in load_tsv("org_bodies.tsv"):
        for word in row[:1] + row[2:3]:
            heads.append((word, Head(word, "body", row[1])))
    heads += [(row[0], Head(row[0], row[1], row[2])) for row in load_tsv("org_suffixes.tsv")]
    heads += [(row[0], Head(row[0], "national", row[1])) for row in load_tsv("org_national.tsv")]
    words = load_tsv("org_generic_words.tsv")
    generic = sorted((row[0] for row in words if row[1:2] != ("type",)), key=len, reverse=True)
    company = sorted((row[0] for row in words), key=len, reverse=True)
    rows = load_tsv("org_stopwords.tsv")
    by_kind: dict[str, list[str]] = {}
    for row in rows:
        by_kind.setdefault(row[1], []).append(row[0])
    stops = frozenset(row[0] for row in rows if row[1] in {"function", "verb", "create", "build", "infix"})
    return _Rules(
        Matcher(heads),
        stops,
        tuple(generic),
        tuple(company),
        tuple(by_kind.get("create", ())),
        tuple(by_kind.get("build", ())),
        frozenset(by_kind.get("keep", ())),
        tuple(sorted(by_kind.get("title", ()), key=len, reverse=True)),
        frozenset(by_kind.get("infix", ())),
        tuple(by_kind.get("link", ())),
        frozenset(by_kind.get("function", ())),
        Matcher((row[0], row[0]) for row in load_tsv("org_macro_regions.tsv")),
        frozenset(by_kind.get("not_office", ())),
        frozenset(by_kind.get("centre_word", ())),
    )


def _start(
    text: str, end: int, stops: frozenset[str], places: dict[int, int], keep: frozenset[str] = frozenset()
) -> int:
    """Scan back from `end` over name characters, stopping at punctuation and stop words.

    A place name is passed over whole (`places` maps the end of each city mention to its start), so
    that 都 in 成都 or 和 in 和平区 is not taken for a function word; so are the ordinary words of
    `keep` that hold a function character (据 in 数据), and an `infix` verb followed only by a
    company's type words (交通投资建设开发集团有限公司).
    """
    r = rules()
    pos = end
    while pos > 0 and end - pos < _MAX_LEN and _NAME_CHAR.match(text[pos - 1]):
        if pos in places and places[pos] < pos:
            pos = places[pos]
            continue
        if text[pos - 2 : pos] in keep:
            pos -= 2
            continue
        hit = next(
            (text[pos - k : pos] for k in (3, 2, 1) if pos - k >= 0 and text[pos - k : pos] in stops), None
        )
        if hit is not None:
            # 投资促进中心 / 投资促进局: a body named after the verb's noun phrase (a `keep` word)
            if hit in r.infix and (
                not _residue(text[pos:end], r.company) or text[pos - len(hit) : pos + 2] in keep
            ):
                pos -= len(hit)
                continue
            break
        pos -= 1
    return pos


def _residue(rest: str, generic: tuple[str, ...]) -> str:
    """What is left of a name's own words once generic ones (科技, 平台, 上市 …) are taken out."""
    for word in generic:
        rest = rest.replace(word, "")
    return rest


@dataclass
class _Found:
    start: int
    end: int
    name: str
    kind: str
    rule: str
    region: Mention | None
    head: Head


def _regional_name(text: str, start: int, end: int, region: Mention, head: Head) -> str:
    """Canonical name: for government and party bodies the region in full (沈阳交通局 → 沈阳市交通局)."""
    rest = text[region.end : end]
    if head.rule not in {"body", "region"} or head.kind not in {"government", "party", "legislature"}:
        return text[start:end]
    if _ZONE.match(text, region.end, end) or region.name.endswith("特别行政区"):
        return text[start:end]  # 喀什经济开发区管委会: a zone is named as written, not after the division
    missing = region.name[len(region.text) :] if region.name.startswith(region.text) else ""
    if missing and rest.startswith(missing):
        rest = rest[len(missing) :]
    elif region.text != region.name and rest[:1] == region.name[-1]:
        rest = rest[1:]  # 延边州商务局: the 州 of 延边朝鲜族自治州 is written after the short form
    return region.name + rest


def _relative_region(
    char: str, at: int, cities: MentionIndex, province: Mention | None, city: Mention | None
) -> Mention | None:
    """省 → the article's province; 市/县/区 → the nearest division of that kind named before, else home."""
    if char == "省":
        return province
    if char == "市" and city is not None and city.rule == "paper":
        return city  # a city paper's 市发改委 is its own city's, whatever city was named last
    g = load()
    for mention in islice(cities.iter_back(at), 6):
        names = [mention.name]
        divisions = [d for d in g.by_name.get(mention.name, []) if d.code]
        if divisions:
            names += [a.name for a in g.ancestors(divisions[0])]
        elif mention.attrs.get("parent"):
            names.append(str(mention.attrs["parent"]))
        for name in names:
            if name.endswith(char) and not name.endswith(("自治区", "特别行政区")):
                return Mention("city", name, mention.start, mention.end, name, "relative")
    return city if char == "市" else None


def _home_mentions(page: Page, cities: list[Mention]) -> tuple[Mention | None, Mention | None]:
    province, city = home_regions(page, cities)
    wrap = lambda d: Mention("city", d.name, 0, 0, d.name, "home") if d else None  # noqa: E731
    paper = paper_city(page, cities)
    if paper is not None:
        return wrap(province), Mention("city", paper.name, 0, 0, paper.name, "paper")
    return wrap(province), wrap(city)


def _candidates(page: Page, cities: list[Mention]) -> list[_Found]:
    r = rules()
    text = page.text
    ends = {m.end: m for m in cities}
    places = {m.end: m.start for m in cities}
    starts = sorted(cities, key=lambda m: m.start)
    start_keys = [m.start for m in starts]
    indexed = MentionIndex(cities)
    province, city = _home_mentions(page, cities)
    # The longest head ending at each position.
    heads: dict[int, tuple[int, Head]] = {}
    for match in r.heads.iter_all(text):
        if match.end not in heads or heads[match.end][0] > match.start:
            heads[match.end] = (match.start, match.payloads[0])
    found: list[_Found] = []
    for end, (hstart, head) in sorted(heads.items()):
        if head.rule == "national":
            found.append(_Found(hstart, end, head.word, head.kind, "org:national", None, head))
            continue
        if head.kind == "party" and text.startswith(r.titles, end):
            continue  # 县委常委, 区委副书记: a post, not the committee acting
        # 省委/市委 carry their own 省/市; other heads may follow one (省科技厅, 市交警大队).
        anchor = hstart if len(head.word) == 2 and head.word[0] in _RELATIVE else hstart - 1
        relative = anchor >= 0 and text[anchor] in _RELATIVE and head.rule in {"body", "region"}
        # Not when the 省/市/区 closes a division or a zone (沈阳市交通局, 经开区管委会).
        if relative and anchor + 1 not in ends and anchor + 1 not in heads:
            region = _relative_region(text[anchor], anchor, indexed, province, city)
            if region is not None:
                rest = text[anchor + 1 : end]
                found.append(_Found(anchor, end, region.name + rest, head.kind, "org:relative", region, head))
            continue
        if len(head.word) == 1 and (
            text[hstart - 1 : hstart] in _TITLE_MARKS or hstart in heads or text[end : end + 1] == "长"
        ):
            continue  # 副厅长, 交通局局长, 正局级: a rank or a title, not a body
        if head.rule == "school" and text[end : end + 1] == "生":
            continue  # 大学生, 中学生
        if head.word == "办" and text[hstart - 1 : end] in r.not_office:
            continue  # 共同举办, 主办: a verb, not an office
        if head.word == "中心" and text[end : end + 2] in r.centre_words:
            continue  # 中心城区, 中心任务: the head is part of a longer word
        if len(head.word) > 1 and text[end : end + 1] == "长" and head.rule != "free":
            continue  # 中学校长, 工作组长: a title
        # An aid body names its programme (A市对口支援B县前方指挥部): 对口 does not cut it.
        keep = r.keep | _AID_KEEP if head.word.endswith(_AID_HEADS) else r.keep
        scan_end = hstart
        bracket = _BRACKETED.search(text, max(0, hstart - 6), hstart) if head.kind == "enterprise" else None
        if (
            bracket is not None
            and bracket.end() == hstart
            and not _residue(text[bracket.start() + 1 : hstart - 1], r.company + ("中国",))
        ):
            scan_end = bracket.start()
        start = _start(text, scan_end, r.stops, places, keep)
        lead = _LEADING_COUNT.match(text, start, hstart)
        start = lead.end() if lead else start
        if head.kind == "government" and head.rule in {"body", "region"}:
            start = _across_conjunction(text, start, hstart, ends, r)
        start = _restart(
            text,
            start,
            hstart,
            starts[bisect_right(start_keys, start) : bisect_right(start_keys, hstart - 1)],
            r,
        )
        inside = starts[bisect_right(start_keys, start - 1) : bisect_right(start_keys, hstart - 1)]
        region = next((m for m in inside if m.end <= end), None)
        if region is not None and region.start > start:
            prefix = text[start : region.start]
            if not any(h in prefix for h in ("中国", "国家", "中华", "全国", "中央")) and not r.heads.find(
                prefix
            ):
                start = region.start
            else:
                region = None
        if region is not None and region.start != start:
            region = None
        if region is not None:
            # 阜阳市界首市高新区管委会: the name starts at the innermost division written in full, but
            # a district or county keeps the city the text puts before it (深圳市南山区发展和改革局).
            i = inside.index(region)
            while (
                i + 1 < len(inside)
                and inside[i + 1].start == inside[i].end
                and inside[i + 1].end <= hstart + 1
                and inside[i + 1].text == inside[i + 1].name
                and not (inside[i].name.endswith("市") and inside[i + 1].name.endswith(_SUBORDINATE))
            ):
                i += 1
            region = inside[i]
            start = region.start
        if (
            region is not None
            and region.rule == "org:macro-region"
            and head.rule in {"park", "zone", "school"}
        ):
            continue  # 京津冀三地开发区: an area of several divisions names bodies, not a zone
        rest = text[region.end if region else start : hstart]
        if region is not None and head.kind in {"park", "institution"} and _BUILD_AFTER.match(rest):
            continue  # 在某县建设X产业园: the region is where something is built, not part of a name
        if region is None and head.rule in {"region", "body"} and _relative_start(text, start, hstart):
            # 市委组织部, 市对口合作工作领导小组办公室: a lone 省/市/县 opens a longer body name.
            region = _relative_region(text[start], start, indexed, province, city)
            if region is not None:
                name = region.name + text[start + 1 : end]
                found.append(_Found(start, end, name, head.kind, "org:relative", region, head))
            continue
        if head.rule in {"region", "body", "park", "zone"} and region is None:
            continue
        residue = _residue(rest, r.generic)
        if head.rule == "zone" and not residue:
            continue
        if head.rule == "free" and len(residue) < (1 if region is not None else 2):
            continue
        if head.rule == "school" and region is None and len(residue) < 2:
            continue
        if (region is None and r.heads.get(rest)) or (region is not None and end == region.end):
            continue
        name = _regional_name(text, start, end, region, head) if region else text[start:end]
        found.append(_Found(start, end, name, head.kind, "org:" + head.rule, region, head))
    return found


def _across_conjunction(text: str, start: int, hstart: int, ends: dict[int, Mention], r: _Rules) -> int:
    """A department named with 和 after its region (深圳市乡村振兴和协作交流局, 广安市经济合作和外事局).

    The back-scan stops at 和; the name goes on to a region a few words before it when those words
    hold no function word and no other body, and no region follows 和 (A市和B市商务局 lists two regions).
    """
    if (
        start < 3
        or text[start - 1] not in "和与"
        or start >= hstart
        or any(m.start == start for m in ends.values())
    ):
        return start
    conj = start - 1
    for end in range(conj - 2, max(0, conj - 10) - 1, -1):
        region = ends.get(end)
        if region is None:
            continue
        words = text[end:conj]
        if (
            re.fullmatch(r"[\u4e00-\u9fff]+", words)
            and not any(c in r.function for c in words)
            and not r.heads.find(words)
        ):
            return region.start
        return start
    return start


def _relative_start(text: str, start: int, hstart: int) -> bool:
    """Whether the scanned name opens with a lone 省/市/县 (not 市场, 县城, 省级 …) before other words."""
    if start + 1 >= hstart or text[start] not in "省市县旗" or text[start : start + 2] in _NOT_RELATIVE:
        return False
    return start == 0 or not _NAME_CHAR.match(text[start - 1]) or text[start - 1] in rules().stops


def _restart(text: str, start: int, hstart: int, cities: list[Mention], r: _Rules) -> int:
    """Where the name really starts when the scanned span holds more than one name.

    After an apposition (一家家纺企业 + name) or a building verb (亿元建设 + facility), and at a region
    that follows a complete body and more words (奉贤区中心医院派出医疗队常驻 + 澜沧县第一人民医院).
    """
    span = text[start:hstart]
    for pattern in (_APPOSITION, _BUILT):
        cuts = list(pattern.finditer(span))
        cut = cuts[-1] if cuts else None
        if (
            cut is not None
            and cut.group(0).startswith(tuple(r.infix))
            and not _residue(span[cut.end() :], r.company)
        ):
            cut = None  # 交通投资建设开发集团: the company's type words, not money spent on building
        if cut is not None and cut.end() < len(span):
            start += cut.end()
            span = text[start:hstart]
    for city in cities:
        if start < city.start < hstart:
            if text[start : city.start].endswith(_CATEGORY):
                return city.start  # 上海茶企上海某茶业有限公司: a category noun, then the name
            before = r.heads.find(text[start : city.start])
            linked = text[start : city.start].endswith(r.links)  # 医科大学附属北京X医院: one name
            if before and city.start - (start + before[-1].end) >= 2 and not linked:
                return city.start
    return start


def _keep_longest(found: list[_Found]) -> list[_Found]:
    """Of candidates that start together (中国工业互联网研究院 / …辽宁分院) keep the longest."""
    best: dict[int, _Found] = {}
    for item in found:
        if item.start not in best or item.end > best[item.start].end:
            best[item.start] = item
    return sorted(best.values(), key=lambda f: f.start)


def _outermost(mentions: list[Mention]) -> list[Mention]:
    """Drop organisations named inside a longer one (中科院 in 中科院沈阳自动化所)."""
    index = MentionIndex(mentions)
    return [
        m
        for m in mentions
        if not any(o is not m and o.end - o.start > m.end - m.start for o in index.containing(m.start, m.end))
    ]


def _prefer_full_region(mentions: list[Mention], cities: list[Mention]) -> None:
    """界首高新区 is 界首市高新区 when the article also writes the region in full."""
    names = {m.name for m in mentions}
    starts = {m.start: m for m in cities}
    for mention in mentions:
        region = starts.get(mention.start)
        if region is None or region.text == region.name or not mention.name.startswith(region.text):
            continue
        full = region.name + mention.name[len(region.text) :]
        if full in names:
            mention.name = full


def _being_set_up(text: str, item: _Found) -> bool:
    """成立“X中心” or X中心等…项目: a platform being set up or built is a project, not yet a body.

    A body founded in plain words (发起成立了X联盟) stays a body: only the quoted name marks a plan.
    """
    r = rules()
    # The opening quote may stand a few characters back (共建“余杭—天长…园区”: the dash cut the name).
    lo = max(0, item.start - 12)
    opening = max(text.rfind("“", lo, item.start + 1), text.rfind("「", lo, item.start + 1))
    closed = opening >= 0 and any(q in text[opening : item.start] for q in "”」")
    quoted = opening >= 0 and not closed and text[item.end : item.end + 1] in {"”", "」"}
    if quoted and text[max(0, opening - 4) : opening].rstrip("了").endswith(r.create):
        return True
    if _BUILT.search(text[max(0, item.start - 6) : item.start]) and item.head.rule != "body":
        return True  # 投资5000万元建设X中心: a facility being built
    if item.head.rule != "body" and _OPENED.match(text, item.end):
        return True  # X中心于去年在广州建成运营 / 在某镇建成: what is built or opened is an undertaking
    return re.match(r"等[^，。；]{0,8}?(项目|专案|工程)", text[item.end : item.end + 12]) is not None


def _macro_regions(text: str, cities: list[Mention]) -> list[Mention]:
    """Names of areas spanning several divisions (长三角, 京津冀, 粤港澳大湾区) that open body names
    as a region does (长三角区域合作办公室), outside any city mention."""
    taken = Spans([(m.start, m.end) for m in cities])
    found = []
    for match in rules().macro.find(text):
        if not taken.overlaps(match.start, match.end):
            surface = text[match.start : match.end]
            found.append(Mention("city", surface, match.start, match.end, surface, "org:macro-region"))
    return found


def _in_titles(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"《[^《》]{0,80}》", text)]


def recognize_organisations(page: Page, known: list[Mention]) -> list[Mention]:
    """Mentions of type 'organisation' in `page.text` (`known` holds the city mentions)."""
    cities = [m for m in known if m.type == "city"]
    found = _keep_longest(_candidates(page, cities + _macro_regions(page.text, cities)))
    titles = Spans(_in_titles(page.text))
    mentions = []
    for item in found:
        if titles.contains(item.start, item.end) or _being_set_up(page.text, item):
            continue
        attrs: dict[str, object] = {"kind": item.head.kind}
        if (
            item.region is not None
            and item.region.rule != "org:macro-region"
            and item.head.kind in {"government", "party", "legislature"}
        ):
            attrs["city"] = item.region.name
        text = page.text[item.start : item.end]
        mentions.append(Mention("organisation", text, item.start, item.end, item.name, item.rule, attrs))
    mentions += coordinated(page.text, mentions, cities)
    mentions += listed(page.text, mentions, cities, rules().stops)
    mentions = _outermost(mentions)
    _prefer_full_region(mentions, cities)
    return sorted(mentions, key=lambda m: (m.start, -m.end))
