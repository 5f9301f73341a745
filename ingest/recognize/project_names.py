"""How the span of an undertaking's name is read: the rule grammar (`ingest/rules/project_*.tsv`), the
backward scan from a head word, and the tests that tell a name from a generic phrase.

The scan goes back from the head over name characters until a verb, function word or punctuation;
quoted and bracketed parts are crossed whole, and so is a single dash between two regions (A—B产业园).
An amount of money (投资1.2亿元建设…) or a locative 在某地建设 before the name is not part of it.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ingest.document import Mention
from ingest.matcher import Matcher
from ingest.relate.common import PUNCT
from ingest.rules_data import load_jsonl, load_tsv
from ingest.spans import Spans

_QUOTES = {"”": "“", "’": "‘", ")": "(", "）": "（", "」": "「", "』": "『"}
DROP = re.compile(r"[“”‘’「」『』\"']")
_EDITION = re.compile(r"(?:首|第[一二三四五六七八九十百0-9]+)届")  # 第三届: one of a named series
_NUMERAL_LEAD = re.compile(
    rf"^(?:[一二两三四五六七八九十几多数]+|[0-9]+)[个处家项座所批只份期]|^{_EDITION.pattern}"
)
_TIME_LEAD = re.compile(r"^(?:[0-9]{4}年)?(?:[0-9]{1,2}月)?(?:[0-9]{1,2}日)?(?:以来|期间|起|至今)?")
# An amount of money inside a scanned span: the name starts after it (投资1.2亿元建设X项目).
_MONEY = re.compile(r"[0-9][0-9.]*(?:万亿|亿|千万|百万|万)?(?:美元|元)")
_BUILD_AFTER_MONEY = re.compile(r"(?:的|用于|用来|在[^，。；]{1,8}?)?(?:建设|新建|兴建|扩建|打造|建)")
_BUILD_VERB = re.compile(r"建设|新建|兴建|扩建|打造")
# 建设路拓宽工程: a lead word that begins a street's name stays
_STREET = set("路街道巷村桥")
WORKS_HEADS = ("项目", "专案", "工程")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_MAX = 30


@cache
def grammar() -> dict[str, Any]:
    """Word lists and patterns of the project rules, loaded once."""
    words: dict[str, set[str]] = {}
    for kind, word, *_ in load_tsv("project_boundaries.tsv"):
        words.setdefault(kind, set()).add(word)
    heads = {row[0]: (row[1], int(row[2])) for row in load_tsv("project_suffixes.tsv")}
    categories: dict[str, set[str]] = {}
    for kind, word, *_ in load_tsv("project_categories.tsv"):
        categories.setdefault(kind, set()).add(word)
    sign = [r["word"] for r in load_jsonl("sign_triggers.jsonl") if r["kind"] == "sign"]
    negative = [r["word"] for r in load_jsonl("sign_triggers.jsonl") if r["kind"] == "negative"]
    generic = sorted(words["generic"], key=len, reverse=True)
    abbrev = "".join(sorted(words["abbrev"]))
    return {
        **words,
        "heads": heads,
        "head_lengths": sorted({len(head) for head in heads}, reverse=True),
        "negative": negative,
        "matcher": Matcher((head, head) for head in heads),
        "generic_re": re.compile("|".join(map(re.escape, generic))),
        # 这一项目, 该平台: generic words and determiners only, whatever the head
        "anaphor_re": _alternation(words["generic"] | categories["determiner"]),
        # 医疗项目, 扶贫产业项目, 头号工程: before a works head, sectors and ranks say no more
        "category_re": _alternation(words["generic"] | set().union(*categories.values())),
        # 京冀, 沪苏浙: province abbreviations alone name a pairing, not an undertaking
        "pairing_re": re.compile(f"[{abbrev}]+"),
        "sign_re": re.compile(
            rf"(?:{'|'.join(sign)})(?:了|过)?(?:正式的?|一份|一项|了一份)?"
            r"(?P<name>[^，,。；;、：:\n《》]{2,40}?(?:框架协议|合作协议|协议书|协议|备忘录|协定|合同))"
        ),
        "object_re": re.compile(
            rf"(?:{'|'.join(sorted(words['object'], key=len, reverse=True))})了?[“「]([^“”「」\n]{{2,30}})[”」]"
        ),
        "agreement_re": re.compile(r"(?:协议|协议书|备忘录|协定|合同)$"),
        "pre_head_re": re.compile(rf"(?:{'|'.join(sorted(words['pre_head'], key=len, reverse=True))})$"),
        "object_before_re": re.compile(
            rf"(?:{'|'.join(sorted(words['object'], key=len, reverse=True))})了?$"
        ),
        "plan_verb_re": re.compile(
            rf"(?:{'|'.join(sorted(words['plan_verb'], key=len, reverse=True))})(?:了|出)?$"
        ),
        "agreement_words_re": re.compile(
            r"(?:投资|合作|战略合作|框架|合作框架)*(?:协议书|协议|合同|备忘录)$"
        ),
        "plan_re": re.compile(r"(?:方案|规划|纲要|意见|计划|制度|办法|细则)$"),
        "event_re": re.compile(r"(?:会|行|节|展|赛|活动|行动|论坛|班)$"),
    }


def _alternation(words: set[str]) -> re.Pattern[str]:
    """A pattern matching any of `words`, longest first."""
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


def ends_with_any(text: str, at: int, words: set[str], longest: int = 4) -> bool:
    """Whether `text[:at]` ends with one of `words` (none longer than `longest`)."""
    return any(at - n >= 0 and text[at - n : at] in words for n in range(1, longest + 1))


def starts_with_any(text: str, at: int, words: set[str], longest: int = 4) -> bool:
    """Whether `text[at:]` starts with one of `words` (none longer than `longest`)."""
    return any(text[at : at + n] in words for n in range(longest, 0, -1))


def scan_back(text: str, head_start: int, g: dict) -> int:
    """Where the name ending in a head at `head_start` begins."""
    j = head_start
    while j > 0 and head_start - j < _MAX:
        char = text[j - 1]
        if char in _QUOTES:
            opening = text.rfind(_QUOTES[char], max(0, j - 1 - _MAX), j - 1)
            if opening < 0:
                break
            j = opening
            continue
        if char in g["dash"] and _joins(text, j - 1):
            j -= 1  # 松江—延边产业合作园: a dash between two regions' names
            continue
        if char in "及和" and ends_with_any(text, j - 1, g["works"]):
            j -= 1  # 道路拓宽及路灯加装工程: two works of one undertaking
            continue
        if char in PUNCT and char != "·":
            break
        if ends_with_any(text, j, g["stop"]) and text[j - 1 : j + 1] not in g["word"]:
            break  # 有 stops the scan, 有机 does not
        j -= 1
    money = list(_MONEY.finditer(text, j, head_start))
    if money:  # 投资1.2亿元建设X项目: the name is what the money builds
        built = _BUILD_AFTER_MONEY.match(text, money[-1].end(), head_start)
        return built.end() if built else money[-1].end()
    if text[j - 1 : j] == "在":  # 在某地建设X项目: the place is where, the name what is built
        built = _BUILD_VERB.search(text, j, head_start)
        if built and head_start - built.end() >= 2:
            return built.end()
    return j


def _joins(text: str, at: int) -> bool:
    """Whether the dash at `at` stands alone between two Chinese characters."""
    return 0 < at < len(text) - 1 and bool(_CJK.match(text[at - 1])) and bool(_CJK.match(text[at + 1]))


def _trim(name: str, g: dict) -> str:
    """Strip times, determiners and adverbs from the front of a name."""
    while True:
        before = name
        name = _TIME_LEAD.sub("", name) if _TIME_LEAD.match(name) else name
        name = _NUMERAL_LEAD.sub("", name)
        for size in (4, 3, 2, 1):
            if name[:size] in g["lead"] and len(name) > size + 2 and name[size] not in _STREET:
                name = name[size:]
                break
        if name == before:
            return name


def generic(stem: str, g: dict, least: int = 2) -> bool:
    """Whether `stem` says nothing specific: fewer than `least` characters beyond generic words."""
    rest = g["generic_re"].sub("", DROP.sub("", stem))
    if g["pairing_re"].fullmatch(rest):
        return True
    return len(re.sub(r"[0-9·()（）]", "", rest)) < least


def category(stem: str, head: str, g: dict) -> bool:
    """Whether `stem` + `head` names a kind of undertaking rather than one (这一项目, 冷链项目, 头号工程):
    the stem is only determiners and generic words, or, before a works head, sector and rank words."""
    pattern = g["category_re"] if head in WORKS_HEADS else g["anaphor_re"]
    return not re.sub(r"[0-9·()（）]", "", pattern.sub("", DROP.sub("", stem)))


def heads_ending(name: str, g: dict) -> list[str]:
    """The heads that `name` ends with, longest first (a look-up per head length, not a scan)."""
    return [name[-n:] for n in g["head_lengths"] if n <= len(name) and name[-n:] in g["heads"]]


def bare(name: str, g: dict) -> bool:
    """A title or quotation that is only a head with generic words (规划纲要, “团体项目”)."""
    stem = re.sub(r"(?:实施方案|方案|规划纲要|规划|纲要|实施意见|意见|计划|制度|办法|细则)$", "", name)
    heads = heads_ending(stem, g)
    if heads:
        head = heads[0]
        stem = stem[: -len(head)]
        if head in WORKS_HEADS and g["pre_head_re"].search(stem) or category(stem, head, g):
            return True
    return generic(stem, g, 1)  # a title or quotation is a name: one specific character will do (茶)


def kind_of(name: str, head_kind: str | None = None) -> str:
    """Kind of an undertaking from its last word (agreement, plan, event) or its head's kind."""
    g = grammar()
    if g["agreement_re"].search(name):
        return "agreement"
    if head_kind:
        return head_kind
    if g["plan_re"].search(name):
        return "plan"
    return "event" if g["event_re"].search(name) else "project"


