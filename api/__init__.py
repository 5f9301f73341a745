"""The HTTP API: canned queries over the graph, served by FastAPI on an async Neo4j driver."""
