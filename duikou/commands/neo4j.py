"""`duikou neo4j start|stop|status`: the local Neo4j 5.26 Community server."""

from __future__ import annotations

import typer

app = typer.Typer(help="Run a local Neo4j 5.26 Community server from Maven Central artifacts (no Docker).")
