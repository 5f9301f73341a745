"""Entity resolution and the order-free folds, without a database."""

from __future__ import annotations

from typing import Any

from graph import ids
from graph.resolve import resolve
from graph.rows import derive_edge, fold_node, support_entries
from graph.schema import Label, Rel
from ingest.models import Extraction


def _resolve(**fields: Any) -> dict[str, tuple[str, str]]:
    """name → (label, id) of every node one extraction resolves to."""
    x = Extraction.model_validate({"article": "a.txt", "article_id": "f" * 64, **fields})
    out = resolve(x)
    return {n.name: (n.label, n.id) for n in out.nodes} | {
        form: (n.label, n.id) for n in out.nodes for form in n.aliases
    }


def test_city_spellings_are_one_node() -> None:
    for form in ("沈阳", "沈阳市", "瀋陽"):
        assert _resolve(cities=[{"name": form}])["沈阳市"] == (Label.CITY, "city:210100000000")


def test_homonym_districts_follow_their_city() -> None:
    beijing = _resolve(cities=[{"name": "朝阳区"}, {"name": "北京市"}])["朝阳区"][1]
    changchun = _resolve(cities=[{"name": "朝阳区"}, {"name": "长春市"}])["朝阳区"][1]
    by_parent = _resolve(cities=[{"name": "朝阳区", "parent": "长春市"}])["朝阳区"][1]
    assert beijing == "city:110105000000" and changchun == by_parent == "city:220104000000"


def test_part_of_reaches_the_province() -> None:
    x = Extraction.model_validate(
        {"article": "a", "article_id": "1", "cities": [{"name": "铁西区"}, {"name": "沈阳"}]}
    )
    edges = {(e.start, e.end) for e in resolve(x).edges if e.rel == Rel.PART_OF}
    assert edges == {("city:210106000000", "city:210100000000"), ("city:210100000000", "city:210000000000")}


def test_organisations_by_abbreviation_and_region() -> None:
    full = _resolve(organisations=[{"name": "北京市发展和改革委员会"}])["北京市发展和改革委员会"]
    short = _resolve(organisations=[{"name": "北京发改委"}])["北京发改委"]
    hebei = _resolve(organisations=[{"name": "河北省发改委"}])["河北省发改委"]
    by_city = _resolve(cities=[{"name": "北京市"}], organisations=[{"name": "发改委", "city": "北京市"}])[
        "发改委"
    ]
    assert full == short == by_city == (Label.ORGANISATION, "org:北京市发改委")
    assert hebei == (Label.ORGANISATION, "org:河北省发改委")
    assert ids.contract("沈阳高新技术产业开发区管理委员会") == "沈阳高新区管委会"


def test_agreements_are_keyed_by_parties() -> None:
    def agreement(parties: list[str]) -> str:
        nodes = _resolve(
            projects=[{"name": "战略合作协议", "kind": "agreement"}],
            signed=[{"parties": parties, "agreement": "战略合作协议"}],
        )
        return nodes["战略合作协议"][1]

    ab, ba, ac = (
        agreement(["甲公司", "乙公司"]),
        agreement(["乙公司", "甲公司"]),
        agreement(["甲公司", "丙公司"]),
    )
    assert ab == ba != ac and ab.startswith("agreement:战略合作协议|org:")


def test_person_context_is_home_then_host_then_article() -> None:
    with_home = _resolve(seconded_to=[{"person": "张伟", "host": "沈阳市科技局", "home": "北京市科委"}])[
        "张伟"
    ]
    host_only = _resolve(seconded_to=[{"person": "张伟", "host": "沈阳市科技局"}])["张伟"]
    nothing = _resolve(people=[{"name": "张伟"}])["张伟"]
    assert with_home[1] == "person:张伟:org:北京市科委"
    assert host_only[1] == "person:张伟:org:沈阳市科技局"
    assert nothing[1] == "person:张伟:article:" + "f" * 16


def test_folds_ignore_order() -> None:
    a = {"name": "沈阳交通局", "aliases": ["沈阳市交通局"], "kind": None}
    b = {"name": "沈阳市交通局", "aliases": [], "kind": "government"}
    assert fold_node(Label.ORGANISATION, [a, b]) == fold_node(Label.ORGANISATION, [b, a])
    assert fold_node(Label.ORGANISATION, [a, b])["name"] == "沈阳市交通局"
    e1 = {
        "article": "article:2",
        "evidence": "句二",
        "rule": "r",
        "seen": "t2",
        "version": "v",
        "source": "p",
        "target": "h",
        "title": "",
        "home": "",
        "home_title": "",
        "start": "",
        "mode": "挂职",
    }
    e2 = {**e1, "article": "article:1", "evidence": "句一", "seen": "t1", "title": "副主任"}
    forward, backward = derive_edge(Rel.SECONDED_TO, [e1, e2]), derive_edge(Rel.SECONDED_TO, [e2, e1])
    assert forward == backward and forward["articles"] == ["article:1", "article:2"]
    assert forward["title"] == "副主任" and forward["first_seen"] == "t1" and forward["last_seen"] == "t2"
    assert support_entries(Rel.SECONDED_TO, forward) == [e2, e1]
