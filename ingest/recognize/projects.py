"""Recognise projects: named undertakings (projects, agreements, platforms, mechanisms, events, plans).

Three ways in, all driven by `ingest/rules/`:

- a head word (`project_suffixes.tsv`: 项目, 基地, 协议, 机制, 洽谈会 …) with the name scanned back from
  it over name characters until a verb, function word or punctuation (`project_boundaries.tsv`);
  quoted and bracketed parts are crossed whole (京沈科技需求“揭榜挂帅”行动, 2015中国(北京)电子商务大会);
- a 《…》 title whose last word is such a head (agreements and plans);
- the object of a signing (签署了…的协议), or a quoted object of 促成/举办 (促成了“…”).

Generic names (合作协议, 服务平台) are kept only as the object of a signing. An investment amount in the
sentence (总投资17亿元) is attached to the nearest project before it.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ingest.document import Mention, Page
from ingest.matcher import Matcher
from ingest.recognize.project_aliases import WORKS, merge_aliases
from ingest.relate.common import PUNCT, load_jsonl, load_tsv, sentences_of
from ingest.spans import MentionIndex, Spans

_QUOTES = {"”": "“", "’": "‘", ")": "(", "）": "（", "」": "「", "』": "『"}
_DROP = re.compile(r"[“”‘’「」『』\"']")
_NUMERAL_LEAD = re.compile(r"^(?:[一二两三四五六七八九十几多数]+|[0-9]+)[个处家项座所批只份期]")
_TIME_LEAD = re.compile(r"^(?:[0-9]{4}年)?(?:[0-9]{1,2}月)?(?:[0-9]{1,2}日)?(?:以来|期间|起|至今)?")
_QUOTED = re.compile(r"“([^“”\n]{3,30})”")
_BOOK = re.compile(r"《([^《》\n]{2,60})》")
_AMOUNT = re.compile(
    r"(?:总投资|投资总额|计划投资|项目投资|投资额|投资)(?:约|达|超过|超|近|逾|为|共|高达)?"
    r"([0-9]+(?:\.[0-9]+)?)(万亿|亿|千万|万)?元"
)
_UNITS = {None: 1, "万": 10_000, "千万": 10_000_000, "亿": 100_000_000, "万亿": 1_000_000_000_000}
_MAX = 30


@cache
def _grammar() -> dict[str, Any]:
    words: dict[str, set[str]] = {}
    for kind, word, *_ in load_tsv("project_boundaries.tsv"):
        words.setdefault(kind, set()).add(word)
    heads = {row[0]: (row[1], int(row[2])) for row in load_tsv("project_suffixes.tsv")}
    sign = [r["word"] for r in load_jsonl("sign_triggers.jsonl") if r["kind"] == "sign"]
    negative = [r["word"] for r in load_jsonl("sign_triggers.jsonl") if r["kind"] == "negative"]
    generic = sorted(words["generic"], key=len, reverse=True)
    abbrev = "".join(sorted(words["abbrev"]))
    return {
        **words,
        "heads": heads,
        "negative": negative,
        "matcher": Matcher((head, head) for head in heads),
        "generic_re": re.compile("|".join(map(re.escape, generic))),
        # 京冀, 沪苏浙: province abbreviations alone name a pairing, not an undertaking
        "pairing_re": re.compile(f"[{abbrev}]+"),
        "sign_re": re.compile(
            rf"(?:{'|'.join(sign)})(?:了|过)?(?:正式的?|一份|一项|了一份)?"
            r"(?P<name>[^，,。；;、：:\n《》]{2,40}?(?:框架协议|合作协议|协议书|协议|备忘录|协定|合同))"
        ),
        "object_re": re.compile(
            rf"(?:{'|'.join(sorted(words['object'], key=len, reverse=True))})了?“([^“”\n]{{2,30}})”"
        ),
        "agreement_re": re.compile(r"(?:协议|协议书|备忘录|协定|合同)$"),
        "pre_head_re": re.compile(rf"(?:{'|'.join(sorted(words['pre_head'], key=len, reverse=True))})$"),
        "plan_re": re.compile(r"(?:方案|规划|纲要|意见|计划|制度|办法|细则)$"),
        "event_re": re.compile(r"(?:会|行|节|展|赛|活动|行动|论坛|班)$"),
    }


def _ends_with_any(text: str, at: int, words: set[str], longest: int = 4) -> bool:
    return any(at - n >= 0 and text[at - n : at] in words for n in range(1, longest + 1))


def _starts_with_any(text: str, at: int, words: set[str], longest: int = 4) -> bool:
    return any(text[at : at + n] in words for n in range(longest, 0, -1))


def _scan_back(text: str, head_start: int, g: dict) -> int:
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
        if char in PUNCT and char != "·" or _ends_with_any(text, j, g["stop"]):
            break
        j -= 1
    return j


def _trim(name: str, g: dict) -> str:
    """Strip times, determiners and adverbs from the front of a name."""
    while True:
        before = name
        name = _TIME_LEAD.sub("", name) if _TIME_LEAD.match(name) else name
        name = _NUMERAL_LEAD.sub("", name)
        for size in (3, 2, 1):
            if name[:size] in g["lead"] and len(name) > size + 2:
                name = name[size:]
                break
        if name == before:
            return name


def _generic(stem: str, g: dict) -> bool:
    rest = g["generic_re"].sub("", _DROP.sub("", stem))
    if g["pairing_re"].fullmatch(rest):
        return True
    return len(re.sub(r"[0-9·()（）]", "", rest)) < 2


def _bare(name: str, g: dict) -> bool:
    """A title or quotation that is only a head with generic words (规划纲要, “团体项目”)."""
    stem = re.sub(r"(?:实施方案|方案|规划纲要|规划|纲要|实施意见|意见|计划|制度|办法|细则)$", "", name)
    heads = [h for h in g["heads"] if stem.endswith(h)]
    if heads:
        head = max(heads, key=len)
        stem = stem[: -len(head)]
        if head in ("项目", "专案", "工程") and g["pre_head_re"].search(stem):
            return True
    return _generic(stem, g)


def kind_of(name: str, head_kind: str | None = None) -> str:
    """Kind of an undertaking from its last word (agreement, plan, event) or its head's kind."""
    g = _grammar()
    if g["agreement_re"].search(name):
        return "agreement"
    if head_kind:
        return head_kind
    if g["plan_re"].search(name):
        return "plan"
    return "event" if g["event_re"].search(name) else "project"


