"""Cleaning: a decoded article → a `Page` in Simplified Chinese, without chrome, with metadata and sentences.

Steps: convert to Simplified when Traditional (keeping an offset map), split into lines, label each
line (body, heading text, byline, metadata, caption, chrome, footer), read the metadata from the
labelled lines, keep the article lines, split sentences.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import overload

from ingest import chrome, meta
from ingest.chrome import Line
from ingest.convert import has_traditional, simplify, to_simplified
from ingest.document import Page, RawArticle
from ingest.sentences import split_sentences

KEEP = frozenset({"body", "text"})
_TITLE_SPLIT = re.compile(r"\s*(?:[_|｜]|\s[-–—]\s)\s*")


def clean(raw: RawArticle) -> Page:
    """Clean a decoded article into a Page (body text, offsets to the original, metadata, sentences)."""
    simple, conv_map = simplify(raw.text)
    lines = chrome.split_lines(simple)
    kinds = label_lines(lines)
    credits = _cut_lead_credits(lines, kinds)
    # Markup hints (<title>, <h1>) come from the undecoded page: Simplified like the lines they match.
    hints = {key: _simplified(value) for key, value in raw.hints.items()}
    title = find_title(lines, kinds, hints)
    text, offsets = _assemble([ln for ln, k in zip(lines, kinds, strict=True) if k in KEEP], conv_map)
    authors = find_authors(lines, kinds, credits)
    return Page(
        article=Path(raw.path).name,
        article_id=raw.article_id,
        original=raw.text,
        text=text,
        offsets=offsets,
        sentences=split_sentences(text),
        title=_simplified(title),
        published=find_published(lines, kinds, hints),
        source=_simplified(find_source(lines, kinds)),
        authors=[_simplified(a) for a in authors],
        path=raw.path,
        url=raw.url,
    )


def label_lines(lines: list[Line]) -> list[str]:
    """One label per line: body, text, byline, meta, caption, chrome or footer."""
    kinds: list[str] = []
    body_started = in_footer = False
    previous: Line | None = None
    ahead = _body_ahead(lines)
    seen = 0  # characters of running-text paragraphs kept so far
    lists: list[int] = []  # footer markers met before the article's body (a 点击排行 list above it)
    for i, line in enumerate(lines):
        if in_footer:
            # An editor credit below the sidebars (相关阅读 … 【责任编辑：X】) still names an author.
            kind = "byline" if meta.is_credit_line(line) else "footer"
        elif chrome.is_footer_marker(line) and (not body_started or seen < ahead[i]):
            # A sidebar above the article (its items may look like short paragraphs) ends nothing:
            # the article's running text still lies ahead, more of it than was seen so far.
            kind = "byline" if meta.is_byline(line) else "chrome"
            lists.append(i)
        elif body_started and chrome.is_footer_marker(line):
            kind, in_footer = ("byline" if meta.is_byline(line) else "chrome"), True
        elif chrome.is_caption(line):
            kind = "caption"
        elif len(line.text) > meta.BYLINE_MAX and chrome.is_body(line):
            # A long paragraph is never a byline or a metadata line: only chrome vocabulary can drop it.
            kind = "chrome" if chrome.is_chrome(line, previous) else "body"
            body_started = body_started or kind == "body"
            seen += len(line.text) if kind == "body" else 0
        elif meta.is_narrator(line):
            kind = "text"
        elif meta.is_byline(line):
            kind = "byline"
        elif meta.line_source(line) or meta.line_date(line, marked_only=True) or meta.is_date_line(line):
            kind = "meta"
        elif chrome.is_chrome(line, previous):
            kind = "chrome"
        elif chrome.is_body(line):
            kind, body_started = "body", True
        else:
            kind = "text"
            # A short paragraph also opens the body (so a later 责任编辑 still closes it).
            body_started = body_started or (line.han >= 10 and chrome.ends_sentence(line))
        kinds.append(kind)
        previous = line
    for start in lists:
        _drop_sidebar_list(lines, kinds, start)
    _mark_signatures(lines, kinds)
    _keep_subheadings(lines, kinds)
    return kinds


def _body_ahead(lines: list[Line]) -> list[int]:
    """For each line, the characters of running-text paragraphs from it to the end (a suffix sum)."""
    ahead = [0] * (len(lines) + 1)
    for i in range(len(lines) - 1, -1, -1):
        ahead[i] = ahead[i + 1] + (len(lines[i].text) if chrome.is_body(lines[i]) else 0)
    return ahead


def _drop_sidebar_list(lines: list[Line], kinds: list[str], start: int) -> None:
    # The items of a list headed by a footer marker above the article are chrome, down to the
    # headline: the last short line before the article's metadata or first paragraph.
    end = start + 1
    while end < len(lines) and kinds[end] in ("text", "chrome") and not chrome.is_body(lines[end]):
        end += 1
    if end >= len(lines) or end - start < 2:
        return
    for j in range(start + 1, end - 1):
        if kinds[j] == "text":
            kinds[j] = "chrome"


def _keep_subheadings(lines: list[Line], kinds: list[str]) -> None:
    # Inside the article (between kept lines, below the first paragraph) a run of lines that only weak
    # evidence calls chrome is the article's own: subheadings with 客户端 or 搜索, bulleted lists.
    seen_body = False
    i = 1
    while i < len(lines) - 1:
        seen_body = seen_body or kinds[i - 1] == "body"
        if not (seen_body and kinds[i] == "chrome" and kinds[i - 1] in KEEP):
            i += 1
            continue
        end = i
        while end < len(lines) and kinds[end] == "chrome" and chrome.is_article_item(lines[end]):
            end += 1
        if end > i and end < len(lines) and kinds[end] in KEEP:
            kinds[i:end] = ["text"] * (end - i)
        i = max(end, i + 1)


def _mark_signatures(lines: list[Line], kinds: list[str]) -> None:
    # A bare name between a heading and its first paragraph signs a commentary: a byline.
    for i in range(1, len(lines) - 1):
        if (
            kinds[i] == "text"
            and kinds[i - 1] == "text"
            and kinds[i + 1] == "body"
            and meta.is_surname_line(lines[i])
        ):
            kinds[i] = "byline"


def _head(kinds: list[str]) -> int:
    return kinds.index("body") if "body" in kinds else len(kinds)


def find_title(lines: list[Line], kinds: list[str], hints: dict[str, str]) -> str | None:
    """The headline: the markup's <h1>/<title> when given, else the longest heading line above the body."""
    for hint in (hints.get("h1"), _TITLE_SPLIT.split(hints.get("title", ""))[0]):
        if hint and len(hint) >= 4:
            return next((ln.text for ln in lines if ln.text == hint), hint)
    head = [ln for ln, k in zip(lines[: _head(kinds)], kinds, strict=False) if k == "text"]
    candidates = [ln for ln in head if meta.title_candidate(ln)]
    return max(candidates, key=lambda ln: len(ln.text)).text if candidates else None


