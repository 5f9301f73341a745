"""Recognise people mentions (placeholder: returns none until implemented)."""

from __future__ import annotations

from ingest.document import Mention, Page


def recognize_people(page: Page, known: list[Mention]) -> list[Mention]:
    """Mentions of type 'person' in `page.text`."""
    return []
