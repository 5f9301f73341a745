"""Relations: turn a page and its mentions into the article's `Extraction`.

Entity lists come from the mentions (one entry per canonical name, other surface forms as aliases);
each relation module reads sentences and mentions and returns facts with evidence and rule names.
"""

from __future__ import annotations

from ingest import EXTRACTOR_VERSION
from ingest.document import Mention, Page
from ingest.models import Extraction
from ingest.relate.brokered import relate_brokered
from ingest.relate.entities import collect_entities
from ingest.relate.paired import relate_paired
from ingest.relate.seconded import relate_seconded
from ingest.relate.signed import relate_signed


def relate(page: Page, mentions: list[Mention]) -> Extraction:
    """The article's extraction: metadata, entities and the four relation types."""
    people, cities, organisations, projects = collect_entities(mentions)
    return Extraction(
        article=page.article,
        title=page.title,
        published=page.published,
        source=page.source,
        authors=page.authors,
        people=people,
        cities=cities,
        organisations=organisations,
        projects=projects,
        seconded_to=relate_seconded(page, mentions),
        brokered=relate_brokered(page, mentions),
        signed=relate_signed(page, mentions),
        paired=relate_paired(page, mentions),
        article_id=page.article_id,
        path=page.path,
        url=page.url,
        extractor=f"duikou-rules/{EXTRACTOR_VERSION}",
    )
