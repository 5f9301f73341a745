"""Recognise projects: named undertakings (projects, agreements, platforms, mechanisms, events, plans).

Three ways in, all driven by `ingest/rules/`:

- a head word (`project_suffixes.tsv`: 项目, 基地, 协议, 机制, 洽谈会 …) with the name scanned back from
  it over name characters until a verb, function word or punctuation (`project_boundaries.tsv`);
  quoted and bracketed parts are crossed whole (京沈科技需求“揭榜挂帅”行动, 2015中国(北京)电子商务大会);
  plan heads (方案, 规划 …) only right after a verb that makes a document (制定了X实施方案);
- a 《…》 title whose last word is such a head (agreements and plans), and the project such an
  agreement's title names (《X项目投资协议》 → X项目); a “…” or 「…」 quotation ending in a head;
- the object of a signing (签署了…的协议), or a quoted object of 促成/举办 (促成了“…”) that does not
  qualify a noun after it (开展“某某”结对 is no name).

Generic names (合作协议, 服务平台) are kept only as the object of a signing; a region's own delegation
(某市党政代表团) is no undertaking; a name that only cuts a longer one short is dropped. An investment
amount in the sentence (总投资17亿元) is attached to the nearest project before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ingest.document import Mention, Page
from ingest.recognize.project_aliases import DELEGATIONS, WORKS, merge_aliases
from ingest.recognize.project_names import (
    add,
    bare,
    by_heads,
    generic,
    grammar,
    heads_ending,
    kind_of,
    starts_with_any,
)
from ingest.relate.common import PUNCT, sentences_of
from ingest.spans import MentionIndex, Spans

_QUOTED = re.compile(r"(?<=“)[^“”\n]{3,30}(?=”)|(?<=「)[^「」\n]{3,30}(?=」)")
_BOOK = re.compile(r"《([^《》\n]{2,60})》")
_AMOUNT = re.compile(
    r"(?:总投资|投资总额|计划投资|项目投资|投资额|投资|总投入|投入资金|投入|出资)"
    r"(?:约|达|超过|超|近|逾|为|共|高达|了)?"
    r"([0-9]+(?:\.[0-9]+)?)(万亿|亿|千万|万)?元"
)
# what stands between an amount and the project it builds: 投资2亿元(的|用于|在某地)(共同)建设X
_PAYS_FOR = re.compile(
    r"(?:的|用于|用来)?(?:在[^，,。；;]{1,8}?)?(?:共同|合作|联合)?"
    r"(?:建设|新建|兴建|扩建|打造|共建|援建|建成|实施|建)?"
)
# 项目总投资8000万元, 该项目计划投资: the amount of a project named in the sentence next to it
_BARE_SUBJECT = re.compile(
    r"(?:^|[，,；;])(?:该|此|这一?|这个|上述)?(?:项目|工程)(?:一期|二期)?(?:计划|预计)?$"
)
_CLAUSE_END = re.compile(r"[，,。；;！？!?\n]")
_UNITS = {None: 1, "万": 10_000, "千万": 10_000_000, "亿": 100_000_000, "万亿": 1_000_000_000_000}


def recognize_projects(page: Page, known: list[Mention]) -> list[Mention]:
    """Mentions of type 'project' in `page.text`, with `kind` and, when given, `amount_cny`."""
    text, g = page.text, grammar()
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
        add(found, text, start, end, "agreement", "project:signed-object")
    masked = []
    for match in _BOOK.finditer(text):
        inner = match.group(1)
        masked.append(match.span(1))
        if bare(inner, g):
            continue
        if g["agreement_re"].search(inner) or g["plan_re"].search(inner) or heads_ending(inner, g):
            add(found, text, match.start(1), match.end(1), kind_of(inner), "project:book-title")
            _titled_project(text, match.start(1), inner, g, found)
    for match in _QUOTED.finditer(text):
        inner = match.group(0)
        heads = [h for h in heads_ending(inner, g) if len(h) > 1]
        if "、" in inner or bare(inner, g):
            continue
        if g["plan_re"].search(inner) or heads:
            add(found, text, match.start(), match.end(), kind_of(inner), "project:quoted-name")
    for match in g["object_re"].finditer(text):
        if starts_with_any(text, match.end(), g["heads"], 6):
            continue  # “…”行动: the head rule reads the whole name
        after = match.end()
        if after < len(text) and text[after] not in PUNCT and not starts_with_any(text, after, g["follow"]):
            continue  # 开展“某某”结对: the quotation qualifies the noun after it
        if bare(match.group(1), g):
            continue  # 促成了“头号工程”: a kind of undertaking, quoted or not
        add(found, text, match.start(1), match.end(1), kind_of(match.group(1), None), "project:quoted-object")
    by_heads(text, g, found, Spans(signed_spans), Spans(masked + [(e - 1, e) for _, e in signed_spans]))
    bodies = MentionIndex(m for m in known if m.type in ("organisation", "city"))
    mentions = [
        m
        for m in _unnested(found.values())
        if not _regional_delegation(text, m, bodies, g)
        and not (
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
    """Attach an investment (总投资17亿元, 投入1200万元) to the project it pays for: the one it builds
    right after it (投资2亿元建设X, 总投资3亿元的X), else the nearest one before it in the sentence, else,
    when the amount's subject is a bare 项目 (项目总投资8000万元), the project of the sentence before
    or, failing that, after."""
    index = MentionIndex(m for m in mentions if m.attrs.get("kind") == "project")
    named: dict[str, list[Mention]] = {}
    for m in mentions:
        named.setdefault(m.name, []).append(m)
    sentences = sentences_of(page)
    for i, sentence in enumerate(sentences):
        for match in _AMOUNT.finditer(sentence.text):
            target = _paid_for(sentence.text, sentence.start, match, index)
            if (
                target is None
                and _BARE_SUBJECT.search(sentence.text, 0, match.start())
                and not index.within(sentence.start, sentence.end)
            ):
                target = _neighbour(sentences, i, index)
            if target is not None:
                value = float(match.group(1)) * _UNITS[match.group(2)]
                for m in named[target.name]:
                    m.attrs.setdefault("amount_cny", int(round(value)))


def _paid_for(text: str, offset: int, match: re.Match[str], index: MentionIndex) -> Mention | None:
    """The project an amount in a sentence (`text`, starting at page offset `offset`) pays for."""
    link = _PAYS_FOR.match(text, match.end())
    if link and link.end() > match.end():
        after = index.starting_in(offset + link.end(), offset + link.end() + 1)
        if after:
            return after[0]
    # 总投资1.5亿元、占地300亩的X项目: the first project the clause describes with 的
    clause = _CLAUSE_END.search(text, match.end())
    stop = clause.start() if clause else len(text)
    for m in index.starting_in(offset + match.end(), offset + stop):
        if text[m.start - offset - 1] == "的":
            return m
    before = index.within(offset, offset + match.end())
    return max(before, key=lambda m: m.end) if before else None


def _neighbour(sentences: list, i: int, index: MentionIndex) -> Mention | None:
    """The last project of the sentence before `i`, else the first of the sentence after."""
    if i > 0:
        before = index.within(sentences[i - 1].start, sentences[i - 1].end)
        if before:
            return max(before, key=lambda m: m.end)
    if i + 1 < len(sentences):
        after = index.within(sentences[i + 1].start, sentences[i + 1].end)
        if after:
            return min(after, key=lambda m: m.start)
    return None


def _titled_project(text: str, start: int, inner: str, g: dict, found: dict) -> None:
    """《某某项目投资协议》: the agreement names the project it is about, which is a project too."""
    words = g["agreement_words_re"].search(inner)
    if not words or words.start() == 0:
        return
    subject = inner[: words.start()]
    heads = [h for h in heads_ending(subject, g) if g["heads"][h][0] == "project"]
    if not heads:
        return
    head = heads[0]
    stem = subject[: -len(head)]
    if len(stem) >= 2 and not generic(stem, g) and not g["pre_head_re"].search(stem):
        add(found, text, start, start + len(subject), "project", "project:in-title")


def _unnested(found: Iterable[Mention]) -> list[Mention]:
    """Found names in text order, without those that only cut a longer one short: a name ending where
    a longer one ends (the scan stopped early), or a quotation that a longer name runs on from
    (“某某”冰雪季推介会 holds “某某”)."""
    index = MentionIndex(found)
    kept = []
    for m in index:
        outer = [o for o in index.containing(m.start, m.end) if o.end - o.start > m.end - m.start]
        if any(o.end == m.end for o in outer):
            continue
        if m.rule in ("project:quoted-name", "project:quoted-object") and any(
            o.start < m.start and o.end > m.end for o in outer
        ):
            continue
        kept.append(m)
    return kept


def _regional_delegation(text: str, m: Mention, bodies: MentionIndex, g: dict) -> bool:
    """某市党政代表团, 某县招商团: a region's delegation is its people travelling, not an undertaking,
    unless someone brings the visit about (促成某市代表团到某地考察)."""
    head = next((d for d in DELEGATIONS if m.name.endswith(d)), None)
    if head is None:
        return False
    regions = bodies.starting_in(m.start, m.start + 1, "city")
    if not regions:
        return False
    rest = m.text[regions[0].end - m.start : len(m.text) - len(head)]
    return generic(rest, g, 1) and not g["object_before_re"].search(text, max(0, m.start - 6), m.start)
