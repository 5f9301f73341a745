"""`duikou stats [--json]`: node counts per label and relationship counts per type."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from neo4j import Driver
from neo4j.exceptions import DriverError, Neo4jError
from rich.console import Console
from rich.table import Table

from duikou.settings import get_settings
from graph.db import make_driver
from graph.schema import Label, Rel


def graph_counts(driver: Driver, database: str | None = None) -> dict[str, dict[str, int]]:
    """{"nodes": {label: n}, "relationships": {type: n}} for every label and type of the model."""
    nodes, rels = {}, {}
    with driver.session(database=database) as session:
        for label in Label:
            nodes[label.value] = session.run(f"MATCH (n:{label}) RETURN count(n) AS n").single(strict=True)[
                "n"
            ]
        for rel in Rel:
            rels[rel.value] = session.run(f"MATCH ()-[r:{rel}]->() RETURN count(r) AS n").single(strict=True)[
                "n"
            ]
    return {"nodes": nodes, "relationships": rels}


def stats(as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False) -> None:
    """Count the graph's nodes per label and relationships per type."""
    settings = get_settings()
    try:
        with make_driver(settings) as driver:
            counts = graph_counts(driver, settings.neo4j_database)
    except (DriverError, Neo4jError, OSError) as error:
        first = (str(error).strip().splitlines() or [""])[0]
        Console(stderr=True, soft_wrap=True).print(
            f"[red]Neo4j at {settings.bolt_uri} is not reachable:[/red] {type(error).__name__}: {first}"
        )
        raise typer.Exit(1) from None
    if as_json:
        typer.echo(json.dumps(counts, indent=2))
        return
    table = Table("kind", "name", "count")
    for kind, values in counts.items():
        for name, n in values.items():
            table.add_row(kind, name, str(n))
    Console().print(table)


def register(app: typer.Typer) -> None:
    """Add the command to the main app."""
    app.command()(stats)
