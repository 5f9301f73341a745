"""Relation `signed`: 甲与乙签署/签订/签约…协议.

The parties are read from the clause before the verb, split at its connector (与, 和 …), each resolved
to the organisation or city mention it ends with; when the signing clause has no parties of its own the
clause before it may give them (甲与乙开启合作，达成…签约合作20项). The agreement is the project mention
right after the verb. Intentions (达成共识, 合作意向, 拟签署) are not signings.
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
    r"(?:于?[0-9]{4}年)?(?:于?[0-9]{1,2}月(?:[0-9]{1,2}日)?)|已经|已|还|也|又|正式|共同|一起|成功|"
    r"日前|近日|目前|当天|当日|现场|在此|此前|随后|分别|双方|再次|首次"
)
_NAMED = ("organisation", "city")
_GENERIC_PARTY = re.compile(r"(?:该|这家|这个|此)?(?:企业|公司|集团)$")
_COMPANY = re.compile(r"公司|集团|企业|厂|合作社")
# A company name right after a verb of brokering (or opening the span), ending in a company form.
_UNLISTED = re.compile(
    r"(?:推动|促成|牵线|协调|引导|组织|帮助|支持|邀请|陪同|见证|引进|带领|推进|促进|撮合|由)"
    r"(?P<name>[\u4e00-\u9fff]{2,20}?(?:股份有限公司|有限责任公司|有限公司|集团公司|集团))$"
)
_UNLISTED_ALONE = re.compile(
    r"(?P<name>[\u4e00-\u9fff]{2,20}?(?:股份有限公司|有限责任公司|有限公司|集团公司|集团))"
)
_DATE = re.compile(r"(?:([0-9]{4})年)?([0-9]{1,2})月([0-9]{1,2})日")


@cache
def _rules() -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for row in load_jsonl("sign_triggers.jsonl"):
        grouped.setdefault(row["kind"], []).append(row)
    return grouped


def _parties_in(clause: str, offset: int, mentions: MentionIndex, floor: int) -> list[str]:
    """The parties of `clause` (text before the verb): both sides of its last connector."""
    connectors = "".join(r["word"] for r in _rules()["connector"])
    # The last connector that is not part of a name (人力资源和社会保障局 holds a 和).
    cut = next(
        (
            i
            for i in range(len(clause) - 1, 0, -1)
            if clause[i] in connectors and not mentions.overlapping(offset + i, offset + i + 1, *_NAMED)
        ),
        -1,
    )
    if cut <= 0:
        return []
    left, right = clause[:cut], clause[cut + 1 :]
    parties = []
    for piece, start in [*[(p, offset) for p in [left]], (right, offset + cut + 1)]:
        for part in _split_list(piece, start):
            name = _party(part[0], part[1], mentions, floor)
            if name:
                parties.append(name)
    return parties if len(parties) >= 2 else []


def _split_list(piece: str, start: int) -> list[tuple[str, int]]:
    """甲、乙: a list of parties on one side of the connector."""
    parts, at = [], start
    for part in piece.split("、"):
        parts.append((part, at))
        at += len(part) + 1
    return parts


def _party(span: str, start: int, mentions: MentionIndex, floor: int) -> str | None:
    """The organisation or city `span` names, after dropping dates and adverbs around it; a bare 企业
    or 该公司 is the company named last before it in the sentence (from `floor` on)."""
    cleaned = span
    for match in _FILLER.finditer(span):
        if match.group(0):
            cleaned = cleaned.replace(match.group(0), " " * len(match.group(0)), 1)
    stripped = cleaned.rstrip()
    # 我又牵线甲 / 还推动甲: an adverb before the party splits the span; the party is its last piece.
    lead = max(stripped.rfind(" ") + 1, len(stripped) - len(stripped.lstrip()))
    whole = stripped.strip()
    stripped = stripped[lead:]
    if len(stripped) < 2:
        return None
    end = start + lead + len(stripped)
    ending = mentions.ending_at(end, "organisation", "city")
    generic = None if ending else _GENERIC_PARTY.search(stripped)
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
            parties = _parties_in(text[clause_start:at], sentence.start + clause_start, index, sentence.start)
            if not parties and bounds:
                previous_start = bounds[-2] if len(bounds) >= 2 else 0
                previous = text[previous_start : bounds[-1] - 1]
                head = re.match(r"(.{2,40}?)(?:开启|开展|建立|深化|启动|达成)", previous)
                if head:
                    parties = _parties_in(
                        head.group(1), sentence.start + previous_start, index, sentence.start
                    )
            if not parties:
                continue
            at_end = sentence.start + match.end()
            after = index.starting_in(at_end, at_end + 6, "project")
            agreement = after[0].name if after else None
            key = (*sorted(parties), agreement or "")
            if key in seen:
                continue
            seen.add(key)
            date = _DATE.search(text[:at])
            when = None
            if date and (date.group(1) or year):
                when = f"{date.group(1) or year}-{int(date.group(2)):02d}-{int(date.group(3)):02d}"
            facts.append(
                Signed(
                    parties=list(dict.fromkeys(parties)),
                    agreement=agreement,
                    date=when,
                    **provenance(page, sentence, verb["rule"]),  # type: ignore[arg-type]
                )
            )
    return facts
