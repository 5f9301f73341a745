"""Relation `seconded_to`: who serves where away from their home post (挂任, 挂职, 跟班学习, 援疆 …).

Each rule of `secondment_triggers.jsonl` finds the post in a sentence (挂任廊坊市副市长 → host 廊坊市,
title 副市长). The person is the one the post describes: 挂任…副主任的王某 (after 的), 王某挂任 / 王某，某局
副主任，挂任 (before the trigger), 他/她 (the person in focus) or 我 (the 讲述人 of the section). The home
post is the title-bearing phrase next to the name (某局副局长王某, 某局副巡视员、挂任…).
"""

from __future__ import annotations

import re
from functools import cache

from ingest.document import Mention, Page, Sentence
from ingest.gazetteer import load as load_gazetteer
from ingest.models import SecondedTo
from ingest.relate.common import (
    Focus,
    division_post,
    division_unit,
    nearest_division,
    place_name,
    provenance,
    sentences_of,
    split_title,
    within,
)
from ingest.relate.common import (
    narrators as narrators_of,
)
from ingest.rules_data import load_jsonl
from ingest.spans import MentionIndex

_CONTEXT = re.compile(
    r"挂职|挂任|跟班|跟岗|援疆|援藏|援青|互派|选派|交流干部|交流任职|双向交流|交流到|交流至"
)
HINT = re.compile(r"[挂派援跟调]")
_PRONOUN = re.compile(r"(?:他|她|我)(?!们)")
# What may trail a post: an activity word, or a term (挂任副县长两年, 挂职某局三个多月).
_TAIL = re.compile(
    r"(?:进行|开展|参加|工作|学习|期间|锻炼|[一二两三四五六七八九十半0-9]+(?:个多月|个月|多年|年多|年半|年|天))+$"
)
_YM = re.compile(r"(?:([0-9]{4})年|(去年|今年|前年))?([0-9]{1,2})月(?:([0-9]{1,2})日)?")
_HALF = re.compile(r"([0-9]{4})年(?:上半年|下半年|初|底|年初|年底|起|开始|以来)")
_CUT = re.compile(r"[，,。；;、：:\n]")
_APPOSITION_OPEN = re.compile(r"[，,。；;：:“”‘’「」（）()—\n]")
_PAREN_MARK = re.compile(r"[（(](挂职|挂任)[）)]")
_MARKER_HINT = re.compile(r"干部|人才|专家|组长|队长|总指挥|领队")  # every marker ends with one
_SENT_TO = re.compile(r"派驻|派往|派到|选派到|选派至|赴|到|来到|援助|支援")
_DIVISION_SUFFIX = re.compile(r"(?:省|市|自治区|自治州|地区|盟|区|县|旗)$")
_MORE_TITLE = re.compile(r"[^，,。；;、的\n]{2,10}")


@cache
def _rules(kind: str = "trigger") -> list[tuple[dict, re.Pattern[str]]]:
    rows = load_jsonl("secondment_triggers.jsonl")
    return [(row, re.compile(row["regex"])) for row in rows if row.get("kind", "trigger") == kind]


@cache
def _cues(regex: str) -> tuple[str, ...]:
    """The words of a rule's trigger group when it is a plain alternation of words (挂任|挂职任), else
    nothing (the rule then always runs)."""
    found = re.search(r"\(\?P<trigger>([\u4e00-\u9fff|]+)\)", regex)
    return tuple(found.group(1).split("|")) if found else ()


def _start(text: str, ref_year: int | None) -> str | None:
    """YYYY-MM (or YYYY) of the first date in `text`; 去年/今年 count from `ref_year`."""
    match = _YM.search(text)
    if match:
        year: int | None = int(match.group(1)) if match.group(1) else None
        if year is None and ref_year:
            year = ref_year - {"去年": 1, "前年": 2}.get(match.group(2) or "", 0)
        if year:
            return f"{year}-{int(match.group(3)):02d}"
    half = _HALF.search(text)
    return half.group(1) if half else None


def _programme_start(page: Page, sentences: list[Sentence]) -> str | None:
    """The batch start the article gives (2015年7月24日，…启动互派干部挂职工作)."""
    for sentence in sentences:
        if _CONTEXT.search(sentence.text):
            match = re.search(r"([0-9]{4})年([0-9]{1,2})月", sentence.text)
            if match:
                return f"{match.group(1)}-{int(match.group(2)):02d}"
    return None


def _home(span: str, start: int, mentions: MentionIndex) -> tuple[str | None, str | None]:
    """(home, home title) from a phrase such as 北京市发改委副主任; nothing without a title."""
    span = span.strip("、，, ")
    body, title = split_title(span)
    if not title or len(body) < 2:
        return None, None
    return place_name(body, start, mentions), title


