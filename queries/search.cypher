// name: search
// doc: Full-text search over names and aliases (the `entity_names` index, cjk analyzer). The
// text is matched as a phrase, so 沈阳 finds 沈阳市 and 沈阳市交通局; Traditional input is
// converted to Simplified before the query runs. `type` limits the label. Exact names first.
// params: $q STRING, $type STRING = null in Person|City|Organisation|Project, $limit INTEGER = 20 in 1..200, $offset INTEGER = 0 in 0..100000
// returns: id, name, label, aliases, kind, level, score
CALL db.index.fulltext.queryNodes('entity_names',
  '"' + replace(replace($q, '\\', '\\\\'), '"', '\\"') + '"', {limit: 1000})
YIELD node, score
WHERE $type IS NULL OR $type IN labels(node)
WITH node, score,
     CASE WHEN node.name = $q THEN 0 WHEN $q IN coalesce(node.aliases, []) THEN 1 ELSE 2 END AS rank
ORDER BY rank, score DESC, size(node.name), node.id
SKIP $offset LIMIT $limit
RETURN node.id AS id, node.name AS name, labels(node)[0] AS label, coalesce(node.aliases, []) AS aliases,
       node.kind AS kind, node.level AS level, score
