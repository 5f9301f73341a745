"""Extraction quality beyond the seeds: eight invented articles (other outlets, pairings, a Big5 HTML page,
a noisy truncated page) in tests/articles_extra, gold in tests/gold_extra written before the extractor
was run on them. Lenient F1 must not fall below the floors of `gold_extra_floors.json` next to this file
(not in tests/gold_extra, where `duikou eval` reads every *.json as gold), which only
move up.
"""

from __future__ import annotations

import pytest
from gold_sets import ROOT, articles_in, check_floor, read_floors, score_set

from ingest.pipeline import extract_file
from ingest.scoring import Scores

ARTICLES = articles_in(ROOT / "tests" / "articles_extra")
GOLD = ROOT / "tests" / "gold_extra"
FLOORS = read_floors("gold_extra_floors.json")


@pytest.fixture(scope="module")
def extra_scores() -> Scores:
    return score_set(ARTICLES, GOLD)


def test_every_extra_article_has_gold_and_the_big5_page_is_big5() -> None:
    assert len(ARTICLES) == 8
    assert all((GOLD / f"{a.stem}.json").exists() for a in ARTICLES)
    big5 = next(a for a in ARTICLES if a.suffix == ".html")
    raw = big5.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert "粵桂協作" in raw.decode("big5")


@pytest.mark.parametrize("key", sorted(FLOORS))
def test_lenient_f1_floor(extra_scores: Scores, key: str) -> None:
    check_floor(extra_scores, key, FLOORS)


def test_chrome_only_places_are_not_extracted() -> None:
    """Sidebar, menu and footer places of the noisy pages never become cities."""
    names = {c.name for a in ARTICLES for c in extract_file(a).cities}
    assert not names & {"思茅区", "景东县", "台湾省", "香港特别行政区", "珠海市", "毕节市", "河池市"}
