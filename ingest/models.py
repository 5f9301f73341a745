"""The interchange model: one `Extraction` per article, exactly the format of
`extraction-format.md` (version 1), plus optional provenance fields that scoring ignores.

`duikou extract` writes it as JSON; the graph writer reads only it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

CityLevel = Literal["province", "city", "county", "district", "town"]
ProjectKind = Literal["project", "agreement", "platform", "mechanism", "event", "plan"]


class _Model(BaseModel):
    # Gold files and other extractors may carry fields of their own; keep them rather than fail.
    model_config = ConfigDict(extra="allow")


class Provenance(_Model):
    """Where a relation was read: the sentence, its character offsets in the original text, the rule."""

    evidence: str | None = None
    offsets: tuple[int, int] | None = Field(
        default=None, description="[start, end) of the evidence sentence in the original (decoded) text"
    )
    rule: str | None = Field(default=None, description="name of the rule that produced the fact")


class Person(_Model):
    name: str
    aliases: list[str] = []


class City(_Model):
    name: str
    level: CityLevel | None = None
    aliases: list[str] = []
    code: str | None = Field(default=None, description="administrative division code, when known")
    parent: str | None = Field(default=None, description="full name of the enclosing division, when known")


class Organisation(_Model):
    name: str
    aliases: list[str] = []
    kind: str | None = None
    city: str | None = Field(default=None, description="full name of the division the body belongs to")


class Project(_Model):
    name: str
    kind: ProjectKind | None = None
    aliases: list[str] = []
    amount_cny: int | None = None
    city: str | None = Field(default=None, description="full name of the division it is located in")


class SecondedTo(Provenance):
    person: str
    host: str
    title: str | None = None
    home: str | None = None
    home_title: str | None = None
    start: str | None = None
    mode: str | None = None


class Brokered(Provenance):
    person: str
    project: str


class Signed(Provenance):
    parties: list[str]
    agreement: str | None = None
    date: str | None = None


class Paired(Provenance):
    a: str
    b: str
    program: str | None = None


class Extraction(_Model):
    """Everything read from one article."""

    article: str
    title: str | None = None
    published: str | None = None
    source: str | None = None
    authors: list[str] = []
    people: list[Person] = []
    cities: list[City] = []
    organisations: list[Organisation] = []
    projects: list[Project] = []
    seconded_to: list[SecondedTo] = []
    brokered: list[Brokered] = []
    signed: list[Signed] = []
    paired: list[Paired] = []
    # Provenance of the article itself (not scored).
    article_id: str | None = Field(default=None, description="sha256 of the raw bytes, hex")
    path: str | None = None
    url: str | None = None
    extractor: str | None = None

    def to_json(self) -> str:
        """Serialise as the per-article JSON file (UTF-8, Chinese kept readable)."""
        return self.model_dump_json(indent=2, exclude_none=False)
