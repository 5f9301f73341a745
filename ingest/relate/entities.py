"""Entity lists of an extraction, gathered from the mentions."""

from __future__ import annotations

from collections import defaultdict

from ingest.document import Mention
from ingest.models import City, Organisation, Person, Project

# Mention attributes that become fields of the entity (the first mention that carries one wins).
_FIELDS = {
    "city": ("level", "code", "parent"),
    "organisation": ("kind", "city"),
    "project": ("kind", "amount_cny", "city"),
    "person": (),
}


def collect_entities(
    mentions: list[Mention],
) -> tuple[list[Person], list[City], list[Organisation], list[Project]]:
    """One entity per (type, canonical name), in order of first mention; other surface forms are aliases."""
    order: dict[tuple[str, str], None] = {}
    aliases: dict[tuple[str, str], dict[str, None]] = defaultdict(dict)
    fields: dict[tuple[str, str], dict[str, object]] = defaultdict(dict)
    for mention in mentions:
        key = (mention.type, mention.name)
        order.setdefault(key, None)
        if mention.text != mention.name:
            aliases[key].setdefault(mention.text, None)
        for attr in _FIELDS.get(mention.type, ()):
            value = mention.attrs.get(attr)
            if value is not None:
                fields[key].setdefault(attr, value)
    built: dict[str, list] = defaultdict(list)
    model = {"person": Person, "city": City, "organisation": Organisation, "project": Project}
    for key in order:
        kind, name = key
        if kind in model:
            built[kind].append(model[kind](name=name, aliases=list(aliases[key]), **fields[key]))
    return built["person"], built["city"], built["organisation"], built["project"]
