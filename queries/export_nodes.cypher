// name: export_nodes
// doc: A page of all entity and article nodes with their properties, for export.
// params: $limit INTEGER = 10000 in 1..100000, $offset INTEGER = 0 in 0..100000000
// returns: id, label, properties
MATCH (n) WHERE n.id IS NOT NULL
WITH n ORDER BY n.id SKIP $offset LIMIT $limit
RETURN n.id AS id, labels(n)[0] AS label, properties(n) AS properties
