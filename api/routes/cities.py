"""`/cities/{id}`: an administrative division and what is tied to it."""

from __future__ import annotations

from fastapi import APIRouter, Path, Request

from api.models import CityProfile
from api.run import lookup

router = APIRouter(prefix="/cities", tags=["cities"])


@router.get("/{id:path}", response_model=CityProfile, summary="A city or other division by id")
async def city(request: Request, id: str = Path(examples=["city:210100"])) -> CityProfile:
    """Parent chain, pairings (e.g. 京沈对口合作), bodies and projects located there, cadres seconded there."""
    return CityProfile(**await lookup(request, "city_by_id", id, "city"))
