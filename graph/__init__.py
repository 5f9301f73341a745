"""The graph: resolve extractions into canonical entities and write them to Neo4j."""
