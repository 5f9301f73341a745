"""Response models. Rows of canned queries stay plain JSON objects (their columns are documented
in the catalogue); the wrappers and the fixed-shape answers are explicit here."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

Row = dict[str, Any]


class Page(BaseModel):
    """A list answer: the rows, how many came back, and the paging that produced them."""

    data: list[Row]
    count: int = Field(description="number of rows in `data`")
    limit: int | None = Field(default=None, description="the page size asked for, when the query pages")
    offset: int | None = Field(default=None, description="rows skipped before this page")

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "data": [{"id": "city:210100", "name": "沈阳市", "label": "City", "aliases": ["沈阳"]}],
                    "count": 1,
                    "limit": 20,
                    "offset": 0,
                }
            ]
        }
    }


class ParamInfo(BaseModel):
    name: str
    type: str
    required: bool
    default: Any = None
    minimum: int | None = None
    maximum: int | None = None
    choices: list[str] = []


class QueryInfo(BaseModel):
    """One canned query as listed in the catalogue."""

    name: str
    doc: str
    params: list[ParamInfo]
    returns: list[str]
    url: str = Field(description="where to run it: GET with the parameters as query string")


class Catalogue(BaseModel):
    data: list[QueryInfo]
    count: int


class PersonProfile(BaseModel):
    person: Row
    home_posts: list[Row]
    secondments: list[Row]
    brokered: list[Row]
    maybe_same: list[Row]
    articles: list[Row]


class CityProfile(BaseModel):
    city: Row
    parents: list[Row]
    paired_with: list[Row]
    organisations: list[Row]
    projects: list[Row]
    seconded_here: list[Row]
    articles: list[Row]


class OrganisationProfile(BaseModel):
    organisation: Row
    located_in: list[Row]
    staff: list[Row]
    seconded_here: list[Row]
    signed: list[Row]
    articles: list[Row]


class ProjectProfile(BaseModel):
    project: Row
    located_in: list[Row]
    brokers: list[Row]
    signatories: list[Row]
    articles: list[Row]


class ArticleProfile(BaseModel):
    article: Row
    mentions: list[Row]


class PairSummary(BaseModel):
    a: Row
    b: Row
    pairings: list[Row]
    secondments_a_to_b: list[Row]
    secondments_b_to_a: list[Row]
    brokered: list[Row]
    agreements: list[Row]
    amount_cny: int


class Subgraph(BaseModel):
    """Nodes and edges around a centre, for the graph view."""

    center: Row
    nodes: list[Row]
    edges: list[Row]


class EdgeEvidence(BaseModel):
    source: Row
    type: str
    target: Row
    support: list[Row]
    rules: list[str]
    extractor_version: str | None = None
    first_seen: str | None = None
    last_seen: str | None = None


class Health(BaseModel):
    """`status` is `ok` or `unavailable`; counts only when the database answered."""

    status: str
    database: dict[str, Any]
    nodes: int | None = None
    edges: int | None = None


class Stats(BaseModel):
    nodes: dict[str, int]
    edges: dict[str, int]
    total_nodes: int
    total_edges: int
