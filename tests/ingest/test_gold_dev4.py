"""Extraction quality on the fourth development set: nine invented news articles in tests/articles_dev4
(援藏, 川渝 signing ceremony, 东北–东部 对口合作, 东西部协作 review, 长三角 示范区, 京津冀 挂职, a
Traditional 粤澳 page, a noisy 援疆 page with chrome, a 深喀 brief), written for `brokered` and
`signed`: credits after the undertaking, passive 由, 分别与, counted party lists, 双方/两院, intentions
and tallies that are no signings. Gold in tests/gold_dev4 was annotated by hand before the rules it
led to were written.

Lenient F1 must not fall below the floors of `gold_dev4_floors.json` next to this file; they only move up.
"""

from __future__ import annotations

import pytest
from gold_sets import ROOT, articles_in, check_floor, read_floors, score_set

from ingest.scoring import Scores

ARTICLES = articles_in(ROOT / "tests" / "articles_dev4")
GOLD = ROOT / "tests" / "gold_dev4"
FLOORS = read_floors("gold_dev4_floors.json")


@pytest.fixture(scope="module")
def dev4_scores() -> Scores:
    return score_set(ARTICLES, GOLD)


def test_every_dev4_article_has_gold_and_no_gold_is_orphaned() -> None:
    assert len(ARTICLES) == 9
    assert {g.stem for g in GOLD.glob("*.json")} == {a.stem for a in ARTICLES}


def test_the_traditional_page_is_traditional() -> None:
    text = (ROOT / "tests" / "articles_dev4" / "d07_hengqin_trad.txt").read_text(encoding="utf-8")
    assert "簽署" in text and "签署" not in text


@pytest.mark.parametrize("key", sorted(FLOORS))
def test_lenient_f1_floor(dev4_scores: Scores, key: str) -> None:
    check_floor(dev4_scores, key, FLOORS)
