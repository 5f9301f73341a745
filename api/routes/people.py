"""`/people/{id}`: a person's posts, secondments, brokered projects and articles."""

from __future__ import annotations

from fastapi import APIRouter, Path

from api.deps import DriverDep, SettingsDep
from api.models import PersonProfile
from api.run import run_one

router = APIRouter(prefix="/people", tags=["people"])


@router.get("/{id:path}", response_model=PersonProfile, summary="A person by id")
async def person(
    driver: DriverDep,
    settings: SettingsDep,
    id: str = Path(examples=["person:刘伟:北京市中关村科技园区朝阳管委会"]),
) -> PersonProfile:
    """Home posts, secondments (title, mode, start, evidence), brokered projects, namesakes, articles."""
    return PersonProfile(**await run_one(driver, settings, "person_profile", {"id": id}, "person"))
