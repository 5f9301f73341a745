"""Extractions → canonical nodes and edges (entity resolution), one article at a time.

Resolution is per article and deterministic: a node's id depends only on the article's own content
and the gazetteer, so loading order never matters (docs/graph-model.md explains each key).
"""

from __future__ import annotations

from pathlib import Path

from graph import ids
from graph.article_state import ArticleState
from graph.divisions import divisions
from graph.resolve_facts import resolve_facts
from graph.rows import Resolved
from ingest.models import Extraction


def article_sha(extraction: Extraction) -> str:
    """The article's content hash: the extraction's own, else the raw file's, else the extraction's."""
    if extraction.article_id:
        return extraction.article_id
    if extraction.path and Path(extraction.path).is_file():
        return ids.content_hash(Path(extraction.path).read_bytes())
    return ids.content_hash(b"extraction:" + extraction_hash(extraction).encode())


def extraction_hash(extraction: Extraction) -> str:
    """A fingerprint of what was extracted: an unchanged article with an unchanged extraction is skipped."""
    return ids.content_hash(extraction.model_dump_json().encode())


def resolve(extraction: Extraction, sha: str | None = None) -> Resolved:
    """Resolve one extraction into the nodes, mentions and edges it contributes."""
    state = ArticleState(extraction, sha or article_sha(extraction), divisions())
    x = extraction
    # All the article's place names settle homonyms (朝阳区 in an article about 北京).
    state.context = {
        ids.normalise(form) for c in x.cities for form in [c.name, *c.aliases, c.parent or ""] if form
    }
    for c in x.cities:
        mention = {"name": c.name, "aliases": c.aliases, "level": c.level, "code": c.code, "parent": c.parent}
        state.city(c.name, c.aliases, c.level, c.code, c.parent, mention)
    for o in x.organisations:
        mention = {"name": o.name, "aliases": o.aliases, "kind": o.kind, "city": o.city}
        state.organisation(o.name, o.aliases, o.kind, o.city, mention)
    resolve_facts(state)
    article = {
        "id": state.article_id,
        "name": x.article,
        "title": x.title,
        "published": x.published,
        "source": x.source,
        "authors": x.authors,
        "path": x.path,
        "url": x.url,
        "extractor_version": x.extractor,
        "extraction_hash": extraction_hash(x),
    }
    return Resolved(
        state.article_id,
        {k: v for k, v in article.items() if v is not None},
        list(state.nodes.values()),
        list(state.mentions.values()),
        state.edges,
    )
