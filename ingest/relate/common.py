"""Helpers shared by the person/project recognizers and the relation steps.

Rule files are read once through `ingest.rules_data`; sentences come from the page (or a plain split on
sentence punctuation when the cleaner left none); titles are split off organisation names; a `Focus`
remembers which person the text is talking about, so a later 他/她 or a subject-less clause can be
credited to them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from ingest.document import Mention, Page, Sentence
from ingest.rules_data import load_tsv
from ingest.spans import MentionIndex, as_index

_SPLIT = re.compile(r"[^。！？；!?\n]*(?:[。！？；!?]+[”’」』）)]*|\n|$)")
PUNCT = set("，,。！？；;：:、\n\r\t （）()“”‘’「」『』《》【】[]…—·|/-\"' 　")


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text`, split after 。！？； and at line ends; blank ones dropped."""
    found = []
    for match in _SPLIT.finditer(text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            found.append(Sentence(start, end, text[start:end]))
    return found


def sentences_of(page: Page) -> list[Sentence]:
    """The page's sentences (from the cleaner when it gave any)."""
    if not page.sentences:
        page.sentences = split_sentences(page.text)
    return page.sentences


def new_paragraph(page: Page, previous: Sentence | None, sentence: Sentence) -> bool:
    """Whether a line break separates `sentence` from the one before it."""
    return previous is None or "\n" in page.text[previous.end : sentence.start]


def provenance(page: Page, sentence: Sentence, rule: str) -> dict[str, object]:
    """Evidence fields of a fact read from `sentence`: original wording, original offsets, rule."""
    return {
        "evidence": page.original_text(sentence.start, sentence.end),
        "offsets": page.original_span(sentence.start, sentence.end),
        "rule": rule,
    }


def within(mentions: Iterable[Mention] | MentionIndex, start: int, end: int, *types: str) -> list[Mention]:
    """Mentions of the given types lying inside [start, end), in text order (longest first at a tie).

    Pass a `MentionIndex` when asking many times: a plain list is indexed on every call."""
    return as_index(mentions).within(start, end, *types)


@cache
def titles() -> dict[str, str]:
    """Official titles and role nouns from `titles.tsv`, word → kind (title or role)."""
    return {row[0]: row[1] for row in load_tsv("titles.tsv")}


@cache
def _title_lengths() -> tuple[int, ...]:
    return tuple(sorted({len(word) for word in titles()}, reverse=True))


def title_suffix(span: str, kinds: tuple[str, ...] = ("title",)) -> str | None:
    """The longest title (or role, when asked) that `span` ends with."""
    table = titles()
    for size in _title_lengths():
        if size <= len(span) and table.get(span[-size:]) in kinds:
            return span[-size:]
    return None


def split_title(span: str) -> tuple[str, str | None]:
    """Split a post into organisation and title: 北京市发改委副主任 → (北京市发改委, 副主任)."""
    span = span.strip()
    found = title_suffix(span)
    if not found:
        return span, None
    body = span[: -len(found)].rstrip("、，, ")
    # 党组书记、局长: several titles in a row; keep the last one and drop the others from the body.
    while True:
        more = title_suffix(body)
        if not more or len(body) == len(more):
            break
        body = body[: -len(more)].rstrip("、，, ")
    return body, found


_UNIT = r"[\u4e00-\u9fff]{1,7}?(?:自治州|自治县|自治旗|街道|新区|省|市|区|县|旗|镇|乡|盟)"
_CHAIN = re.compile(f"(?:{_UNIT})+")
_UNITS = re.compile(_UNIT)
# Last characters of names of bodies (某办, 某局 …): such a span names a body of its own.
_BODY_TAIL = set("办局委厅室处部院所站队司行校馆团社")
_LEADING = re.compile(r"^(?:的|在|到|赴|至|往|于|从|由|了|是|为|任|即|就)+")


def place_name(span: str, start: int, mentions: Iterable[Mention] | MentionIndex) -> str:
    """Name of the organisation or division written as `span` (at `start`): the mention that ends
    where the span ends (longest, organisations before cities), else the span itself; a bare chain of
    divisions (北京市顺义区南彩镇) stands for its last link."""
    end = start + len(span)
    index = as_index(mentions)
    ending = [m for m in index.ending_at(end, "organisation", "city") if m.start >= start]
    if ending:
        best = min(ending, key=lambda m: (m.start, m.type != "organisation"))
        return best.name
    inner = index.within(start, end, "organisation")
    if inner and span[-1:] not in _BODY_TAIL:
        return max(inner, key=lambda m: (m.end - m.start, m.end)).name
    text = _LEADING.sub("", span.split("的")[-1]).strip()
    if _CHAIN.fullmatch(text):
        return _UNITS.findall(text)[-1]
    return text


NARRATOR_LINE = re.compile(
    r"讲述人[:：]\s*(?:(?P<home>[^\n（(]*?)\s+)?(?P<name>[\u4e00-\u9fff·]{2,8})"
    # 讲述人：王某（某县挂职副县长）: a description in brackets may close the line after the name.
    r"[ \t]*(?:[（(][^）)\n]{0,60}[）)][ \t]*)?(?:\n|$)"
)
# An interview answer: 罗某：我们… (the speaker's name opens the line).
SPEAKER_LINE = re.compile(r"^[ \t\u3000]*(?P<name>[\u4e00-\u9fff·]{2,8})[:：]", re.MULTILINE)
SELF_INTRO = re.compile(r"我(?:叫|名叫|是)(?P<name>[\u4e00-\u9fff·]{2,8}?)(?=[，,。；、]|是)")


def narrators(page: Page, names: set[str]) -> list[tuple[int, str, str, int]]:
    """Who 我 is, from a position on: (position, name, home phrase, home start) of each 讲述人 line,
    each self-introduction (我叫某某) and each interview answer (某某：…) whose name is a known person."""
    found = []
    for match in NARRATOR_LINE.finditer(page.text):
        if match.group("name") in names:
            found.append((match.start(), match.group("name"), match.group("home") or "", match.start("name")))
    for pattern in (SELF_INTRO, SPEAKER_LINE):
        for match in pattern.finditer(page.text):
            if match.group("name") in names:
                found.append((match.start(), match.group("name"), "", match.start()))
    return sorted(found)


class Focus:
    """The people the text is currently about, most recent last, with the sentence that named them."""

    def __init__(self) -> None:
        self.people: list[tuple[str, int]] = []

    def see(self, name: str, index: int) -> None:
        """Record that sentence `index` names `name`."""
        self.people = [p for p in self.people if p[0] != name] + [(name, index)]

    def last(self, index: int, reach: int = 6) -> str | None:
        """The person last named within `reach` sentences before sentence `index` (inclusive)."""
        if self.people and index - self.people[-1][1] <= reach:
            return self.people[-1][0]
        return None

    def last_two(self, index: int, reach: int = 6) -> list[str]:
        """The two people last named (for 他们二人, 两人)."""
        recent = [name for name, seen in self.people if index - seen <= reach]
        return recent[-2:]


_COMMITTEE = re.compile(r"(.*[省市县区州旗盟])委")
_COMMITTEE_TITLE = re.compile(r"(?:[省市县区州旗盟]委)?(?:常委|常务委员|书记|副书记|常务副书记)")
_DIVISION_TITLE = re.compile(r"(?:常务)?副?([省市县区州旗盟镇乡])(?:长|委)")


def division_post(body: str, title: str | None) -> str:
    """The division a party-committee post serves: 某县委 + 常委 → 某县, 某县 + 县委书记 → 某县; a bare
    县委常委 gives 县 (the county is named elsewhere); other posts keep their body."""
    committee = _COMMITTEE.fullmatch(body)
    if committee and title and _DIVISION_TITLE.match(title):
        return committee.group(1)  # 某县委常委、副县长: the second title was split off after the first
    if not title or not _COMMITTEE_TITLE.fullmatch(title):
        return body
    if committee:
        return committee.group(1)
    if title[1:2] == "委" and not body.endswith(title[0]):
        return body + title[0]
    return body


def division_unit(body: str, title: str | None) -> str | None:
    """The level word (县, 市 …) of a post that names no place of its own: 县 for a bare 县 or 副县长."""
    if body and len(body) == 1 and body in "省市县区州旗盟镇乡":
        return body
    if not body and title:
        found = _DIVISION_TITLE.match(title)
        return found.group(1) if found else None
    return None


def nearest_division(unit: str, before: int, floor: int, mentions: MentionIndex) -> str | None:
    """The last division of level `unit` (县 …) written on its own in [floor, before): the place a
    bare 挂任副县长 or 县委常委 refers to. Divisions inside an organisation name (某县商务局) are the home
    post's, not the host's."""
    for mention in mentions.iter_back(before, "city"):
        if mention.start < floor:
            break
        if mention.name.endswith(unit) and not mentions.containing(
            mention.start, mention.end, "organisation"
        ):
            return mention.name
    return None
