"""HTML → text: block structure kept as line breaks, scripts, styles and navigation dropped."""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Elements whose whole content is never article text.
SKIP_TAGS = frozenset(
    {"script", "style", "noscript", "template", "svg", "iframe", "nav", "aside", "form", "select",
     "button", "footer", "object", "canvas"}
)  # fmt: skip
# Containers whose class or id says they are page furniture (menus, share bars, sidebars…).
SKIP_CONTAINERS = frozenset({"div", "ul", "ol", "section", "header", "table", "span", "p", "dl"})
FURNITURE = re.compile(
    r"(?i)(^|[-_\s])(nav|navbar|menu|breadcrumbs?|crumbs?|share|sharebar|sidebar|side|footer|foot|"
    r"copyright|related|recommend|hot|rank|comment|comments|login|toolbar|ad|ads|advert|banner)($|[-_\s\d])"
)
BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table",
     "section", "article", "header", "blockquote", "dd", "dt", "dl", "pre", "hr", "figure", "figcaption",
     "title", "main", "center"}
)  # fmt: skip
VOID_TAGS = frozenset({"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "wbr", "source"})
HTML_SNIFF = re.compile(r"(?is)^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title|div|p)\b")
TAG_COUNT = re.compile(r"(?i)</?(p|div|br|span|a|table|td|li|body|html)\b[^>]*>")
DATE_META = frozenset(
    {"pubdate", "publishdate", "publish_date", "article:published_time", "og:published_time", "date"}
)


def looks_like_html(text: str) -> bool:
    """Cheap sniff: a leading HTML tag, or many common tags in the first few kilobytes."""
    head = text[:4096]
    return bool(HTML_SNIFF.match(head)) or len(TAG_COUNT.findall(head)) >= 5


class _Extractor(HTMLParser):
    def __init__(self, furniture: bool = True) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.furniture = furniture  # skip containers whose class or id says menu, share bar, sidebar…
        self.skip_tag: str | None = None  # tag that opened the skipped region
        self.skip_by_class = False  # the skipped region was opened by a furniture class, not its tag
        self.skip_depth = 0
        self.in_title = False
        self.in_h1 = False
        self.hints: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip_tag is not None:
            if tag == self.skip_tag and tag not in VOID_TAGS:
                self.skip_depth += 1
            return
        if tag == "meta":
            self._meta(dict(attrs))
            return
        marker = " ".join(v for k, v in attrs if k in ("class", "id") and v)
        by_class = (
            self.furniture and tag in SKIP_CONTAINERS and bool(marker) and bool(FURNITURE.search(marker))
        )
        if tag in SKIP_TAGS or by_class:
            if tag not in VOID_TAGS:
                self.skip_tag, self.skip_depth = tag, 1
                self.skip_by_class = tag not in SKIP_TAGS
            return
        if tag in BLOCK_TAGS:
            self.parts.append("\n")
        self.in_title = self.in_title or tag == "title"
        self.in_h1 = self.in_h1 or (tag == "h1" and "h1" not in self.hints)

    def handle_endtag(self, tag: str) -> None:
        if self.skip_tag is not None:
            if tag == self.skip_tag:
                self.skip_depth -= 1
                if self.skip_depth == 0:
                    self.skip_tag = None
            return
        if tag in BLOCK_TAGS:
            self.parts.append("\n")
        if tag == "title":
            self.in_title = False
        if tag == "h1":
            self.in_h1 = False

    def handle_data(self, data: str) -> None:
        if self.skip_tag is not None:
            return
        if self.in_title:
            self.hints["title"] = self.hints.get("title", "") + data.strip()
            return  # <title> repeats the headline with a site suffix: a hint, not body text
        if self.in_h1:
            self.hints["h1"] = self.hints.get("h1", "") + data.strip()
        self.parts.append(data)

    def _meta(self, attrs: dict[str, str | None]) -> None:
        key = (attrs.get("name") or attrs.get("property") or "").lower()
        content = attrs.get("content")
        if content and key in DATE_META:
            self.hints.setdefault("published", content.strip())


# Tags longer than this (inline base64 images, attribute floods) carry no text; html.parser reads their
# attributes one by one in Python, so they are cut out before parsing.
_LONG_TAG = re.compile(r"<[^<>]{4096,}>")
_BLANKS = re.compile(r"[ \t\r\f\v\u00a0]*\n[\s\u00a0]*")


def html_to_text(html: str) -> tuple[str, dict[str, str]]:
    """Visible text of an HTML page, one block per line, and hints (title, h1, published)."""
    html = _LONG_TAG.sub(" ", html)
    parser = _Extractor()
    parser.feed(html)
    parser.close()
    if parser.skip_tag is not None and parser.skip_by_class:
        # A furniture container never closed (broken markup) swallowed the rest of the page, article
        # included: read the page again keeping such containers; line-level chrome rules still apply.
        parser = _Extractor(furniture=False)
        parser.feed(html)
        parser.close()
    text = _BLANKS.sub("\n", "".join(parser.parts)).strip()
    return text, parser.hints
