"""Reading: bytes on disk → a decoded `RawArticle` (plain text or HTML), or a clear `ReadError`."""

from __future__ import annotations

import codecs
import hashlib
import re
from pathlib import Path

import charset_normalizer

from ingest.document import RawArticle
from ingest.htmltext import html_to_text, looks_like_html

MAX_BYTES = 10 * 1024 * 1024  # larger inputs are not news articles; refuse before reading them
# Visible text beyond this is a book or a dump, not an article (news pages hold < 50k characters);
# the recognizers are not built for it, so it is refused with a clear message rather than left to crawl.
MAX_CHARS = 200_000
_HAN = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})


class ReadError(Exception):
    """An input file that cannot be read as a Chinese article; the message says why."""


def read_article(path: str | Path) -> RawArticle:
    """Read one article file; raises ReadError (empty, binary, undecodable, too large, no Chinese)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ReadError(f"too large: {size / 1024 / 1024:.1f} MB (limit {MAX_BYTES // 1024 // 1024} MB)")
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(f"cannot open: {exc.strerror or exc}") from exc
    return read_bytes(data, name=str(path), html=path.suffix.lower() in HTML_SUFFIXES or None)


def read_bytes(data: bytes, name: str = "<bytes>", html: bool | None = None) -> RawArticle:
    """Decode raw bytes into a RawArticle; `html=None` sniffs the content."""
    if len(data) > MAX_BYTES:
        raise ReadError(f"too large: {len(data) / 1024 / 1024:.1f} MB (limit {MAX_BYTES // 1024 // 1024} MB)")
    if not data.strip():
        raise ReadError("empty file")
    text, encoding = decode(data)
    if html is None:
        html = looks_like_html(text)
    hints: dict[str, str] = {}
    if html:
        text, hints = html_to_text(text)
    if len(text) > MAX_CHARS:
        raise ReadError(
            f"too long: {len(text):,} characters of text (limit {MAX_CHARS:,}); split it into articles"
        )
    if not _HAN.search(text):
        raise ReadError("no Chinese text" if text.strip() else "empty file (no visible text)")
    return RawArticle(
        path=name,
        article_id=hashlib.sha256(data).hexdigest(),
        text=text,
        encoding=encoding,
        hints=hints,
    )


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM), else GB18030 or Big5; ReadError when binary."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8"), "utf-8-sig"
    for bom, enc in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return _strict(data[2:], enc), enc
    if b"\x00" in data:
        raise ReadError("binary file (contains NUL bytes)")
    try:
        return _checked(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    encoding = _guess_cjk(data)
    if encoding is None:
        raise ReadError("cannot decode: not UTF-8, GB18030/GBK or Big5 text (binary?)")
    return _strict(data, encoding), encoding


def _guess_cjk(data: bytes) -> str | None:
    """Among the legacy Chinese encodings that decode the bytes, the one with the most Han text."""
    decodable: dict[str, str] = {}
    for enc in ("gb18030", "big5"):
        try:
            decodable[enc] = data.decode(enc)
        except UnicodeDecodeError:
            continue
    if len(decodable) <= 1:
        return next(iter(decodable), None)
    # Both decode (the byte ranges overlap): ask charset-normalizer on a sample, restricted to the two.
    best = charset_normalizer.from_bytes(data[:65536], cp_isolation=["gb18030", "big5"]).best()
    if best is not None and best.encoding in decodable:
        return best.encoding
    return max(decodable, key=lambda enc: len(_HAN.findall(decodable[enc])))


def _strict(data: bytes, encoding: str) -> str:
    try:
        return _checked(data.decode(encoding))
    except UnicodeDecodeError as exc:
        raise ReadError(f"cannot decode as {encoding}: {exc.reason} at byte {exc.start}") from exc


def _checked(text: str) -> str:
    # Many control characters mean binary content that happened to decode.
    if len(_CONTROL.findall(text[:65536])) > 8:
        raise ReadError("binary file (control characters)")
    return text
