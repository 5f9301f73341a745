"""`/people/{id}`: a person's posts, secondments, brokered projects and articles."""

from __future__ import annotations

from fastapi import APIRouter, Path, Request

from api.models import PersonProfile
from api.run import lookup

router = APIRouter(prefix="/people", tags=["people"])


@router.get("/{id:path}", response_model=PersonProfile, summary="A person by id")
async def person(
    request: Request,
    id: str = Path(examples=["person:刘伟:北京市中关村科技园区朝阳管委会"]),
) -> PersonProfile:
    """Home posts, secondments (title, mode, start, evidence), brokered projects, namesakes, articles."""
    return PersonProfile(**await lookup(request, "person_profile", id, "person"))
