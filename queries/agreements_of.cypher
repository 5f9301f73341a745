// name: agreements_of
// doc: Agreements a party (a body or a division, by id, name or alias) signed: date, the other
// parties, who brokered it, and the evidence. Newest first.
// params: $party STRING, $limit INTEGER = 50 in 1..500, $offset INTEGER = 0 in 0..100000
// returns: party, agreement, date, other_parties, brokers, evidence, articles
CALL () {
  // A name goes to the full-text index, an id straight to the unique constraints below.
  WITH $party AS text WHERE NOT text =~ '(person|city|org|project|agreement|article):.*'
  CALL db.index.fulltext.queryNodes('entity_names',
    '"' + replace(replace(text, '\\', '\\\\'), '"', '\\"') + '"', {limit: 200}) YIELD node
  WHERE (node:City OR node:Organisation) AND (node.name = $party OR $party IN node.aliases)
  RETURN node AS s
  UNION
  MATCH (s:City {id: $party}) RETURN s
  UNION
  MATCH (s:Organisation {id: $party}) RETURN s
}
MATCH (s)-[e:SIGNED]->(j:Project)
WITH s, e, j
ORDER BY coalesce(e.date, '') DESC, j.name
SKIP $offset LIMIT $limit
RETURN {id: s.id, name: s.name, label: labels(s)[0]} AS party,
       {id: j.id, name: j.name, kind: j.kind, amount_cny: j.amount_cny} AS agreement,
       e.date AS date,
       [(o)-[:SIGNED]->(j) WHERE o <> s | {id: o.id, name: o.name, label: labels(o)[0]}] AS other_parties,
       [(p:Person)-[:BROKERED]->(j) | {id: p.id, name: p.name}] AS brokers,
       coalesce(e.evidence, []) AS evidence,
       coalesce(e.articles, []) AS articles
