"""Projects recognizer: head words and the backward scan for a name's start, titles, signed objects,
amounts. Every sentence here is invented."""

from __future__ import annotations

import re

from ingest.document import Mention, Page
from ingest.pipeline import extract_text
from ingest.recognize.cities import recognize_cities
from ingest.recognize.people import recognize_people
from ingest.recognize.projects import kind_of, recognize_projects
from ingest.relate.common import split_sentences


def make_page(text: str) -> Page:
    return Page("t.txt", "x", text, text, list(range(len(text))), split_sentences(text))


def projects(text: str) -> dict[str, tuple[object, object]]:
    page = make_page(text)
    found = recognize_projects(page, recognize_people(page, []))
    return {m.name: (m.attrs.get("kind"), m.attrs.get("amount_cny")) for m in found}


def test_name_starts_after_the_verb_or_function_word() -> None:
    assert list(projects("他还推动了滇沪科创孵化加速器项目成功落地。")) == ["滇沪科创孵化加速器项目"]
    assert list(projects("某公司拟在当地投资建设冷链物流服务楼。")) == ["冷链物流服务楼"]
    assert list(projects("两地谋建环省会半小时蔬菜物流圈项目。")) == ["环省会半小时蔬菜物流圈项目"]


def test_digits_brackets_and_quotes_belong_to_the_name() -> None:
    found = projects("10月9日的2019西部(成都)数字经济大会上，双方开展了“揭榜挂帅”行动。")
    assert set(found) == {"2019西部(成都)数字经济大会", "揭榜挂帅行动"}
    assert found["2019西部(成都)数字经济大会"][0] == "event"


def test_kinds_from_heads_and_titles() -> None:
    found = projects("会上发布了《黔粤劳务协作三年行动方案》，建立了川藏应急物资联动机制。")
    assert found == {"黔粤劳务协作三年行动方案": ("plan", None), "川藏应急物资联动机制": ("mechanism", None)}
    assert kind_of("某某战略合作备忘录") == "agreement"


def test_generic_phrases_are_not_names() -> None:
    assert projects("要抓好重点项目，完善服务平台，推进京冀合作机制，落实《规划纲要》。") == {}


def test_generic_agreement_is_kept_when_signed_but_not_when_only_intended() -> None:
    assert list(projects("甲公司与乙大学签署了战略合作协议。")) == ["战略合作协议"]
    assert projects("双方就签订友好合作协议达成了共识。") == {}


def test_signed_object_with_a_clause_is_one_agreement() -> None:
    found = projects("某市政府与某集团签署了共同建设滨海物流枢纽的协议。")
    assert "共同建设滨海物流枢纽的协议" in found


def test_amounts_attach_to_the_nearest_project_before_them() -> None:
    found = projects("其中有两处智慧农业产业园区落地，总投资17亿元。")
    assert found == {"智慧农业产业园区": ("project", 1_700_000_000)}
    found = projects("新建的果蔬冷链仓储基地项目投资约5000万元。")
    assert found["果蔬冷链仓储基地项目"][1] == 50_000_000


def test_foreign_currency_is_not_an_amount_in_yuan() -> None:
    found = projects("双方签约湄南河物流园项目，总投资8.5亿美元。")
    assert found["湄南河物流园项目"][1] is None


def test_quoted_object_of_a_brokering_verb_is_an_undertaking() -> None:
    assert list(projects("他成功促成了“百企走进黔东南”。")) == ["百企走进黔东南"]


def test_amount_before_the_project_it_describes() -> None:
    found = projects("总投资3亿元的粤桂协作产业园项目正式开工。")
    assert found == {"粤桂协作产业园项目": ("project", 300_000_000)}


def test_policy_boilerplate_yields_no_undertakings() -> None:
    text = (
        "要加快推进重大项目建设，完善公共服务平台，健全工作机制，办好各类活动。"
        "各地要建立健全长效机制，强化考核机制，依托产业园区和孵化器，推动企业上市。"
        "要用好产业基金，建好创新中心，搭建交流平台，形成合作机制。"
    )
    assert projects(text) == {}


def test_money_and_the_building_verb_are_not_part_of_the_name() -> None:
    assert list(projects("某集团投资3.6亿元建设高寒马铃薯种薯繁育基地。")) == ["高寒马铃薯种薯繁育基地"]
    assert list(projects("某公司将投资8亿元在云岭建设高原花卉深加工项目。")) == ["高原花卉深加工项目"]


