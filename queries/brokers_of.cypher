// name: brokers_of
// doc: People credited with brokering projects tied to a target (a division, body or project
// given by id, or every one whose name or alias contains the text, so 中关村 covers
// 北京市中关村科技园区朝阳管委会): the project itself, a party that signed it, the place it is located in,
// or the broker's own home or host post. For a division, the divisions within it (PART_OF) and
// the bodies and projects located there count too. Most active brokers first.
// params: $target STRING, $limit INTEGER = 50 in 1..500, $offset INTEGER = 0 in 0..100000
// returns: person, posts, projects, evidence, articles
CALL () {
  // A name goes to the full-text index, an id straight to the unique constraints below.
  WITH $target AS text WHERE NOT text =~ '(person|city|org|project|agreement|article):.*'
  CALL db.index.fulltext.queryNodes('entity_names',
    '"' + replace(replace(text, '\\', '\\\\'), '"', '\\"') + '"', {limit: 1000})
  YIELD node
  WHERE NOT node:Person
  RETURN node AS t
  UNION
  MATCH (t:City {id: $target}) RETURN t
  UNION
  MATCH (t:Organisation {id: $target}) RETURN t
  UNION
  MATCH (t:Project {id: $target}) RETURN t
}
CALL (t) {
  MATCH (t)<-[:PART_OF*0..4]-(:City|Organisation|Project)<-[:LOCATED_IN*0..1]-(place)
  RETURN DISTINCT place
}
CALL (place) {
  MATCH (p:Person)-[b:BROKERED]->(place:Project) RETURN p, b
  UNION
  MATCH (place)-[:SIGNED]->(:Project)<-[b:BROKERED]-(p:Person) RETURN p, b
  UNION
  MATCH (place)<-[:SERVES_AT|SECONDED_TO]-(p:Person)-[b:BROKERED]->(:Project) RETURN p, b
}
WITH p, collect(DISTINCT b) AS edges
ORDER BY size(edges) DESC, p.name
SKIP $offset LIMIT $limit
WITH p, edges,
     reduce(acc = [], b IN edges | acc + [x IN coalesce(b.evidence, []) WHERE NOT x IN acc]) AS evidence,
     reduce(acc = [], b IN edges | acc + [x IN coalesce(b.articles, []) WHERE NOT x IN acc]) AS article_ids
RETURN {id: p.id, name: p.name} AS person,
       [(p)-[r:SERVES_AT|SECONDED_TO]->(o) |
          {id: o.id, name: o.name, label: labels(o)[0], relation: type(r), title: r.title}] AS posts,
       [b IN edges | {id: endNode(b).id, name: endNode(b).name, kind: endNode(b).kind,
                      amount_cny: endNode(b).amount_cny}] AS projects,
       evidence,
       COLLECT { UNWIND article_ids AS aid MATCH (a:Article {id: aid})
                 RETURN {id: a.id, title: a.title, published: a.published} } AS articles
