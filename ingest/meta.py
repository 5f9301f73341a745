"""Article metadata read from page lines: bylines (authors, outlet), publication date, source, title.

Vocabulary lives in `rules/bylines.tsv`; 讲述人 (narrator) lines are never bylines.
"""

from __future__ import annotations

import re
from functools import cache

from ingest.chrome import Line
from ingest.rules_data import load_rules

_DATE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*(?:[-/.年])\s*(?P<m>\d{1,2})\s*(?:[-/.月]\s*(?P<d>\d{1,2})\s*日?)?"
)
_TIME = re.compile(r"\d{1,2}[:：]\d{2}")
# Full-width digits and separators (２０２０／５／６) read as their ASCII forms.
_FOLD = str.maketrans("０１２３４５６７８９／－．：", "0123456789/-.:")
# Dates in Chinese numerals (二〇二一年七月十八日), as official notices print them.
_CN_DIGIT = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0", "○": "0", "Ｏ": "0"}
_CN_DATE = re.compile(
    r"(?P<y>[〇零○Ｏ一二三四五六七八九]{4})年(?P<m>[一二三四五六七八九十]{1,2})月(?:(?P<d>[一二三四五六七八九十]{1,3})日)?"
)
# A role written after a name with a slash: 张三/文 李四/图 (摄影, 视频 …).
_ROLE_SUFFIX = re.compile(
    r"(?<=[\u4e00-\u9fff]{2})\s*/\s*(?:文字|文|图片|图|摄影|摄|视频|编辑)(?![\u4e00-\u9fff])"
)
# Running text has commas and full stops; metadata bars (发布时间：… 来源：… 浏览次数：…) do not.
_PROSE = re.compile(r"[，,。！？!?；;]")
# A dateline credit opening the first paragraph: 本报讯（记者 X 通讯员 Y）, 新华社北京3月5日电（记者 X）.
_LEAD_CREDIT = re.compile(
    r"^(?:[\u4e00-\u9fff\d]{1,20}?[讯电]\s*)?[（(]\s*(?P<credit>(?:本报|本台|本刊|本网|特约|实习|首席|融媒)?"
    r"(?:记者|通讯员|实习生)[^（）()\n]{1,40}?)\s*[）)]\s*"
)
_NAME = re.compile(r"[\u4e00-\u9fff]{2,3}")
_HAN_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")
_TOKEN = re.compile(r"[\u4e00-\u9fff]+|[^\u4e00-\u9fff\s、，,;；|｜/()（）:：□]+")
BYLINE_MAX = 50  # longer lines are running text that merely mentions a journalist
# A reporter as a character of the story (告诉记者, 记者了解到): a short paragraph, not a credit.
_REPORTER_IN_PROSE = re.compile(
    r"(?:告诉|向|对|接受|跟|给|陪同|带领)(?:本报|本台|本刊)?记者"
    r"|记者(?:了解到|获悉|看到|注意到|发现|采访|专访|探访|走访|走进|来到|跟随|随|从|在)"
)


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
        "source": re.compile(
            f"(?:^|[\\s|｜【\\[（(])(?:{alt('source')})\\s*[:：]\\s*《?(?P<name>[^\\s|｜:：【】\\[\\]（(《》]{{2,20}})"
        ),
    }


def _cn_number(text: str) -> str:
    """十八 → 18, 二十 → 20, 七 → 7 (month and day numerals)."""
    if "十" not in text:
        return "".join(_CN_DIGIT[c] for c in text)
    tens, _, units = text.partition("十")
    return str(int(_CN_DIGIT[tens] if tens else "1") * 10 + int(_CN_DIGIT[units] if units else "0"))


def _cn_date(match: re.Match[str]) -> str:
    year = "".join(_CN_DIGIT[c] for c in match.group("y"))
    day = f"{_cn_number(match.group('d'))}日" if match.group("d") else ""
    return f"{year}年{_cn_number(match.group('m'))}月{day}"


def fold_date_text(text: str) -> str:
    """Text with full-width digits folded and Chinese-numeral dates written in digits."""
    text = text.translate(_FOLD)
    return _CN_DATE.sub(_cn_date, text) if "年" in text else text


def normalise_date(text: str) -> str | None:
    """The first date in the text as YYYY-MM-DD, or YYYY-MM when it has no day; None when none."""
    for match in _DATE.finditer(fold_date_text(text)):
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
    # A credit bar may be long and full of colons (… 作者：X 责任编辑：Y); running text has commas.
    if is_narrator(line) or len(line.text) > BYLINE_MAX or _PROSE.search(line.text) and len(line.text) > 30:
        return False
    if _PROSE.search(line.text) and (
        _REPORTER_IN_PROSE.search(line.text) or line.text.rstrip().endswith(("？", "?"))
    ):
        return False  # 告诉记者… / 记者：…？ (an interview question): the story, not a credit
    return bool(_patterns()["author"].search(line.text)) or bool(_patterns()["account"].match(line.text))


def is_credit_line(line: Line) -> bool:
    """A short line that starts with a credit (【责任编辑：X】, 编辑：X 审核：Y): a byline even in a footer."""
    text = line.text.lstrip("【[（(〔 ")
    match = _patterns()["author"].match(text)
    # The marker must be followed by a separator: 编辑推荐 and 记者节 are not credits.
    if len(line.text) > 30 or match is None or match.group()[-1] not in "：:/｜| \u3000":
        return False
    return bool(byline_authors(line))


def lead_credit(line: Line) -> tuple[int, list[str]] | None:
    """A dateline credit opening a paragraph (本报讯（记者 X）…): where the text resumes, and the names."""
    if "（" not in line.text[:40] and "(" not in line.text[:40]:
        return None
    match = _LEAD_CREDIT.match(line.text)
    if match is None:
        return None
    names = byline_authors(Line(0, 0, match.group("credit")))
    return (match.end(), names) if names else None


def byline_authors(line: Line) -> list[str]:
    """Names credited by a byline line."""
    account = _patterns()["account"].match(line.text)
    if account:
        return [account.group("name").strip()]
    names: list[str] = []
    text = _ROLE_SUFFIX.sub(" ", line.text)
    for piece in _patterns()["author"].split(text)[1:]:
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
    """Publication date of a metadata line: marked (发布日期:…), or a short line that is mostly a date.

    A line of running text (commas, full stops) is never a metadata line, however short; a metadata
    bar may be long and full of colons (发布时间：… 来源：… 浏览次数：…).
    """
    if len(line.text) > BYLINE_MAX or _PROSE.search(line.text):
        return None
    marker = _patterns()["date"].search(line.text)
    if marker:
        return normalise_date(line.text[marker.end() :]) or normalise_date(line.text)
    if marked_only:
        return None
    text = fold_date_text(line.text)
    match = _DATE.search(text)
    if not match or not match.group("d"):
        return None
    # A date line is mostly the date, or a date with a time or a 来源 (2018-09-30 10:20 来源:…).
    if len(text) - len(match.group()) <= 12 or _TIME.search(text) or line_source(line):
        return normalise_date(text)
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
