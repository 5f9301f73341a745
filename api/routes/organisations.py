"""`/organisations/{id}`: a body, its staff, the cadres seconded to it and what it signed."""

from __future__ import annotations

from fastapi import APIRouter, Path

from api.deps import DriverDep, SettingsDep
from api.models import OrganisationProfile
from api.run import run_one

router = APIRouter(prefix="/organisations", tags=["organisations"])


@router.get("/{id:path}", response_model=OrganisationProfile, summary="An organisation by id")
async def organisation(
    driver: DriverDep, settings: SettingsDep, id: str = Path(examples=["org:沈阳市交通局"])
) -> OrganisationProfile:
    """Location, staff (home post), cadres seconded there, agreements signed, articles."""
    return OrganisationProfile(
        **await run_one(driver, settings, "organisation_by_id", {"id": id}, "organisation")
    )
