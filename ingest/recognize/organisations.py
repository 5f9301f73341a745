"""Recognise organisations mentions (placeholder: returns none until implemented)."""

from __future__ import annotations

from ingest.document import Mention, Page


def recognize_organisations(page: Page, known: list[Mention]) -> list[Mention]:
    """Mentions of type 'organisation' in `page.text`."""
    return []
