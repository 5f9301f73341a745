"""Fifth development set: nine invented news articles in tests/articles_dev5 (粤黑 齐齐哈尔–广州 对口合作,
山东援疆 in 疏勒, 川渝 广安–渝北, 粤桂 深圳–河池 on a government site, a Traditional 长三角示范区 piece,
京冀/京张, a noisy 沪喀 援藏 page with chrome, 苏铜 张家港–沿河, 吉浙 对口合作), gold in tests/gold_dev5
written by hand before the extractor was tuned on them. Made for `paired` and organisations: company
names with 投资, departments named with 和, lists of bodies before 等单位, region lists before 两地/三地.

Lenient F1 must not fall below the floors of `gold_dev5_floors.json` next to this file.
"""

from __future__ import annotations

import pytest
from gold_sets import ROOT, articles_in, check_floor, read_floors, score_set

from ingest.scoring import Scores

ARTICLES = articles_in(ROOT / "tests" / "articles_dev5")
GOLD = ROOT / "tests" / "gold_dev5"
FLOORS = read_floors("gold_dev5_floors.json")


@pytest.fixture(scope="module")
def dev5_scores() -> Scores:
    return score_set(ARTICLES, GOLD)


def test_every_dev5_article_has_gold_and_no_gold_is_orphaned() -> None:
    assert len(ARTICLES) == 9
    assert {g.stem for g in GOLD.glob("*.json")} == {a.stem for a in ARTICLES}


def test_one_page_is_traditional() -> None:
    text = (ROOT / "tests" / "articles_dev5" / "d05_csj_trad.txt").read_text(encoding="utf-8")
    assert "長三角" in text and "幹部" in text


@pytest.mark.parametrize("key", sorted(FLOORS))
def test_lenient_f1_floor(dev5_scores: Scores, key: str) -> None:
    check_floor(dev5_scores, key, FLOORS)
