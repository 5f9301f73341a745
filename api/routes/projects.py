"""`/projects/{id}`: a project or agreement, who brokered it and who signed it."""

from __future__ import annotations

from fastapi import APIRouter, Path, Request

from api.models import ProjectProfile
from api.run import lookup

router = APIRouter(prefix="/projects", tags=["projects"])


@router.get("/{id:path}", response_model=ProjectProfile, summary="A project or agreement by id")
async def project(
    request: Request, id: str = Path(examples=["project:京沈双创产业加速器项目"])
) -> ProjectProfile:
    """Amount, location, brokers with their evidence sentences, signatories with dates, articles."""
    return ProjectProfile(**await lookup(request, "project_by_id", id, "project"))
