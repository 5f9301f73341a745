"""Node labels, relationship types and the schema bootstrap.

Labels and relationship types are only ever taken from these enums, never built from user input.
"""

from __future__ import annotations

from enum import StrEnum

from neo4j import Driver


class Label(StrEnum):
    PERSON = "Person"
    CITY = "City"
    ORGANISATION = "Organisation"
    PROJECT = "Project"
    ARTICLE = "Article"


class Rel(StrEnum):
    SECONDED_TO = "SECONDED_TO"  # (Person)->(Organisation|City) {title, home, home_title, start, mode}
    SERVES_AT = "SERVES_AT"  # (Person)->(Organisation|City) {title}: the home post
    BROKERED = "BROKERED"  # (Person)->(Project)
    SIGNED = "SIGNED"  # (Organisation|City)->(Project {kind: 'agreement'}) {date}
    PAIRED_WITH = "PAIRED_WITH"  # (City)->(City) {program}
    PART_OF = "PART_OF"  # (City)->(City)
    LOCATED_IN = "LOCATED_IN"  # (Organisation|Project)->(City)
    MENTIONS = "MENTIONS"  # (Article)->(any entity)
    MAYBE_SAME = "MAYBE_SAME"  # (Person)->(Person) {reason}: same name, no shared context


ENTITY_LABELS = (Label.PERSON, Label.CITY, Label.ORGANISATION, Label.PROJECT)
FULLTEXT_INDEX = "entity_names"

SCHEMA_STATEMENTS: tuple[str, ...] = tuple(
    f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"
    for label in Label
) + (
    # Full text over names and aliases; the cjk analyzer indexes Chinese as character bigrams.
    f"CREATE FULLTEXT INDEX {FULLTEXT_INDEX} IF NOT EXISTS "
    f"FOR (n:{'|'.join(ENTITY_LABELS)}) ON EACH [n.name, n.aliases_text] "
    "OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}",
    # The loader finds a new version of an article by its file name, and namesakes by name.
    "CREATE INDEX article_name IF NOT EXISTS FOR (n:Article) ON (n.name)",
    "CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name)",
)


def ensure_schema(driver: Driver, database: str | None = None) -> None:
    """Create the constraints and the full-text index when missing (idempotent), and wait for them."""
    with driver.session(database=database) as session:
        for statement in SCHEMA_STATEMENTS:
            session.run(statement).consume()
        session.run("CALL db.awaitIndexes(60)").consume()
