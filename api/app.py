"""The FastAPI app: async Neo4j driver made in the lifespan, schema ensured, routers mounted.

`uvicorn api.app:app` serves it with the environment's settings; tests call `create_app(settings)`.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from neo4j import AsyncDriver
from neo4j.exceptions import DriverError, Neo4jError

from api import errors
from api.routes import (
    articles,
    cities,
    export,
    flows,
    graph,
    health,
    organisations,
    pairs,
    people,
    projects,
    search,
)
from api.routes import queries as queries_route
from duikou.settings import Settings, get_settings
from graph.db import make_async_driver
from graph.schema import SCHEMA_STATEMENTS

log = logging.getLogger(__name__)
STATIC_DIR = Path(__file__).parent / "static"
ROUTERS = (
    queries_route,
    people,
    cities,
    organisations,
    projects,
    articles,
    search,
    flows,
    pairs,
    graph,
    export,
    health,
)
DESCRIPTION = """对口 (duikou): a knowledge graph of China's inter-regional cooperation — cadre secondments
(挂职, 挂任), the projects they brokered (促成, 牵线搭桥) and the agreements signed (签署), each edge
traceable to its evidence sentence. Every endpoint runs a canned, read-only Cypher query; none runs
caller-supplied Cypher."""


async def ensure_schema_async(driver: AsyncDriver, database: str) -> None:
    """Constraints and the full-text index, idempotently (the async twin of graph.schema.ensure_schema)."""
    async with driver.session(database=database) as session:
        for statement in SCHEMA_STATEMENTS:
            await (await session.run(statement)).consume()
        await (await session.run("CALL db.awaitIndexes(60)")).consume()


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app for `settings` (default: the environment's)."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        driver = make_async_driver(settings)
        app.state.driver, app.state.settings = driver, settings
        try:
            await ensure_schema_async(driver, settings.neo4j_database)
        except (DriverError, Neo4jError, OSError) as error:
            # Serve anyway: /health says 503 until the database is back.
            log.warning("could not ensure the schema (database unavailable?): %s", error)
        try:
            yield
        finally:
            await driver.close()

    app = FastAPI(title="duikou 对口 API", version="0.1.0", description=DESCRIPTION, lifespan=lifespan)
    app.state.settings = settings
    app.add_middleware(
        CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["GET"], allow_headers=["*"]
    )
    errors.install(app)
    for module in ROUTERS:
        app.include_router(module.router)
    _mount_static(app)
    return app


def _mount_static(app: FastAPI) -> None:
    """The web explorer, when its files are there: `/static/...` and `/` → index.html."""
    if STATIC_DIR.is_dir():
        app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    index = STATIC_DIR / "index.html"
    if index.is_file():

        @app.get("/", include_in_schema=False)
        async def home() -> FileResponse:
            return FileResponse(index)


app = create_app()
