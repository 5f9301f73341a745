"""The query loader: headers, the declared/used parameter check, value preparation."""

from __future__ import annotations

from pathlib import Path

import pytest

import queries
from queries import ParameterError, QueryFileError, load, parse


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / f"{name}.cypher"
    path.write_text(text, encoding="utf-8")
    return path


GOOD = """// name: demo
// doc: A demo
// that spans two lines.
// params: $city STRING, $limit INTEGER = 10 in 1..50, $level STRING = city in city|province
// returns: name
MATCH (c:City {name: $city}) WHERE c.level = $level
RETURN c.name AS name LIMIT $limit
"""


def test_parses_header_and_body(tmp_path: Path) -> None:
    query = parse(write(tmp_path, "demo", GOOD))
    assert query.name == "demo"
    assert query.doc == "A demo that spans two lines."
    assert [(p.name, p.type, p.required, p.default) for p in query.params] == [
        ("city", "STRING", True, None),
        ("limit", "INTEGER", False, 10),
        ("level", "STRING", False, "city"),
    ]
    assert query.returns == ("name",)
    assert query.cypher.startswith("MATCH (c:City")


def test_used_but_undeclared_parameter_names_file_and_line(tmp_path: Path) -> None:
    text = GOOD.replace("LIMIT $limit", "LIMIT $limit SKIP $offset")
    with pytest.raises(QueryFileError, match=r"demo\.cypher:7: \$offset is used but not declared"):
        parse(write(tmp_path, "demo", text))


def test_declared_but_unused_parameter_names_the_params_line(tmp_path: Path) -> None:
    text = GOOD.replace("WHERE c.level = $level", "")
    with pytest.raises(QueryFileError, match=r"demo\.cypher:4: \$level is declared but never used"):
        parse(write(tmp_path, "demo", text))


def test_dollar_inside_string_literal_and_comment_is_not_a_parameter(tmp_path: Path) -> None:
    text = GOOD.replace("RETURN c.name", "// not $this\nRETURN '$price' + c.name")
    assert parse(write(tmp_path, "demo", text)).name == "demo"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("// name: demo", "// name: other"), r"demo\.cypher:1: name 'other' differs"),
        (("// returns: name\n", ""), r"demo\.cypher:1: missing header `// returns:`"),
        (("$limit INTEGER", "$limit NUMBER"), r"demo\.cypher:4: \$limit: unknown type NUMBER"),
        (("= 10 in", "= ten in"), r"demo\.cypher:4: default limit: expected INTEGER"),
    ],
)
def test_bad_headers_fail_with_file_and_line(tmp_path: Path, change: tuple[str, str], message: str) -> None:
    with pytest.raises(QueryFileError, match=message):
        parse(write(tmp_path, "demo", GOOD.replace(*change)))


def test_load_reads_every_file(tmp_path: Path) -> None:
    write(tmp_path, "demo", GOOD)
    write(tmp_path, "other", GOOD.replace("// name: demo", "// name: other"))
    assert sorted(load(tmp_path)) == ["demo", "other"]


def test_project_catalogue_loads_and_documents_every_query() -> None:
    catalogue = queries.catalogue()
    assert {"brokers_of", "person_profile", "secondment_flows", "search", "neighbourhood"} <= set(catalogue)
    for query in catalogue.values():
        assert query.doc and query.returns, query.name


def test_prepare_types_defaults_and_bounds() -> None:
    query = queries.get("neighbourhood")
    assert query.prepare({"id": "city:210100", "depth": "2"}) == {
        "id": "city:210100",
        "depth": 2,
        "limit": 100,
    }
    with pytest.raises(ParameterError, match="depth: must be ≤ 2"):
        query.prepare({"id": "city:210100", "depth": "5"})
    with pytest.raises(ParameterError, match="depth: expected INTEGER"):
        query.prepare({"id": "city:210100", "depth": "two"})
    with pytest.raises(ParameterError, match="id: is required"):
        query.prepare({})
    with pytest.raises(ParameterError, match="bogus: is not a parameter"):
        query.prepare({"id": "x", "bogus": "1"})


def test_prepare_rejects_empty_strings_and_unknown_choices() -> None:
    with pytest.raises(ParameterError, match="q: must not be empty"):
        queries.get("search").prepare({"q": "  "})
    with pytest.raises(ParameterError, match="level: must be one of province, city"):
        queries.get("secondment_flows").prepare({"level": "town"})


def test_names_are_converted_to_simplified_but_ids_are_not() -> None:
    search = queries.get("search")
    assert search.prepare({"q": "瀋陽"})["q"] == "沈阳"
    profile = queries.get("person_profile")
    assert profile.prepare({"id": "person:劉偉:x"})["id"] == "person:劉偉:x"
