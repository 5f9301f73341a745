"""FastAPI query parameters built from a canned query's declared parameters, so a route's OpenAPI
types, defaults and bounds come from the `.cypher` header and cannot drift from it."""

from __future__ import annotations

from typing import Any

from fastapi import Query

import queries


def declared(
    query_name: str, param_name: str, *, description: str | None = None, examples: list[Any] | None = None
) -> Any:
    """A `Query(...)` for parameter `param_name` of canned query `query_name`."""
    param = queries.get(query_name).param(param_name)
    if param is None:
        raise KeyError(f"{query_name} has no parameter {param_name}")
    return Query(
        default=... if param.required else param.default,
        ge=param.minimum,
        le=param.maximum,
        min_length=1 if param.type == "STRING" else None,
        pattern=f"^({'|'.join(param.choices)})$" if param.choices else None,
        description=description,
        examples=examples,
    )
