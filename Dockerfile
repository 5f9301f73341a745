# The duikou API (and explorer) for docker-compose; Neo4j runs in its own container.
FROM node:20-slim AS web
WORKDIR /src
COPY web/ web/
COPY api/static/ api/static/
RUN npm ci --prefix web --no-audit --no-fund && node web/build.js

FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY duikou/ duikou/
COPY ingest/ ingest/
COPY graph/ graph/
COPY queries/ queries/
COPY api/ api/
COPY --from=web /src/api/static/ api/static/
COPY seeds/ seeds/
RUN pip install --no-cache-dir .
EXPOSE 8000
CMD ["duikou", "serve", "--host", "0.0.0.0", "--port", "8000"]
