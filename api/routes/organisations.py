"""`/organisations/{id}`: a body, its staff, the cadres seconded to it and what it signed."""

from __future__ import annotations

from fastapi import APIRouter, Path, Request

from api.models import OrganisationProfile
from api.run import lookup

router = APIRouter(prefix="/organisations", tags=["organisations"])


@router.get("/{id:path}", response_model=OrganisationProfile, summary="An organisation by id")
async def organisation(
    request: Request, id: str = Path(examples=["org:沈阳市交通局"])
) -> OrganisationProfile:
    """Location, staff (home post), cadres seconded there, agreements signed, articles."""
    return OrganisationProfile(**await lookup(request, "organisation_by_id", id, "organisation"))
