"""Organisation recognizer: region-anchored bodies, relative references, companies, coordinations."""

from __future__ import annotations

from gold_sets import make_page

from ingest.recognize.cities import recognize_cities
from ingest.recognize.organisations import recognize_organisations


def orgs(text: str, source: str | None = None) -> list[tuple[str, str]]:
    page = make_page(text, source)
    return [(m.text, m.name) for m in recognize_organisations(page, recognize_cities(page))]


def test_body_after_region_starts_at_the_region_not_at_the_verb() -> None:
    assert orgs("他来到成都任成都市高新区管委会副主任。") == [("成都市高新区管委会", "成都市高新区管委会")]


def test_short_region_prefix_is_written_in_full_for_government_bodies() -> None:
    found = orgs("重庆发改委与四川省经信厅签约，重庆市科技局局长出席。")
    assert ("重庆发改委", "重庆市发改委") in found
    assert ("重庆市科技局", "重庆市科技局") in found
    assert not any("局局" in name or name.endswith("科技局局") for _, name in found)


def test_relative_province_and_city_bodies_resolve_to_the_article_regions() -> None:
    found = orgs("省科技厅和遵义市、市交通局联合开展工作。", source="贵州日报")
    assert ("省科技厅", "贵州省科技厅") in found
    assert ("市交通局", "遵义市交通局") in found


def test_company_name_starts_after_function_words() -> None:
    found = orgs("成都天府软件有限公司与重庆长安汽车股份有限公司在渝签约。")
    assert [name for _, name in found] == ["成都天府软件有限公司", "重庆长安汽车股份有限公司"]


def test_generic_descriptions_are_not_names() -> None:
    assert orgs("多家北京公司和上市公司入驻，该公司表示满意。") == []


def test_coordinated_regions_share_a_body_and_zones_share_a_region() -> None:
    names = {
        name for _, name in orgs("推动绵阳、德阳、成都市政府对接。双流经开区、高新区和综合保税区都有项目。")
    }
    assert {"绵阳市政府", "德阳市政府", "成都市政府"} <= names
    assert {"双流经开区", "双流高新区", "双流综合保税区"} <= names


def test_enumerated_bare_names_before_a_word_for_enterprises() -> None:
    names = {name for _, name in orgs("园区引进了包括云图科技、蓉欧快铁、天府智造等科技型企业30家。")}
    assert names == {"云图科技", "蓉欧快铁", "天府智造"}


def test_national_bodies_and_titles_inside_book_titles() -> None:
    found = orgs("国务院印发《重庆市人民政府关于推进合作的意见》，国家发改委批复。")
    assert [name for _, name in found] == ["国务院", "国家发改委"]


def test_party_committee_inside_a_post_title_is_not_a_body() -> None:
    found = orgs("平江县委常委、副县长和平江县委副书记出席，平江县委组织部介绍情况。")
    assert [name for _, name in found] == ["平江县委组织部"]


def test_relative_district_is_never_an_autonomous_region() -> None:
    found = orgs("新疆维吾尔自治区和南通市海门区发展和改革委员会的干部。")
    assert [name for _, name in found] == ["南通市海门区发展和改革委员会"]


def test_short_autonomous_region_bodies_are_named_once_in_full() -> None:
    found = orgs("延边州商务局与澜沧县人民政府合作，延边州委组织部参加。")
    assert [name for _, name in found] == [
        "延边朝鲜族自治州商务局",
        "澜沧拉祜族自治县人民政府",
        "延边朝鲜族自治州委组织部",
    ]


def test_apposition_and_second_body_cut_the_name() -> None:
    found = [name for _, name in orgs("昆山一家电子企业江苏华益电子有限公司在当地投资。")]
    assert found == ["江苏华益电子有限公司"]
    found = [name for _, name in orgs("闵行区中心医院派出医疗队常驻勐腊县人民医院。")]
    assert found == ["闵行区中心医院", "勐腊县人民医院"]
    assert orgs("他们投资8000万元建设冷链物流中心。") == []


def test_schools_named_by_their_region_and_words_holding_function_characters() -> None:
    found = [name for _, name in orgs("绍兴中学与昆明市第三中学结对，吉林大学生来访，充分利用同学校友资源。")]
    assert found == ["绍兴中学", "昆明市第三中学"]
    assert [name for _, name in orgs("在宿州市数据资源管理局跟班。")] == ["宿州市数据资源管理局"]


def test_quoted_platform_after_a_create_verb_is_not_yet_a_body() -> None:
    assert orgs("两地共建“苏州—宿州科技成果转化中心”。") == []
    assert orgs("他推动设立了「漳州好物展销中心」。") == []


def test_category_noun_before_a_named_company() -> None:
    assert [name for _, name in orgs("他引进宁波药企宁波康源制药有限公司。")] == ["宁波康源制药有限公司"]


def test_region_where_something_is_built_is_not_part_of_a_park() -> None:
    assert orgs("企业在宣汉县建设纺织产业园，带动就业。") == []


def test_a_district_body_keeps_the_city_the_text_writes_before_it() -> None:
    assert orgs("他曾在广州市天河区发展和改革局工作。") == [
        ("广州市天河区发展和改革局", "广州市天河区发展和改革局")
    ]


def test_a_zone_body_is_named_as_written() -> None:
    assert orgs("阿克苏经济技术开发区管委会负责人介绍。") == [
        ("阿克苏经济技术开发区管委会", "阿克苏经济技术开发区管委会")
    ]
    assert orgs("长春新区管委会与对方签约。") == [("长春新区管委会", "长春新区管委会")]


