"""Request dependencies as `Annotated` aliases: the driver made in the app's lifespan, the settings."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from neo4j import AsyncDriver

from duikou.settings import Settings


async def get_driver(request: Request) -> AsyncDriver:
    """The app's async Neo4j driver (created in the lifespan); async so FastAPI skips the threadpool."""
    driver: AsyncDriver = request.app.state.driver
    return driver


async def get_app_settings(request: Request) -> Settings:
    """The settings the app was made with."""
    settings: Settings = request.app.state.settings
    return settings


DriverDep = Annotated[AsyncDriver, Depends(get_driver)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
