// name: neighbourhood
// doc: The nodes and edges around one entity, up to `depth` hops (1 or 2), at most `limit`
// edges per hop. No row when the id is unknown.
// params: $id STRING, $depth INTEGER = 1 in 1..2, $limit INTEGER = 100 in 1..1000
// returns: center, nodes, edges
CALL () {
  MATCH (n:Person {id: $id}) RETURN n
  UNION MATCH (n:City {id: $id}) RETURN n
  UNION MATCH (n:Organisation {id: $id}) RETURN n
  UNION MATCH (n:Project {id: $id}) RETURN n
  UNION MATCH (n:Article {id: $id}) RETURN n
}
CALL (n) {
  MATCH (n)-[r]-(m)
  WITH r, m LIMIT $limit
  RETURN collect(r) AS hop1, collect(DISTINCT m) AS ring1
}
CALL (n, ring1) {
  UNWIND CASE WHEN $depth >= 2 THEN ring1 ELSE [] END AS m
  MATCH (m)-[r]-(x) WHERE x <> n
  WITH r LIMIT $limit
  RETURN collect(r) AS hop2
}
WITH n, hop1 + [r IN hop2 WHERE NOT r IN hop1] AS rels
WITH n, rels, reduce(acc = [n], r IN rels |
       acc + [x IN [startNode(r), endNode(r)] WHERE NOT x IN acc]) AS ns
RETURN {id: n.id, name: n.name, label: labels(n)[0]} AS center,
       [x IN ns | {id: x.id, name: CASE WHEN x:Article THEN coalesce(x.title, x.name) ELSE x.name END, label: labels(x)[0], kind: x.kind, level: x.level}] AS nodes,
       [r IN rels | {id: elementId(r), type: type(r), source: startNode(r).id, target: endNode(r).id,
                     start: r.start, date: r.date, evidence: coalesce(r.evidence, [])[..3]}] AS edges