def _inside_title(text: str, at: int) -> bool:
    """Whether position `at` lies inside a 《…》 title."""
    return text.rfind("《", 0, at) > text.rfind("》", 0, at)


def relate_seconded(page: Page, mentions: list[Mention]) -> list[SecondedTo]:
    """`seconded_to` facts of the page, each with its evidence sentence and rule."""
    sentences = sentences_of(page)
    everything = MentionIndex(mentions)
    people = everything.by_type("person")
    names = {m.name for m in people}
    narrators = narrators_of(page, names)
    ref_year = int(page.published[:4]) if page.published else None
    batch = _programme_start(page, sentences)
    focus = Focus()
    facts: dict[tuple[str, str], SecondedTo] = {}
    for index, sentence in enumerate(sentences):
        text, base = sentence.text, sentence.start
        in_sentence = within(people, base, sentence.end)
        context = _CONTEXT.search(text) or (
            index + 1 < len(sentences) and _CONTEXT.search(sentences[index + 1].text)
        )
        # Rules that need no context all hold one of HINT's characters: other sentences skip them all.
        for rule, pattern in _rules() if context or HINT.search(text) else ():
            cues = _cues(rule["regex"])
            if cues and not any(cue in text for cue in cues):
                continue  # the rule's trigger word is not in the sentence: its regex cannot match
            for match in pattern.finditer(text):
                if _inside_title(text, match.start()):
                    continue
                group_noun = re.match(r"(?:的)?(?:干部|人员|队伍|工作)", text[match.end() :])
                post = _TAIL.sub("", match.group("post"))
                if "title" in pattern.groupindex and match.group("title"):
                    post += match.group("title")  # 选派到某地担任副县长: place and title apart
                body, title = split_title(post)
                if (rule["needs_title"] and not title) or (rule["needs_context"] and not context):
                    continue
                body = division_post(body, title)
                post_start = base + match.start("post")
                unit = division_unit(body, title)
                if unit:
                    # 在某县，挂任副县长 / 来到某县，挂任县委常委: the county named just before
                    floor = sentences[index - 1].start if index else base
                    host = nearest_division(unit, post_start, floor, everything) or ""
                    if not host:
                        continue
                elif len(body) < 2 or re.fullmatch(r"(?:哪里|这里|那里|当地|基层|此|该地|外地)", body):
                    continue
                else:
                    host = place_name(body, post_start, everything)
                if rule["rule"] == "second:在某地挂职" and not everything.within(
                    post_start, post_start + len(body), "organisation", "city"
                ):
                    continue
                if (
                    rule.get("needs_place")
                    and not title
                    and not everything.starting_in(post_start, post_start + 2, "organisation", "city")
                ):
                    continue  # 挂职某县: a named place right after the verb, not 挂职两年
                found = _person(page, text, base, match, in_sentence, focus, index, narrators, everything)
                if not found:
                    continue
                person, home, home_title = found
                if title is None:
                    then = re.match(
                        r"[，,]\s*(?:任|担任|挂任|兼任)([^，,。；;、]{2,30})", text[match.end() :]
                    )
                    then_body, then_title = split_title(then.group(1)) if then else ("", None)
                    if then and then_title and not then_body:
                        title = then_title  # 在某县挂职，任副县长
                    elif then and then_title:
                        # 到某区挂职，任区发改局副局长: the host is the body the title belongs to
                        at = base + match.end() + then.start(1)
                        if everything.within(at, at + len(then_body), "organisation"):
                            host, title = place_name(then_body, at, everything), then_title
                if group_noun and not any(
                    m.name == person and 0 <= m.start - (base + match.end()) <= 6 for m in in_sentence
                ):
                    continue  # 赴京挂职干部 … : a group, unless a name follows at once
                mode = rule["mode"] or match.group("trigger")
                if rule["mode"] and "挂职" not in text and "挂任" in text:
                    mode = "挂任"
                start = _start(text[: match.end()], ref_year) or batch
                key = (person, host)
                if key not in facts:
                    facts[key] = SecondedTo(
                        person=person,
                        host=host,
                        title=title,
                        home=home,
                        home_title=home_title,
                        start=start,
                        mode=mode,
                        **provenance(page, sentence, rule["rule"]),  # type: ignore[arg-type]
                    )
        if in_sentence and ("、" in text or _PAREN_MARK.search(text)):
            near = " ".join(s.text for s in sentences[max(0, index - 1) : index + 2])
            # A trigger in the sentence already said where its person went: the chain is their home.
            here = page.original_span(sentence.start, sentence.end)
            triggered = {f.person for f in facts.values() if f.offsets == here}
            for fact in _chains(page, sentence, in_sentence, everything, _CONTEXT.search(near), ref_year):
                if fact.person not in triggered:
                    facts.setdefault((fact.person, fact.host), fact)
        for mention in in_sentence:
            focus.see(mention.name, index)
    return _most_specific(list(facts.values()), everything)


