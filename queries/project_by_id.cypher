// name: project_by_id
// doc: One project, agreement, platform, mechanism, event or plan: amount, location, who
// brokered it (with evidence), who signed it and when, and the articles that report it.
// params: $id STRING
// returns: project, located_in, brokers, signatories, articles
MATCH (j:Project {id: $id})
RETURN {id: j.id, name: j.name, kind: j.kind, amount_cny: j.amount_cny, aliases: coalesce(j.aliases, [])} AS project,
       [(j)-[:LOCATED_IN]->(c:City) | {id: c.id, name: c.name, level: c.level}] AS located_in,
       [(p:Person)-[r:BROKERED]->(j) |
          {id: p.id, name: p.name, evidence: coalesce(r.evidence, []), articles: coalesce(r.articles, [])}] AS brokers,
       [(s)-[r:SIGNED]->(j) | {id: s.id, name: s.name, label: labels(s)[0], date: r.date,
          evidence: coalesce(r.evidence, []), articles: coalesce(r.articles, [])}] AS signatories,
       COLLECT { MATCH (a:Article)-[:MENTIONS]->(j)
                 RETURN {id: a.id, title: a.title, published: a.published} LIMIT 100 } AS articles
