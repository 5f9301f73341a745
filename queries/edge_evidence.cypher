// name: edge_evidence
// doc: The evidence of one relation edge, by its element id: each supporting article with the
// sentence it gave, the rules that fired, and when the edge was first and last loaded.
// params: $edge STRING
// returns: source, type, target, support, rules, extractor_version, first_seen, last_seen
MATCH (s)-[r]->(t) WHERE elementId(r) = $edge
RETURN {id: s.id, name: s.name, label: labels(s)[0]} AS source, type(r) AS type,
       {id: t.id, name: t.name, label: labels(t)[0]} AS target,
       [i IN range(0, size(coalesce(r.articles, [])) - 1) |
          {article: head(COLLECT { MATCH (a:Article {id: r.articles[i]})
                                   RETURN {id: a.id, title: a.title, published: a.published, url: a.url} }),
           article_id: r.articles[i], evidence: r.evidence[i]}] AS support,
       coalesce(r.rules, []) AS rules, r.extractor_version AS extractor_version,
       r.first_seen AS first_seen, r.last_seen AS last_seen
