"""Article ingestion: read a page, clean it, recognise entities, relate them into an `Extraction`.

Pure: nothing here touches a database or the network, and nothing imports `graph` or `api`.
"""

EXTRACTOR_VERSION = "0.1.0"
