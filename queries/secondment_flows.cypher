// name: secondment_flows
// doc: Cadre secondments aggregated from home region to host region, at province or city level.
// A post's region comes from the division it is (or is LOCATED_IN) and that division's PART_OF
// chain; at city level a municipality's districts count as the municipality. Secondments with
// an unknown home or host region, and those inside one region, are left out.
// params: $level STRING = province in province|city, $limit INTEGER = 200 in 1..1000, $offset INTEGER = 0 in 0..100000
// returns: from_region, to_region, count, people
MATCH (p:Person)-[:SECONDED_TO]->(host)
MATCH (p)-[:SERVES_AT]->(home)
WITH p,
     CASE WHEN host:City THEN host ELSE head([(host)-[:LOCATED_IN]->(c:City) | c]) END AS host_city,
     CASE WHEN home:City THEN home ELSE head([(home)-[:LOCATED_IN]->(c:City) | c]) END AS home_city
WHERE host_city IS NOT NULL AND home_city IS NOT NULL
WITH p,
     [(host_city)-[:PART_OF*0..4]->(r:City) | r] AS host_chain,
     [(home_city)-[:PART_OF*0..4]->(r:City) | r] AS home_chain
WITH p,
     head([r IN home_chain WHERE r.level = $level] + [r IN home_chain WHERE r.level = 'province']) AS from_region,
     head([r IN host_chain WHERE r.level = $level] + [r IN host_chain WHERE r.level = 'province']) AS to_region
WHERE from_region IS NOT NULL AND to_region IS NOT NULL AND from_region <> to_region
WITH from_region, to_region, collect(DISTINCT {id: p.id, name: p.name}) AS people
ORDER BY size(people) DESC, from_region.name, to_region.name
SKIP $offset LIMIT $limit
RETURN {id: from_region.id, name: from_region.name, level: from_region.level} AS from_region,
       {id: to_region.id, name: to_region.name, level: to_region.level} AS to_region,
       size(people) AS count, people[..50] AS people
