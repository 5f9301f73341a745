# duikou: `make demo` runs the main job on a local Neo4j, `make test` runs the checks CI runs.
# Everything the project needs is installed from here; downloads are cached in the user's cache
# folders (~/.cache/pip, ~/.m2, ~/.npm), so later runs are quick.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | sha1sum | cut -c1-12)
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: install web browser neo4j demo ingest serve stop test lint bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "duikou needs Python 3.11+"' \
		|| { echo "duikou needs Python 3.11 or newer (found $$($(PYTHON) --version))"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	rm -f $(VENV)/.installed-* && touch $@

# The explorer's static assets come from npm at build time (nothing from a CDN at run time).
web:
	@if [ -f web/package.json ]; then \
		npm ci --prefix web --no-audit --no-fund --loglevel=error && node web/build.js; \
	fi

# Debian's Chromium and CJK fonts for the browser tests (no browser downloads).
browser:
	@command -v chromium >/dev/null 2>&1 && [ -d /usr/share/fonts/opentype/noto ] || { \
		echo "installing Debian's chromium and fonts-noto-cjk for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; }

neo4j: install
	$(BIN)/duikou neo4j start

ingest: neo4j
	$(BIN)/duikou ingest seeds/

serve: install web
	$(BIN)/duikou serve --host $(HOST) --port $(PORT)

# The main job: Neo4j up, the seeds ingested, the API and explorer served.
demo: install web ingest serve

stop:
	-$(BIN)/duikou neo4j stop

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: install web browser lint
	$(BIN)/pytest

bench: install
	$(BIN)/python bench/extract_bench.py
	$(BIN)/python bench/graph_load.py
	$(BIN)/python bench/query_bench.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache out
