"""`duikou serve`: the HTTP API (and the web explorer when its files are there) under uvicorn."""

from __future__ import annotations

from typing import Annotated

import typer

from duikou.settings import Settings, get_settings


def register(app: typer.Typer) -> None:
    """Add the command to the main app."""
    app.command("serve")(serve)


def serve(
    host: Annotated[str | None, typer.Option(help="interface to bind (default: API_HOST, 127.0.0.1)")] = None,
    port: Annotated[int | None, typer.Option(help="port (default: API_PORT, 8000)")] = None,
    reload: Annotated[bool, typer.Option(help="restart on code changes (development)")] = False,
    workers: Annotated[
        int, typer.Option(min=1, help="uvicorn worker processes (one per core for throughput)")
    ] = 1,
    access_log: Annotated[
        bool, typer.Option(help="log a line per request (off by default: it costs throughput)")
    ] = False,
) -> None:
    """Serve the API; starts the local Neo4j first when NEO4J_URI is unset."""
    import uvicorn  # imported here so other commands start fast

    settings = get_settings()
    browser = _start_local_neo4j(settings) if settings.uses_local_neo4j else None
    host = host or settings.api_host
    port = port or settings.api_port
    typer.echo(f"explorer       http://{host}:{port}/")
    typer.echo(f"API docs       http://{host}:{port}/docs")
    if browser:
        typer.echo(f"Neo4j Browser  {browser}")
    uvicorn.run(
        "api.app:app",
        host=host,
        port=port,
        reload=reload,
        workers=None if reload else workers,
        log_level="info",
        access_log=access_log,
    )


def _start_local_neo4j(settings: Settings) -> str:
    """Start the local Neo4j unless it runs; the Neo4j Browser URL."""
    from graph import local_server

    try:
        server = local_server.ensure_running(settings)
    except local_server.LocalServerError as error:
        typer.secho(str(error), err=True, fg=typer.colors.RED)
        raise typer.Exit(1) from None
    if server is None:
        return ""
    typer.echo(f"local Neo4j at {server.uri}")
    return server.browser_url
