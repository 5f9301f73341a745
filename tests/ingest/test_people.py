"""People recognizer: names anchored by titles, speech verbs, appositions, list dashes and 讲述人 lines.

Every sentence here is invented (people and places that do not occur in the seeds).
"""

from __future__ import annotations

from ingest.document import Page
from ingest.recognize import recognize
from ingest.recognize.people import recognize_people
from ingest.relate.common import split_sentences


def make_page(text: str) -> Page:
    return Page("t.txt", "x", text, text, list(range(len(text))), split_sentences(text))


def people(text: str) -> list[str]:
    page = make_page(text)
    return sorted({m.name for m in recognize_people(page, [])})


def test_name_after_title_ends_where_the_next_word_begins() -> None:
    assert people("常务副县长韩立新在会上讲话。") == ["韩立新"]
    assert people("市商务局局长罗晓也感到振奋。") == ["罗晓"]


def test_recurrence_decides_between_two_and_three_characters() -> None:
    # 潘宁 recurs followed by different words, so the name is two characters, not 潘宁不.
    text = "副区长潘宁不仅推动合作，还联系企业。潘宁坚信前景广阔。潘宁对此很有信心。"
    assert people(text) == ["潘宁"]
    # 潘宁远 recurs whole: three characters.
    assert people("副区长潘宁远说，要干实事。潘宁远如是说。") == ["潘宁远"]


def test_speech_verb_with_open_left_side() -> None:
    assert people("“这是好事。”柯文静说。") == ["柯文静"]
    assert people("挂任市发改委副主任的鲍春雷表示，将全力以赴。") == ["鲍春雷"]


def test_list_dash_and_apposition() -> None:
    text = "——邹明浩，县农业农村局副主任科员，挂任某镇镇长助理。"
    assert people(text) == ["邹明浩"]


def test_double_surname() -> None:
    assert people("州发改委副主任欧阳晓东到广州市发改委跟班学习。") == ["欧阳晓东"]


def test_narrator_line() -> None:
    assert people("讲述人：某县经开区管委会 廖思远\n我在外地学习了三个月。") == ["廖思远"]


def test_bylines_are_not_people() -> None:
    text = "记者 韩冬梅 通讯员 罗立\n副市长郑海涛说，合作成效明显。\n责任编辑：钟晓"
    assert people(text) == ["郑海涛"]


def test_ordinary_words_after_titles_are_not_names() -> None:
    assert people("副主任高度评价这项工作，局长方面表示支持。") == []


def test_bare_surname_character_without_context_is_not_a_name() -> None:
    assert people("王牌产品畅销，张家口风景优美，成本下降。") == []


def test_every_occurrence_of_an_anchored_name_is_a_mention() -> None:
    page = make_page("副县长龚海峰来到企业。龚海峰积极协调。龚海峰说，要抓落实。")
    found = recognize_people(page, [])
    assert [m.start for m in found] == [3, 11, 19]
    assert all(page.text[m.start : m.end] == "龚海峰" for m in found)


def test_names_inside_places_are_not_people() -> None:
    # With the city recognizer in the chain, a division name is never read as a person.
    page = make_page("四川省副省长罗强在成都市调研。")
    names = [m.name for m in recognize(page) if m.type == "person"]
    assert names == ["罗强"]


def test_title_after_the_name_and_a_deed_after_a_clause_opening_name() -> None:
    assert people("会上，卢明远副市长指出，要加强合作。") == ["卢明远"]
    assert people("2019年，蔺晓燕被选派到外地工作。") == ["蔺晓燕"]


def test_common_nouns_after_de_are_not_names_even_when_repeated() -> None:
    nouns = ["黄色", "田野", "石头", "毛病", "龙舟", "钟声", "江山", "白云"]
    assert people("".join(f"这是全新的{w}。我们看到的{w}。" for w in nouns)) == []


def test_names_with_a_middle_dot_after_a_title_or_before_a_speech_verb() -> None:
    assert people("县医院院长热合曼·吐尔逊介绍了情况。") == ["热合曼·吐尔逊"]
    assert people("“天气真好。”努尔兰·阿不都热合曼说。") == ["努尔兰·阿不都热合曼"]
    # A slogan with a dot is not a name: nothing anchors it.
    assert people("两地打造“滇沪·普洱古树”品牌。") == []


def test_tibetan_names_of_two_elements_without_a_surname() -> None:
    assert people("副院长普布次仁说，医院将扩建。") == ["普布次仁"]
    assert people("村支书达瓦卓嘎表示，将继续努力。") == ["达瓦卓嘎"]
    # Two elements with no title or speech verb around them are not taken.
    assert people("这里是扎西德勒广场。") == []


