"""Page chrome: which lines of a page are navigation, share bars, sidebars, footers or captions.

General heuristics driven by `rules/chrome.tsv`: vocabulary of web-page furniture, the shape of a line
(navigation separators, no Han text, menu items repeated) and position (after a 相关阅读 or 责任编辑
footer marker everything is chrome).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property

from ingest.rules_data import load_rules

_LINE = re.compile(r"[^\n]+")
_WS = " \t\r\f\v\u00a0\u3000\u2002\u2003\u200b\ufeff"
_HAN = re.compile(r"[\u4e00-\u9fff]")
SENTENCE_PUNCT = re.compile(r"[，,。！？!?；;、：]")
_TERMINAL = re.compile(r"[。！？!?；;…”’」』)）]$")
_NAV_SEP = re.compile(r"[|｜»›>]|→")
_BRACKET_ITEM = re.compile(r"[\[【][^\]】]{0,12}[\]】]")
_PROSE = re.compile(r"[，,。！？!?；;]")
_SQUEEZE = re.compile(r"[\s|｜\[\]【】<>《》»›•·\-_:：,，.。!！?？+()（）\d]+")
SHORT = 30  # a line this short without sentence punctuation is a heading, a menu item or metadata


@dataclass
class Line:
    """A stripped line of the page; `start`/`end` index the (simplified) page text."""

    start: int
    end: int
    text: str

    @cached_property
    def han(self) -> int:
        """Number of Han characters among the first 64 (enough for the small thresholds it serves)."""
        return len(_HAN.findall(self.text, 0, 64))

    @cached_property
    def body(self) -> bool:
        """A paragraph of running text: long, with at least two sentence punctuation marks."""
        if len(self.text) < 40:
            return False
        first = SENTENCE_PUNCT.search(self.text)
        return first is not None and SENTENCE_PUNCT.search(self.text, first.end()) is not None


def split_lines(text: str) -> list[Line]:
    """Non-blank lines with surrounding white space (incl. full-width spaces) removed."""
    lines = []
    for match in _LINE.finditer(text):
        raw = match.group()
        stripped = raw.strip(_WS)
        if stripped:
            start = match.start() + len(raw) - len(raw.lstrip(_WS))
            lines.append(Line(start, start + len(stripped), stripped))
    return lines


def is_body(line: Line) -> bool:
    """A paragraph of running text: long, with sentence punctuation."""
    return line.body


def ends_sentence(line: Line) -> bool:
    """Whether the line ends with sentence-final punctuation or a closing quote."""
    return bool(_TERMINAL.search(line.text))


@dataclass(frozen=True)
class _Rules:
    lines: frozenset[str]
    phrases: tuple[str, ...]
    anchored: re.Pattern[str]  # at the line's start: any line
    strong: re.Pattern[str]  # anywhere: any line
    weak: re.Pattern[str]  # anywhere: lines that are not running text
    footer: re.Pattern[str]
    caption: re.Pattern[str]


def _alternation(patterns: list[str] | tuple[str, ...]) -> str:
    return "|".join(f"(?:{p})" for p in patterns) or "(?!)"


@cache
def _rules() -> _Rules:
    rules = load_rules("chrome.tsv")
    regexes = rules.get("regex", ())
    return _Rules(
        lines=frozenset(rules.get("line", ())),
        phrases=rules.get("phrase", ()),
        anchored=re.compile(_alternation([p for p in regexes if p.startswith("^")])),
        strong=re.compile(_alternation(rules.get("strong", ()))),
        weak=re.compile(_alternation([p for p in regexes if not p.startswith("^")])),
        # A footer marker may stand in brackets: 【责任编辑：X】, [相关阅读].
        footer=re.compile("^[【\\[〔]?(?:" + "|".join(map(re.escape, rules.get("footer", ()))) + ")"),
        caption=re.compile("|".join(map(re.escape, rules.get("caption", ())))),
    )


def is_footer_marker(line: Line) -> bool:
    """A short label line opening the footer (相关阅读, 点击排行, 责任编辑 …); a sentence that starts
    with the same words (相关新闻发布会于5日召开。) is article text and closes nothing."""
    text = line.text
    return len(text) <= SHORT and bool(_rules().footer.match(text)) and not _PROSE.search(text)


def is_article_item(line: Line) -> bool:
    """A line that only weak evidence calls furniture (a chrome word, a bullet) and that can be the
    article's own subheading or list item (搭建政务服务客户端, · 新建厂房10万平方米)."""
    text = line.text
    for phrase in _rules().phrases:
        text = text.replace(phrase, "")
    # A button (展开全文, 我要评论) is all chrome words; a subheading says something besides them.
    enough = len(_HAN.findall(text)) >= 4
    return enough and not _NAV_SEP.search(line.text) and not is_chrome(line, weak=False)


def is_caption(line: Line) -> bool:
    """A photo caption or credit line."""
    return bool(_rules().caption.search(line.text))


def is_chrome(line: Line, previous: Line | None = None, weak: bool = True) -> bool:
    """Whether a line is page furniture rather than article text.

    `weak=False` asks for firm evidence only: not a chrome phrase, a bullet or a repeated line, which
    inside an article can be a subheading or a list item.
    """
    rules = _rules()
    text = line.text
    if line.han < 2 or rules.anchored.match(text) or rules.strong.search(text):
        return True
    # Running text that merely mentions 版权所有 or 未经授权 is an article sentence, never chrome.
    if is_body(line) and _PROSE.search(text):
        return False
    if rules.weak.search(text):
        return True
    if is_body(line):
        return False
    if _SQUEEZE.sub("", text) in rules.lines:
        return True
    short = len(text) <= SHORT and not SENTENCE_PUNCT.search(text.rstrip("?？!！"))
    if weak and short and any(p in text for p in rules.phrases):
        return True
    # Navigation: several separators (首页 » 新闻 » 正文, | 手机版 | 无图版), a trailing ›, [ 按钮 ].
    if short and (len(_NAV_SEP.findall(text)) >= 2 or text.endswith((">", "»", "›"))):
        return True
    if len(_BRACKET_ITEM.findall(text)) >= 2:
        return True
    if weak and text.startswith(("•", "·")) and len(text) <= 40 and "。" not in text:
        return True  # bulleted link lists
    # Menu items are often printed twice (text and image alt): a short line repeating the line above.
    return weak and short and previous is not None and previous.text == text
