"""`/graph/...`: neighbourhoods, paths and the evidence of single edges, for the graph view."""

from __future__ import annotations

from fastapi import APIRouter, Path

from api.deps import DriverDep, SettingsDep
from api.models import EdgeEvidence, Page, Subgraph
from api.params import declared
from api.run import run_one, run_page

router = APIRouter(prefix="/graph", tags=["graph"])


@router.get("/neighbourhood", response_model=Subgraph, summary="Nodes and edges around an entity")
async def neighbourhood(
    driver: DriverDep,
    settings: SettingsDep,
    id: str = declared("neighbourhood", "id", examples=["city:210100"]),
    depth: int = declared("neighbourhood", "depth", description="hops, 1 or 2"),
    limit: int = declared("neighbourhood", "limit", description="edges per hop"),
) -> Subgraph:
    """The entity, its neighbours up to `depth` hops, and the edges between them."""
    row = await run_one(
        driver, settings, "neighbourhood", {"id": id, "depth": depth, "limit": limit}, "entity"
    )
    return Subgraph(**row)


@router.get("/path", response_model=Page, summary="Shortest paths between two entities")
async def path(
    driver: DriverDep,
    settings: SettingsDep,
    a: str = declared("path_between", "a", examples=["person:喻华锋:大兴区"]),
    b: str = declared("path_between", "b", examples=["city:210100"]),
    max_hops: int = declared("path_between", "max_hops", description="at most 4"),
    limit: int = declared("path_between", "limit"),
) -> Page:
    """Each row is one shortest path `{length, nodes, edges}`; empty when none within `max_hops`."""
    return await run_page(
        driver, settings, "path_between", {"a": a, "b": b, "max_hops": max_hops, "limit": limit}
    )


@router.get("/edge", response_model=EdgeEvidence, summary="Evidence of the edge between two entities")
async def edge_between(
    driver: DriverDep,
    settings: SettingsDep,
    source: str = declared("edge_evidence_between", "source", examples=["person:喻华锋:大兴区"]),
    type: str = declared("edge_evidence_between", "type", examples=["SECONDED_TO"]),
    target: str = declared("edge_evidence_between", "target", examples=["city:131000"]),
) -> EdgeEvidence:
    """The supporting articles and evidence sentences of the `type` edge from `source` to `target`."""
    row = await run_one(
        driver, settings, "edge_evidence_between", {"source": source, "type": type, "target": target}, "edge"
    )
    return EdgeEvidence(**row)


@router.get("/edges/{edge:path}", response_model=EdgeEvidence, summary="Evidence of one edge by element id")
async def edge(
    driver: DriverDep, settings: SettingsDep, edge: str = Path(examples=["5:0b0c…:14"])
) -> EdgeEvidence:
    """The supporting articles and evidence sentences of one edge (its id from a graph answer)."""
    return EdgeEvidence(**await run_one(driver, settings, "edge_evidence", {"edge": edge}, "edge"))
