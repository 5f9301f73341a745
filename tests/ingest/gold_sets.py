"""Shared helpers of the gold tests: score a folder of articles against its gold, read floors, and build
small pages for recognizer unit tests."""

from __future__ import annotations

import json
import re
from pathlib import Path

from ingest.document import Page, Sentence
from ingest.pipeline import extract_file
from ingest.scoring import Scores, load, score

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).parent


def articles_in(folder: Path) -> list[Path]:
    """The article files of an evaluation folder (text and HTML pages), sorted."""
    return sorted(p for p in folder.iterdir() if p.suffix in {".txt", ".html"})


def score_set(articles: list[Path], gold_dir: Path) -> Scores:
    """The pipeline's scores over `articles`, each against `gold_dir/<stem>.json`."""
    total = Scores()
    for article in articles:
        total = total + score(load(gold_dir / f"{article.stem}.json"), extract_file(article))
    return total


def read_floors(name: str) -> dict[str, float]:
    """Floors of a set, from `<name>` next to the tests (never inside a gold folder: eval reads those)."""
    floors: dict[str, float] = json.loads((HERE / name).read_text(encoding="utf-8"))
    return floors


def check_floor(scores: Scores, key: str, floors: dict[str, float]) -> None:
    """Fail when the lenient F1 named by `key` (lenient_<type>_f1) fell below its floor."""
    kind = key.removeprefix("lenient_").removesuffix("_f1")
    f1 = scores.get("lenient", kind).f1
    assert f1 >= floors[key], f"lenient {kind} F1 {f1:.4f} fell below the floor {floors[key]}"


def make_page(text: str, source: str | None = None) -> Page:
    """A page from plain simplified text, split into sentences on 。！？ and new lines."""
    bounds = [0, *(m.end() for m in re.finditer(r"[。！？\n]", text))]
    if bounds[-1] != len(text):
        bounds.append(len(text))
    sentences = [Sentence(a, b, text[a:b]) for a, b in zip(bounds, bounds[1:], strict=False) if b > a]
    return Page("t.txt", "x", text, text, list(range(len(text))), sentences, source=source)
