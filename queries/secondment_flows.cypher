// name: secondment_flows
// doc: Cadre secondments aggregated from home region to host region, at province or city level.
// A post's region comes from the division it is (or is LOCATED_IN) and that division's PART_OF
// chain; at city level a municipality's districts count as the municipality. Secondments with
// an unknown home or host region, and those inside one region, are left out. People are listed
// by name (at most 50 per flow).
// params: $level STRING = province in province|city, $limit INTEGER = 200 in 1..1000, $offset INTEGER = 0 in 0..100000
// returns: from_region, to_region, count, people
// Each post's division, and each division's region, is worked out once (grouping by post, then
// by division) instead of once per secondment: the PART_OF chain walk is the costly part.
MATCH (p:Person)-[:SECONDED_TO]->(host)
WITH host, collect(p) AS people
WITH CASE WHEN host:City THEN host ELSE head(COLLECT { MATCH (host)-[:LOCATED_IN]->(c:City) RETURN c }) END AS city,
     people
WITH city, collect(people) AS groups
WHERE city IS NOT NULL
WITH [(city)-[:PART_OF*0..4]->(r:City) | r] AS chain, groups
WITH head([r IN chain WHERE r.level = $level] + [r IN chain WHERE r.level = 'province']) AS to_region, groups
WHERE to_region IS NOT NULL
UNWIND groups AS people
UNWIND people AS p
MATCH (p)-[:SERVES_AT]->(home)
WITH home, collect({person: p, to_region: to_region}) AS guests
WITH CASE WHEN home:City THEN home ELSE head(COLLECT { MATCH (home)-[:LOCATED_IN]->(c:City) RETURN c }) END AS city,
     guests
WITH city, collect(guests) AS groups
WHERE city IS NOT NULL
WITH [(city)-[:PART_OF*0..4]->(r:City) | r] AS chain, groups
WITH head([r IN chain WHERE r.level = $level] + [r IN chain WHERE r.level = 'province']) AS from_region, groups
WHERE from_region IS NOT NULL
UNWIND groups AS guests
UNWIND guests AS guest
WITH from_region, guest.to_region AS to_region, guest.person AS p
WHERE from_region <> to_region
WITH from_region, to_region, collect(DISTINCT p) AS people
ORDER BY size(people) DESC, from_region.name, to_region.name
SKIP $offset LIMIT $limit
RETURN {id: from_region.id, name: from_region.name, level: from_region.level} AS from_region,
       {id: to_region.id, name: to_region.name, level: to_region.level} AS to_region,
       size(people) AS count,
       COLLECT { UNWIND people AS x WITH x ORDER BY x.name, x.id LIMIT 50 RETURN {id: x.id, name: x.name} } AS people
