// name: organisation_by_id
// doc: One organisation: where it is, who serves there (home post) or was seconded there,
// the agreements it signed and the articles that mention it.
// params: $id STRING
// returns: organisation, located_in, staff, seconded_here, signed, articles
MATCH (o:Organisation {id: $id})
RETURN {id: o.id, name: o.name, kind: o.kind, aliases: coalesce(o.aliases, [])} AS organisation,
       [(o)-[:LOCATED_IN]->(c:City) | {id: c.id, name: c.name, level: c.level}] AS located_in,
       COLLECT { MATCH (p:Person)-[r:SERVES_AT]->(o)
                 RETURN {id: p.id, name: p.name, title: r.title} LIMIT 100 } AS staff,
       COLLECT { MATCH (p:Person)-[r:SECONDED_TO]->(o)
                 RETURN {id: p.id, name: p.name, title: r.title, mode: r.mode, start: r.start} LIMIT 100 } AS seconded_here,
       COLLECT { MATCH (o)-[r:SIGNED]->(j:Project)
                 RETURN {id: j.id, name: j.name, kind: j.kind, date: r.date,
                         evidence: coalesce(r.evidence, []), articles: coalesce(r.articles, [])} LIMIT 100 } AS signed,
       COLLECT { MATCH (a:Article)-[:MENTIONS]->(o)
                 RETURN {id: a.id, title: a.title, published: a.published} LIMIT 100 } AS articles
