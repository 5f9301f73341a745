// name: article_facts
// doc: Every relation an article supports, with the evidence sentence it gave for it.
// params: $id STRING
// returns: source, type, target, properties, evidence, rules
MATCH (a:Article {id: $id})-[:MENTIONS]->(s)-[r]->(t)
WHERE $id IN coalesce(r.articles, [])
WITH s, r, t, [i IN range(0, size(r.articles) - 1) WHERE r.articles[i] = $id | r.evidence[i]] AS evidence
RETURN {id: s.id, name: s.name, label: labels(s)[0]} AS source,
       type(r) AS type,
       {id: t.id, name: t.name, label: labels(t)[0]} AS target,
       {title: r.title, home: r.home, home_title: r.home_title, start: r.start, mode: r.mode,
        date: r.date, program: r.program, reason: r.reason} AS properties,
       [e IN evidence WHERE e IS NOT NULL] AS evidence,
       coalesce(r.rules, []) AS rules
ORDER BY type, source.name, target.name
