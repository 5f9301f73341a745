// name: graph_stats
// doc: Node counts per label and edge counts per relationship type of the model (count store,
// so constant time at any size).
// params:
// returns: kind, name, count
MATCH (n:Person) WITH count(n) AS count RETURN 'node' AS kind, 'Person' AS name, count
UNION ALL
MATCH (n:City) WITH count(n) AS count RETURN 'node' AS kind, 'City' AS name, count
UNION ALL
MATCH (n:Organisation) WITH count(n) AS count RETURN 'node' AS kind, 'Organisation' AS name, count
UNION ALL
MATCH (n:Project) WITH count(n) AS count RETURN 'node' AS kind, 'Project' AS name, count
UNION ALL
MATCH (n:Article) WITH count(n) AS count RETURN 'node' AS kind, 'Article' AS name, count
UNION ALL
MATCH ()-[r:SECONDED_TO]->() WITH count(r) AS count RETURN 'edge' AS kind, 'SECONDED_TO' AS name, count
UNION ALL
MATCH ()-[r:SERVES_AT]->() WITH count(r) AS count RETURN 'edge' AS kind, 'SERVES_AT' AS name, count
UNION ALL
MATCH ()-[r:BROKERED]->() WITH count(r) AS count RETURN 'edge' AS kind, 'BROKERED' AS name, count
UNION ALL
MATCH ()-[r:SIGNED]->() WITH count(r) AS count RETURN 'edge' AS kind, 'SIGNED' AS name, count
UNION ALL
MATCH ()-[r:PAIRED_WITH]->() WITH count(r) AS count RETURN 'edge' AS kind, 'PAIRED_WITH' AS name, count
UNION ALL
MATCH ()-[r:PART_OF]->() WITH count(r) AS count RETURN 'edge' AS kind, 'PART_OF' AS name, count
UNION ALL
MATCH ()-[r:LOCATED_IN]->() WITH count(r) AS count RETURN 'edge' AS kind, 'LOCATED_IN' AS name, count
UNION ALL
MATCH ()-[r:MENTIONS]->() WITH count(r) AS count RETURN 'edge' AS kind, 'MENTIONS' AS name, count
UNION ALL
MATCH ()-[r:MAYBE_SAME]->() WITH count(r) AS count RETURN 'edge' AS kind, 'MAYBE_SAME' AS name, count
