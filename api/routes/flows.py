"""`/flows`: cadre secondments aggregated from home region to host region."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import DriverDep, SettingsDep
from api.models import Page
from api.params import declared
from api.run import run_page

router = APIRouter(prefix="/flows", tags=["flows"])


@router.get("", response_model=Page, summary="Secondment flows between regions")
async def flows(
    driver: DriverDep,
    settings: SettingsDep,
    level: str = declared("secondment_flows", "level", description="province or city", examples=["province"]),
    limit: int = declared("secondment_flows", "limit"),
    offset: int = declared("secondment_flows", "offset"),
) -> Page:
    """Rows `{from_region, to_region, count, people}`, e.g. 北京市 → 河北省 (京冀互派干部挂职)."""
    return await run_page(
        driver, settings, "secondment_flows", {"level": level, "limit": limit, "offset": offset}
    )
