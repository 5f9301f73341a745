"""Relation `seconded` (placeholder: returns none until implemented)."""

from __future__ import annotations

from ingest.document import Mention, Page
from ingest.models import SecondedTo


def relate_seconded(page: Page, mentions: list[Mention]) -> list[SecondedTo]:
    """`seconded` facts of the page, each with its evidence sentence and rule."""
    return []
