"""Recognise cities mentions (placeholder: returns none until implemented)."""

from __future__ import annotations

from ingest.document import Mention, Page


def recognize_cities(page: Page) -> list[Mention]:
    """Mentions of type 'city' in `page.text`."""
    return []
