"""City recognizer: divisions at every level, short forms with care, towns, relative references."""

from __future__ import annotations

from gold_sets import make_page

from ingest.document import Mention
from ingest.gazetteer import load, short_forms
from ingest.recognize.cities import recognize_cities


def cities(text: str, source: str | None = None) -> list[Mention]:
    return recognize_cities(make_page(text, source))


def names(text: str, source: str | None = None) -> list[tuple[str, str, object]]:
    return [(m.text, m.name, m.attrs["level"]) for m in cities(text, source)]


def test_gazetteer_levels_parents_and_short_forms() -> None:
    g = load()
    chaoyang = {g.parent(d).name for d in g.by_name["朝阳区"]}  # type: ignore[union-attr]
    assert chaoyang == {"北京市", "长春市"}
    assert g.by_name["北京市"][0].level == "province"
    assert g.by_name["界首市"][0].level == "county" and g.parent(g.by_name["界首市"][0]).name == "阜阳市"  # type: ignore[union-attr]
    assert short_forms("内蒙古自治区", g.ethnic_groups) == ["内蒙古"]
    assert short_forms("广西壮族自治区", g.ethnic_groups) == ["广西"]
    assert short_forms("沙县", g.ethnic_groups) == []


def test_full_and_short_forms_with_codes_and_parents() -> None:
    found = cities("成都市与重庆签署协议，成都高新区落户项目。")
    assert [(m.text, m.name, m.attrs["level"], m.attrs["code"]) for m in found] == [
        ("成都市", "成都市", "city", "510100"),
        ("重庆", "重庆市", "province", "500000"),
        ("成都", "成都市", "city", "510100"),
    ]
    assert found[0].attrs["parent"] == "四川省"


def test_ambiguous_short_forms_do_not_fire_inside_words() -> None:
    assert names("朝阳产业和平发展，东方新华社记者在长安街上采访。") == []


def test_ambiguous_name_resolves_by_the_enclosing_region_named() -> None:
    found = cities("北京市朝阳区与长春朝阳区开展合作。")
    assert [(m.name, m.attrs["parent"]) for m in found if m.name == "朝阳区"] == [
        ("朝阳区", "北京市"),
        ("朝阳区", "长春市"),
    ]


def test_county_short_form_needs_its_prefecture_in_the_article() -> None:
    assert ("昆山", "昆山市", "county") in names("苏州市的昆山经济发达。")
    assert all(n != "资兴市" for _, n, _ in names("投资兴业的热土。"))


def test_historical_county_name_and_town_after_county() -> None:
    found = names("北京延庆县和江苏省溧阳市溧城街道的干部交流，溧城街道党工委表示欢迎。")
    assert ("延庆县", "延庆县", "county") in found
    assert found.count(("溧城街道", "溧城街道", "town")) == 2


def test_relative_reference_resolves_to_the_outlet_region() -> None:
    found = names("我省干部赴京挂职，北京市各部门支持。", source="四川日报")
    assert ("我省", "四川省", "province") in found


def test_relative_reference_without_outlet_uses_the_dominant_province() -> None:
    found = names("四川省和成都市、绵阳市的干部说，我省与重庆合作。")
    assert ("我省", "四川省", "province") in found


def test_divisions_changed_after_the_code_table_keep_the_old_code() -> None:
    g = load()
    new = next(d for d in g.by_name["海门区"] if d.code)
    old = next(d for d in g.by_name["海门市"] if d.code)
    assert (new.level, new.code, new.historical) == ("district", old.code, False)
    assert old.historical
    moved = next(d for d in g.by_name["莱芜区"] if d.code)
    assert [a.name for a in g.ancestors(moved)] == ["济南市", "山东省"]
    split = next(d for d in g.by_name["临平区"] if d.code)
    assert g.parent(split) is not None and g.parent(split).name == "杭州市"
    assert names("她在南通市海门区工作。") == [("南通市", "南通市", "city"), ("海门区", "海门区", "district")]


def test_autonomous_divisions_written_with_their_level_word() -> None:
    found = names("伊犁州和延边州的干部到澜沧县交流。")
    assert ("伊犁州", "伊犁哈萨克自治州", "city") in found
    assert ("延边州", "延边朝鲜族自治州", "city") in found
    assert ("澜沧县", "澜沧拉祜族自治县", "county") in found


def test_one_character_county_needs_its_region_in_the_article() -> None:
    assert names("他挂任县委常委、副县长。") == []
    assert ("任县", "任县", "county") in names("河北省邢台市任县的干部来了。")


def test_short_form_shared_with_an_enclosed_city_is_the_province() -> None:
    found = names("吉林省选派干部赴沪，上海企业到吉林投资。")
    assert ("吉林", "吉林省", "province") in found
    assert not any(name == "吉林市" for _, name, _ in found)
    assert ("吉林", "吉林市", "city") in names("吉林省吉林市的企业到吉林参展。")


def test_rejected_short_form_does_not_leave_a_short_form_inside() -> None:
    assert names("江苏长白山旅游有限公司来访。") == [("江苏", "江苏省", "province")]


def test_town_after_a_verb_of_going_in_a_county_article() -> None:
    found = names("昭苏县干部前往夏特乡的牧场。")
    assert ("夏特乡", "夏特乡", "town") in found


def test_outlet_dateline_place_is_not_a_mention() -> None:
    assert names("【香港商报讯】秋收时节，深圳市的干部来了。") == [("深圳市", "深圳市", "city")]


def test_an_idiom_holding_a_city_short_form_is_no_place() -> None:
    assert [m.name for m in cities("两地真金白银投入，白银市也参与。")] == ["白银市"]


def test_short_banner_names_and_their_towns() -> None:
    found = [(m.text, m.name) for m in cities("在察右前旗土贵乌拉镇调研，科左中旗和土左旗也来了。")]
    assert found == [
        ("察右前旗", "察哈尔右翼前旗"),
        ("土贵乌拉镇", "土贵乌拉镇"),
        ("科左中旗", "科尔沁左翼中旗"),
        ("土左旗", "土默特左旗"),
    ]
