"""`/export`: the whole graph (paged) or the neighbourhood of one entity, as GraphML, Cytoscape.js
JSON, d3 JSON or CSV."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse, Response

from api import export
from api.deps import DriverDep, SettingsDep
from api.params import declared
from api.run import run_one, run_query

router = APIRouter(prefix="/export", tags=["export"])
MEDIA = {"graphml": "application/graphml+xml", "csv": "text/csv; charset=utf-8"}


@router.get(
    "",
    summary="Export the graph or a subgraph",
    responses={200: {"content": {"application/json": {}, "application/graphml+xml": {}, "text/csv": {}}}},
)
async def export_graph(
    driver: DriverDep,
    settings: SettingsDep,
    format: str = Query("cytoscape", pattern=f"^({'|'.join(export.FORMATS)})$", examples=["graphml"]),
    id: str | None = Query(
        None,
        min_length=1,
        description="centre of a subgraph; whole graph when absent",
        examples=["city:210100"],
    ),
    depth: int = declared("neighbourhood", "depth"),
    limit: int = declared("export_nodes", "limit", description="at most this many nodes and edges"),
    offset: int = declared("export_nodes", "offset", description="whole-graph paging"),
) -> Response:
    """Whole graph: `limit` nodes and `limit` edges from `offset` (ordered by id). Subgraph: the
    neighbourhood of `id` up to `depth` hops (`limit` edges per hop)."""
    if id is not None:
        row = await run_one(
            driver, settings, "neighbourhood", {"id": id, "depth": depth, "limit": min(limit, 1000)}, "entity"
        )
        nodes = [_node(n) for n in row["nodes"]]
        edges = [_edge(e) for e in row["edges"]]
    else:
        page = {"limit": limit, "offset": offset}
        nodes = await run_query(driver, settings, "export_nodes", page)
        edges = await run_query(driver, settings, "export_edges", page)
    if format == "graphml":
        return Response(export.graphml(nodes, edges), media_type=MEDIA["graphml"])
    if format == "csv":
        return Response(export.csv_text(nodes, edges), media_type=MEDIA["csv"])
    body = export.cytoscape(nodes, edges) if format == "cytoscape" else export.d3(nodes, edges)
    return JSONResponse(body)


def _node(row: dict[str, Any]) -> dict[str, Any]:
    props = {k: v for k, v in row.items() if k not in ("label",) and v is not None}
    return {"id": row["id"], "label": row["label"], "properties": props}


def _edge(row: dict[str, Any]) -> dict[str, Any]:
    props = {k: v for k, v in row.items() if k not in ("id", "type", "source", "target")}
    return {
        "id": row["id"],
        "type": row["type"],
        "source": row["source"],
        "target": row["target"],
        "properties": props,
    }