def test_a_dash_between_two_regions_stays_inside_the_name() -> None:
    assert list(projects("位于县城的渝中—秀山电商产业合作园内，已有8家企业入驻。")) == [
        "渝中—秀山电商产业合作园"
    ]
    assert list(projects("两地建立了“江宁—镇康果蔬产销对接机制”。")) == ["江宁—镇康果蔬产销对接机制"]
    assert projects("项目——冷链仓库，已经完工。") == {}


def test_plans_outside_titles_need_a_verb_that_makes_them() -> None:
    found = projects("市里制定了沿江生态廊道保护修复实施方案，正在抓紧推进。")
    assert found == {"沿江生态廊道保护修复实施方案": ("plan", None)}
    assert projects("按照沿江生态廊道保护修复实施方案推进。") == {}
    assert projects("会议出台了相关工作方案。") == {}


def test_ceremonies_and_promotion_events() -> None:
    found = projects("5月9日，雪域高原特色农牧产品集中签约仪式在拉萨举行。")
    assert found == {"雪域高原特色农牧产品集中签约仪式": ("event", None)}
    found = projects("两地联合举办“渝味到沪”秋季美食推介会，签约订单9笔。")
    assert list(found) == ["渝味到沪秋季美食推介会"]


def test_corner_brackets_quote_a_name() -> None:
    assert list(projects("两院组建「青川—顺德远程医疗联合体」，每月会诊。")) == ["青川—顺德远程医疗联合体"]


def test_a_quotation_that_qualifies_the_next_noun_is_not_an_undertaking() -> None:
    assert projects("两校开展“大手牵小手”结对，互派教师。") == {}


def test_the_project_an_agreement_title_names_is_a_project_too() -> None:
    found = projects("某公司与县政府签订了《高山蓝莓种植基地项目投资协议》。")
    assert found == {
        "高山蓝莓种植基地项目投资协议": ("agreement", None),
        "高山蓝莓种植基地项目": ("project", None),
    }


def test_a_one_word_sector_is_specific_enough_in_a_title() -> None:
    assert list(projects("双方签订了《竹产业帮扶合作协议》。")) == ["竹产业帮扶合作协议"]


def test_generic_programme_projects_and_funds_are_not_names() -> None:
    text = "他分管援疆项目建设，今年落实援藏项目12个，设立产业引导基金，推动一批项目和合作项目落地，抓好重大项目。"
    assert projects(text) == {}
    assert list(projects("联络组设立了“边疆教师成长基金”。")) == ["边疆教师成长基金"]


def test_a_regions_delegation_is_not_an_undertaking_unless_brought_about() -> None:
    page = make_page("赣州市党政代表团赴外地考察，他带领鹤峰县招商团参加活动。")
    assert recognize_projects(page, recognize_cities(page)) == []
    page = make_page("他促成了鹤峰县招商团赴沪考察。")
    assert [m.name for m in recognize_projects(page, recognize_cities(page))] == ["鹤峰县招商团"]


def test_two_works_joined_by_ji_are_one_undertaking() -> None:
    assert list(projects("目前，河堤加固及沿岸亮化工程已完工。")) == ["河堤加固及沿岸亮化工程"]
    assert list(projects("他推动了甲公司和乙物流园项目落地。")) == ["乙物流园项目"]


def test_edition_numbers_and_generic_mechanisms() -> None:
    found = projects("县里举办了首届高原蓝莓文化旅游节暨招商推介会。")
    assert list(found) == ["高原蓝莓文化旅游节暨招商推介会"]
    assert list(projects("第十二届滨海国际游艇博览会开幕。")) == ["滨海国际游艇博览会"]
    assert projects("双方建立了两地党政联席会议机制，召开了座谈会、推介会和对接会。") == {}
    assert projects("两地编制了发展规划，出台了实施意见，印发了工作方案和三年行动计划。") == {}


def test_a_word_that_opens_with_a_stop_character_is_not_cut() -> None:
    assert list(projects("他协调引进了年产2万吨的有机肥生产线项目。")) == ["有机肥生产线项目"]
    assert list(projects("两地共建的“黔渝协作·山地茶产业示范园”正式挂牌。")) == ["黔渝协作·山地茶产业示范园"]