def _most_specific(facts: list[SecondedTo], mentions: MentionIndex) -> list[SecondedTo]:
    """A place host goes when the same person's host is also a body: in the same sentence (赴某州挂职某州
    教育局副局长 → the bureau), or anywhere in the article when the body lies in that place (到渝北区发改委
    交流任职 … 在渝北跟班 → the commission)."""
    cities = {m.name for m in mentions.by_type("city")}
    with_body = {(f.person, f.offsets) for f in facts if f.host not in cities}
    bodies: dict[str, list[str]] = {}
    for fact in facts:
        if fact.host not in cities:
            bodies.setdefault(fact.person, []).append(fact.host)

    def inside_a_body(fact: SecondedTo) -> bool:
        if fact.title:
            return False  # 挂任某县副县长: a post of its own, kept beside the body
        short = _DIVISION_SUFFIX.sub("", fact.host)
        return any(short in body for body in bodies.get(fact.person, ()) if len(short) >= 2)

    return [
        f
        for f in facts
        if f.host not in cities or ((f.person, f.offsets) not in with_body and not inside_a_body(f))
    ]


def _chains(
    page: Page,
    sentence: Sentence,
    in_sentence: list[Mention],
    mentions: MentionIndex,
    context: re.Match[str] | None,
    ref_year: int | None,
) -> list[SecondedTo]:
    """上海援藏干部、某县副县长王某 / 王某，某县副县长、挂职干部，: an appositive chain next to a name that
    holds an aid-cadre marker; its first title-bearing piece away from the marker's home is the host."""
    text, base = sentence.text, sentence.start
    found = []
    for person in in_sentence:
        at, end = person.start - base, person.end - base
        left = _APPOSITION_OPEN.split(text[max(0, at - 80) : at])[-1]
        paren = _PAREN_MARK.search(text, max(0, at - 6), at)
        if not left and paren and paren.end() == at:
            # 某县委常委、副县长（挂职）王某: every post of the chain is held on secondment
            posts = _APPOSITION_OPEN.split(text[max(0, paren.start() - 80) : paren.start()])[-1]
            start = paren.start() - len(posts)
            fact = _chain_fact(
                page, sentence, person.name, posts, base + start, mentions, context, ref_year, paren.group(1)
            )
            if fact:
                found.append(fact)
                continue
        right = ""
        if text[end : end + 1] in ("，", ","):
            right = _APPOSITION_OPEN.split(text[end + 1 : end + 81])[0]
        for chain, start in ((left, at - len(left)), (right, end + 1)):
            fact = _chain_fact(page, sentence, person.name, chain, base + start, mentions, context, ref_year)
            if fact:
                found.append(fact)
                break
    return found


def _chain_fact(
    page: Page,
    sentence: Sentence,
    person: str,
    chain: str,
    start: int,
    mentions: MentionIndex,
    context: re.Match[str] | None,
    ref_year: int | None,
    implicit: str | None = None,
) -> SecondedTo | None:
    """The secondment an appositive chain (pieces joined by 、, beginning at `start`) gives, if any;
    `implicit` is the mode when the chain needs no marker piece (它 stands before （挂职）)."""
    if not implicit and ("、" not in chain or not _MARKER_HINT.search(chain)):
        return None
    pieces, at = [], start
    for piece in chain.split("、"):
        pieces.append((piece, at))
        at += len(piece) + 1
    marker = None
    for piece, piece_start in pieces if not implicit and len(pieces) >= 2 else ():
        for rule, pattern in _rules("marker"):
            hit = pattern.search(piece)
            if hit and (context or not rule["needs_context"]):
                marker = (rule, hit, piece, piece_start)
                break
        if marker:
            break
    if implicit:
        rule, mode, marker_piece, origin = {"rule": "second:职务（挂职）"}, implicit, None, set()
    elif marker:
        rule, hit, marker_piece, marker_start = marker
        mode = rule["mode"] or hit.groupdict().get("trigger") or (context.group(0) if context else "挂职")
        # The marker's own places are the home (上海援藏干部), not those it was sent to (派驻某县的挂职干部).
        sent = _SENT_TO.search(marker_piece)
        home_end = marker_start + (sent.start() if sent else len(marker_piece))
        origin = {m.name for m in mentions.within(marker_start, home_end, "city")}
    else:
        return None
    for piece, piece_start in pieces:
        if piece is marker_piece or re.match(r"原|时任|曾任|前任", piece):
            continue
        body, title = split_title(piece)
        body = division_post(body, title)
        if not title or len(body) < 2:
            continue
        places = {m.name for m in mentions.within(piece_start, piece_start + len(body), "city")}
        if places & origin or any(load_gazetteer().encloses(o, place) for place in places for o in origin):
            continue  # 上海市某区挂职干部、上海市某区某局副局长 / 山东援疆干部、潍坊市某局副主任: home posts
        return SecondedTo(
            person=person,
            host=place_name(body, piece_start, mentions),
            title=title,
            home=None,
            home_title=None,
            start=_start(sentence.text, ref_year),
            mode=mode,
            **provenance(page, sentence, rule["rule"]),  # type: ignore[arg-type]
        )
    return None


