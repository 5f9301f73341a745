"""Project exceptions and the one handler that maps them (and driver failures) to HTTP answers.

Every error is a small JSON body `{"error": code, "detail": message}`; a stack trace never leaves
the process (it goes to the log).
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from neo4j.exceptions import AuthError, ServiceUnavailable, SessionExpired

from queries import ParameterError

log = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 10


class ApiError(Exception):
    """Base of the project's HTTP-facing errors."""

    status = 500
    code = "internal_error"

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class NotFound(ApiError):
    """No entity (or query) with the given id or name."""

    status = 404
    code = "not_found"


class BadParameters(ApiError):
    """A parameter is missing, mistyped or out of range."""

    status = 422
    code = "bad_parameters"


class DatabaseUnavailable(ApiError):
    """Neo4j cannot be reached (down, restarting, or refusing our credentials)."""

    status = 503
    code = "database_unavailable"


def to_api_error(exc: Exception) -> ApiError:
    """The project error an exception stands for; unknown exceptions become a plain 500."""
    if isinstance(exc, ApiError):
        return exc
    if isinstance(exc, ParameterError):
        return BadParameters(str(exc))
    if isinstance(exc, RequestValidationError):
        return BadParameters("; ".join(_describe(e) for e in exc.errors()))
    if isinstance(exc, ServiceUnavailable | SessionExpired | AuthError | ConnectionError):
        return DatabaseUnavailable(
            f"The graph database is unavailable, try again later ({type(exc).__name__})."
        )
    return ApiError("Internal error; see the server log.")


def _describe(error: object) -> str:
    if isinstance(error, dict):
        where = ".".join(str(part) for part in error.get("loc", ()) if part not in ("query", "path"))
        return f"{where}: {error.get('msg', 'invalid')}" if where else str(error.get("msg", "invalid"))
    return str(error)


async def handle_error(request: Request, exc: Exception) -> JSONResponse:
    """The one exception handler: a JSON body, the right status, Retry-After on 503."""
    error = to_api_error(exc)
    if error.status >= 500 and not isinstance(error, DatabaseUnavailable):
        log.exception("unhandled error on %s", request.url.path, exc_info=exc)
    headers = {"Retry-After": str(RETRY_AFTER_SECONDS)} if error.status == 503 else None
    return JSONResponse(
        {"error": error.code, "detail": error.detail}, status_code=error.status, headers=headers
    )


def install(app: FastAPI) -> None:
    """Route every project, validation and driver exception through `handle_error`."""
    for exc_type in (
        ApiError,
        ParameterError,
        RequestValidationError,
        ServiceUnavailable,
        SessionExpired,
        AuthError,
        Exception,
    ):
        app.add_exception_handler(exc_type, handle_error)
