// name: pair_summary
// doc: What ties two places or bodies (each by id, name or alias): their pairing programmes,
// secondments either way (home post in one, host post in the other, PART_OF and LOCATED_IN
// included), the projects those cadres brokered, agreements signed by parties on both sides,
// and the amounts involved. No row when either side is unknown.
// params: $a STRING, $b STRING
// returns: a, b, pairings, secondments_a_to_b, secondments_b_to_a, brokered, agreements, amount_cny
CALL () {
  // A name goes to the full-text index, an id straight to the unique constraints below.
  WITH $a AS text WHERE NOT text =~ '(person|city|org|project|agreement|article):.*'
  CALL db.index.fulltext.queryNodes('entity_names',
    '"' + replace(replace(text, '\\', '\\\\'), '"', '\\"') + '"', {limit: 200}) YIELD node
  WHERE (node:City OR node:Organisation) AND (node.name = $a OR $a IN node.aliases)
  RETURN node AS a
  UNION
  MATCH (a:City {id: $a}) RETURN a
  UNION
  MATCH (a:Organisation {id: $a}) RETURN a
}
WITH a ORDER BY CASE a.level WHEN 'province' THEN 0 WHEN 'city' THEN 1 ELSE 2 END, a.id LIMIT 1
CALL () {
  // A name goes to the full-text index, an id straight to the unique constraints below.
  WITH $b AS text WHERE NOT text =~ '(person|city|org|project|agreement|article):.*'
  CALL db.index.fulltext.queryNodes('entity_names',
    '"' + replace(replace(text, '\\', '\\\\'), '"', '\\"') + '"', {limit: 200}) YIELD node
  WHERE (node:City OR node:Organisation) AND (node.name = $b OR $b IN node.aliases)
  RETURN node AS b
  UNION
  MATCH (b:City {id: $b}) RETURN b
  UNION
  MATCH (b:Organisation {id: $b}) RETURN b
}
WITH a, b ORDER BY CASE b.level WHEN 'province' THEN 0 WHEN 'city' THEN 1 ELSE 2 END, b.id LIMIT 1
WITH a, b,
     COLLECT {
       MATCH (b)<-[:PART_OF*0..4]-(c)<-[:LOCATED_IN*0..1]-(host)<-[s:SECONDED_TO]-(p:Person)-[:SERVES_AT]->(home)
       WHERE home = a OR EXISTS { (home)-[:LOCATED_IN|PART_OF]->(:City)-[:PART_OF*0..4]->(a) }
       RETURN DISTINCT {person: {id: p.id, name: p.name}, host: host.name, title: s.title, start: s.start}
     } AS ab,
     COLLECT {
       MATCH (a)<-[:PART_OF*0..4]-(c)<-[:LOCATED_IN*0..1]-(host)<-[s:SECONDED_TO]-(p:Person)-[:SERVES_AT]->(home)
       WHERE home = b OR EXISTS { (home)-[:LOCATED_IN|PART_OF]->(:City)-[:PART_OF*0..4]->(b) }
       RETURN DISTINCT {person: {id: p.id, name: p.name}, host: host.name, title: s.title, start: s.start}
     } AS ba
WITH a, b, ab, ba,
     COLLECT {
       UNWIND ab + ba AS row
       MATCH (:Person {id: row.person.id})-[:BROKERED]->(j:Project)
       RETURN DISTINCT j
     } AS brokered_projects,
     COLLECT {
       MATCH (b)<-[:PART_OF*0..4]-(c)<-[:LOCATED_IN*0..1]-(y)-[:SIGNED]->(j:Project)<-[:SIGNED]-(x)
       WHERE x <> y AND (x = a OR EXISTS { (x)-[:LOCATED_IN|PART_OF]->(:City)-[:PART_OF*0..4]->(a) })
       RETURN DISTINCT j
     } AS agreement_nodes
WITH a, b, ab, ba, brokered_projects, agreement_nodes,
     reduce(acc = [], j IN brokered_projects + agreement_nodes | CASE WHEN j IN acc THEN acc ELSE acc + j END) AS all_projects
RETURN {id: a.id, name: a.name, label: labels(a)[0]} AS a,
       {id: b.id, name: b.name, label: labels(b)[0]} AS b,
       [(a)-[r:PAIRED_WITH]-(b) | {program: r.program, programs: coalesce(r.programs, [r.program]),
                                   articles: coalesce(r.articles, [])}] AS pairings,
       ab AS secondments_a_to_b,
       ba AS secondments_b_to_a,
       [j IN brokered_projects | {id: j.id, name: j.name, kind: j.kind, amount_cny: j.amount_cny}] AS brokered,
       [j IN agreement_nodes | {id: j.id, name: j.name, kind: j.kind, amount_cny: j.amount_cny,
          parties: [(s)-[r:SIGNED]->(j) | {id: s.id, name: s.name, date: r.date}]}] AS agreements,
       reduce(total = 0, j IN all_projects | total + coalesce(j.amount_cny, 0)) AS amount_cny
