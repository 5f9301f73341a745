"""Relation `brokered` (placeholder: returns none until implemented)."""

from __future__ import annotations

from ingest.document import Mention, Page
from ingest.models import Brokered


def relate_brokered(page: Page, mentions: list[Mention]) -> list[Brokered]:
    """`brokered` facts of the page, each with its evidence sentence and rule."""
    return []
