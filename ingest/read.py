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
# Visible text beyond this is a book or a dump, not an article (news pages hold < 50k characters).
# Extraction is linear in length (about 7 s a million characters), so this bounds one file's time.
MAX_CHARS = 1_000_000
_HAN = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")
_PUA = re.compile(r"[\ue000-\uf8ff]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
# A news page has a few thousand tags; beyond this it is a generated dump, and parsing it would take long.
MAX_TAGS = 100_000
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
        if (tags := text.count("<")) > MAX_TAGS:
            raise ReadError(f"too many HTML tags: {tags:,} (limit {MAX_TAGS:,}); not a news page")
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
    mixed = _decode_mixed(data, majority=True)
    if mixed is not None:
        return mixed
    encoding = _guess_cjk(data)
    if encoding is None:
        # No single encoding reads it all: a paste of UTF-8, GBK and Big5 lines, or binary.
        mixed = _decode_mixed(data, majority=False)
        if mixed is None:
            raise ReadError("cannot decode: not UTF-8, GB18030/GBK or Big5 text (binary?)")
        return mixed
    return _strict(data, encoding), encoding


def _decode_mixed(data: bytes, majority: bool) -> tuple[str, str] | None:
    """Decode a page pasted together from UTF-8 lines and GBK or Big5 ones, line by line.

    Applies when some non-ASCII lines are UTF-8 with Chinese text (with `majority`, at least as many as
    the others); the other lines are decoded as the legacy encoding that suits them all, else one by
    one. None when the file is not such a mix, or when bytes remain that no encoding reads.
    """
    lines = data.split(b"\n")
    bad: set[int] = set()
    utf8 = 0
    for i, line in enumerate(lines):
        if line.isascii():
            continue
        try:
            utf8 += bool(_HAN.search(line.decode("utf-8")))
        except UnicodeDecodeError:
            bad.add(i)
    if not bad or not utf8 or (majority and utf8 < len(bad)):
        return None
    legacy = _guess_cjk(b"\n".join(lines[i] for i in sorted(bad)))
    if legacy is not None and len(bad) > 1:
        # Lines from several sources need not share one legacy encoding: then each is judged alone.
        joined = b"\n".join(lines[i] for i in sorted(bad)).decode(legacy)
        legacy = None if _PUA.search(joined) else legacy
    texts: list[str] = []
    unreadable = 0
    for i, line in enumerate(lines):
        if i not in bad:
            texts.append(line.decode("utf-8"))
            continue
        enc = legacy or _guess_cjk(line)
        # A line no encoding reads whole is UTF-8 with a GBK fragment glued in (or damaged bytes).
        text = line.decode(enc) if enc else line.decode("utf-8", errors=_GBK_FALLBACK)
        unreadable += text.count("\ufffd") if not enc else 0
        texts.append(text)
    text = "\n".join(texts)
    if unreadable > max(8, len(text) // 100):
        return None
    return _checked(text), f"utf-8+{legacy or 'mixed'}"


_GBK_FALLBACK = "duikou-gbk-fallback"


def _gbk_fallback(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: bytes UTF-8 cannot read are read as one GBK character, else U+FFFD."""
    assert isinstance(exc, UnicodeDecodeError)
    pair = exc.object[exc.start : exc.start + 2]
    try:
        return pair.decode("gb18030"), exc.start + 2
    except UnicodeDecodeError:
        return "\ufffd", exc.start + 1


codecs.register_error(_GBK_FALLBACK, _gbk_fallback)


def _guess_cjk(data: bytes) -> str | None:
    """Among the legacy Chinese encodings that decode the bytes, the one with the most Han text."""
    decodable: dict[str, str] = {}
    for enc in ("gb18030", "big5"):
        try:
            decodable[enc] = data.decode(enc)
        except UnicodeDecodeError:
            continue
    if len(decodable) > 1:
        # A wrong legacy reading lands in the Private Use Area (Big5 bytes read as GBK do, often).
        clean = {enc: text for enc, text in decodable.items() if not _PUA.search(text)}
        decodable = clean or decodable
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
