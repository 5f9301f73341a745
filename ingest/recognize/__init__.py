"""Recognizers: find mentions of cities, organisations, people and projects in a cleaned page.

Each recognizer is a plain function over the page (and the mentions found before it); this module
chains them in order. Mentions may overlap (沈阳市 inside 沈阳市交通局): each type is listed on its own.
"""

from __future__ import annotations

from ingest.document import Mention, Page
from ingest.recognize.cities import recognize_cities
from ingest.recognize.organisations import recognize_organisations
from ingest.recognize.people import recognize_people
from ingest.recognize.projects import recognize_projects
from ingest.spans import MentionIndex


def recognize(page: Page) -> list[Mention]:
    """All mentions in the page, cities first, then organisations, people and projects."""
    cities = recognize_cities(page)
    organisations = recognize_organisations(page, cities)
    people = recognize_people(page, cities + organisations)
    if people:
        # A name may hold a place's short form (周海宁 ⊃ 海宁): the person wins, the place goes.
        inside = MentionIndex(people)
        cities = [c for c in cities if not inside.containing(c.start, c.end)]
    projects = recognize_projects(page, cities + organisations + people)
    if projects:
        # 某某产业园项目: the park named inside a project's name is the project, not a body of its own
        # (elsewhere in the text it may still be one).
        named = MentionIndex(p for p in projects if p.text.endswith(_PROJECT_HEADS))
        organisations = [o for o in organisations if not _heads_project(o, named)]
    return cities + organisations + people + projects


_PROJECT_HEADS = ("项目", "工程")


def _heads_project(organisation: Mention, projects: MentionIndex) -> bool:
    """Whether `organisation` is the name part of a project mention (it ends where the head begins)."""
    return any(
        p.start <= organisation.start and organisation.end == p.end - 2
        for p in projects.containing(organisation.start, organisation.end)
    )
