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
    return cities + organisations + people + projects
