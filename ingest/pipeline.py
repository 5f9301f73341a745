"""The extraction pipeline, in one visible place: read → clean → recognize → relate."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ingest.clean import clean
from ingest.document import RawArticle
from ingest.models import Extraction
from ingest.read import read_article
from ingest.recognize import recognize
from ingest.relate import relate


def extract_raw(raw: RawArticle) -> Extraction:
    """Extraction of an already decoded article."""
    page = clean(raw)
    mentions = recognize(page)
    return relate(page, mentions)


def extract_file(path: str | Path) -> Extraction:
    """Read, clean, recognise and relate one article file (raises ReadError on unreadable input)."""
    return extract_raw(read_article(path))


def extract_text(text: str, article: str = "article.txt") -> Extraction:
    """Extraction of an article given as a (plain text) string."""
    raw = RawArticle(
        path=article,
        article_id=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        text=text,
        encoding="utf-8",
    )
    return extract_raw(raw)


@dataclass
class Outcome:
    """The result for one file of a batch: an extraction, or the reason it failed."""

    path: Path
    extraction: Extraction | None = None
    error: str | None = None


def extract_many(paths: Iterable[str | Path]) -> Iterator[Outcome]:
    """Extract each file in turn; a failing file yields its error and the batch goes on."""
    for path in paths:
        path = Path(path)
        try:
            yield Outcome(path, extraction=extract_file(path))
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop a batch
            yield Outcome(path, error=str(exc) or type(exc).__name__)
