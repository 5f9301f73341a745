"""How a surname-led token may read as a name, and how well its right side closes it: the primitives
the people recognizer's anchoring rules are built from (`ingest/recognize/people.py`)."""

from __future__ import annotations

import re

from ingest.relate.common import PUNCT

CJK = re.compile(r"[\u4e00-\u9fff]")
# Characters that do not occur in given names (function words, units, administrative suffixes).
NOT_GIVEN = set(
    "的了在是和与及等说市省县区局委厅办处科副年月日个们这那我你他她它之于而其并或也还就都对从向把被将已"
    "为有不没很最更所该此各每些啥吗呢吧啊来去到上下内外里前后间时区镇乡村街道路号楼层届期次项名位"
    "公司厂院校站所部会团组队协议记任职挂表示介绍坦言认为指出告诉"
)


def char_class(chars: set[str]) -> str:
    """The inside of a regex character class holding `chars`."""
    return "".join(sorted(re.escape(c) for c in chars))


def starts_with(text: str, at: int, words: set[str], longest: int = 4) -> str | None:
    """The longest of `words` (up to `longest` characters) that `text[at:]` begins with."""
    for size in range(longest, 0, -1):
        if text[at : at + size] in words:
            return text[at : at + size]
    return None


def ends_with(text: str, at: int, words: set[str], longest: int = 8) -> str | None:
    """The longest of `words` (up to `longest` characters) that `text[:at]` ends with."""
    for size in range(longest, 0, -1):
        if at - size >= 0 and text[at - size : at] in words:
            return text[at - size : at]
    return None


def right_score(text: str, end: int, lex: dict) -> tuple[int, str | None]:
    """How well the name ending at `end` is closed on the right, and by what kind of word."""
    if end >= len(text) or text[end] in PUNCT:
        return 3, "punct"
    speech = starts_with(text, end, lex["speech"])
    if speech:
        return 3, "speech"
    after = starts_with(text, end, lex["after"])
    if after:
        return (2 if len(after) > 1 else 1), "after"
    if text[end].isdigit():
        return 1, "digit"  # 王某2021年起挂职…: no name runs on into a date
    return 0, None


def readings_at(text: str, i: int, lex: dict, titled: bool = False) -> list[tuple[int, int]]:
    """(start, end) of the plausible names starting at `i`: surname plus one or two given characters
    (`titled`: surnames that only count after a title are allowed too)."""
    found = []
    for surname_len in (2, 1):
        surname = text[i : i + surname_len]
        if (surname_len == 2 and surname not in lex["double"]) or (
            surname_len == 1 and surname not in lex["single"] and not (titled and surname in lex["titled"])
        ):
            continue
        for given in (1, 2):
            end = i + surname_len + given
            chars = text[i + surname_len : end]
            if (
                len(chars) == given
                and all(CJK.match(c) and c not in NOT_GIVEN for c in chars)
                # 王书记说, 刘行长表示: the "given name" begins a title; 孟书瑶, 聂长风 are names
                and not starts_with(text, i + surname_len, lex["titles"])
            ):
                found.append((i, end))
        if found:
            break
    if text[i : i + 2] in lex["tibetan"] and text[i + 2 : i + 4] in lex["tibetan"]:
        found.append((i, i + 4))  # 扎西多吉: two Tibetan name elements, no surname
    return found


def choose(text: str, options: list[tuple[int, int, int]]) -> tuple[int, int] | None:
    """Pick the reading whose right side closes best; recurrence decides between two good ones."""
    if not options:
        return None
    if len(options) == 1:
        return options[0][0], options[0][1]
    short, long_ = sorted(options, key=lambda o: o[1] - o[0])[:2]
    n_short = text.count(text[short[0] : short[1]])
    n_long = text.count(text[long_[0] : long_[1]])
    if n_short >= 2 and n_long == n_short:
        return long_[0], long_[1]
    if n_short >= 2 and n_long == 1 and short[2] > 0:
        return short[0], short[1]
    best = max(options, key=lambda o: (o[2], o[1] - o[0]))
    return best[0], best[1]
