// name: timeline
// doc: Dated events in a region (by id, name or alias; divisions and bodies within it included):
// secondments to or from it and agreements signed by a party in it. The date is the edge's own
// (start, date) or else the earliest publication date of the articles that support it.
// params: $region STRING, $limit INTEGER = 100 in 1..1000, $offset INTEGER = 0 in 0..100000
// returns: date, date_source, event, person, party, target, title, evidence, articles
CALL () {
  // A name goes to the full-text index, an id straight to the unique constraints below.
  WITH $region AS text WHERE NOT text =~ '(person|city|org|project|agreement|article):.*'
  CALL db.index.fulltext.queryNodes('entity_names',
    '"' + replace(replace(text, '\\', '\\\\'), '"', '\\"') + '"', {limit: 200}) YIELD node
  WHERE (node:City OR node:Organisation) AND (node.name = $region OR $region IN node.aliases)
  RETURN node AS g
  UNION
  MATCH (g:City {id: $region}) RETURN g
  UNION
  MATCH (g:Organisation {id: $region}) RETURN g
}
// The places within the region are walked once, then each kind of event is read from them;
// an event reached from two places (a host and a home post both in the region) counts once.
CALL (g) {
  MATCH (g)<-[:PART_OF*0..4]-(c)<-[:LOCATED_IN*0..1]-(place)
  RETURN DISTINCT place
}
CALL (place) {
  MATCH (p:Person)-[e:SECONDED_TO]->(place)
  RETURN 'secondment' AS event, e, {id: p.id, name: p.name} AS person, null AS party, place AS target, e.start AS own_date
  UNION
  MATCH (place)<-[:SERVES_AT]-(p:Person)-[e:SECONDED_TO]->(host)
  RETURN 'secondment' AS event, e, {id: p.id, name: p.name} AS person, null AS party, host AS target, e.start AS own_date
  UNION
  MATCH (place)-[e:SIGNED]->(j:Project)
  RETURN 'signing' AS event, e, null AS person, {id: place.id, name: place.name} AS party, j AS target, e.date AS own_date
}
WITH DISTINCT g, event, e, person, party, target, own_date
// Articles are read only for events without a date of their own.
CALL (e, own_date) {
  WITH e WHERE own_date IS NULL
  UNWIND coalesce(e.articles, []) AS aid
  MATCH (a:Article {id: aid})
  RETURN min(a.published) AS published
}
WITH event, e, person, party, target, coalesce(own_date, published) AS date,
     CASE WHEN own_date IS NOT NULL THEN 'edge' ELSE 'article' END AS date_source
WHERE date IS NOT NULL
ORDER BY date, event, target.name
SKIP $offset LIMIT $limit
RETURN date, date_source, event, person, party,
       {id: target.id, name: target.name, label: labels(target)[0]} AS target,
       e.title AS title, coalesce(e.evidence, []) AS evidence, coalesce(e.articles, []) AS articles
