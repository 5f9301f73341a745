"""`duikou extract PATH... --out DIR` and `duikou eval GOLD_DIR PRED_DIR`."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ingest.models import Extraction
from ingest.pipeline import extract_many
from ingest.scoring import ENTITY_TYPES, MODES, RELATION_TYPES, score_dirs

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
ENTITY_FIELDS = ENTITY_TYPES
RELATION_FIELDS = (*RELATION_TYPES, "paired")
ROWS = (*ENTITY_TYPES, "entity", *RELATION_TYPES, "relation", "paired")


def collect(paths: Iterable[Path]) -> list[Path]:
    """Files named directly, plus *.txt/*.html/*.htm found recursively under folders, sorted per folder."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                sorted(p for p in path.rglob("*") if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file())
            )
        else:
            files.append(path)  # a missing file is reported by the reader, per file
    return files


def _size(extraction: Extraction, fields: Iterable[str]) -> int:
    return sum(len(getattr(extraction, name)) for name in fields)


def extract(
    paths: Annotated[
        list[Path], typer.Argument(help="article files or folders (recursive over *.txt, *.html, *.htm)")
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="folder for the per-article JSON files")],
) -> None:
    """Extract entities and relations from articles into DIR/<stem>.json (one file per article)."""
    console, errors = Console(), Console(stderr=True)
    files = collect(paths)
    if not files:
        errors.print("[red]no article files found[/red] (looked for *.txt, *.html, *.htm)")
        raise typer.Exit(2)
    out.mkdir(parents=True, exist_ok=True)
    articles = entities = relations = 0
    failures: list[tuple[Path, str]] = []
    written: dict[str, Path] = {}
    columns = (TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=errors, transient=True) as progress:
        task = progress.add_task("extract", total=len(files))
        for outcome in extract_many(files):
            progress.advance(task)
            if outcome.extraction is None:
                failures.append((outcome.path, outcome.error or "unknown error"))
                progress.console.print(
                    f"[red]failed[/red] {escape(str(outcome.path))}: {escape(outcome.error or '')}",
                    soft_wrap=True,
                )
                continue
            target = out / f"{outcome.path.stem}.json"
            if target.name in written:
                progress.console.print(
                    f"[yellow]note[/yellow] {escape(str(outcome.path))} overwrites {escape(str(written[target.name]))}",
                    soft_wrap=True,
                )
            target.write_text(outcome.extraction.to_json(), encoding="utf-8")
            written[target.name] = outcome.path
            articles += 1
            entities += _size(outcome.extraction, ENTITY_FIELDS)
            relations += _size(outcome.extraction, RELATION_FIELDS)
    console.print(
        f"{articles} articles, {entities} entities, {relations} relations, {len(failures)} failed → {escape(str(out))}",
        soft_wrap=True,
    )
    if failures:
        raise typer.Exit(1)


def evaluate(
    gold_dir: Annotated[
        Path, typer.Argument(exists=True, file_okay=False, help="folder of gold <stem>.json files")
    ],
    pred_dir: Annotated[
        Path, typer.Argument(exists=True, file_okay=False, help="folder of extracted <stem>.json files")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="print the scores as JSON")] = False,
) -> None:
    """Precision, recall and F1 per type, strict and lenient, of PRED_DIR against GOLD_DIR."""
    result = score_dirs(gold_dir, pred_dir)
    if not result.articles:
        Console(stderr=True).print(f"[red]no gold files[/red] (*.json) in {gold_dir}")
        raise typer.Exit(2)
    if as_json:
        payload = {
            "articles": len(result.articles),
            "missing": result.missing,
            "scores": result.total.as_dict(),
            "per_article": {name: s.as_dict() for name, s in result.articles.items()},
        }
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    table = Table(title=f"{len(result.articles)} articles: {pred_dir} against {gold_dir}")
    table.add_column("type")
    for mode in MODES:
        for metric in ("P", "R", "F1"):
            table.add_column(f"{mode} {metric}", justify="right")
    table.add_column("gold", justify="right")
    table.add_column("pred", justify="right")
    for row in ROWS:
        cells = []
        for mode in MODES:
            c = result.total.get(mode, row)
            cells += [f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}"]
        c = result.total.get("strict", row)
        style = "bold" if row in ("entity", "relation") else None
        table.add_row(
            row, *cells, str(c.gold), str(c.pred), style=style, end_section=row in ("entity", "relation")
        )
    # Piped output gets a fixed width so the table is not squeezed to 80 columns.
    console = Console() if sys.stdout.isatty() else Console(width=110)
    console.print(table)
    if result.missing:
        console.print(f"[yellow]no prediction for[/yellow] {', '.join(result.missing)} (scored as empty)")


def register(app: typer.Typer) -> None:
    """Add `extract` and `eval` to the main app."""
    app.command("extract")(extract)
    app.command("eval")(evaluate)
