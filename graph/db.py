"""Neo4j drivers made from the settings, and a health probe for `/health` and `duikou neo4j status`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import neo4j
from neo4j.exceptions import DriverError, Neo4jError

from duikou.settings import Settings

# Short enough that /health answers quickly when the database is down.
CONNECTION_TIMEOUT = 5.0
# "relationship type MAYBE_SAME does not exist" (UNRECOGNIZED) is normal on a young or small graph,
# and performance hints are noise per query; deprecations and other warnings still come through.
MIN_SEVERITY = neo4j.NotificationMinimumSeverity.WARNING
QUIET_CLASSIFICATIONS = [neo4j.NotificationDisabledClassification.UNRECOGNIZED]
COMPONENTS = (
    "CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0] AS version, edition"
)


def _driver_options(settings: Settings) -> dict[str, Any]:
    """What both drivers are made with: basic auth from the settings, timeout, notification filter."""
    return {
        "auth": neo4j.basic_auth(settings.neo4j_user, settings.neo4j_password),
        "connection_timeout": CONNECTION_TIMEOUT,
        "notifications_min_severity": MIN_SEVERITY,
        "notifications_disabled_classifications": QUIET_CLASSIFICATIONS,
    }


def make_driver(settings: Settings) -> neo4j.Driver:
    """A driver for `settings.bolt_uri` with basic auth from the settings (the caller closes it)."""
    return neo4j.GraphDatabase.driver(settings.bolt_uri, **_driver_options(settings))


def make_async_driver(settings: Settings) -> neo4j.AsyncDriver:
    """The asyncio twin of `make_driver`."""
    return neo4j.AsyncGraphDatabase.driver(settings.bolt_uri, **_driver_options(settings))


@dataclass(frozen=True)
class DatabaseStatus:
    """What a health check reports: `ok`, and either the server's version or the error."""

    ok: bool
    database: str
    version: str | None = None
    edition: str | None = None
    error: str | None = None

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready form for API responses."""
        return {k: v for k, v in self.__dict__.items() if v is not None}


def database_status(driver: neo4j.Driver, database: str = "neo4j") -> DatabaseStatus:
    """Ping `database` through `driver`: ok with version/edition, or not ok with a one-line error."""
    # An auto-commit query, not execute_query: the latter retries an unreachable server for 30 s.
    try:
        with driver.session(database=database) as session:
            records = list(session.run(COMPONENTS))
    except (DriverError, Neo4jError, OSError) as error:
        return DatabaseStatus(ok=False, database=database, error=_one_line(error))
    return _status(database, records)


async def async_database_status(driver: neo4j.AsyncDriver, database: str = "neo4j") -> DatabaseStatus:
    """The asyncio twin of `database_status`."""
    try:
        async with driver.session(database=database) as session:
            result = await session.run(COMPONENTS)
            records = [record async for record in result]
    except (DriverError, Neo4jError, OSError) as error:
        return DatabaseStatus(ok=False, database=database, error=_one_line(error))
    return _status(database, records)


def _status(database: str, records: list[neo4j.Record]) -> DatabaseStatus:
    kernel = next((r for r in records if r["name"] == "Neo4j Kernel"), records[0] if records else None)
    if kernel is None:
        return DatabaseStatus(ok=False, database=database, error="dbms.components() returned nothing")
    return DatabaseStatus(ok=True, database=database, version=kernel["version"], edition=kernel["edition"])


def _one_line(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0] if text else ''}"
