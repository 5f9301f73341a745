"""`/health` (is the database up, how big is the graph) and `/stats` (counts per label and type)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from api.deps import DriverDep, SettingsDep
from api.errors import RETRY_AFTER_SECONDS
from api.models import Health, Stats
from api.run import run_query
from graph.db import async_database_status

router = APIRouter(tags=["health"])


@router.get(
    "/health",
    response_model=Health,
    summary="Database status and graph size",
    responses={503: {"model": Health, "description": "Neo4j is unreachable"}},
)
async def health(driver: DriverDep, settings: SettingsDep) -> Health | JSONResponse:
    """200 with the Neo4j version and node/edge counts, or 503 (with Retry-After) and the reason."""
    status = await async_database_status(driver, settings.neo4j_database)
    if not status.ok:
        body = Health(
            status="unavailable",
            database={**status.as_dict(), "message": "图数据库不可用 (the graph database is unreachable)"},
        )
        return JSONResponse(
            body.model_dump(), status_code=503, headers={"Retry-After": str(RETRY_AFTER_SECONDS)}
        )
    rows = await run_query(driver, settings, "graph_stats", {})
    return Health(
        status="ok",
        database=status.as_dict(),
        nodes=sum(r["count"] for r in rows if r["kind"] == "node"),
        edges=sum(r["count"] for r in rows if r["kind"] == "edge"),
    )


@router.get("/stats", response_model=Stats, summary="Counts per label and relationship type")
async def stats(driver: DriverDep, settings: SettingsDep) -> Stats:
    """Nodes per label (Person, City …) and edges per type (SECONDED_TO, BROKERED …)."""
    rows = await run_query(driver, settings, "graph_stats", {})
    nodes = {r["name"]: r["count"] for r in rows if r["kind"] == "node"}
    edges = {r["name"]: r["count"] for r in rows if r["kind"] == "edge"}
    return Stats(nodes=nodes, edges=edges, total_nodes=sum(nodes.values()), total_edges=sum(edges.values()))
