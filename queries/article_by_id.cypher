// name: article_by_id
// doc: One article: its metadata and the entities it mentions.
// params: $id STRING
// returns: article, mentions
MATCH (a:Article {id: $id})
RETURN {id: a.id, name: a.name, title: a.title, published: a.published, source: a.source,
        authors: coalesce(a.authors, []), url: a.url, path: a.path,
        extractor_version: a.extractor_version, ingested_at: a.ingested_at} AS article,
       [(a)-[:MENTIONS]->(n) | {id: n.id, name: n.name, label: labels(n)[0]}] AS mentions
