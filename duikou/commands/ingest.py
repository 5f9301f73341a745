"""`duikou ingest PATH...`, `duikou ingest --from-json DIR`, `duikou ingest --remove ARTICLE`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer
from neo4j.exceptions import DriverError, Neo4jError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from duikou.commands.extract import collect
from duikou.settings import get_settings
from graph.db import make_driver
from graph.load import DEFAULT_BATCH_SIZE, UnknownArticle, load_extractions, read_json_dir, remove_articles
from graph.txutil import LoadStats
from ingest.models import Extraction


def _one_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return f"{type(error).__name__}: {lines[0] if lines else ''}"


def _summary(stats: LoadStats) -> str:
    c = stats.counters
    return (
        f"{stats.articles_loaded} articles loaded, {stats.articles_skipped} unchanged, "
        f"{stats.articles_replaced} replaced, {stats.articles_removed} removed; "
        f"nodes {c['nodes_created']} created, {c['nodes_deleted']} deleted; "
        f"edges {c['relationships_created']} created, {c['relationships_deleted']} deleted; "
        f"{c['properties_set']} properties set"
    )


def ingest(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="article files or folders: extract, then load")
    ] = None,
    from_json: Annotated[
        Path | None, typer.Option("--from-json", help="load extraction JSON files of DIR")
    ] = None,
    remove: Annotated[
        list[str] | None, typer.Option("--remove", help="withdraw an article (name, path or id)")
    ] = None,
    batch_size: Annotated[
        int, typer.Option("--batch-size", min=1, help="articles per transaction")
    ] = DEFAULT_BATCH_SIZE,
) -> None:
    """Load articles into the graph (idempotent; a changed article replaces its facts)."""
    console, errors = Console(soft_wrap=True), Console(stderr=True, soft_wrap=True)
    if not paths and from_json is None and not remove:
        errors.print("give article paths, --from-json DIR or --remove ARTICLE")
        raise typer.Exit(2)
    settings = get_settings()
    try:
        if settings.uses_local_neo4j:
            from graph import local_server

            local_server.ensure_running(settings)
        with make_driver(settings) as driver:
            driver.verify_connectivity()
            if remove:
                console.print(_summary(remove_articles(driver, remove, settings.neo4j_database)))
            sources: list[tuple[str, list[Path]]] = []
            if from_json is not None:
                sources.append(("json", read_json_dir(from_json)))
            if paths:
                sources.append(("articles", collect(paths)))
            for kind, files in sources:
                stats = _load(driver, kind, files, batch_size, settings.neo4j_database, errors)
                console.print(_summary(stats))
    except UnknownArticle as error:
        errors.print(f"[red]{error}[/red]")
        raise typer.Exit(1) from None
    except (DriverError, Neo4jError, OSError) as error:
        errors.print(
            f"[red]Neo4j at {settings.bolt_uri} is not reachable or failed:[/red] {_one_line(error)}"
        )
        raise typer.Exit(1) from None
    except RuntimeError as error:  # the local launcher's errors say what to do
        errors.print(f"[red]{_one_line(error)}[/red]")
        raise typer.Exit(1) from None


def _load(driver, kind: str, files: list[Path], batch_size: int, database: str, errors: Console) -> LoadStats:  # type: ignore[no-untyped-def]
    columns = (TextColumn(f"loading {kind}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=errors, transient=True) as progress:
        task = progress.add_task(kind, total=len(files))

        def extractions() -> Iterator[Extraction]:
            if kind == "json":
                for path in files:
                    try:
                        yield Extraction.model_validate_json(path.read_text(encoding="utf-8"))
                    except ValueError as error:
                        progress.console.print(f"[red]skipped[/red] {path}: {_one_line(error)}")
                        progress.advance(task)
                return
            from ingest.pipeline import extract_many

            for outcome in extract_many(files):
                if outcome.extraction is None:
                    progress.console.print(f"[red]failed[/red] {outcome.path}: {outcome.error}")
                    progress.advance(task)
                else:
                    yield outcome.extraction

        return load_extractions(
            driver, extractions(), batch_size, database, on_batch=lambda n, _: progress.advance(task, n)
        )


def register(app: typer.Typer) -> None:
    """Add the command to the main app."""
    app.command()(ingest)
