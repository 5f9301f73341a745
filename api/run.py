"""Run a canned query in a read transaction and return its rows as plain dicts."""

from __future__ import annotations

from typing import Any

from neo4j import AsyncDriver, AsyncManagedTransaction

import queries
from api.errors import NotFound
from api.models import Page
from duikou.settings import Settings

# An API request should fail fast when the database is down, not retry for the driver's 30 s.
MAX_RETRY_SECONDS = 2.0


def find(name: str) -> queries.Query:
    """The canned query `name`, or `NotFound`."""
    try:
        return queries.get(name)
    except KeyError:
        raise NotFound(f"No canned query named {name!r}.") from None


async def run_query(
    driver: AsyncDriver, settings: Settings, name: str, raw: dict[str, Any]
) -> list[dict[str, Any]]:
    """Validate `raw` against query `name`'s declaration and run it in `session.execute_read`."""
    query = find(name)
    params = query.prepare({k: v for k, v in raw.items() if v is not None})

    async def work(tx: AsyncManagedTransaction) -> list[dict[str, Any]]:
        result = await tx.run(query.cypher, params)
        return await result.data()

    async with driver.session(
        database=settings.neo4j_database,
        max_transaction_retry_time=MAX_RETRY_SECONDS,
        # e.g. "relationship type does not exist" on a young graph: not worth a log line per request
        notifications_min_severity="OFF",
    ) as session:
        return await session.execute_read(work)


async def run_page(driver: AsyncDriver, settings: Settings, name: str, raw: dict[str, Any]) -> Page:
    """Run a list query and wrap its rows as `{data, count, limit, offset}`."""
    rows = await run_query(driver, settings, name, raw)
    params = find(name).prepare({k: v for k, v in raw.items() if v is not None})
    return Page(data=rows, count=len(rows), limit=params.get("limit"), offset=params.get("offset"))


async def run_one(
    driver: AsyncDriver, settings: Settings, name: str, raw: dict[str, Any], what: str
) -> dict[str, Any]:
    """The single row of a by-id query, or `NotFound` naming `what`."""
    rows = await run_query(driver, settings, name, raw)
    if not rows:
        raise NotFound(f"No {what} {' / '.join(str(v) for v in raw.values() if v is not None)!r}.")
    return rows[0]