def test_a_date_right_after_a_name_closes_it() -> None:
    assert people("市发改局副局长许乐天2022年3月起到外地挂职。") == ["许乐天"]


def test_role_nouns_of_villagers_anchor_a_name() -> None:
    assert people("种植大户钱贵生拉着我的手说，今年收成好。") == ["钱贵生"]
    assert people("养殖户孟庆丰笑着说，牛羊卖了好价钱。") == ["孟庆丰"]


def test_member_of_the_body_named_before_de() -> None:
    page = make_page("记者采访了成都市卫生健康委员会的周雅琴，她介绍了帮扶情况。")
    assert [m.name for m in recognize(page) if m.type == "person"] == ["周雅琴"]
    # A form of address after 的 is no name.
    page = make_page("我们见到了成都市某科技有限公司的张总，他很热情。")
    assert [m.name for m in recognize(page) if m.type == "person"] == []


def test_a_name_without_a_han_surname_after_ganbu_needs_a_speech_elsewhere() -> None:
    text = "某旗农牧业局干部其其格，2021年挂任某区农业农村局副局长。“收获很大。”其其格说。"
    assert people(text) == ["其其格"]
    # Without the name speaking anywhere, a word after 干部 stays a word.
    assert people("某旗农牧业局干部其其格，2021年挂任某区农业农村局副局长。") == []
    assert people("两地干部同样，认真履职。“收获很大。”他说。") == []


def test_a_title_anchored_name_wins_over_a_place_short_form_inside_it() -> None:
    # 海宁 is a county-level city's short form, but here it is the given part of a name.
    page = make_page("生态环境处处长柴海宁多次协调。柴海宁介绍，工程年内完工。")
    mentions = recognize(page)
    assert sorted({m.name for m in mentions if m.type == "person"}) == ["柴海宁"]
    assert not [m for m in mentions if m.type == "city"]
    # A place that begins the name is no name: 张家口 stays a city.
    assert people("市长张家口开会。") == []


def test_shu_in_a_given_name_but_not_in_shuji() -> None:
    assert people("浙江省副省长蒲书瑶出席会议并讲话。") == ["蒲书瑶"]
    assert people("县委书记龚雨桐共同为产业园揭牌。") == ["龚雨桐"]
    assert people("他对王书记说，项目进展顺利。") == []


def test_dotted_name_starts_after_the_nearest_title() -> None:
    assert people("某县发展和改革委员会主任阿卜杜·热合曼说。") == ["阿卜杜·热合曼"]


def test_a_clause_that_moves_its_subject_on_secondment_anchors_the_name() -> None:
    assert people("2019年7月，蒙德铭从某市发展和改革委员会选派到某州挂职。") == ["蒙德铭"]
    # …but moving alone is no secondment cue.
    assert people("当天，蒙德铭从车站赶来。") == []


def test_a_member_of_a_named_body_travelling_is_a_name() -> None:
    text = "作为第十批援疆干部，江苏省苏州市人社局的阮海涛来到新疆，任副局长。"
    page = make_page(text)
    assert "阮海涛" in {m.name for m in recognize(page) if m.type == "person"}


def test_names_listed_after_an_anchored_one() -> None:
    assert people("副市长任晓松、祁丽华、邝明参加。") == ["任晓松", "祁丽华", "邝明"]
    # The dash must follow a name that is anchored: a bare list of words stays words.
    assert people("全国各地的王府井、高新园参观。") == []


def test_given_names_may_hold_chang_and_yi_but_titles_are_no_given_names() -> None:
    assert people("来自某市的援藏干部聂长川挂任副区长。") == ["聂长川"]
    assert people("心内科主任阮以宁。她挂职县人民医院副院长。") == ["阮以宁"]
    assert people("他对刘行长说，项目进展顺利。") == []
    assert people("县委常委、常务副县长卓景川说。") == ["卓景川"]


def test_fenbie_closes_a_name() -> None:
    assert people("自治区乡村振兴局局长韦宏远分别通报了工作情况。") == ["韦宏远"]


def test_an_age_or_a_copula_with_a_role_anchors_a_name() -> None:
    assert people("今年45岁的钟建山来自浙江省湖州市。") == ["钟建山"]
    assert people("欧阳晓川是北京市派到河北的第三批挂职干部。") == ["欧阳晓川"]
    assert people("王府井是北京最有名的商业街。") == []


def test_tongzhi_after_a_name_that_opens_a_clause() -> None:
    assert people("丁文山同志任云南省普洱市人民政府副市长（挂职）。") == ["丁文山"]
    assert people("各位同志，大家好。广大干部同志们积极参与。") == []
