"""Extraction quality on every evaluation set of `gold_sets.SETS`: each article has its gold (and each
gold its article), and lenient F1 per measured type stays at or above the set's floors.

The floors live next to this file (`gold*_floors.json`, never inside a gold folder, where `duikou eval`
reads every *.json as gold). They only move up: whoever improves a recognizer or a relation raises them.
"""

from __future__ import annotations

import json
from functools import cache

import pytest
from gold_sets import SETS, GoldSet, articles_in, check_floor, read_floors, score_set

from ingest.scoring import Scores

BY_NAME = {gold_set.name: gold_set for gold_set in SETS}


@cache
def scores_of(name: str) -> Scores:
    gold_set = BY_NAME[name]
    return score_set(articles_in(gold_set.articles), gold_set.gold)


@pytest.mark.parametrize("gold_set", SETS, ids=lambda s: s.name)
def test_every_article_has_gold_and_every_gold_its_article(gold_set: GoldSet) -> None:
    articles = articles_in(gold_set.articles)
    assert len(articles) == gold_set.size, f"{gold_set.name}: {len(articles)} articles"
    assert {g.stem for g in gold_set.gold.glob("*.json")} == {a.stem for a in articles}
    for article in articles:
        gold = json.loads((gold_set.gold / f"{article.stem}.json").read_text(encoding="utf-8"))
        assert gold["article"] == article.name


@pytest.mark.parametrize(
    ("name", "key"),
    [(s.name, key) for s in SETS for key in sorted(read_floors(s.floors))],
)
def test_lenient_f1_floor(name: str, key: str) -> None:
    check_floor(scores_of(name), key, read_floors(BY_NAME[name].floors))
