"""Relation `signed`: 甲与乙签署/签订/签约…协议.

The parties are read from the clause before the verb, split at its connector (与, 和 …), each resolved
to the organisation or city mention it ends with. 甲分别与乙、丙签订 gives one signing per pair (甲乙, 甲丙;
甲、乙分别与丙、丁 pairs them in order); 甲、乙、丙三方签订 lists the parties without a connector. When
the signing clause has no parties of its own, the clause before it may give them (甲与乙开启合作，达成…签约
合作20项; 甲与乙共建某中心，两院签署…), and a clause that only says 并与乙签约 takes the sentence's
subject as the first party. The agreement is the project mention right after the verb. Intentions
(达成共识, 合作意向, 拟签署) and tallies (累计签约) are not signings.
"""

from __future__ import annotations

import re
from functools import cache

from ingest.document import Mention, Page
from ingest.models import Signed
from ingest.relate.common import place_name, provenance, sentences_of
from ingest.rules_data import load_jsonl
from ingest.spans import MentionIndex

_CLAUSE_END = re.compile(r"[，,；;：:！？。\n]")
_FILLER = re.compile(
    r"(?:于?[0-9]{4}年)?(?:于?[0-9]{1,2}月(?:[0-9]{1,2}日)?(?:上旬|中旬|下旬|初|底)?)|"
    r"于?(?:本月|上月|今年|去年|当月)(?:上旬|中旬|下旬|初|底)?|"
    # 在会上, 在签约仪式上, 在推介会现场: where the parties sign, between them and the verb
    r"在[^，,、与和及同跟]{0,10}?(?:会上|仪式上|活动上|现场|期间)|会上|会议期间|仪式上|"
    # 甲与乙在杭州签署: the place of signing, right before the verb
    r"在[^，,、与和及同跟在]{1,10}$|"
    r"已经|已|还|也|又|并|正式|共同|一起|成功|日前|近日|目前|当天|当日|现场|在此|此前|随后|分别|双方|再次|首次"
)
_NAMED = ("organisation", "city")
_GENERIC_PARTY = re.compile(r"(?:该|这家|这个|此)?(?:企业|公司|集团)$")
_COMPANY = re.compile(r"公司|集团|企业|厂|合作社")
_BODY_FORMS = r"股份有限公司|有限责任公司|有限公司|集团公司|集团"
# A company name right after a verb of brokering (or opening the span), ending in a company form.
# Verbs that bring a party to the table (促成了甲与乙签订 …): the party is named after them.
_BRINGING = "推动|促成|牵线|协调|引导|组织|帮助|支持|邀请|陪同|见证|引进|带领|推进|促进|撮合"
_UNLISTED = re.compile(rf"(?:{_BRINGING}|由)(?P<name>[\u4e00-\u9fff]{{2,20}}?(?:{_BODY_FORMS}))$")
_LEAD_VERB = re.compile(rf"^(?:{_BRINGING})(?:了|着)?")
# A whole span that names a body the recognizers missed: a company, committee, bureau or bank branch.
_UNLISTED_ALONE = re.compile(
    rf"(?P<name>[\u4e00-\u9fff]{{2,28}}?(?:{_BODY_FORMS}|委员会|管委会|执委会|总工会|分行|[^分]局))"
)
# 甲、乙、丙三方签订 / 三地政府共同签署: the parties are listed, then counted.
_COUNTED = re.compile(r"(?:[两三四五六七八九十多]|双)(?:方|地|家|市|省|区|县)(?:政府|代表)?$")
# 双方/两院 签署: the parties were named in the clause before.
_BOTH = re.compile(r"^(?:双方|两地|两市|两省|两区|两县|两院|两校|两家|两单位|两部门|二者|三方)$")
_DATE = re.compile(r"(?:([0-9]{4})年)?([0-9]{1,2})月([0-9]{1,2})日")


@cache
def _rules() -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for row in load_jsonl("sign_triggers.jsonl"):
        grouped.setdefault(row["kind"], []).append(row)
    return grouped


