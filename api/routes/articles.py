"""`/articles/{id}` and `/articles/{id}/facts`: an article and the relations it supports."""

from __future__ import annotations

from fastapi import APIRouter, Path, Request

from api.deps import DriverDep, SettingsDep
from api.models import ArticleProfile, Page
from api.run import lookup, run_one, run_page

router = APIRouter(prefix="/articles", tags=["articles"])
EXAMPLE_ID = "article:d328f78a8ef0c07f0000000000000000000000000000000000000000000000ab"


# Declared before `/{id:path}`, which would otherwise swallow the `/facts` suffix.
@router.get("/{id:path}/facts", response_model=Page, summary="The facts an article supports")
async def facts(driver: DriverDep, settings: SettingsDep, id: str = Path(examples=[EXAMPLE_ID])) -> Page:
    """Each relation with the evidence sentence this article gave for it (挂职, 促成, 签署 …)."""
    await run_one(driver, settings, "article_by_id", {"id": id}, "article")
    return await run_page(driver, settings, "article_facts", {"id": id})


@router.get("/{id:path}", response_model=ArticleProfile, summary="An article by id")
async def article(request: Request, id: str = Path(examples=[EXAMPLE_ID])) -> ArticleProfile:
    """Title, date, source, authors, URL, and the entities it mentions."""
    return ArticleProfile(**await lookup(request, "article_by_id", id, "article"))
