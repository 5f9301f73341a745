"""Organisation recognizer: region-anchored bodies, relative references, companies, coordinations."""

from __future__ import annotations

import re

from ingest.document import Page, Sentence
from ingest.recognize.cities import recognize_cities
from ingest.recognize.organisations import recognize_organisations


def make_page(text: str, source: str | None = None) -> Page:
    bounds = [0, *(m.end() for m in re.finditer(r"[。！？\n]", text))]
    if bounds[-1] != len(text):
        bounds.append(len(text))
    sentences = [Sentence(a, b, text[a:b]) for a, b in zip(bounds, bounds[1:], strict=False) if b > a]
    return Page("t.txt", "x", text, text, list(range(len(text))), sentences, source=source)


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