@cache
def _not_connectors() -> re.Pattern[str]:
    """Words in which a connector character joins no parties (负责同志, 共同, 以及时)."""
    words = sorted((r["word"] for r in _rules()["not_connector"]), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


def _connector_cuts(clause: str, offset: int, mentions: MentionIndex) -> list[int]:
    """Positions of the connectors of `clause` that join parties, last first."""
    connectors = "".join(r["word"] for r in _rules()["connector"])
    inside = {i for m in _not_connectors().finditer(clause) for i in range(*m.span())}
    return [
        i
        for i in range(len(clause) - 1, 0, -1)
        if clause[i] in connectors
        and i not in inside
        # 人力资源和社会保障局 holds a 和: a connector inside a name is none
        and not mentions.overlapping(offset + i, offset + i + 1, *_NAMED)
    ]


def _parties_in(clause: str, offset: int, mentions: MentionIndex, floor: int) -> list[list[str]]:
    """The signings of `clause` (text before the verb), each a list of parties: both sides of its last
    connector (one signing per pair after 分别), a counted list (甲、乙、丙三方) or, with no connector,
    a plain one (甲、乙、丙共同签署). When a connector may
    sit inside a name the recognizers missed (科学技术和信息化局), the reading with more parties that
    are known bodies wins."""
    readings: list[list[list[str]]] = []
    counted = _COUNTED.search(_blank(clause).rstrip())
    if counted and "、" in clause[: counted.start()]:
        parties = _side(clause[: counted.start()], offset, mentions, floor)
        if len(parties) >= 2:
            readings.append([parties])
    for cut in _connector_cuts(clause, offset, mentions)[:2]:
        left = _side(clause[:cut], offset, mentions, floor)
        right = _side(clause[cut + 1 :], offset + cut + 1, mentions, floor)
        if left and right and clause[:cut].rstrip().endswith("分别"):
            if len(left) == 1:
                readings.append([[left[0], r] for r in right])
                continue
            if len(left) == len(right):
                readings.append([[a, b] for a, b in zip(left, right, strict=True)])
                continue
        if len(left) + len(right) >= 2:
            readings.append([left + right])
    if not readings and "、" in clause:
        # 甲、乙、丙共同签署: a plain list, every piece of it a party
        parties = _side(clause, offset, mentions, floor)
        named = {m.name for m in mentions.within(offset, offset + len(clause), *_NAMED)}
        if len(parties) >= 2 and len(parties) == clause.count("、") + 1 and set(parties) <= named:
            readings.append([parties])
    if len(readings) <= 1:
        return readings[0] if readings else []
    known = {m.name for m in mentions.within(floor, offset + len(clause), *_NAMED)}

    def solid(reading: list[list[str]]) -> tuple[int, int, int]:
        names = {n for parties in reading for n in parties}
        good = sum(1 for n in names if n in known or _UNLISTED_ALONE.fullmatch(n))
        return good, good - len(names), sum(map(len, names))  # then the names that leave least out

    return max(readings, key=solid)  # max keeps the first of equals: the count, then the last connector


def _blank(span: str) -> str:
    """`span` with dates and adverbs blanked out (same length, so offsets hold)."""
    return _FILLER.sub(lambda m: " " * len(m.group(0)), span)


def _side(piece: str, start: int, mentions: MentionIndex, floor: int) -> list[str]:
    """The parties of one side of the connector (甲、乙: a list)."""
    parties, at = [], start
    for part in piece.split("、"):
        name = _party(part, at, mentions, floor)
        if name:
            parties.append(name)
        at += len(part) + 1
    return parties


def _party(span: str, start: int, mentions: MentionIndex, floor: int) -> str | None:
    """The organisation or city `span` names, after dropping dates and adverbs around it; a bare 企业
    or 该公司 is the company named last before it in the sentence (from `floor` on)."""
    verb = _LEAD_VERB.match(span)
    if verb:  # 促成了县政府与某集团签订: the party starts after the verb that brought it to the table
        span, start = span[verb.end() :], start + verb.end()
    cleaned = _blank(span)
    stripped = cleaned.rstrip()
    # 我又牵线甲 / 还推动甲: an adverb before the party splits the span; the party is its last piece.
    lead = max(stripped.rfind(" ") + 1, len(stripped) - len(stripped.lstrip()))
    whole = stripped.strip()
    stripped = stripped[lead:]
    if len(stripped) < 2:
        return None
    end = start + lead + len(stripped)
    ending = mentions.ending_at(end, "organisation", "city")
    # 该公司, 推动企业 stand for a company named before; 某某物流有限公司 is one named here
    generic = None if ending or _UNLISTED_ALONE.fullmatch(stripped) else _GENERIC_PARTY.search(stripped)
    if generic and (generic.start() == 0 or " " not in whole):
        # 引进某公司…，并推动企业与某县签订: the company named last before stands for 企业
        for earlier in mentions.iter_back(end - len(generic.group(0)), "organisation"):
            if earlier.end < floor:
                break
            if _COMPANY.search(earlier.name):
                return earlier.name
        return None
    if not ending:
        company = _unlisted_company(stripped)
        if company or " " in whole:
            return company
    if not ending and ("的" in stripped or len(stripped) > 15):
        return None  # 甲与乙共建的某园于…签约: the span is a description, not a party
    name = place_name(stripped, start + lead, mentions)
    return name if 2 <= len(name) <= 30 else None


def _unlisted_company(span: str) -> str | None:
    """推动某某投资集团有限公司: a company the recognizers missed, read after the verb that introduces it."""
    match = _UNLISTED.search(span) or _UNLISTED_ALONE.fullmatch(span)
    return match.group("name") if match and "的" not in match.group("name") else None


def _subject(text: str, offset: int, before: int, mentions: MentionIndex) -> str | None:
    """The organisation that opens a clause of `text` (at page `offset`) before position `before`:
    the subject a later 并与乙签约 carries on."""
    for m in mentions.within(offset, offset + before, "organisation"):
        if m.start == offset or text[m.start - offset - 1] in "，,；; \u3000":
            return m.name
    return None


def _pair_before(text: str, offset: int, stop: int, mentions: MentionIndex) -> list[str]:
    """甲与乙 written side by side before position `stop` of `text`: the parties 双方/两院 point back to."""
    cuts = _connector_cuts(text[:stop], offset, mentions)
    for cut in cuts:
        left = mentions.ending_at(offset + cut, *_NAMED)
        right = mentions.starting_in(offset + cut + 1, offset + cut + 2, *_NAMED)
        if left and right:
            return [place_name(left[0].text, left[0].start, mentions), right[0].name]
    return []


def relate_signed(page: Page, mentions: list[Mention]) -> list[Signed]:
    """`signed` facts of the page, each with its evidence sentence and rule."""
    rules = _rules()
    verbs = sorted(rules["sign"], key=lambda r: -len(r["word"]))
    verb_re = re.compile("|".join(re.escape(r["word"]) for r in verbs))
    by_word = {r["word"]: r for r in verbs}
    negatives = [r["word"] for r in rules["negative"]]
    year = page.published[:4] if page.published else None
    index = MentionIndex(mentions)
    facts: list[Signed] = []
    seen: set[tuple[str, ...]] = set()
    for sentence in sentences_of(page):
        text = sentence.text
        for match in verb_re.finditer(text):
            verb = by_word[match.group(0)]
            at = match.start()
            bounds = [m.end() for m in _CLAUSE_END.finditer(text, 0, at)]
            clause_start = bounds[-1] if bounds else 0
            end_match = _CLAUSE_END.search(text, match.end())
            clause = text[clause_start : end_match.start() if end_match else len(text)]
            if any(word in clause for word in negatives):
                continue
            before = text[clause_start:at]
            signings = _parties_in(before, sentence.start + clause_start, index, sentence.start)
            if not signings and bounds:
                signings = _from_before(text, sentence.start, bounds, before, index)
            at_end = sentence.start + match.end()
            after = index.starting_in(at_end, at_end + 6, "project")
            agreement = after[0].name if after else None
            date = _DATE.search(text[:at])
            when = None
            if date and (date.group(1) or year):
                when = f"{date.group(1) or year}-{int(date.group(2)):02d}-{int(date.group(3)):02d}"
            for parties in signings:
                key = (*sorted(parties), agreement or "")
                if key in seen or len(set(parties)) < 2:
                    continue
                seen.add(key)
                facts.append(
                    Signed(
                        parties=list(dict.fromkeys(parties)),
                        agreement=agreement,
                        date=when,
                        **provenance(page, sentence, verb["rule"]),  # type: ignore[arg-type]
                    )
                )
    return facts


def _from_before(
    text: str, offset: int, bounds: list[int], before: str, index: MentionIndex
) -> list[list[str]]:
    """Parties of a signing clause that names none: 双方/两院 point back to 甲与乙 of the clauses
    before; 并与乙签约 takes the sentence's subject; 甲与乙开启合作，…签约 names them before."""
    blank = _blank(before).strip()
    if _BOTH.match(blank):
        pair = _pair_before(text, offset, bounds[-1], index)
        return [pair] if pair else []
    clause_start = bounds[-1]
    cuts = _connector_cuts(before, offset + clause_start, index)
    if cuts and not _blank(before[: cuts[0]]).strip():
        right = _side(before[cuts[0] + 1 :], offset + clause_start + cuts[0] + 1, index, offset)
        subject = _subject(text, offset, clause_start, index)
        return [[subject, *right]] if subject and right else []
    previous_start = bounds[-2] if len(bounds) >= 2 else 0
    previous = text[previous_start : bounds[-1] - 1]
    head = re.match(r"(.{2,40}?)(?:开启|开展|建立|深化|启动|达成)", previous)
    if head:
        return _parties_in(head.group(1), offset + previous_start, index, offset)
    return []
