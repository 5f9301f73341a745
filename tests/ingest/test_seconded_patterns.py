"""`seconded_to` patterns beyond the seeds: invented sentences through the real recognizers."""

from __future__ import annotations

from ingest.document import Page
from ingest.models import Extraction
from ingest.recognize import recognize
from ingest.relate import relate
from ingest.relate.common import split_sentences


def extract(text: str) -> Extraction:
    page = Page(
        "t.txt", "x", text, text, list(range(len(text))), split_sentences(text), published="2021-06-18"
    )
    return relate(page, recognize(page))


def seconded(text: str) -> list[tuple[str, str, str | None]]:
    return sorted((s.person, s.host, s.title) for s in extract(text).seconded_to)


def test_a_long_post_after_the_place_names_the_host_body() -> None:
    text = "受组织选派，浙江省湖州市经信局干部蓝立平赴四川省广元市挂职锻炼，担任广元市经济和信息化局副局长。"
    assert seconded(text) == [("蓝立平", "广元市经济和信息化局", "副局长")]


def test_an_aid_cadre_marker_before_a_home_post_in_the_same_province_is_not_a_host() -> None:
    # 潍坊市 lies in 山东省: the chain's post is the home, the 挂任 trigger gives the host.
    text = "2020年初，山东省第十批援疆干部、潍坊市发展和改革委员会副主任滕立新挂任疏勒县委常委、副县长。"
    assert [fact[:2] for fact in seconded(text)] == [("滕立新", "疏勒县")]


def test_an_aid_cadre_chain_with_a_post_away_from_home_still_gives_the_host() -> None:
    text = "上海市援藏干部、日喀则市副市长柏晨阳介绍，资金八成以上投向基层。"
    assert seconded(text) == [("柏晨阳", "日喀则市", "副市长")]


def test_deputy_commissioner_is_a_title() -> None:
    text = "喀什地区副专员、深圳市援疆前方指挥部副总指挥麦振东出席并见证签约。"
    assert seconded(text) == [("麦振东", "喀什地区", "副专员")]


def test_a_body_named_as_host_beats_the_place_it_lies_in() -> None:
    text = "2020年，厦门市思明区教育局副局长饶丽娜赴甘肃临夏州挂职临夏州教育局副局长。"
    assert seconded(text) == [("饶丽娜", "临夏回族自治州教育局", "副局长")]


def test_the_leader_of_a_batch_of_aid_cadres_is_an_aid_cadre() -> None:
    text = "天津市第十一批援疆干部领队、和田地区行署副专员闵文斌表示，将持续推动协作。"
    assert seconded(text) == [("闵文斌", "和田地区行署", "副专员")]


def test_a_member_of_a_body_closed_by_tongzhi() -> None:
    text = "杭州市拱墅区卫健局的邬晓东同志于2021年3月被选派到贵州省黔东南州从江县挂职，任县卫健局副局长。"
    assert seconded(text) == [("邬晓东", "从江县卫健局", "副局长")]


def test_jiaoliu_renzhi_is_a_secondment() -> None:
    text = "去年8月，杭州市西湖区商务局局长叶云帆交流任职吉林市丰满区副区长，分管招商。"
    assert seconded(text) == [("叶云帆", "丰满区", "副区长")]
    text = "邻水县发展和改革局局长蒲晓云则到渝北区发展和改革委员会交流任职，任副主任。"
    assert seconded(text) == [("蒲晓云", "渝北区发展和改革委员会", "副主任")]


def test_yu_is_a_surname_right_after_a_title_and_xuanpai_dao_renzhi() -> None:
    text = "援藏干部、白朗县委常委、常务副县长于景山说。于景山此前是济南市历城区农业农村局局长，此次被选派到白朗县任职。"
    assert ("于景山", "白朗县") in {fact[:2] for fact in seconded(text)}
    # 于 after a title is a preposition before a time word: no name
    assert not extract("市长于今日在会上讲话。").people


def test_a_place_without_a_post_goes_when_a_body_there_is_the_host() -> None:
    text = (
        "邻水县发展和改革局局长蒲晓云到渝北区发展和改革委员会交流任职，任副主任。"
        "蒲晓云在渝北跟班一个多月，就推动建立了联合审批机制。"
    )
    assert seconded(text) == [("蒲晓云", "渝北区发展和改革委员会", "副主任")]


def test_a_name_that_opens_a_clause_and_travels_to_its_post() -> None:
    text = "2020年7月，作为上海市第十批援滇干部，卢海波来到云南省红河州绿春县，挂任县委常委、副县长。"
    assert [fact[:2] for fact in seconded(text)] == [("卢海波", "绿春县")]
    text = "2019年起，陈立山在四川省甘孜州康定市挂职，担任康定市委常委、副市长。"
    assert [fact[:2] for fact in seconded(text)] == [("陈立山", "康定市")]


def test_a_post_held_during_the_secondment() -> None:
    text = "挂职期间，担任青海省果洛州玛沁县副县长的姜文山，先后协调落实援建资金2000万元。"
    assert seconded(text) == [("姜文山", "玛沁县", "副县长")]


def test_a_bracketed_secondment_ends_at_the_bracket() -> None:
    text = "宁波市北仑区发改局副局长陈晓山（挂职延边州汪清县发改局副局长）表示，将继续做好协调服务。"
    assert seconded(text) == [("陈晓山", "汪清县发改局", "副局长")]


def test_a_resume_names_its_person() -> None:
    text = "李明山，男，汉族，现任江苏省苏州市吴中区商务局副局长，挂职贵州省铜仁市思南县副县长。"
    assert seconded(text) == [("李明山", "思南县", "副县长")]


def test_a_member_of_a_place_who_serves_elsewhere() -> None:
    text = "作为闽宁协作第十三批挂职干部，厦门市同安区的许文博在隆德县任副县长。"
    assert seconded(text) == [("许文博", "隆德县", "副县长")]
    assert not extract("成都的熊猫。杭州市的金秋来到了。").people


def test_the_place_a_marker_was_sent_to_is_the_host_not_the_home() -> None:
    text = "宝安区派驻田林县的挂职干部、田林县委常委、副县长郑凯山介绍。"
    assert [fact[:2] for fact in seconded(text)] == [("郑凯山", "田林县")]


def test_any_province_abbreviation_makes_an_aid_marker() -> None:
    text = "天津市河西区选派的援甘干部、甘肃省天水市麦积区副区长曹伟山，挂职两年来推动落地项目12个。"
    assert seconded(text) == [("曹伟山", "麦积区", "副区长")]


def test_a_former_post_held_in_a_place_is_no_secondment() -> None:
    assert seconded("他曾在省发改委任副主任，2019年起挂职。") == []