def test_an_aid_command_keeps_its_programme_words() -> None:
    found = orgs("广州市对口支援新疆疏附前方指挥部总指挥说。")
    assert found == [("广州市对口支援新疆疏附前方指挥部", "广州市对口支援新疆疏附前方指挥部")]
    # Elsewhere 对 still ends a name: the hospital is the county's.
    assert orgs("广州市对口支援新疆疏附县人民医院。") == [("疏附县人民医院", "疏附县人民医院")]


def test_matters_listed_before_等方面_are_not_enterprises() -> None:
    assert orgs("双方在用地、用工等方面给予企业支持。") == []
    assert ("甲乙科技", "甲乙科技") in orgs("引进甲乙科技、丙丁智能等5家企业。")


def test_a_city_paper_names_its_own_city_in_relative_bodies() -> None:
    assert orgs("长春市委书记和市发改委负责人出席。", source="哈尔滨日报") == [("市发改委", "哈尔滨市发改委")]
    assert orgs("长春市委书记和市发改委负责人出席。") == [("市发改委", "长春市发改委")]


def test_relative_bodies_with_a_longer_name() -> None:
    found = orgs("他现任市委组织部副部长，市对口帮扶工作领导小组办公室牵头。", source="哈尔滨日报")
    assert [name for _, name in found] == [
        "哈尔滨市委组织部",
        "哈尔滨市对口帮扶工作领导小组办公室",
    ]
    assert orgs("市场监管部门和县城建设局。", source="哈尔滨日报") == []


def test_agency_and_zone_authority_heads() -> None:
    assert orgs("香港投资推广署与对方签约。") == [("香港投资推广署", "香港投资推广署")]
    assert orgs("横琴粤澳深度合作区管理局负责人说。") == [
        ("横琴粤澳深度合作区管理局", "横琴粤澳深度合作区管理局")
    ]


def test_banner_bodies_and_a_bare_旗_body() -> None:
    found = orgs("察右前旗人民政府与对方签约，旗农牧业局负责人说。公司旗下企业也来了。")
    assert [name for _, name in found] == ["察哈尔右翼前旗人民政府", "察哈尔右翼前旗农牧业局"]


def test_investment_companies_keep_their_type_words() -> None:
    found = [
        name for _, name in orgs("四川广安交通投资建设开发集团有限公司与重庆两江航空港投资集团有限公司签约。")
    ]
    assert found == ["四川广安交通投资建设开发集团有限公司", "重庆两江航空港投资集团有限公司"]
    # 投资 before a company's own name is still the verb: the investor is not part of the name.
    assert [name for _, name in orgs("华远集团投资云岭实业有限公司。")] == ["华远集团", "云岭实业有限公司"]


def test_a_department_named_with_he_after_its_region() -> None:
    names = {name for _, name in orgs("深圳市乡村振兴和协作交流局与广安市经济合作和外事局座谈。")}
    assert names == {"深圳市乡村振兴和协作交流局", "广安市经济合作和外事局"}
    # Two regions joined by 和 share the body; they do not make one long name.
    assert not any("和" in name for _, name in orgs("龙华区和龙岗区商务局参加。"))


def test_a_hospital_attached_to_a_university_is_one_name() -> None:
    assert [name for _, name in orgs("首都医科大学附属北京友谊医院专家到怀来县医院坐诊。")] == [
        "首都医科大学附属北京友谊医院",
        "怀来县医院",
    ]


def test_bracketed_type_word_before_a_company_head() -> None:
    assert [name for _, name in orgs("由上海青浦新城发展（集团）有限公司出资。")] == [
        "上海青浦新城发展（集团）有限公司"
    ]
    assert orgs("每个村(社区)公司都有分红。") == []


def test_an_area_of_several_regions_opens_a_body_but_not_a_zone() -> None:
    assert [name for _, name in orgs("京津冀协同发展领导小组办公室牵头。")] == [
        "京津冀协同发展领导小组办公室"
    ]
    assert orgs("京津冀三地开发区共同招商。") == []


def test_a_team_sent_by_one_region_to_another() -> None:
    found = [name for _, name in orgs("张家港市派驻沿河工作组组长沈某说。")]
    assert found == ["张家港市派驻沿河工作组"]


def test_a_facility_built_in_a_zone_is_not_a_body() -> None:
    assert orgs("双方将在高新区建设寒地果蔬冷链物流中心。") == []


def test_a_centre_that_is_built_or_opened_is_no_body() -> None:
    names = [name for name, _ in orgs("在多方推动下，绿春县农特产品上海展销中心在闵行区七宝镇建成运营。")]
    assert "绿春县农特产品上海展销中心" not in names
    names = [name for name, _ in orgs("粤桂消费帮扶中心于去年10月在广州建成运营。")]
    assert "粤桂消费帮扶中心" not in names
    # a centre that acts is a body
    names = [name for name, _ in orgs("绿春县农特产品上海展销中心负责人介绍了销售情况。")]
    assert "绿春县农特产品上海展销中心" in names


def test_verbs_ending_in_ban_and_words_starting_with_zhongxin_are_no_bodies() -> None:
    assert orgs("活动由丰台区共同举办。") == []
    assert orgs("邻水离渝北中心城区仅20公里。") == []
    assert [name for name, _ in orgs("丰台区政府办负责人介绍。")] == ["丰台区政府办"]


def test_investment_promotion_bodies_keep_their_touzi() -> None:
    assert [name for name, _ in orgs("杭州市投资促进局与某县签约。")] == ["杭州市投资促进局"]
