// name: person_profile
// doc: One person: home posts, secondments (title, mode, start), brokered projects (and bodies
// they helped found), each with its evidence and supporting articles, possible namesakes and
// the articles that mention them. No row when the id is unknown.
// params: $id STRING
// returns: person, home_posts, secondments, brokered, maybe_same, articles
MATCH (p:Person {id: $id})
RETURN {id: p.id, name: p.name, aliases: coalesce(p.aliases, [])} AS person,
       [(p)-[r:SERVES_AT]->(o) | {id: o.id, name: o.name, label: labels(o)[0], title: r.title}] AS home_posts,
       [(p)-[r:SECONDED_TO]->(o) |
          {id: o.id, name: o.name, label: labels(o)[0], title: r.title, mode: r.mode, start: r.start,
           home: r.home, home_title: r.home_title, evidence: coalesce(r.evidence, []),
           articles: coalesce(r.articles, [])}] AS secondments,
       [(p)-[r:BROKERED]->(j) WHERE j:Project OR j:Organisation |
          {id: j.id, name: j.name, label: labels(j)[0], kind: j.kind, amount_cny: j.amount_cny,
           evidence: coalesce(r.evidence, []), articles: coalesce(r.articles, [])}] AS brokered,
       [(p)-[r:MAYBE_SAME]-(o:Person) | {id: o.id, name: o.name, reason: r.reason}] AS maybe_same,
       COLLECT { MATCH (a:Article)-[:MENTIONS]->(p)
                 RETURN {id: a.id, title: a.title, published: a.published, source: a.source} LIMIT 100 } AS articles
