"""Article metadata read from page lines: bylines (authors, outlet), publication date, source, title.

Vocabulary lives in `rules/bylines.tsv`; 讲述人 (narrator) lines are never bylines.
"""

from __future__ import annotations

import re
from functools import cache

from ingest.chrome import Line, is_body
from ingest.rules_data import load_rules

_DATE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*(?:[-/.年])\s*(?P<m>\d{1,2})\s*(?:[-/.月]\s*(?P<d>\d{1,2})\s*日?)?"
)
_TIME = re.compile(r"\d{1,2}[:：]\d{2}")
_NAME = re.compile(r"[\u4e00-\u9fff]{2,3}")
_HAN_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")
_TOKEN = re.compile(r"[\u4e00-\u9fff]+|[^\u4e00-\u9fff\s、，,;；|｜/()（）:：□]+")
BYLINE_MAX = 50  # longer lines are running text that merely mentions a journalist


@cache
def _vocab() -> dict[str, tuple[str, ...]]:
    return load_rules("bylines.tsv")


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    v = _vocab()

    def alt(kind: str) -> str:
        return "|".join(map(re.escape, sorted(v.get(kind, ()), key=len, reverse=True)))

    return {
        "author": re.compile(f"(?:{alt('author')})[:：\\s]*"),
        "tail": re.compile(f"(?:{alt('tail')})$"),
        "outlet": re.compile(f"(?:{alt('outlet')})$"),
        "account": re.compile(f'^[“"「]?(?P<name>[^“”"「」]{{2,16}}?)[”"」]?\\s*(?:{alt("account")})$'),
        "narrator": re.compile(f"^(?:{alt('narrator')})"),
        "date": re.compile(f"(?:{alt('date')})\\s*[:：]"),
        "source_marker": re.compile(f"(?:{alt('source')})\\s*[:：]"),
        "source": re.compile(f"(?:^|\\s)(?:{alt('source')})\\s*[:：]\\s*(?P<name>[^\\s|｜:：]{{2,20}})"),
    }


def normalise_date(text: str) -> str | None:
    """The first date in the text as YYYY-MM-DD, or YYYY-MM when it has no day; None when none."""
    for match in _DATE.finditer(text):
        year, month, day = match.group("y"), int(match.group("m")), match.group("d")
        if not 1 <= month <= 12:
            continue
        if day is None:
            return f"{year}-{month:02d}"
        if 1 <= int(day) <= 31:
            return f"{year}-{month:02d}-{int(day):02d}"
    return None


def is_narrator(line: Line) -> bool:
    """讲述人/口述 lines introduce a person of the story, not an author."""
    return bool(_patterns()["narrator"].match(line.text))


def is_byline(line: Line) -> bool:
    """A short line crediting journalists or editors (记者 X, 责任编辑:X, 文/X, (本报记者 X 整理))."""
    if is_narrator(line) or len(line.text) > BYLINE_MAX or is_body(line) and len(line.text) > 30:
        return False
    return bool(_patterns()["author"].search(line.text)) or bool(_patterns()["account"].match(line.text))


def byline_authors(line: Line) -> list[str]:
    """Names credited by a byline line."""
    account = _patterns()["account"].match(line.text)
    if account:
        return [account.group("name").strip()]
    names: list[str] = []
    for piece in _patterns()["author"].split(line.text)[1:]:
        for token in _merge_singles(_TOKEN.findall(piece)):
            if _patterns()["tail"].fullmatch(token):
                continue  # 整理, 报道 … after the name
            name = _patterns()["tail"].sub("", token)
            if not _HAN_NAME.fullmatch(name):
                break  # the credit ends at the first token that is not a name (SN054, 摄影部 …)
            if name not in names:
                names.append(name)
    return names


def _merge_singles(tokens: list[str]) -> list[str]:
    """Bylines space out two-character names (赵 建): join runs of single Han characters."""
    merged: list[str] = []
    for token in tokens:
        if len(token) == 1 and merged and len(merged[-1]) == 1:
            merged[-1] += token
        else:
            merged.append(token)
    return merged


def byline_outlet(line: Line) -> str | None:
    """The outlet named in a byline (沈阳日报 in 沈阳日报、沈报融媒记者黄超), if any."""
    head = _patterns()["author"].split(line.text)[0]
    head = _patterns()["source_marker"].sub(" ", head)
    for segment in re.split(r"[、，,|｜□\s]+", head):
        segment = segment.strip("()（）【】[]")
        if len(segment) >= 3 and _patterns()["outlet"].search(segment) and not segment.startswith("本"):
            return segment
    return None


def line_source(line: Line) -> str | None:
    """The outlet of a 来源:X line."""
    match = _patterns()["source"].search(line.text)
    return match.group("name").strip('“”"') if match and len(line.text) <= BYLINE_MAX else None


def line_date(line: Line, marked_only: bool) -> str | None:
    """Publication date of a metadata line: marked (发布日期:…), or a short line that is mostly a date."""
    if len(line.text) > BYLINE_MAX or is_body(line):
        return None
    marker = _patterns()["date"].search(line.text)
    if marker:
        return normalise_date(line.text[marker.end() :]) or normalise_date(line.text)
    if marked_only:
        return None
    match = _DATE.search(line.text)
    if not match or not match.group("d"):
        return None
    # A date line is mostly the date, or a date with a time or a 来源 (2018-09-30 10:20 来源:…).
    if len(line.text) - len(match.group()) <= 12 or _TIME.search(line.text) or line_source(line):
        return normalise_date(line.text)
    return None


def is_date_line(line: Line) -> bool:
    """A short line that only gives a date/time (2015-11-17 19:30, 2016年01月04日10:42 综合)."""
    return line_date(line, marked_only=False) is not None and (
        _TIME.search(line.text) is not None or len(line.text) <= 20
    )


def is_surname_line(line: Line) -> bool:
    """A bare two- or three-character name (a commentary's signature under its heading)."""
    text = line.text
    return (
        2 <= len(text) <= 3 and text[0] in _vocab().get("surname", ("",))[0] and bool(_NAME.fullmatch(text))
    )


def title_candidate(line: Line) -> bool:
    """Could this head line be the headline? Short, some Han text, not a subtitle or label."""
    text = line.text
    return (
        line.han >= 5
        and len(text) <= 64
        and not text.startswith(("——", "--", "—"))
        and not text.endswith(("。", "：", ":"))
        and not is_narrator(line)
    )
