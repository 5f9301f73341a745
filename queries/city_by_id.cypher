// name: city_by_id
// doc: One administrative division: its parent chain, pairings, the bodies and projects located
// in it, who was seconded to it or to a body in it, and the articles that mention it.
// params: $id STRING
// returns: city, parents, paired_with, organisations, projects, seconded_here, articles
MATCH (c:City {id: $id})
RETURN {id: c.id, name: c.name, level: c.level, code: c.code, aliases: coalesce(c.aliases, [])} AS city,
       [(c)-[:PART_OF*1..4]->(u:City) | {id: u.id, name: u.name, level: u.level}] AS parents,
       [(c)-[r:PAIRED_WITH]-(o:City) |
          {id: o.id, name: o.name, program: r.program, programs: coalesce(r.programs, [r.program])}] AS paired_with,
       COLLECT { MATCH (o:Organisation)-[:LOCATED_IN]->(c)
                 RETURN {id: o.id, name: o.name, kind: o.kind} LIMIT 100 } AS organisations,
       COLLECT { MATCH (j:Project)-[:LOCATED_IN]->(c)
                 RETURN {id: j.id, name: j.name, kind: j.kind, amount_cny: j.amount_cny} LIMIT 100 } AS projects,
       COLLECT {
         MATCH (c)<-[:LOCATED_IN*0..1]-(h)<-[r:SECONDED_TO]-(p:Person)
         RETURN {id: p.id, name: p.name, host: h.name, title: r.title, start: r.start} LIMIT 100
       } AS seconded_here,
       COLLECT { MATCH (a:Article)-[:MENTIONS]->(c)
                 RETURN {id: a.id, title: a.title, published: a.published} LIMIT 100 } AS articles