def _add(found: dict, text: str, start: int, end: int, kind: str, rule: str) -> None:
    name = _DROP.sub("", text[start:end])
    if len(name) >= 3:
        found.setdefault(
            (start, end), Mention("project", text[start:end], start, end, name, rule, {"kind": kind})
        )


def _by_heads(text: str, g: dict, found: dict, signed_spans: Spans, masked: Spans) -> None:
    longest: dict[int, object] = {}
    for match in g["matcher"].iter_all(text):
        if match.end not in longest or len(match.surface) > len(longest[match.end].surface):  # type: ignore[attr-defined]
            longest[match.end] = match
    for end, match in longest.items():
        head = match.surface  # type: ignore[attr-defined]
        kind, min_stem = g["heads"][head]
        if masked.contains(end - 1, end):
            continue
        after_ok = end >= len(text) or text[end] in PUNCT or _starts_with_any(text, end, g["follow"])
        if not after_ok:
            continue
        start = _scan_back(text, end - len(head), g)
        name = _trim(text[start:end], g)
        start = end - len(name)
        stem = name[: -len(head)]
        in_signing = signed_spans.contains(start, end)
        if min_stem < 0 and not stem.endswith("”"):
            continue
        if len(_DROP.sub("", stem)) < min_stem or (_generic(stem, g) and not in_signing):
            continue
        if head in ("项目", "专案", "工程") and g["pre_head_re"].search(stem):
            continue
        _add(found, text, start, end, kind_of(name, kind), f"project:head:{head}")


