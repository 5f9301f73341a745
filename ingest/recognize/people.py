"""Recognise people: a surname followed by one or two given-name characters, accepted only in context.

A name is anchored by what surrounds it (rules below, lexicons in `ingest/rules/`): an official title or
role noun right before it (副市长王某, 北京干部王某, …副主任的王某), a speech verb after it (王某说), an
apposition (王某，某局副主任科员，…), a list dash (——王某，), a 讲述人 line, or a framing 在王某的推动下.
Where the name ends is decided by what follows (刘伟不仅 → 刘伟; 王普清说 → 王普清) and by how often each
reading recurs in the article. Every later occurrence of an anchored name is a mention too. Names in
bylines (记者, 责任编辑 …) and ordinary words in `name_stopwords.tsv` are never people.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ingest.document import Mention, Page
from ingest.recognize.name_readings import (
    CJK,
    char_class,
    choose,
    ends_with,
    readings_at,
    right_score,
    starts_with,
)
from ingest.relate.common import NARRATOR_LINE, PUNCT, SELF_INTRO, titles
from ingest.rules_data import load_tsv
from ingest.spans import MentionIndex

# Transcribed names use characters such as 其 and 尔 freely: only function words rule a token out.
_NOT_BARE = set("的了在是和与及等说我你他她它这那们也还就都对从向把被将已为以有不没很最更所该此各每些")
_DOTS = re.compile(r"[·•・](?=[\u4e00-\u9fff])")
# Anchors strong enough to read a name over a place's short form inside it (处长周海宁多次).
_STRONG = frozenset({"title", "speech", "apposition", "title_after"})
# 王某从某局选派到某县 / 王某在某县挂职 / 王某来到某县，挂任… / 王某，男，…: a clause that opens with the
# name and moves it on secondment (the verb may come after the places), or a résumé.
_ORIGIN = re.compile(
    r"(?:从|由|在|到|赴)[^，,。；;\n]{2,30}?(?:选派|派往|派到|派驻|调派|挂职|挂任|交流|援疆|援藏|跟班)"
    r"|(?:来到|赴|前往)[^，,。；;\n]{2,20}?[，,](?:挂任|挂职|担任|任)"  # 某某来到某县，挂任副县长
    r"|在[^，,。；;\n]{2,12}?(?:挂任|担任|任)[^，,。；;\n]{0,6}?(?:副|常委|书记|主任|局长|县长|市长|区长)"
    r"|[，,][男女][，,]"  # 某某，男，汉族，…: a résumé
)
# What else may stand right before a name that some rule anchors: 在 (frame), 的 (member, age), a dash.
_OTHER_LEFT = frozenset("在的—")
_AGE = re.compile(r"[0-9一二三四五六七八九十]{1,3}岁的$")
# 某局的王某来到某县 / 某局的王某同志: words that, after a member of a named body, close the name.
_TRAVEL = ("来到", "赴", "前往", "奔赴", "远赴", "同志")  # 同志 closes a name as firmly
# After a title, 于 before these is the preposition (市长于今日, 主任于当天): no name.
_NOT_AFTER_TITLED = set("今昨明当次近同本该此是会上下日年月")
_SPEECH_AFTER_BARE = re.compile(r"说|表示|介绍")
_FRAME = re.compile(r"(?:及|和|等人|等|的)[^，。；]{0,14}?下")


@cache
def _lexicons() -> dict[str, Any]:
    cues: dict[str, set[str]] = {}
    for kind, word, *_ in load_tsv("person_cues.tsv"):
        cues.setdefault(kind, set()).add(word)
    surnames = {row[0]: row[1] for row in load_tsv("surnames.tsv")}
    stop = {row[0] for row in load_tsv("name_stopwords.tsv")}
    byline = "|".join(sorted(cues["byline"], key=len, reverse=True))
    titled = {s for s, kind in surnames.items() if kind == "titled"}
    first_char = {s for s, kind in surnames.items() if kind == "single"} | {
        s[0] for s, kind in surnames.items() if kind == "double"
    }
    tibetan_first = {w[0] for w in cues["tibetan"]} - first_char
    left = {w[-1] for w in titles()} | {w[-1] for w in cues["before"]} | PUNCT | {"在", "的"}
    return {
        "single": {s for s, kind in surnames.items() if kind == "single"},
        "double": {s for s, kind in surnames.items() if kind == "double"},
        "stop": stop,
        "speech": cues["speech"],
        "after": cues["after"],
        "before": cues["before"],
        "titles": {w for w, kind in titles().items() if kind in ("title", "role")},
        "long_stop": {w for w in stop if len(w) >= 3},
        "deed": cues["deed"],
        "tibetan": cues["tibetan"],
        "first_char": first_char,
        "titled": titled,
        "address": cues.get("address", set()) | {w for w in titles()},
        "official": {w for w, kind in titles().items() if kind == "title" and len(w) >= 2},
        # Where a name may begin: a surname's first character, or a Tibetan name element's (checked
        # with the element), at the text's start or after a character that some anchoring rule needs
        # right before a name. One C-level scan instead of a loop over every character.
        "starts": re.compile(
            f"(?:^|(?<=[{char_class(left)}]))[{char_class(first_char | tibetan_first | titled)}]"
        ),
        "byline": re.compile(
            rf"(?:{byline})[\s:：|]*((?:[\u4e00-\u9fff](?:\s?[\u4e00-\u9fff]){{1,3}})"
            r"(?:[\s、，,]+[\u4e00-\u9fff]{2,4})*)"
        ),
    }


def _anchor(
    text: str, i: int, lex: dict, org_de: bool = False, place_de: bool = False
) -> tuple[tuple[int, int], str] | None:
    """The name starting at `i` and the rule that anchors it, if any (`org_de` / `place_de`: an
    organisation or a place and 的 stand right before it)."""
    left_title = ends_with(text, i, lex["titles"])
    if not left_title and i > 0 and text[i - 1] == "的":
        left_title = ends_with(text, i - 1, lex["titles"])
    left_before = ends_with(text, i, lex["before"], 3)
    left_open = i == 0 or text[i - 1] in PUNCT or bool(left_before)
    if not (left_title or left_open or text[i - 1] in _OTHER_LEFT):
        return None  # no rule below can anchor a name here (most candidates end here)
    readings = readings_at(text, i, lex)
    if (
        not readings
        and left_title
        and text[i] in lex["titled"]
        and text[i + 1 : i + 2] not in _NOT_AFTER_TITLED
    ):
        # 副县长于景川说: a surname that is mostly a function word (于) counts after a title only
        readings = readings_at(text, i, lex, titled=True)
        if readings:
            picked = choose(
                text, [(s, e, score) for s, e in readings if (score := right_score(text, e, lex)[0])]
            )
            return (picked, "title") if picked else None
    if not readings:
        return None
    scored = [(s, e, *right_score(text, e, lex)) for s, e in readings]
    rules = (
        ("title", lambda o: bool(left_title) and o[2] > 0),
        ("speech", lambda o: left_open and o[3] == "speech"),
        ("dash", lambda o: text[max(0, i - 2) : i] == "——" and o[3] in ("punct", "after")),
        ("apposition", lambda o: left_open and _apposition(text, o[1], lex)),
        ("frame", lambda o: i > 0 and text[i - 1] == "在" and bool(_FRAME.match(text, o[1]))),
        ("title_after", lambda o: left_open and _title_follows(text, o[1], lex)),
        ("deed", lambda o: (i == 0 or text[i - 1] in PUNCT) and bool(starts_with(text, o[1], lex["deed"]))),
        ("origin", lambda o: (i == 0 or text[i - 1] in PUNCT) and bool(_ORIGIN.match(text, o[1]))),
        # 某某同志任…: 同志 after a name that opens a clause
        ("comrade", lambda o: left_open and text.startswith("同志", o[1])),
        # 今年45岁的某某: an age makes the next word a person
        ("age", lambda o: o[2] > 0 and bool(_AGE.search(text, max(0, i - 8), i))),
        # 某某是北京市派到河北的第三批挂职干部: a copula and a clause that ends with a title or role
        (
            "copula",
            lambda o: left_open and text.startswith("是", o[1]) and _apposition(text, o[1], lex, "是"),
        ),
        # 某县卫生健康委员会的王某，… / …的王某来到某县: a member of the body named before, closed by
        # punctuation, a speech verb, a deed or a travel verb; the given part is no form of address (张总).
        (
            "member",
            lambda o: (
                (
                    (
                        org_de
                        and (
                            o[2] == 3
                            or text.startswith(_TRAVEL, o[1])
                            or bool(starts_with(text, o[1], lex["deed"]))
                            or bool(_ORIGIN.match(text, o[1]))
                        )
                    )
                    # after a place (成都的熊猫。) only a move on secondment makes a person
                    or (place_de and bool(_ORIGIN.match(text, o[1])))
                )
                and text[o[0] + 1 : o[1]] not in lex["address"]
            ),
        ),
    )
    for rule, test in rules:
        picked = choose(text, [(o[0], o[1], o[2]) for o in scored if test(o)])
        if picked:
            return picked, rule
    return None


def _title_follows(text: str, end: int, lex: dict) -> bool:
    """王某副市长指出: an official title right after the name, itself closed by a verb or punctuation."""
    title = starts_with(text, end, lex["official"], 8)
    return bool(title) and right_score(text, end + len(title), lex)[0] >= 2  # type: ignore[arg-type]


def _apposition(text: str, end: int, lex: dict, opener: str = "，,") -> bool:
    """王某，某局副主任科员，…: a comma (or another `opener`), then a clause that ends with an official
    title."""
    if end >= len(text) or text[end] not in opener:
        return False
    clause = re.match(r"[^，,。；\n]{2,30}", text[end + 1 :])
    return clause is not None and ends_with(clause.group(0), len(clause.group(0)), lex["titles"]) is not None


def _dotted(text: str, lex: dict) -> list[tuple[int, int]]:
    """Names whose parts are joined by a middle dot (买买提·艾力): after a title, closed on the right by
    a verb, a closing word or punctuation; or at an open left side, closed by a speech verb."""
    found: list[tuple[int, int]] = []
    for dot in _DOTS.finditer(text):
        at = dot.start()
        start = at
        while start > at - 9 and start > 0 and CJK.match(text[start - 1]):
            start -= 1
        if at - start < 2 or (found and found[-1][1] > at):
            continue  # no left part, or a later dot of a name already taken
        # The last part runs to the first character that is neither Han nor a dot (at most 8 each).
        end, part = at + 1, 0
        while end < len(text) and part < 8 and (CJK.match(text[end]) or text[end] in "·•・"):
            part = 0 if text[end] in "·•・" else part + 1
            end += 1
        last = end - part
        titled = [
            s
            for s in range(start, at - 1)
            if ends_with(text, s, lex["titles"])
            or (s > 0 and text[s - 1] == "的" and ends_with(text, s - 1, lex["titles"]))
        ]
        open_left = start > at - 9 and (start == 0 or text[start - 1] in PUNCT)
        for e in range(last + 2, end + 1):
            score, kind = right_score(text, e, lex)
            if titled and score > 0:
                found.append((titled[-1], e))  # after the title nearest the name (…委员会主任 …)
                break
            if open_left and kind == "speech":
                found.append((start, e))
                break
    return found


def _bare(text: str, lex: dict) -> list[tuple[int, int]]:
    """Names without a Han surname (其其格, 巴特尔) right after 干部: closed on the right, and said
    elsewhere in the article to speak with an open left side (“…”其其格说) — the two together."""
    found: list[tuple[int, int]] = []
    spoken: set[str] | None = None
    for cue in re.finditer(r"干部(?=[\u4e00-\u9fff])", text):
        at = cue.end()
        for size in (4, 3, 2):
            token = text[at : at + size]
            if len(token) < size or not all(CJK.match(c) and c not in _NOT_BARE for c in token):
                continue
            if token in lex["stop"] or token[:2] in lex["stop"] or right_score(text, at + size, lex)[0] < 2:
                continue
            if spoken is None:
                spoken = _spoken_tokens(text)
            if token in spoken:
                found.append((at, at + size))
                break
    return found


def _spoken_tokens(text: str) -> set[str]:
    """Every 2–4 character token that opens a clause and is followed by 说/表示/介绍 (one pass)."""
    tokens = set()
    for verb in _SPEECH_AFTER_BARE.finditer(text):
        end = verb.start()
        for size in (2, 3, 4):
            start = end - size
            if start == 0 or (start > 0 and text[start - 1] in PUNCT):
                tokens.add(text[start:end])
    return tokens


def _list_members(text: str, anchored: dict[str, str], lex: dict, blocked: Any) -> None:
    """副市长王某、李某参加: a name right after an anchored one and a list dash, closed on the right,
    is a person too (and may open the next one)."""
    longest = max(map(len, anchored), default=0)
    dashes = [m.start() for m in re.finditer("、", text)]
    grew = True
    while grew:  # a listed name may open the next one: 甲、乙、丙
        grew = False
        for dash in dashes:
            if not any(text[dash - n : dash] in anchored for n in range(2, longest + 1) if dash >= n):
                continue
            at = dash + 1
            options = [
                (start, end, score)
                for start, end in readings_at(text, at, lex)
                if (score := right_score(text, end, lex)[0]) > 0
            ]
            picked = choose(text, options)
            if picked and not blocked(*picked) and text[picked[0] : picked[1]] not in anchored:
                anchored[text[picked[0] : picked[1]]] = "list"
                longest = max(longest, picked[1] - picked[0])
                grew = True


def _covers_short_places(taken: MentionIndex, start: int, end: int) -> bool:
    """Whether everything the name [start, end) overlaps is a place written in short form (海宁 for
    海宁市) that begins inside its given part: 周海宁 is a name, 张家口 and 吴江区 are not."""
    overlapping = taken.overlapping(start, end)
    return bool(overlapping) and all(
        m.type == "city" and start < m.start and m.end <= end and m.text != m.name for m in overlapping
    )


def _bylined(text: str, lex: dict) -> set[str]:
    """Names written after 记者, 责任编辑 …: authors, never people."""
    names: set[str] = set()
    for match in lex["byline"].finditer(text):
        for part in re.split(r"[、，,]+|\s{2,}", match.group(1)):
            names.add(re.sub(r"\s", "", part))
    return names


def recognize_people(page: Page, known: list[Mention]) -> list[Mention]:
    """Mentions of type 'person' in `page.text`: anchored names, then their other occurrences."""
    text, lex = page.text, _lexicons()
    taken = MentionIndex(m for m in known if m.type in ("city", "organisation"))
    banned = _bylined(text, lex) | lex["stop"]
    first_char = lex["first_char"]

    def banned_name(name: str) -> bool:
        return (
            name in banned
            or name[:2] in lex["stop"]
            or name[:3] in lex["long_stop"]
            or name[:4] in lex["long_stop"]
        )

    def blocked(start: int, end: int) -> bool:
        return banned_name(text[start:end]) or bool(taken.overlapping(start, end))

    # Names whose given part reads as a place's short form (周海宁 holds 海宁): a strong anchor wins
    # over the gazetteer, and every occurrence of such a name is the person.
    over_places: set[str] = set()

    anchored: dict[str, str] = {}
    # A 讲述人 line names its narrator whatever the name looks like (次仁旺堆 has no Han surname);
    # a self-introduction (我叫某某) needs a surname.
    for match in NARRATOR_LINE.finditer(text):
        name = match.group("name")
        if name not in banned and not any(w in name for w in ("记者", "整理")):
            anchored.setdefault(name, "narrator")
    for match in SELF_INTRO.finditer(text):
        name = match.group("name")
        if (
            readings_at(name, 0, lex)
            and len(name) <= 4
            and name not in banned
            and not blocked(*match.span("name"))
        ):
            anchored.setdefault(name, "self-introduction")
    for start, end in _dotted(text, lex):
        if text[start:end] not in banned:
            anchored.setdefault(text[start:end], "dotted")
    for start, end in _bare(text, lex):
        if not blocked(start, end):
            anchored.setdefault(text[start:end], "bare")
    for candidate in lex["starts"].finditer(text):
        i = candidate.start()
        if (
            text[i] not in first_char
            and text[i : i + 2] not in lex["tibetan"]
            and text[i] not in lex["titled"]
        ):
            continue
        org_de = i > 1 and text[i - 1] == "的" and bool(taken.ending_at(i - 1, "organisation"))
        place_de = i > 1 and text[i - 1] == "的" and bool(taken.ending_at(i - 1, "city"))
        found = _anchor(text, i, lex, org_de, place_de)
        if not found:
            continue
        (start, end), rule = found
        if not blocked(start, end):
            anchored.setdefault(text[start:end], rule)
        elif rule in _STRONG and not banned_name(text[start:end]) and _covers_short_places(taken, start, end):
            anchored.setdefault(text[start:end], rule)
            over_places.add(text[start:end])
    _list_members(text, anchored, lex, blocked)
    mentions: list[Mention] = []
    if not anchored:
        return mentions
    pattern = re.compile("|".join(sorted(map(re.escape, anchored), key=len, reverse=True)))
    for match in pattern.finditer(text):
        name = match.group(0)
        if name not in over_places and blocked(match.start(), match.end()):
            continue
        mentions.append(Mention("person", name, match.start(), match.end(), name, f"person:{anchored[name]}"))
    return mentions
