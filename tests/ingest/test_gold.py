"""Extraction quality on the seed articles: lenient entity and relation F1 must not fall below the floors.

The floors live in `gold_floors.json` next to this file (not in tests/gold, which holds only gold
annotations). They only move up: whoever improves a recognizer or a relation raises them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.pipeline import extract_file
from ingest.scoring import Scores, load, score

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
FLOORS = json.loads((Path(__file__).with_name("gold_floors.json")).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_scores() -> Scores:
    total = Scores()
    for seed in SEEDS:
        total = total + score(load(ROOT / "tests" / "gold" / f"{seed.stem}.json"), extract_file(seed))
    return total


def test_all_seeds_have_gold() -> None:
    assert len(SEEDS) == 5
    assert all((ROOT / "tests" / "gold" / f"{seed.stem}.json").exists() for seed in SEEDS)


@pytest.mark.parametrize("kind", ["entity", "relation"])
def test_lenient_f1_floor(seed_scores: Scores, kind: str) -> None:
    f1 = seed_scores.get("lenient", kind).f1
    floor = FLOORS[f"lenient_{kind}_f1"]
    assert f1 >= floor, f"lenient {kind} F1 {f1:.4f} fell below the floor {floor}"