def find_published(lines: list[Line], kinds: list[str], hints: dict[str, str]) -> str | None:
    """Publication date: a metadata line above the body, else one in bylines/footers, else the markup."""
    head = _head(kinds)
    for i, line in enumerate(lines):
        if kinds[i] == "body" or (i > head and kinds[i] not in ("meta", "byline", "footer", "chrome")):
            continue
        found = meta.line_date(line, marked_only=i > head) or (meta.is_date_line(line) and i < head)
        if isinstance(found, str):
            return found
        if found:
            return meta.line_date(line, marked_only=False)
    return meta.normalise_date(hints["published"]) if "published" in hints else None


def find_source(lines: list[Line], kinds: list[str]) -> str | None:
    """The outlet: a 来源: line, else an outlet named in a byline."""
    for line, kind in zip(lines, kinds, strict=True):
        if kind != "body" and (source := meta.line_source(line)):
            return source
    for line, kind in zip(lines, kinds, strict=True):
        if kind == "byline" and (outlet := meta.byline_outlet(line)):
            return outlet
    return None


def _cut_lead_credits(lines: list[Line], kinds: list[str]) -> dict[int, list[str]]:
    """Cut dateline credits (本报讯（记者 X）…) off the paragraphs they open; their names by line index."""
    credits: dict[int, list[str]] = {}
    for i, (line, kind) in enumerate(zip(lines, kinds, strict=True)):
        if kind not in KEEP or (found := meta.lead_credit(line)) is None:
            continue
        cut, credits[i] = found
        lines[i] = Line(line.start + cut, line.end, line.text[cut:])
        if not lines[i].text:
            kinds[i] = "byline"
    return credits


def find_authors(
    lines: list[Line], kinds: list[str], credits: dict[int, list[str]] | None = None
) -> list[str]:
    """Journalists, editors and signing authors from the byline lines and lead credits, in page order."""
    authors: list[str] = []
    for i, (line, kind) in enumerate(zip(lines, kinds, strict=True)):
        if credits and i in credits:
            names = credits[i]
        elif kind != "byline":
            continue
        else:
            names = [line.text] if meta.is_surname_line(line) else meta.byline_authors(line)
        authors.extend(n for n in names if n not in authors)
    return authors


@overload
def _simplified(text: str) -> str: ...
@overload
def _simplified(text: None) -> None: ...
def _simplified(text: str | None) -> str | None:
    """A metadata field in Simplified Chinese (names are Simplified even on a mixed page)."""
    if text is None or not has_traditional(text):
        return text
    return to_simplified(text)[0]


def _assemble(kept: list[Line], conv_map: list[int] | None) -> tuple[str, list[int]]:
    """Join kept lines into the page text; offsets map each character to the original text."""
    parts: list[str] = []
    offsets: list[int] = []
    for i, line in enumerate(kept):
        if i:
            prev = kept[i - 1]
            if not _continues(prev, line):
                parts.append("\n")
                offsets.append(_orig(prev.end, conv_map))
        parts.append(line.text)
        offsets.extend(conv_map[line.start : line.end] if conv_map else range(line.start, line.end))
    return "".join(parts), offsets


def _continues(prev: Line, line: Line) -> bool:
    # A paragraph cut by a page break (…印象最深的是昆山园区的 / 干部都很务实…) is joined again.
    return (
        not chrome.ends_sentence(prev)
        and (len(prev.text) >= 80 or "。" in prev.text)
        and len(line.text) >= 20
        and (chrome.is_body(line) or chrome.ends_sentence(line))
    )


def _orig(index: int, conv_map: list[int] | None) -> int:
    if conv_map is None:
        return index
    return conv_map[index] if index < len(conv_map) else (conv_map[-1] + 1 if conv_map else index)
