// name: graph_stats
// doc: Node counts per label and edge counts per relationship type of the model (count store,
// so constant time at any size).
// params:
// returns: kind, name, count
MATCH (n:Person) RETURN 'node' AS kind, 'Person' AS name, count(n) AS count
UNION ALL
MATCH (n:City) RETURN 'node' AS kind, 'City' AS name, count(n) AS count
UNION ALL
MATCH (n:Organisation) RETURN 'node' AS kind, 'Organisation' AS name, count(n) AS count
UNION ALL
MATCH (n:Project) RETURN 'node' AS kind, 'Project' AS name, count(n) AS count
UNION ALL
MATCH (n:Article) RETURN 'node' AS kind, 'Article' AS name, count(n) AS count
UNION ALL
MATCH ()-[r:SECONDED_TO]->() RETURN 'edge' AS kind, 'SECONDED_TO' AS name, count(r) AS count
UNION ALL
MATCH ()-[r:SERVES_AT]->() RETURN 'edge' AS kind, 'SERVES_AT' AS name, count(r) AS count
UNION ALL
MATCH ()-[r:BROKERED]->() RETURN 'edge' AS kind, 'BROKERED' AS name, count(r) AS count
UNION ALL
MATCH ()-[r:SIGNED]->() RETURN 'edge' AS kind, 'SIGNED' AS name, count(r) AS count
UNION ALL
MATCH ()-[r:PAIRED_WITH]->() RETURN 'edge' AS kind, 'PAIRED_WITH' AS name, count(r) AS count
UNION ALL
MATCH ()-[r:PART_OF]->() RETURN 'edge' AS kind, 'PART_OF' AS name, count(r) AS count
UNION ALL
MATCH ()-[r:LOCATED_IN]->() RETURN 'edge' AS kind, 'LOCATED_IN' AS name, count(r) AS count
UNION ALL
MATCH ()-[r:MENTIONS]->() RETURN 'edge' AS kind, 'MENTIONS' AS name, count(r) AS count
UNION ALL
MATCH ()-[r:MAYBE_SAME]->() RETURN 'edge' AS kind, 'MAYBE_SAME' AS name, count(r) AS count
