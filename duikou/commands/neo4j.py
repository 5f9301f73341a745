"""`duikou neo4j start|stop|status`: the local Neo4j 5.26 Community server."""

from __future__ import annotations

import time

import typer

from duikou.settings import Settings, get_settings
from graph import local_server
from graph.db import database_status, make_driver
from graph.local_server import LocalServerError, RunningServer, ServerSpec

app = typer.Typer(help="Run a local Neo4j 5.26 Community server from Maven Central artifacts (no Docker).")


def _external(settings: Settings) -> bool:
    if settings.uses_local_neo4j:
        return False
    typer.echo(
        f"NEO4J_URI is set: duikou uses the external server at {settings.neo4j_uri} and starts nothing."
    )
    return True


def _describe(server: RunningServer) -> str:
    return (
        f"  pid      {server.pid}\n"
        f"  bolt     {server.uri}\n"
        f"  browser  {server.browser_url}\n"
        f"  data     {server.home / 'data'}\n"
        f"  log      {server.home / 'logs' / 'console.log'}"
    )


def _fail(error: LocalServerError) -> typer.Exit:
    typer.secho(str(error), err=True, fg=typer.colors.RED)
    return typer.Exit(1)


@app.command()
def start(timeout: float = typer.Option(180.0, help="seconds to wait for Bolt to answer")) -> None:
    """Start the local server in the background (data in the state dir); no-op when it already runs."""
    settings = get_settings()
    if _external(settings):
        return
    began = time.monotonic()
    try:
        server, started = local_server.start(
            ServerSpec.from_settings(settings), timeout=timeout, say=typer.echo
        )
    except LocalServerError as error:
        raise _fail(error) from None
    if started:
        typer.echo(f"Neo4j 5.26 Community started in {time.monotonic() - began:.1f} s:\n{_describe(server)}")
    else:
        typer.echo(f"Neo4j is already running:\n{_describe(server)}")
    typer.echo("Auth is disabled on this loopback-only server: any user/password is accepted.")


@app.command()
def stop() -> None:
    """Stop the local server cleanly (SIGTERM, then SIGKILL if it does not exit in time)."""
    settings = get_settings()
    if _external(settings):
        return
    stopped = local_server.stop(ServerSpec.from_settings(settings))
    typer.echo(f"Neo4j stopped (pid {stopped.pid})." if stopped else "Neo4j is not running.")


@app.command()
def status() -> None:
    """Tell whether the local server runs (exit code 0) or not (exit code 1)."""
    settings = get_settings()
    if _external(settings):
        with make_driver(settings) as driver:
            health = database_status(driver, settings.neo4j_database)
        typer.echo(
            f"External Neo4j {health.version} {health.edition}: reachable."
            if health.ok
            else f"External Neo4j unreachable: {health.error}"
        )
        raise typer.Exit(0 if health.ok else 1)
    server = local_server.status(ServerSpec.from_settings(settings))
    if server is None:
        typer.echo(f"Neo4j is stopped (state dir {settings.state_dir}).")
        raise typer.Exit(1)
    typer.echo(f"Neo4j is running:\n{_describe(server)}")
