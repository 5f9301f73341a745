"""Relation `signed` (placeholder: returns none until implemented)."""

from __future__ import annotations

from ingest.document import Mention, Page
from ingest.models import Signed


def relate_signed(page: Page, mentions: list[Mention]) -> list[Signed]:
    """`signed` facts of the page, each with its evidence sentence and rule."""
    return []
