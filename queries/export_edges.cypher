// name: export_edges
// doc: A page of all edges between entity and article nodes with their properties, for export.
// params: $limit INTEGER = 10000 in 1..100000, $offset INTEGER = 0 in 0..100000000
// returns: id, type, source, target, properties
MATCH (s)-[r]->(t) WHERE s.id IS NOT NULL AND t.id IS NOT NULL
WITH s, r, t ORDER BY elementId(r) SKIP $offset LIMIT $limit
RETURN elementId(r) AS id, type(r) AS type, s.id AS source, t.id AS target, properties(r) AS properties