def recognize_projects(page: Page, known: list[Mention]) -> list[Mention]:
    """Mentions of type 'project' in `page.text`, with `kind` and, when given, `amount_cny`."""
    text, g = page.text, _grammar()
    found: dict[tuple[int, int], Mention] = {}
    signed_spans = []
    for match in g["sign_re"].finditer(text):
        start, end = match.span("name")
        clause = re.split(r"[，,。；;]", text[match.end() : match.end() + 30])[0]
        if any(word in clause for word in g["negative"]):
            continue
        name = re.sub(r"^(?:了|正式的?|一份|一项)+", "", match.group("name"))
        start = end - len(name)
        signed_spans.append((start, end))
        _add(found, text, start, end, "agreement", "project:signed-object")
    masked = []
    for match in _BOOK.finditer(text):
        inner = match.group(1)
        masked.append(match.span(1))
        if _bare(inner, g):
            continue
        if (
            g["agreement_re"].search(inner)
            or g["plan_re"].search(inner)
            or any(inner.endswith(h) for h in g["heads"])
        ):
            _add(found, text, match.start(1), match.end(1), kind_of(inner), "project:book-title")
    for match in _QUOTED.finditer(text):
        inner = match.group(1)
        heads = [h for h in g["heads"] if len(h) > 1 and inner.endswith(h)]
        if "、" in inner or _bare(inner, g):
            continue
        if g["plan_re"].search(inner) or heads:
            _add(found, text, match.start(1), match.end(1), kind_of(inner), "project:quoted-name")
    for match in g["object_re"].finditer(text):
        if _starts_with_any(text, match.end(), g["heads"], 6):
            continue  # “…”行动: the head rule reads the whole name
        _add(
            found, text, match.start(1), match.end(1), kind_of(match.group(1), None), "project:quoted-object"
        )
    _by_heads(text, g, found, Spans(signed_spans), Spans(masked + [(e - 1, e) for _, e in signed_spans]))
    bodies = MentionIndex(m for m in known if m.type in ("organisation", "city"))
    mentions = [
        m
        for m in sorted(found.values(), key=lambda m: (m.start, -m.end))
        if not (
            bodies.containing(m.start, m.end)
            or any(
                not WORKS.fullmatch(text[o.end : m.end])
                for o in bodies.overlapping(m.start, m.start + 1, "organisation")
            )
        )
        or _being_built(text, m.start, g)
    ]
    merge_aliases(mentions, g["heads"])
    _amounts(page, mentions)
    return mentions


def _being_built(text: str, start: int, g: dict) -> bool:
    """Whether the clause before `start` sets the thing up (成立, 建设 …): then it is an undertaking
    even where it is also the name of a body."""
    clause = re.split(r"[，,。；;！？\n]", text[max(0, start - 30) : start])[-1]
    return any(verb in clause for verb in g["build"])


def _amounts(page: Page, mentions: list[Mention]) -> None:
    """Attach 总投资17亿元 to the nearest project before it in the same sentence."""
    index = MentionIndex(mentions)
    named: dict[str, list[Mention]] = {}
    for m in mentions:
        named.setdefault(m.name, []).append(m)
    for sentence in sentences_of(page):
        for match in _AMOUNT.finditer(sentence.text):
            at = sentence.start + match.end()
            before = [m for m in index.within(sentence.start, at) if m.attrs.get("kind") == "project"]
            after = (
                index.starting_in(at + 1, at + 2)
                if sentence.text[match.end() : match.end() + 1] == "的"
                else []
            )
            if after or before:
                target = after[0] if after else max(before, key=lambda m: m.end)
                value = float(match.group(1)) * _UNITS[match.group(2)]
                for m in named[target.name]:
                    m.attrs.setdefault("amount_cny", int(round(value)))
