"""Types that flow between the pipeline steps (`read` → `clean` → `recognize` → `relate`)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class RawArticle:
    """A decoded article: the original text and where it came from."""

    path: str
    article_id: str  # sha256 of the raw bytes
    text: str  # decoded original text (HTML already reduced to text when the input was HTML)
    encoding: str
    url: str | None = None
    # Metadata read from the markup (HTML <title>, first <h1>, <meta> publication date), when any.
    hints: dict[str, str] = field(default_factory=dict)


@dataclass
class Sentence:
    """A sentence of the cleaned article; `start`/`end` index the simplified `Page.text`."""

    start: int
    end: int
    text: str


@dataclass
class Page:
    """A cleaned article in Simplified Chinese, with a map back to the original text.

    `text` is the article body (chrome removed) converted to Simplified Chinese.
    `offsets[i]` is the index in `original` of `text[i]`, so evidence can point into the original.
    """

    article: str  # file name, e.g. 000_d328f78a8ef0c07f.txt
    article_id: str
    original: str
    text: str
    offsets: list[int]
    sentences: list[Sentence] = field(default_factory=list)
    title: str | None = None
    published: str | None = None
    source: str | None = None
    authors: list[str] = field(default_factory=list)
    path: str | None = None
    url: str | None = None

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of `text` to the original text."""
        if not self.offsets:
            return (start, end)
        last = len(self.offsets) - 1
        o_start = self.offsets[min(start, last)]
        o_end = self.offsets[min(max(end - 1, 0), last)] + 1
        return (o_start, o_end)

    def original_text(self, start: int, end: int) -> str:
        """The original wording of a [start, end) span of `text`."""
        o_start, o_end = self.original_span(start, end)
        return self.original[o_start:o_end]


@dataclass
class Mention:
    """One recognised mention of an entity in `Page.text`.

    `type` is person, city, organisation or project; `name` is the canonical (full) name the mention
    resolves to within the article; `rule` names the rule or lexicon entry that matched.
    """

    type: str
    text: str
    start: int
    end: int
    name: str
    rule: str
    attrs: dict[str, object] = field(default_factory=dict)  # level, code, kind, amount_cny, …