def add(found: dict, text: str, start: int, end: int, kind: str, rule: str) -> None:
    """Record a project mention for `text[start:end]` (quote marks dropped from its name)."""
    name = DROP.sub("", text[start:end])
    if len(name) >= 3:
        found.setdefault(
            (start, end), Mention("project", text[start:end], start, end, name, rule, {"kind": kind})
        )


def by_heads(text: str, g: dict, found: dict, signed_spans: Spans, masked: Spans) -> None:
    """Names ending in a head word, outside `masked` (titles); generic ones only inside a signing."""
    longest: dict[int, object] = {}
    for match in g["matcher"].iter_all(text):
        if match.end not in longest or len(match.surface) > len(longest[match.end].surface):  # type: ignore[attr-defined]
            longest[match.end] = match
    for end, match in longest.items():
        head = match.surface  # type: ignore[attr-defined]
        kind, min_stem = g["heads"][head]
        if masked.contains(end - 1, end):
            continue
        after_ok = end >= len(text) or text[end] in PUNCT or starts_with_any(text, end, g["follow"])
        if not after_ok:
            continue
        start = scan_back(text, end - len(head), g)
        # 第三届某某洽谈会: an edition number marks a named series, even with a stem of generic words
        edition = kind == "event" and _EDITION.match(text, start) is not None
        name = _trim(text[start:end], g)
        start = end - len(name)
        stem = name[: -len(head)]
        in_signing = signed_spans.contains(start, end) or edition
        if min_stem < 0 and not stem.endswith("”"):
            continue
        if kind == "plan" and not g["plan_verb_re"].search(text, max(0, start - 8), start):
            continue  # 方案, 规划 unquoted are common nouns unless a document is being made
        if len(DROP.sub("", stem)) < min_stem or (generic(stem, g) and not in_signing):
            continue
        if head in WORKS_HEADS and g["pre_head_re"].search(stem) or category(stem, head, g):
            continue
        add(found, text, start, end, kind_of(name, kind), f"project:head:{head}")
