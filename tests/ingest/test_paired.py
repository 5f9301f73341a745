"""Relation `paired`: abbreviation compounds, named regions around a programme word, X援疆."""

from __future__ import annotations

from gold_sets import make_page

from ingest.pipeline import extract_text
from ingest.recognize.cities import recognize_cities
from ingest.relate.paired import relate_paired


def pairs(text: str, source: str | None = None) -> set[frozenset[str]]:
    page = make_page(text, source)
    return {frozenset((p.a, p.b)) for p in relate_paired(page, recognize_cities(page))}


def test_two_province_compound_with_programme_word() -> None:
    assert pairs("川渝两地互派干部挂职。") == {frozenset({"四川省", "重庆市"})}


def test_compound_without_programme_context_is_not_a_pairing() -> None:
    assert pairs("沿京沪高速一路南下。") == set()


def test_multilateral_compound_pairs_every_region() -> None:
    assert pairs("推动京津冀协同发展。") == {
        frozenset({"北京市", "天津市"}),
        frozenset({"北京市", "河北省"}),
        frozenset({"天津市", "河北省"}),
    }


def test_city_abbreviation_needs_the_city_in_the_article() -> None:
    assert pairs("京沈对口合作持续推进。") == set()
    assert pairs("沈阳市与北京市干部交流，京沈对口合作持续推进。") == {frozenset({"北京市", "沈阳市"})}


def test_subject_going_to_a_compound_pairs_with_each_member() -> None:
    found = pairs("我省干部赴沪苏浙挂职学习。", source="安徽日报")
    assert found == {frozenset({"安徽省", r}) for r in ("上海市", "江苏省", "浙江省")}


def test_named_regions_around_pairing_words() -> None:
    assert pairs("上海市对口帮扶遵义市。") == {frozenset({"上海市", "遵义市"})}
    assert pairs("杭州市和恩施州结对，开展东西部协作。") == {frozenset({"杭州市", "恩施土家族苗族自治州"})}
    assert pairs("浙江援疆干部赴阿克苏。") == {frozenset({"浙江省", "新疆维吾尔自治区"})}


def test_a_region_and_its_own_district_are_not_a_pair() -> None:
    assert pairs("成都市和双流区结对帮扶。") == set()


def test_evidence_is_the_sentence_with_offsets_and_rule() -> None:
    page = make_page("开头一句。川渝两地合作。")
    (fact,) = relate_paired(page, recognize_cities(page))
    assert fact.evidence == "川渝两地合作。" and fact.offsets == (5, 12) and fact.rule


def test_compound_of_the_initials_of_two_named_regions() -> None:
    text = "荣昌区与隆昌市签约。荣隆一体化加快推进。"
    assert pairs(text) == {frozenset({"荣昌区", "隆昌市"})}
    assert pairs("荣昌区与隆昌市签约。荣隆两地的风景。") == set()


def test_cooperation_word_pairs_compounds_only() -> None:
    assert pairs("沪滇协作成果丰硕。") == {frozenset({"上海市", "云南省"})}
    assert pairs("福州市与固原市共建产销协作平台。") == set()


def test_region_sending_cadres_to_named_regions() -> None:
    found = pairs("宿州市每年选派20名干部赴苏州、无锡等地跟班学习。")
    assert found == {frozenset({"宿州市", "苏州市"}), frozenset({"宿州市", "无锡市"})}
    assert pairs("宿州市选派20名干部赴苏州考察。") == set()


def test_deepening_exchange_with_another_region() -> None:
    found = pairs("江北区将继续深化与铜梁区的干部互派交流。")
    assert found == {frozenset({"江北区", "铜梁区"})}


def all_pairs(text: str) -> set[frozenset[str]]:
    """Pairs read with every recognizer's mentions (organisations hide the regions they open)."""
    from ingest.recognize import recognize

    page = make_page(text)
    return {frozenset((p.a, p.b)) for p in relate_paired(page, recognize(page))}


def test_every_joined_object_of_a_programme_word_is_paired() -> None:
    assert all_pairs("江阴市对口支援黔东南州和安顺市。") == {
        frozenset({"江阴市", "黔东南苗族侗族自治州"}),
        frozenset({"江阴市", "安顺市"}),
    }


