"""Extraction quality on the seed articles: lenient entity and relation F1 must not fall below the floors.

The floors live in `gold_floors.json` next to this file (not in tests/gold, which holds only gold
annotations). They only move up: whoever improves a recognizer or a relation raises them.
"""

from __future__ import annotations

import pytest
from gold_sets import ROOT, check_floor, read_floors, score_set

from ingest.scoring import Scores

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
FLOORS = read_floors("gold_floors.json")


@pytest.fixture(scope="module")
def seed_scores() -> Scores:
    return score_set(SEEDS, ROOT / "tests" / "gold")


def test_all_seeds_have_gold() -> None:
    assert len(SEEDS) == 5
    assert all((ROOT / "tests" / "gold" / f"{seed.stem}.json").exists() for seed in SEEDS)


@pytest.mark.parametrize("kind", ["entity", "relation"])
def test_lenient_f1_floor(seed_scores: Scores, kind: str) -> None:
    check_floor(seed_scores, f"lenient_{kind}_f1", FLOORS)
