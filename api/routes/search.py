"""`/search`: full text over names and aliases, Simplified or Traditional."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import DriverDep, SettingsDep
from api.models import Page
from api.params import declared
from api.run import run_page

router = APIRouter(prefix="/search", tags=["search"])


@router.get("", response_model=Page, summary="Search entities by name or alias")
async def search(
    driver: DriverDep,
    settings: SettingsDep,
    q: str = declared(
        "search", "q", description="text to find (繁體 is converted to 简体)", examples=["沈阳", "瀋陽"]
    ),
    type: str | None = declared("search", "type", description="only this label", examples=["City"]),
    limit: int = declared("search", "limit"),
    offset: int = declared("search", "offset"),
) -> Page:
    """Entities whose name or alias contains `q` as a phrase; exact names first."""
    return await run_page(
        driver, settings, "search", {"q": q, "type": type, "limit": limit, "offset": offset}
    )
