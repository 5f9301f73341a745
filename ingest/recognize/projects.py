"""Recognise projects mentions (placeholder: returns none until implemented)."""

from __future__ import annotations

from ingest.document import Mention, Page


def recognize_projects(page: Page, known: list[Mention]) -> list[Mention]:
    """Mentions of type 'project' in `page.text`."""
    return []
