"""Relation `paired` (placeholder: returns none until implemented)."""

from __future__ import annotations

from ingest.document import Mention, Page
from ingest.models import Paired


def relate_paired(page: Page, mentions: list[Mention]) -> list[Paired]:
    """`paired` facts of the page, each with its evidence sentence and rule."""
    return []
