// name: projects_in
// doc: Projects located in a region (by id, name or alias; divisions within it included) or
// signed by a party in it, with their amounts, brokers and signatories. Largest amounts first.
// params: $region STRING, $limit INTEGER = 50 in 1..500, $offset INTEGER = 0 in 0..100000
// returns: project, located_in, brokers, signatories
CALL () {
  // A name goes to the full-text index, an id straight to the unique constraints below.
  WITH $region AS text WHERE NOT text =~ '(person|city|org|project|agreement|article):.*'
  CALL db.index.fulltext.queryNodes('entity_names',
    '"' + replace(replace(text, '\\', '\\\\'), '"', '\\"') + '"', {limit: 200}) YIELD node
  WHERE node:City AND (node.name = $region OR $region IN node.aliases)
  RETURN node AS r
  UNION
  MATCH (r:City {id: $region}) RETURN r
}
CALL (r) {
  MATCH (r)<-[:PART_OF*0..4]-(:City)<-[:LOCATED_IN]-(j:Project) RETURN j
  UNION
  MATCH (r)<-[:PART_OF*0..4]-(:City)<-[:LOCATED_IN*0..1]-(party)-[:SIGNED]->(j:Project) RETURN j
}
WITH DISTINCT j
ORDER BY coalesce(j.amount_cny, -1) DESC, j.name
SKIP $offset LIMIT $limit
RETURN {id: j.id, name: j.name, kind: j.kind, amount_cny: j.amount_cny} AS project,
       [(j)-[:LOCATED_IN]->(c:City) | {id: c.id, name: c.name}] AS located_in,
       [(p:Person)-[:BROKERED]->(j) | {id: p.id, name: p.name}] AS brokers,
       [(s)-[e:SIGNED]->(j) | {id: s.id, name: s.name, label: labels(s)[0], date: e.date}] AS signatories
