"""`/cities/{id}`: an administrative division and what is tied to it."""

from __future__ import annotations

from fastapi import APIRouter, Path

from api.deps import DriverDep, SettingsDep
from api.models import CityProfile
from api.run import run_one

router = APIRouter(prefix="/cities", tags=["cities"])


@router.get("/{id:path}", response_model=CityProfile, summary="A city or other division by id")
async def city(
    driver: DriverDep, settings: SettingsDep, id: str = Path(examples=["city:210100"])
) -> CityProfile:
    """Parent chain, pairings (e.g. 京沈对口合作), bodies and projects located there, cadres seconded there."""
    return CityProfile(**await run_one(driver, settings, "city_by_id", {"id": id}, "city"))
