"""Resolution state for one article: its places, organisations and the rows it contributes.

Every id depends only on the article's own content and the gazetteer (docs/graph-model.md).
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from graph import ids
from graph.divisions import Divisions, divisions
from graph.rows import EdgeRow, MentionRow, NodeRow
from graph.schema import Label, Rel
from ingest.models import Extraction

ORG_OR_CITY = (Label.ORGANISATION, Label.CITY)


def _json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


@lru_cache(maxsize=1)
def _region_prefixes() -> dict[str, str]:
    """Forms that mark an organisation's region without the article naming the place: provinces
    (full and short: 河北省, 河北) and prefectures (full only; 中山 alone is too often something else)."""
    table = divisions()
    forms: dict[str, str] = {}
    for code, division in sorted(table.by_code.items()):
        if division.level in ("province", "city"):
            forms.setdefault(ids.normalise(division.name), code)
        if division.level == "province":
            for short in table.short.get(code, []):
                forms.setdefault(ids.normalise(short), code)
    return forms


def longest_prefix(name: str, forms: dict[str, str]) -> str | None:
    """The longest key of `forms` (2 to 12 characters) that starts `name` and is shorter than it."""
    for size in range(min(len(name) - 1, 12), 1, -1):
        if name[:size] in forms:
            return name[:size]
    return None


class ArticleState:
    """Resolution state for one extraction."""

    def __init__(self, extraction: Extraction, sha: str, table: Divisions) -> None:
        self.x, self.sha, self.table = extraction, sha, table
        self.article_id = ids.article_id(sha)
        self.version = extraction.extractor or ""
        self.names: dict[Label, dict[str, str]] = {label: {} for label in Label}
        self.nodes: dict[str, NodeRow] = {}
        self.mentions: dict[str, MentionRow] = {}
        self.edges: list[EdgeRow] = []
        self.city_forms: dict[str, str] = {}  # normalised form → city id, for organisation prefixes
        self.full_names: dict[str, str] = {}  # city id → full name
        self.context: set[str] = set()  # normalised place names of the article

    # -- nodes ---------------------------------------------------------------------------------

    def add(
        self,
        label: Label,
        node_id: str,
        name: str,
        aliases: list[str],
        props: dict[str, Any],
        mention: dict[str, Any] | None,
    ) -> str:
        """Record a node and (when `mention` is given) the article's mention of it."""
        row = NodeRow(
            label,
            node_id,
            name,
            sorted(set(aliases) - {name}),
            {k: v for k, v in props.items() if v is not None},
        )
        if node_id in self.nodes:
            old = self.nodes[node_id]
            old.aliases = sorted((set(old.aliases) | set(row.aliases) | {row.name}) - {old.name})
            old.props = {**row.props, **old.props}
        else:
            self.nodes[node_id] = row
        if mention is not None:
            for form in [mention["name"], *mention.get("aliases", [])]:
                self.names[label].setdefault(ids.normalise(form), node_id)
            if node_id not in self.mentions:
                given = {k: v for k, v in mention.items() if v is not None and k not in ("name", "implicit")}
                props = {
                    "name": mention["name"],
                    # The entity as the article gave it (for read-back) and what it adds to the node
                    # (to recompute the node when another article is withdrawn), as compact JSON.
                    "given": _json(given),
                    "node": _json(row.contribution()),
                }
                if mention.get("implicit"):
                    props["implicit"] = True
                self.mentions[node_id] = MentionRow(self.article_id, label, node_id, props)
        return node_id

    def find(self, name: str, labels: tuple[Label, ...]) -> tuple[Label, str] | None:
        """An entity of this article by surface form, trying labels in order."""
        key = ids.normalise(name)
        for label in labels:
            if key in self.names[label]:
                return label, self.names[label][key]
        return None

    def city(
        self,
        name: str,
        aliases: list[str],
        level: str | None,
        code: str | None,
        parent: str | None,
        mention: dict[str, Any] | None,
    ) -> str:
        """Resolve a division: by code, else by the gazetteer (homonyms settled by context)."""
        if not code:
            code = self.table.resolve([name, *aliases], level, parent, self.context)
        division = self.table.by_code.get(ids.normalise_code(code)) if code else None
        if code:
            node_id = ids.city_id(code)
            full = division.name if division else name
            level = division.level if division else level
        else:
            parent_id = self._parent_id(parent)
            node_id = ids.unresolved_city_id(name, parent_id.removeprefix("city:") if parent_id else parent)
            full = name
        props = {"level": level, "code": ids.normalise_code(code) if code else None}
        self.add(Label.CITY, node_id, full, [name, *aliases], props, mention)
        self.full_names[node_id] = full
        for form in [full, name, *aliases]:
            if len(ids.normalise(form)) >= 2:
                self.city_forms.setdefault(ids.normalise(form), node_id)
        self._part_of(node_id, code, parent)
        return node_id

    def _parent_id(self, parent: str | None) -> str | None:
        if not parent:
            return None
        found = self.find(parent, (Label.CITY,))
        if found:
            return found[1]
        code = self.table.resolve([parent], None, None, self.context)
        implicit = {"name": parent, "aliases": [], "implicit": True}
        return self.city(parent, [], None, code, None, implicit) if code else None

    def _part_of(self, node_id: str, code: str | None, parent: str | None) -> None:
        """PART_OF up to the province, creating the enclosing divisions from the gazetteer."""
        code = ids.normalise_code(code) if code else None
        if code and code in self.table.by_code:
            chain = [node_id, *(self._gazetteer_city(d.code) for d in self.table.ancestors(code))]
        elif code and code[:6].ljust(12, "0") in self.table.by_code:  # a town under its county
            county = code[:6].ljust(12, "0")
            chain = [
                node_id,
                self._gazetteer_city(county),
                *(self._gazetteer_city(d.code) for d in self.table.ancestors(county)),
            ]
        else:
            parent_id = self._parent_id(parent)
            chain = [node_id, parent_id] if parent_id else [node_id]
        for child, up in zip(chain, chain[1:], strict=False):
            self.edges.append(EdgeRow(Rel.PART_OF, Label.CITY, child, Label.CITY, up))

    def _gazetteer_city(self, code: str) -> str:
        division = self.table.by_code[code]
        node_id = ids.city_id(code)
        if node_id not in self.nodes:
            self.add(Label.CITY, node_id, division.name, [], {"level": division.level, "code": code}, None)
        return node_id

    def organisation(
        self, name: str, aliases: list[str], kind: str | None, city: str | None, mention: dict[str, Any]
    ) -> str:
        """An organisation keyed by its normalised name with the region prefix written in full."""
        norm = ids.normalise(name)
        region = self._city_of(city) if city else None
        prefix = longest_prefix(norm, self.city_forms)
        form = longest_prefix(norm, _region_prefixes())
        if prefix is not None:
            region = region or self.city_forms[prefix]
            norm = ids.normalise(self.full_names[self.city_forms[prefix]]) + norm[len(prefix) :]
        elif form is not None:
            code = _region_prefixes()[form]
            region = region or self._gazetteer_city(code)
            norm = ids.normalise(self.table.by_code[code].name) + norm[len(form) :]
        elif region is not None:  # 发改委 of 北京市: the region belongs in the key
            norm = ids.normalise(self.full_names.get(region, "")) + norm
        node_id = self.add(
            Label.ORGANISATION, ids.org_id(ids.contract(norm)), name, aliases, {"kind": kind}, mention
        )
        if region is not None:
            rule = "located:extraction-city" if city else "located:name-prefix"
            self.edge(
                Rel.LOCATED_IN,
                (Label.ORGANISATION, node_id),
                (Label.CITY, region),
                "",
                rule,
                name,
                city or "",
                {},
            )
        return node_id

    def _city_of(self, name: str) -> str:
        found = self.find(name, (Label.CITY,))
        return (
            found[1]
            if found
            else self.city(name, [], None, None, None, {"name": name, "aliases": [], "implicit": True})
        )

    def ensure(self, name: str, labels: tuple[Label, ...]) -> tuple[Label, str]:
        """An entity a relation names: found among the article's entities, else created as the first
        label that fits (a division only when the gazetteer knows the name); its mention is implicit."""
        found = self.find(name, labels)
        if found:
            return found
        mention = {"name": name, "aliases": [], "implicit": True}
        for label in labels:
            if label == Label.CITY and not self.table.candidates([name]):
                continue
            if label == Label.CITY:
                return label, self.city(name, [], None, None, None, mention)
            if label == Label.ORGANISATION:
                return label, self.organisation(name, [], None, None, mention)
            if label == Label.PERSON:
                return label, self.add(
                    label, ids.person_id(name, self.article_context()), name, [], {}, mention
                )
            return label, self.add(label, ids.project_id(name), name, [], {}, mention)
        return Label.CITY, self.city(name, [], None, None, None, mention)

    def article_context(self) -> str:
        """The context key of what only this article knows (a person with no post, a nameless deal)."""
        return f"article:{self.sha[:16]}"

    # -- edges ---------------------------------------------------------------------------------

    def edge(
        self,
        rel: Rel,
        start: tuple[Label, str],
        end: tuple[Label, str],
        evidence: str | None,
        rule: str | None,
        source: str,
        target: str,
        fields: dict[str, str | None],
    ) -> None:
        """A relation with one supporting entry (this article, its sentence and rule)."""
        support = {
            "article": self.article_id,
            "evidence": evidence or "",
            "rule": rule or "",
            "seen": "",  # the load time, filled in by the writer
            "version": self.version,
            "source": source,
            "target": target,
            **{k: v or "" for k, v in fields.items()},
        }
        self.edges.append(EdgeRow(rel, start[0], start[1], end[0], end[1], support))
