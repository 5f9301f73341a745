"""The `duikou` command line: each subcommand lives in its own module under `duikou.commands`."""

from __future__ import annotations

import typer

from duikou.commands import extract, ingest, neo4j, serve, stats

app = typer.Typer(
    name="duikou",
    help="duikou (对口): a knowledge graph of China's inter-regional cooperation.",
    no_args_is_help=True,
    add_completion=False,
)
app.add_typer(neo4j.app, name="neo4j")
for module in (extract, ingest, serve, stats):
    module.register(app)


if __name__ == "__main__":
    app()
