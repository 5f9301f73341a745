"""`/queries`: the catalogue of canned queries, and running any of them by name."""

from __future__ import annotations

from fastapi import APIRouter, Path, Request

import queries
from api.deps import DriverDep, SettingsDep
from api.models import Catalogue, Page, ParamInfo, QueryInfo
from api.run import run_page

router = APIRouter(prefix="/queries", tags=["queries"])


@router.get("", response_model=Catalogue, summary="List the canned queries")
async def catalogue() -> Catalogue:
    """Every canned query with its parameters (type, default, bounds), its doc and its columns."""
    items = [
        QueryInfo(
            name=q.name,
            doc=q.doc,
            params=[ParamInfo(**p.describe()) for p in q.params],
            returns=list(q.returns),
            url=f"/queries/{q.name}",
        )
        for q in queries.catalogue().values()
    ]
    return Catalogue(data=items, count=len(items))


@router.get("/{name}", response_model=Page, summary="Run one canned query")
async def run(
    request: Request,
    driver: DriverDep,
    settings: SettingsDep,
    name: str = Path(description="query name from the catalogue", examples=["brokers_of"]),
) -> Page:
    """Run the canned query `name` with the query string as its parameters (e.g.
    `/queries/brokers_of?target=中关村`), checked against the declared types and bounds."""
    return await run_page(driver, settings, name, dict(request.query_params))
