"""Scoring rules of extraction-format.md on small hand-made gold/prediction pairs."""

from __future__ import annotations

from typing import Any

import pytest

from ingest.models import Extraction
from ingest.scoring import lenient_equal, normalise, score


def _ex(**fields: Any) -> Extraction:
    return Extraction(article="a.txt", **fields)


def _org(name: str, *aliases: str) -> dict[str, Any]:
    return {"name": name, "aliases": list(aliases)}


def test_normalisation() -> None:
    assert normalise("瀋陽市") == "沈阳市"
    assert normalise(" “京沈 合作” ") == "京沈合作"
    assert normalise("ＩＣ装备（沈阳）") == "IC装备(沈阳)"
    assert normalise("沈阳") == "沈阳"  # Simplified names are left alone


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("沈阳市交通局", "沈阳交通局", False),  # neither contains the other
        ("首钢集团", "首钢", False),  # 2/4 = 50 % < 60 %
        ("首钢集团公司", "首钢集团", True),  # 4/6 ≥ 60 %
        ("京沈双创产业加速器项目", "京沈双创产业加速器", True),  # 9/11 ≥ 60 %
        ("中关村科技园区管理委员会", "中关村", False),  # 3/12 < 60 %
        ("沈", "沈阳", False),  # shorter than 2 characters
    ],
)
def test_lenient_containment(a: str, b: str, expected: bool) -> None:
    assert lenient_equal(a, b) is expected


def test_entity_strict_lenient_and_aliases() -> None:
    gold = _ex(organisations=[_org("沈阳市交通局", "沈阳交通局"), _org("京沈双创产业加速器")])
    pred = _ex(organisations=[_org("沈阳交通局"), _org("京沈双创产业加速器平台")])
    s = score(gold, pred)
    strict, lenient = s.get("strict", "organisations"), s.get("lenient", "organisations")
    assert (strict.tp, strict.pred, strict.gold) == (1, 2, 2)  # alias match only
    assert (lenient.tp, lenient.pred, lenient.gold) == (2, 2, 2)  # 9/11 containment
    assert strict.precision == 0.5 and lenient.f1 == 1.0


def test_each_gold_entity_matched_once() -> None:
    gold = _ex(cities=[{"name": "沈阳市", "aliases": ["沈阳"]}])
    pred = _ex(cities=[{"name": "沈阳市"}, {"name": "沈阳"}, {"name": "瀋陽市"}])
    c = score(gold, pred).get("strict", "cities")
    assert (c.tp, c.pred, c.gold) == (1, 3, 1)


def test_matching_is_maximal_not_greedy() -> None:
    # 北京市发改委 could take either gold leniently; the best assignment matches both.
    gold = _ex(organisations=[_org("北京市发改委"), _org("北京市发改委员会")])
    pred = _ex(organisations=[_org("北京市发改委员会"), _org("北京市发改委")])
    assert score(gold, pred).get("lenient", "organisations").tp == 2


def test_types_are_separate() -> None:
    gold = _ex(cities=[{"name": "廊坊市"}])
    pred = _ex(organisations=[_org("廊坊市")])
    s = score(gold, pred)
    assert s.get("lenient", "cities").tp == 0 and s.get("lenient", "organisations").pred == 1


def test_seconded_person_exact_host_by_entity_rule_with_gold_aliases() -> None:
    gold = _ex(
        cities=[{"name": "廊坊市", "aliases": ["廊坊"]}],
        seconded_to=[{"person": "张三", "host": "廊坊市"}, {"person": "李四", "host": "北京市发改委"}],
    )
    pred = _ex(
        seconded_to=[
            {"person": "张三", "host": "廊坊"},  # gold alias of the host city: strict
            {"person": "李四", "host": "北京市发改委员会"},  # containment 6/8: lenient only
            {"person": "王五", "host": "廊坊市"},  # wrong person
        ]
    )
    s = score(gold, pred)
    assert s.get("strict", "seconded_to").tp == 1
    assert s.get("lenient", "seconded_to").tp == 2
    assert s.get("lenient", "seconded_to").pred == 3


def test_person_is_exact_even_in_lenient() -> None:
    gold = _ex(seconded_to=[{"person": "马瑞樯", "host": "沈阳市交通局"}])
    pred = _ex(seconded_to=[{"person": "马瑞", "host": "沈阳市交通局"}])
    assert score(gold, pred).get("lenient", "seconded_to").tp == 0


def test_brokered_person_and_project() -> None:
    gold = _ex(
        projects=[{"name": "京沈双创产业加速器项目", "aliases": ["京沈双创产业加速器"]}],
        brokered=[{"person": "刘一", "project": "京沈双创产业加速器项目"}],
    )
    right = _ex(brokered=[{"person": "刘一", "project": "京沈双创产业加速器"}])
    wrong = _ex(brokered=[{"person": "刘二", "project": "京沈双创产业加速器项目"}])
    assert score(gold, right).get("strict", "brokered").tp == 1
    assert score(gold, wrong).get("lenient", "brokered").tp == 0


def test_signed_is_scored_as_unordered_pairs() -> None:
    gold = _ex(signed=[{"parties": ["甲公司", "乙公司", "丙公司"]}])
    pred = _ex(signed=[{"parties": ["乙公司", "甲公司"]}, {"parties": ["丙公司", "丁公司"]}])
    c = score(gold, pred).get("strict", "signed")
    assert (c.tp, c.pred, c.gold) == (1, 2, 3)  # AB matches (reversed); CD is wrong; AC, BC missed


def test_duplicate_relations_count_once() -> None:
    gold = _ex(signed=[{"parties": ["清华大学", "沈阳市"]}, {"parties": ["沈阳市", "清华大学"]}])
    pred = _ex(signed=[{"parties": ["清华大学", "沈阳市"]}])
    c = score(gold, pred).get("strict", "signed")
    assert (c.tp, c.pred, c.gold) == (1, 1, 1)


def test_paired_pairs_and_the_relation_average_excludes_them() -> None:
    gold = _ex(paired=[{"a": "北京市", "b": "沈阳市"}], brokered=[{"person": "甲", "project": "乙项目"}])
    pred = _ex(paired=[{"a": "沈阳市", "b": "北京市"}])
    s = score(gold, pred)
    assert s.get("strict", "paired").tp == 1
    relation = s.get("strict", "relation")
    assert (relation.tp, relation.pred, relation.gold) == (0, 0, 1)


def test_micro_average_and_aggregation() -> None:
    gold = _ex(people=[_org("甲")], cities=[{"name": "乙市"}, {"name": "丙市"}])
    pred = _ex(people=[_org("甲")], cities=[{"name": "乙市"}, {"name": "丁市"}])
    one = score(gold, pred)
    entity = one.get("strict", "entity")
    assert (entity.tp, entity.pred, entity.gold) == (2, 3, 3)
    total = (one + one).get("strict", "entity")
    assert (total.tp, total.pred, total.gold) == (4, 6, 6)
    assert round(total.f1, 4) == round(2 / 3, 4)
