// name: path_between
// doc: Shortest paths (at most `max_hops` ≤ 4 hops) between two entities by id, over the
// relations of the model (article mentions left out, so paths say how entities are tied,
// not that they share an article). Each row is one path.
// params: $a STRING, $b STRING, $max_hops INTEGER = 4 in 1..4, $limit INTEGER = 5 in 1..25
// returns: length, nodes, edges
CALL () {
  MATCH (n:Person {id: $a}) RETURN n
  UNION MATCH (n:City {id: $a}) RETURN n
  UNION MATCH (n:Organisation {id: $a}) RETURN n
  UNION MATCH (n:Project {id: $a}) RETURN n
}
WITH n AS a
CALL () {
  MATCH (n:Person {id: $b}) RETURN n
  UNION MATCH (n:City {id: $b}) RETURN n
  UNION MATCH (n:Organisation {id: $b}) RETURN n
  UNION MATCH (n:Project {id: $b}) RETURN n
}
WITH a, n AS b WHERE a <> b
MATCH path = allShortestPaths((a)-[:SECONDED_TO|SERVES_AT|BROKERED|SIGNED|PAIRED_WITH|PART_OF|LOCATED_IN|MAYBE_SAME*..4]-(b))
WITH path WHERE length(path) <= $max_hops
// Several shortest paths tie: order them by the ids along the way, so a page is stable.
WITH path, [x IN nodes(path) | x.id] AS ids
ORDER BY ids
LIMIT $limit
RETURN length(path) AS length,
       [x IN nodes(path) | {id: x.id, name: x.name, label: labels(x)[0]}] AS nodes,
       [r IN relationships(path) | {id: elementId(r), type: type(r), source: startNode(r).id,
                                    target: endNode(r).id}] AS edges