def test_two_regions_forming_a_pair_of_partners() -> None:
    assert all_pairs("宜兴市则与紫云县结成帮扶对子。") == {frozenset({"宜兴市", "紫云苗族布依族自治县"})}


def test_regions_opening_hospital_names_pair_nothing() -> None:
    assert all_pairs("无锡市第一人民医院与阿勒泰地区第二人民医院签订对口帮扶协议。") == set()
    assert all_pairs("无锡市人民政府与阿勒泰地区签订对口支援协议。") == {frozenset({"无锡市", "阿勒泰地区"})}


def test_weak_abbreviation_resolves_through_a_place_it_encloses() -> None:
    assert all_pairs("京蒙对口帮扶持续深化，多伦县干部赴北京学习。") == {
        frozenset({"北京市", "内蒙古自治区"})
    }


def test_regions_listed_before_a_count_and_a_programme_word() -> None:
    found = pairs("青浦区、吴江区、嘉善县三地互派干部挂职。")
    assert found == {
        frozenset({"青浦区", "吴江区"}),
        frozenset({"青浦区", "嘉善县"}),
        frozenset({"吴江区", "嘉善县"}),
    }
    assert pairs("青浦区、吴江区两地的风景。") == set()  # a count alone only says where
    assert pairs("青浦区、吴江区三地互派干部。") == set()  # the count does not fit the list


def test_every_subject_joined_before_a_programme_word() -> None:
    found = pairs("上海市闵行区、嘉定区结对帮扶亚东县。")
    assert found == {frozenset({"闵行区", "亚东县"}), frozenset({"嘉定区", "亚东县"})}


def test_a_list_of_pairs_before_a_programme_word() -> None:
    found = pairs("长春市与宁波市、吉林市与杭州市、延边州与温州市等结对城市共实施项目。")
    assert found == {
        frozenset({"长春市", "宁波市"}),
        frozenset({"吉林市", "杭州市"}),
        frozenset({"延边朝鲜族自治州", "温州市"}),
    }


def test_province_abbreviation_beside_the_initial_of_a_named_region() -> None:
    assert pairs("山东援疆干部在喀什地区工作，深化鲁喀协作。") >= {frozenset({"山东省", "喀什地区"})}
    assert pairs("北京与张家口深化京张合作。") >= {frozenset({"北京市", "张家口市"})}
    assert pairs("张家口风光好，京张高铁开通。") == set()  # no programme word


def test_a_member_city_after_a_compound_programme_is_not_its_counterpart() -> None:
    found = pairs("粤桂东西部协作深圳·河池联席会议召开。")
    assert frozenset({"广西壮族自治区", "深圳市"}) not in found
    assert frozenset({"广东省", "广西壮族自治区"}) in found


def test_two_regions_joined_by_a_dash_before_a_programme_word() -> None:
    assert pairs("上海松江—延边产业合作园开工。") == {frozenset({"松江区", "延边朝鲜族自治州"})}
    assert pairs("深圳·河池联席会议召开。") == set()


def test_two_named_regions_before_their_programme_compound() -> None:
    found = extract_text("标题\n6月20日，福州市与固原市闽宁协作联席会议在固原市召开。\n")
    pairs = {frozenset((p.a, p.b)) for p in found.paired}
    assert frozenset(("福州市", "固原市")) in pairs and frozenset(("福建省", "宁夏回族自治区")) in pairs


def test_cadre_exchange_between_two_named_regions() -> None:
    found = extract_text("标题\n今年以来，重庆市渝北区与四川省广安市邻水县深化干部人才交流。\n")
    assert {frozenset((p.a, p.b)) for p in found.paired} == {frozenset(("渝北区", "邻水县"))}


def test_named_programmes_in_quotes_pair_the_regions_before_them() -> None:
    found = extract_text("标题\n浙江省台州市与四川省甘孜州深化“山海协作”。\n")
    assert {frozenset((p.a, p.b)) for p in found.paired} == {frozenset(("台州市", "甘孜藏族自治州"))}
