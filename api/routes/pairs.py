"""`/pairs`: what ties two regions or bodies."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import DriverDep, SettingsDep
from api.models import PairSummary
from api.params import declared
from api.run import run_one

router = APIRouter(prefix="/pairs", tags=["pairs"])


@router.get("", response_model=PairSummary, summary="Summary of a pairing")
async def pair(
    driver: DriverDep,
    settings: SettingsDep,
    a: str = declared("pair_summary", "a", description="id, name or alias", examples=["北京市"]),
    b: str = declared("pair_summary", "b", description="id, name or alias", examples=["沈阳"]),
) -> PairSummary:
    """Pairing programmes, secondments either way, brokered projects, agreements and amounts."""
    return PairSummary(**await run_one(driver, settings, "pair_summary", {"a": a, "b": b}, "pair"))
