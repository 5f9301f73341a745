"""`ensure_schema` creates the constraints and the full-text index, and a second run changes nothing."""

from __future__ import annotations

import neo4j
import pytest
from neo4j.exceptions import ConstraintError

from graph.schema import ENTITY_LABELS, FULLTEXT_INDEX, Label, ensure_schema


def constraints(driver: neo4j.Driver) -> set[tuple[str, str, tuple[str, ...], tuple[str, ...]]]:
    records, _, _ = driver.execute_query("SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties")
    return {(r["name"], r["type"], tuple(r["labelsOrTypes"]), tuple(r["properties"])) for r in records}


def indexes(driver: neo4j.Driver) -> dict[str, tuple[str, str, tuple[str, ...], tuple[str, ...], str]]:
    records, _, _ = driver.execute_query(
        "SHOW INDEXES YIELD name, type, state, labelsOrTypes, properties, options "
        "WHERE type <> 'LOOKUP' RETURN name, type, state, labelsOrTypes, properties, options"
    )
    return {
        r["name"]: (
            r["type"],
            r["state"],
            tuple(sorted(r["labelsOrTypes"])),
            tuple(r["properties"]),
            str(r["options"]["indexConfig"].get("fulltext.analyzer", "")),
        )
        for r in records
    }


def drop_schema(driver: neo4j.Driver) -> None:
    """Start from no schema, so the first run really creates it (only on the test server)."""
    for name, *_ in constraints(driver):
        driver.execute_query(f"DROP CONSTRAINT `{name}`")
    for name in indexes(driver):
        driver.execute_query(f"DROP INDEX `{name}` IF EXISTS")


def test_ensure_schema_twice_is_a_no_op(clean_db: neo4j.Driver) -> None:
    drop_schema(clean_db)
    assert constraints(clean_db) == set()

    ensure_schema(clean_db)
    first_constraints, first_indexes = constraints(clean_db), indexes(clean_db)
    ensure_schema(clean_db)

    expected = {(f"{label.lower()}_id", "UNIQUENESS", (label.value,), ("id",)) for label in Label}
    assert first_constraints == expected
    fulltext = first_indexes[FULLTEXT_INDEX]
    assert fulltext == ("FULLTEXT", "ONLINE", tuple(sorted(ENTITY_LABELS)), ("name", "aliases_text"), "cjk")
    assert all(state == "ONLINE" for _, state, *_ in first_indexes.values())
    assert constraints(clean_db) == first_constraints
    assert indexes(clean_db) == first_indexes


def test_ids_are_unique_after_ensure_schema(clean_db: neo4j.Driver) -> None:
    ensure_schema(clean_db)
    clean_db.execute_query("CREATE (:City {id: 'city:210100', name: '沈阳市'})")
    with pytest.raises(ConstraintError):
        clean_db.execute_query("CREATE (:City {id: 'city:210100', name: '沈阳'})")


def test_fulltext_index_finds_chinese_names(clean_db: neo4j.Driver) -> None:
    ensure_schema(clean_db)
    clean_db.execute_query("CREATE (:City {id: 'city:210100', name: '沈阳市', aliases_text: '沈阳'})")
    clean_db.execute_query("CALL db.awaitIndexes(60)")
    records, _, _ = clean_db.execute_query(
        "CALL db.index.fulltext.queryNodes($index, $q) YIELD node RETURN node.id AS id",
        index=FULLTEXT_INDEX,
        q="沈阳",
    )
    assert [r["id"] for r in records] == ["city:210100"]
