// name: top_brokers
// doc: The people credited with the most brokered projects, with the total amount involved.
// params: $limit INTEGER = 20 in 1..500, $offset INTEGER = 0 in 0..100000
// returns: person, project_count, amount_cny, projects, posts
MATCH (p:Person)-[:BROKERED]->(j:Project)
WITH p, collect(DISTINCT j) AS projects
ORDER BY size(projects) DESC, p.name
SKIP $offset LIMIT $limit
RETURN {id: p.id, name: p.name} AS person,
       size(projects) AS project_count,
       reduce(total = 0, j IN projects | total + coalesce(j.amount_cny, 0)) AS amount_cny,
       [j IN projects | {id: j.id, name: j.name, kind: j.kind, amount_cny: j.amount_cny}][..20] AS projects,
       [(p)-[r:SERVES_AT|SECONDED_TO]->(o) | {id: o.id, name: o.name, relation: type(r), title: r.title}] AS posts