def _person(
    page: Page,
    text: str,
    base: int,
    match: re.Match[str],
    in_sentence: list[Mention],
    focus: Focus,
    index: int,
    narrators: list[tuple[int, str, str, int]],
    mentions: MentionIndex,
) -> tuple[str, str | None, str | None] | None:
    """(person, home, home title) of a secondment match, or None when nobody fits."""
    post_end = base + match.end("post")
    trigger = base + match.start()
    # 挂任…副主任的王某 / 挂任…的北京市某局副局长王某
    de = _de_after(text, match)
    if de is not None:
        post_end = base + de
        after = [m for m in in_sentence if post_end < m.start <= post_end + 25]
        if after:
            person = after[0]
            home, home_title = _home(page.text[post_end + 1 : person.start], post_end + 1, mentions)
            if home is None:
                home, home_title = _home_before(page.text, base, trigger, mentions)
            return person.name, home, home_title
    inside = [m for m in in_sentence if trigger <= m.start and m.end <= base + match.start("post")]
    if inside:
        # 援藏干部王某，现任某县副县长 / 作为援藏干部，王某担任…: the name between marker and verb
        home, home_title = _home_left_of(page.text, base, inside[-1].start, mentions)
        return inside[-1].name, home, home_title
    before = [m for m in in_sentence if m.end <= trigger]
    pronoun = None
    for found in _PRONOUN.finditer(text, 0, match.start()):
        pronoun = found
    if before and not (pronoun and base + pronoun.start() > before[-1].end):
        person = before[-1]
        clause = re.split(r"[，,、]", page.text[person.end : trigger])
        home, home_title = None, None
        between = [c for c in clause if c.strip()]
        if between:
            offset = page.text.find(between[0], person.end)
            home, home_title = _home(between[0], offset, mentions)
        if home is None:
            home, home_title = _home_left_of(page.text, base, person.start, mentions)
        return person.name, home, home_title
    if pronoun and pronoun.group(0) == "我":
        own = [n for n in narrators if n[0] < base]
        if own:
            _, name, phrase, at = own[-1]
            return name, place_name(phrase, at, mentions) if phrase else None, None
        return None
    focused = focus.last(index) if pronoun else None
    if focused:
        home, home_title = _home_before(page.text, base, trigger, mentions)
        return focused, home, home_title
    return None


def _de_after(text: str, match: re.Match[str]) -> int | None:
    """Index of the 的 that closes the post (挂任…副主任的王某, 在某局挂职的王某, 挂任县委常委、副县长的
    王某), if any."""
    for at in (match.end() - 1, match.end(), match.end("post")):
        if 0 <= at < len(text) and text[at] == "的" and at >= match.end("post"):
            return at
    at = match.end()
    while at < len(text) and text[at] == "、":
        more = _MORE_TITLE.match(text, at + 1)
        if not more or split_title(more.group(0)) != ("", more.group(0)):
            return None
        at = more.end()
    return at if at > match.end() and at < len(text) and text[at] == "的" else None


def _home_before(text: str, base: int, trigger: int, mentions: MentionIndex) -> tuple[str | None, str | None]:
    """某局副巡视员、挂任… / 他是某办专职副主任，挂任…: the clause right before the trigger."""
    pieces = [p for p in _CUT.split(text[base:trigger]) if p.strip()]
    if not pieces:
        return None, None
    last = re.sub(r"^(?:他|她|我)?(?:是|系|为|原为|现为|原任)?", "", pieces[-1])
    return _home(last, text.rfind(last, base, trigger), mentions)


def _home_left_of(text: str, base: int, start: int, mentions: MentionIndex) -> tuple[str | None, str | None]:
    """某局副厅长王某: the title-bearing phrase right before the name."""
    pieces = _CUT.split(text[base:start])
    last = pieces[-1] if pieces else ""
    last = re.sub(r"^.*?(?:的|在|是)", "", last) if re.search(r"的|在|是", last) else last
    if not last:
        return None, None
    return _home(last, start - len(last), mentions)