def test_kinds_of_undertaking_and_anaphors_are_not_names() -> None:
    text = "文旅融合是全县的头号工程，还落实了教育项目、种植产业项目和光伏项目，这一项目惠及群众。"
    assert projects(text) == {}
    assert projects("他促成这一项目落地，把康养作为“一号工程”，打造“民心工程”，该基地已投产。") == {}
    # a sector word with a place or a specific product is a name
    found = projects("他推动滨江光伏发电项目和沙棘深加工项目落地。")
    assert set(found) == {"滨江光伏发电项目", "沙棘深加工项目"}


def test_a_building_verb_before_the_name_is_not_part_of_it() -> None:
    found = projects("今年，建设临港冷链物流园，加快建设沿江康养小镇。")
    assert set(found) == {"临港冷链物流园", "沿江康养小镇"}
    assert list(projects("他推进了建设路拓宽项目。")) == ["建设路拓宽项目"]


def test_an_amount_before_what_it_builds() -> None:
    assert projects("某集团投资2.3亿元建设高原牦牛乳制品加工基地。") == {
        "高原牦牛乳制品加工基地": ("project", 230_000_000)
    }
    assert projects("某公司计划投资5亿元建设滨湖温泉康养小镇。")["滨湖温泉康养小镇"][1] == 500_000_000
    assert projects("两地投入1200万元共建边贸物流产业园。")["边贸物流产业园"][1] == 12_000_000
    found = projects("总投资1.5亿元、占地300亩的高端装备制造产业园项目开工。")
    assert found["高端装备制造产业园项目"][1] == 150_000_000


def test_a_bare_project_subject_takes_the_amount_to_the_sentence_next_to_it() -> None:
    found = projects("沙棘深加工项目落户园区。项目总投资8000万元，年产值可达2亿元。")
    assert found == {"沙棘深加工项目": ("project", 80_000_000)}
    found = projects("该项目计划投资6000万元，占地200亩。冰雪运动小镇项目正式开工。")
    assert found["冰雪运动小镇项目"][1] == 60_000_000
    # an amount with another subject stays unattached
    assert projects("沙棘深加工项目落户园区。全县总投资8000万元。")["沙棘深加工项目"][1] is None


def body(text: str, name: str) -> list[Mention]:
    """Every occurrence of `name` in `text` as an organisation mention (as the recognizer may list it)."""
    return [
        Mention("organisation", name, at.start(), at.end(), name, "test")
        for at in re.finditer(re.escape(name), text)
    ]


def test_a_centre_that_is_built_is_an_undertaking_even_when_it_is_also_a_body() -> None:
    centre = "阿瓦提县农产品质量检测中心"
    text = f"援疆干部协调资金，在阿瓦提县建成了{centre}。{centre}负责人介绍了情况。"
    page = make_page(text)
    found = {m.name: m.attrs["kind"] for m in recognize_projects(page, body(text, centre))}
    assert found == {centre: "platform"}
    # a centre that only acts is a body, not an undertaking
    text = f"{centre}负责人介绍了情况。"
    assert recognize_projects(make_page(text), body(text, centre)) == []


def test_experience_halls_and_laboratories_are_platforms() -> None:
    found = projects("甲县农产品上海体验馆开馆，双方共建的智能制造联合实验室挂牌。")
    assert found["甲县农产品上海体验馆"][0] == "platform"
    assert found["智能制造联合实验室"][0] == "platform"


def test_this_memorandum_and_standard_workshops_are_no_names() -> None:
    found = projects("甲局和乙局签了一份合作备忘录。这份备忘录也是他促成的。资金用于园区标准厂房建设。")
    assert "合作备忘录" in found
    assert not [name for name in found if "这份" in name or "厂房" in name]


def test_a_sector_before_a_works_head_is_a_category() -> None:
    assert "制造业项目" not in projects("这是新区今年引进的单体投资最大的制造业项目。")


def test_a_park_named_inside_a_project_is_no_body_and_the_project_ends_before_jinnian() -> None:
    found = extract_text(
        "标题\n在他的推动下，某某科技有限公司投资5亿元的吉林云岭智能装备产业园项目今年4月签约落户。\n"
    )
    assert "吉林云岭智能装备产业园项目" in {p.name for p in found.projects}
    assert "吉林云岭智能装备产业园" not in {o.name for o in found.organisations}


def test_an_edition_number_names_an_event_series() -> None:
    found = extract_text("标题\n会议期间举办了第三届吉浙经贸合作洽谈会。\n")
    assert "吉浙经贸合作洽谈会" in {p.name for p in found.projects}
