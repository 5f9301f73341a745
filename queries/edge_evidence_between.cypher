// name: edge_evidence_between
// doc: The evidence of the relation edge(s) of one type from one entity to another, by ids:
// each supporting article with the sentence it gave, the rules, first and last load.
// params: $source STRING, $type STRING in SECONDED_TO|SERVES_AT|BROKERED|SIGNED|PAIRED_WITH|LOCATED_IN|MAYBE_SAME, $target STRING
// returns: edge, source, type, target, support, rules, extractor_version, first_seen, last_seen
CALL () {
  MATCH (n:Person {id: $source}) RETURN n
  UNION MATCH (n:City {id: $source}) RETURN n
  UNION MATCH (n:Organisation {id: $source}) RETURN n
}
// Both ends by their unique ids, so the edge is found between two bound nodes (no walk over
// every edge of a busy division).
CALL () {
  MATCH (t:Person {id: $target}) RETURN t
  UNION MATCH (t:City {id: $target}) RETURN t
  UNION MATCH (t:Organisation {id: $target}) RETURN t
  UNION MATCH (t:Project {id: $target}) RETURN t
}
MATCH (n)-[r]->(t) WHERE type(r) = $type
RETURN elementId(r) AS edge,
       {id: n.id, name: n.name, label: labels(n)[0]} AS source, type(r) AS type,
       {id: t.id, name: t.name, label: labels(t)[0]} AS target,
       [i IN range(0, size(coalesce(r.articles, [])) - 1) |
          {article: head(COLLECT { MATCH (a:Article {id: r.articles[i]})
                                   RETURN {id: a.id, title: a.title, published: a.published, url: a.url} }),
           article_id: r.articles[i], evidence: r.evidence[i]}] AS support,
       coalesce(r.rules, []) AS rules, r.extractor_version AS extractor_version,
       r.first_seen AS first_seen, r.last_seen AS last_seen
