"""Relation `signed` on short invented sentences: the shapes of party lists and clauses that news
articles use for signings (分别与, counted lists, 双方/两院, a carried subject, adverbials between the
parties and the verb), and what is no signing (presence, tallies, intentions)."""

from __future__ import annotations

from ingest.models import Extraction
from ingest.pipeline import extract_text


def extract(text: str) -> Extraction:
    return extract_text(text)


def pairs(text: str) -> set[frozenset[str]]:
    """Unordered party pairs of every signing in `text`, as the scorer counts them."""
    found = set()
    for fact in extract(text).signed:
        for i, a in enumerate(fact.parties):
            for b in fact.parties[i + 1 :]:
                found.add(frozenset((a, b)))
    return found


def test_one_party_respectively_with_each_of_a_list() -> None:
    text = "仪式上，宁河县人民政府分别与天津华德机械有限公司、河北望川化工有限公司签订投资协议。"
    assert pairs(text) == {
        frozenset(("宁河县人民政府", "天津华德机械有限公司")),
        frozenset(("宁河县人民政府", "河北望川化工有限公司")),
    }


def test_two_lists_respectively_pair_in_order() -> None:
    text = "会上，松江区、昆山市分别与上海恒启电子有限公司、江苏润泽食品有限公司签约。"
    assert pairs(text) == {
        frozenset(("松江区", "上海恒启电子有限公司")),
        frozenset(("昆山市", "江苏润泽食品有限公司")),
    }


def test_counted_list_without_a_connector() -> None:
    text = "今年5月，通州区人民政府、武清区人民政府、廊坊市人民政府三方共同签署了《交通一体化合作协议》。"
    assert pairs(text) == {
        frozenset(("通州区人民政府", "武清区人民政府")),
        frozenset(("通州区人民政府", "廊坊市人民政府")),
        frozenset(("武清区人民政府", "廊坊市人民政府")),
    }


def test_company_name_holding_a_connector_is_one_party() -> None:
    text = "东城区人民政府、阿克苏市人民政府、北京德和商贸有限公司三方签订了物流合作协议。"
    assert frozenset(("东城区人民政府", "北京德和商贸有限公司")) in pairs(text)
    assert not any("德" in p and len(p) <= 4 for pair in pairs(text) for p in pair)


def test_both_sides_of_a_connector_inside_an_unlisted_bureau() -> None:
    text = "上个月，武汉市科技局和襄阳市科学技术和信息化局签了一份合作备忘录。"
    assert pairs(text) == {frozenset(("武汉市科技局", "襄阳市科学技术和信息化局"))}


def test_an_adverbial_of_place_between_parties_and_verb() -> None:
    text = "黔江区人民政府与遂宁市人民政府还在推介会上共同签署了《文旅合作协议》。"
    assert pairs(text) == {frozenset(("黔江区人民政府", "遂宁市人民政府"))}


def test_both_points_back_to_the_pair_named_before() -> None:
    text = "他促成浦口区人民医院与麻江县人民医院共建远程诊疗中心，两院于去年5月签署了帮扶协议。"
    assert pairs(text) == {frozenset(("浦口区人民医院", "麻江县人民医院"))}


def test_a_carried_subject_signs_with_the_party_after_yu() -> None:
    text = "此外，湖南澄湘药业有限公司决定投资3亿元建设中药材加工基地，并已于本月中旬与龙山县人民政府签约。"
    assert pairs(text) == {frozenset(("湖南澄湘药业有限公司", "龙山县人民政府"))}


def test_presence_and_tallies_are_no_signings() -> None:
    assert pairs("常州市发展和改革委员会、遵义市发展和改革委员会有关负责同志出席并见证签约。") == set()
    assert pairs("自常州市与遵义市开展协作以来，两市已累计签约合作项目40个。") == set()
    assert pairs("江宁区与镇宁县达成合作意向，拟共建冷链物流园。") == set()


def test_a_plain_list_of_named_parties_signs_together() -> None:
    text = "当天，上海市松江区人民政府、昆山市人民政府、平湖市人民政府共同签署《毗邻地区产业协同协议》。"
    assert pairs(text) == {
        frozenset(("上海市松江区人民政府", "昆山市人民政府")),
        frozenset(("上海市松江区人民政府", "平湖市人民政府")),
        frozenset(("昆山市人民政府", "平湖市人民政府")),
    }


def test_a_list_of_things_that_are_no_bodies_signs_nothing() -> None:
    text = "双方达成新型供热产品、关键技术研究等校地、校企签约合作20项。"
    assert pairs(text) == set()


def test_the_place_of_signing_is_no_party() -> None:
    text = "吉林省人民政府与浙江省人民政府在杭州签署《两省对口合作框架协议》。"
    assert pairs(text) == {frozenset(("吉林省人民政府", "浙江省人民政府"))}


def test_the_verb_that_brought_a_party_is_not_part_of_it() -> None:
    text = "他积极对接，促成了县政府与华润集团签订战略合作协议。"
    assert pairs(text) == {frozenset(("县政府", "华润集团"))}
