"""The relation half of resolution: projects and agreements, people and their context, the edges.

Agreements are Project nodes keyed by name *and parties*, so the many 战略合作协议 of different
signatories stay apart. A person's id is name + context: the home post of the article's
secondment facts, else the host, else the article (see docs/graph-model.md).
"""

from __future__ import annotations

from graph import ids
from graph.article_state import ORG_OR_CITY, ArticleState
from graph.schema import Label, Rel

PROJECT_OR_ORG = (Label.PROJECT, Label.ORGANISATION)
UNNAMED_AGREEMENT = "协议"


def resolve_facts(s: ArticleState) -> None:
    """Add the article's projects, people and relation edges to `s`."""
    _agreements_and_projects(s)
    _people(s)
    x = s.x
    for f in x.seconded_to:
        person = s.ensure(f.person, (Label.PERSON,))
        host = s.ensure(f.host, ORG_OR_CITY)
        fields = {
            "title": f.title,
            "home": f.home,
            "home_title": f.home_title,
            "start": f.start,
            "mode": f.mode,
        }
        s.edge(Rel.SECONDED_TO, person, host, f.evidence, f.rule, f.person, f.host, fields)
        if f.home:
            home = s.ensure(f.home, ORG_OR_CITY)
            s.edge(Rel.SERVES_AT, person, home, f.evidence, f.rule, f.person, f.home, {"title": f.home_title})
    for b in x.brokered:
        person = s.ensure(b.person, (Label.PERSON,))
        s.edge(
            Rel.BROKERED,
            person,
            s.ensure(b.project, PROJECT_OR_ORG),
            b.evidence,
            b.rule,
            b.person,
            b.project,
            {},
        )
    for pair in x.paired:
        one, two = s.ensure(pair.a, ORG_OR_CITY[::-1]), s.ensure(pair.b, ORG_OR_CITY[::-1])
        # One edge per unordered pair: it runs from the smaller id to the larger.
        (start, source), (end, target) = sorted([(one, pair.a), (two, pair.b)], key=lambda item: item[0][1])
        s.edge(
            Rel.PAIRED_WITH, start, end, pair.evidence, pair.rule, source, target, {"program": pair.program}
        )


def _agreements_and_projects(s: ArticleState) -> None:
    by_name: dict[str, str] = {}
    signings = []
    for f in s.x.signed:
        parties = [s.ensure(p, ORG_OR_CITY) for p in f.parties]
        name = f.agreement or UNNAMED_AGREEMENT
        node = ids.agreement_id(name, [pid for _, pid in parties])
        if f.agreement:
            by_name.setdefault(ids.normalise(f.agreement), node)
        signings.append((f, parties, node, name))
    for p in s.x.projects:
        key = ids.normalise(p.name)
        if key in by_name:
            node = by_name[key]
        elif p.kind == "agreement":  # no known parties: only this article can say which deal it is
            node = ids.agreement_id(p.name, [s.article_context()])
        else:
            node = ids.project_id(p.name)
        mention = {
            "name": p.name,
            "aliases": p.aliases,
            "kind": p.kind,
            "amount_cny": p.amount_cny,
            "city": p.city,
        }
        s.add(Label.PROJECT, node, p.name, p.aliases, {"kind": p.kind, "amount_cny": p.amount_cny}, mention)
        if p.city:
            city = s.ensure(p.city, (Label.CITY,))
            s.edge(
                Rel.LOCATED_IN, (Label.PROJECT, node), city, "", "located:extraction-city", p.name, p.city, {}
            )
    for f, parties, node, name in signings:
        if node not in s.nodes:
            mention = {"name": name, "aliases": [], "kind": "agreement", "implicit": True}
            s.add(Label.PROJECT, node, name, [], {"kind": "agreement"}, mention)
        for party, surface in zip(parties, f.parties, strict=True):
            fields = {"date": f.date}
            s.edge(
                Rel.SIGNED,
                party,
                (Label.PROJECT, node),
                f.evidence,
                f.rule,
                surface,
                f.agreement or "",
                fields,
            )


def _people(s: ArticleState) -> None:
    """Person nodes, keyed by name and the article's context for them."""
    entries = [(p.name, p.aliases, False) for p in s.x.people]
    listed = {ids.normalise(form) for p in s.x.people for form in [p.name, *p.aliases]}
    for name in [f.person for f in s.x.seconded_to] + [b.person for b in s.x.brokered]:
        if ids.normalise(name) not in listed:
            listed.add(ids.normalise(name))
            entries.append((name, [], True))
    for name, aliases, implicit in entries:
        forms = {ids.normalise(form) for form in [name, *aliases]}
        facts = [f for f in s.x.seconded_to if ids.normalise(f.person) in forms]
        homes = sorted(s.ensure(f.home, ORG_OR_CITY)[1] for f in facts if f.home)
        hosts = sorted(s.ensure(f.host, ORG_OR_CITY)[1] for f in facts)
        context = (homes or hosts or [s.article_context()])[0]
        mention = {"name": name, "aliases": aliases, "implicit": implicit or None}
        s.add(Label.PERSON, ids.person_id(name, context), name, aliases, {}, mention)
