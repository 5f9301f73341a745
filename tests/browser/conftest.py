"""Browser tests: the explorer in Debian's headless Chromium, driven by Playwright, against the real
API (uvicorn on a free loopback port) over the session's real Neo4j loaded with the gold extractions.

No browser is downloaded: Chromium comes from apt (`make browser`). Under CI=true a missing Chromium
fails; elsewhere those tests are skipped with the reason. Missing vendor files always fail (run `make web`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import neo4j
import pytest
from browser_support import CHROMIUM, CHROMIUM_ARGS, VIEWPORT, LiveServer
from neo4j_support import in_ci
from playwright.sync_api import Browser, ConsoleMessage, Page, Playwright, sync_playwright

from duikou.settings import Settings
from graph.load import load_extractions
from ingest.models import Extraction

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "gold"
VENDOR = ROOT / "api" / "static" / "vendor"
VENDOR_FILES = ("cytoscape.min.js", "echarts.min.js")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test in this folder is a browser test."""
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="package", autouse=True)
def vendor_files() -> None:
    """The explorer's vendor files must be built: a page without them tests nothing."""
    missing = [name for name in VENDOR_FILES if not (VENDOR / name).is_file()]
    if missing:
        pytest.fail(
            f"explorer vendor files missing in {VENDOR.relative_to(ROOT)}: {', '.join(missing)}. "
            "Build them with `make web` (npm ci --prefix web && node web/build.js).",
            pytrace=False,
        )


@pytest.fixture(scope="package")
def explorer_graph(neo4j_driver: neo4j.Driver, neo4j_settings: Settings) -> neo4j.Driver:
    """The test server's database, wiped and loaded with the gold extractions by the real loader."""
    database = neo4j_settings.neo4j_database
    neo4j_driver.execute_query("MATCH (n) DETACH DELETE n", database_=database)
    extractions = [Extraction.model_validate_json(p.read_text("utf-8")) for p in sorted(GOLD.glob("*.json"))]
    stats = load_extractions(neo4j_driver, extractions, database=database)
    assert stats.articles_loaded == len(extractions) > 0
    return neo4j_driver


@pytest.fixture(scope="package")
def live_api(explorer_graph: neo4j.Driver, neo4j_settings: Settings) -> Iterator[str]:
    """Base URL of the API (and explorer) over the loaded test graph."""
    server = LiveServer(neo4j_settings).start()
    yield server.url
    server.stop()


@pytest.fixture
def stoppable_api(explorer_graph: neo4j.Driver, neo4j_settings: Settings) -> Iterator[LiveServer]:
    """An API server of its own, for a test that stops it halfway."""
    server = LiveServer(neo4j_settings).start()
    yield server
    server.stop()


@pytest.fixture
def api_without_database(unreachable_settings: Settings) -> Iterator[str]:
    """Base URL of an API whose Neo4j is unreachable (a closed loopback port): the page is still served."""
    server = LiveServer(unreachable_settings).start()
    yield server.url
    server.stop()


# Module scope: Playwright's sync API keeps an event loop running in this thread while it is open,
# which would break later tests that run their own loop (asyncio.run).
@pytest.fixture(scope="module")
def playwright_instance() -> Iterator[Playwright]:
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="module")
def browser(playwright_instance: Playwright) -> Iterator[Browser]:
    """Debian's Chromium, headless (never a downloaded browser)."""
    if not Path(CHROMIUM).is_file():
        reason = f"Chromium not found at {CHROMIUM}: install it with `make browser` (apt-get install chromium fonts-noto-cjk)"
        if in_ci():
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    browser = playwright_instance.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
    yield browser
    browser.close()


@dataclass
class PageErrors:
    """Uncaught exceptions and console errors of a page (a test fails on uncaught exceptions)."""

    uncaught: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.console.append(message.text)


@pytest.fixture
def page_errors() -> PageErrors:
    return PageErrors()


@pytest.fixture
def page(browser: Browser, page_errors: PageErrors) -> Iterator[Page]:
    """A fresh page (own context) whose uncaught JavaScript errors fail the test."""
    context = browser.new_context(viewport=VIEWPORT, locale="zh-CN")  # type: ignore[arg-type]
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.on("pageerror", lambda error: page_errors.uncaught.append(f"{error.name}: {error.message}"))
    page.on("console", page_errors.on_console)
    yield page
    context.close()
    assert page_errors.uncaught == [], f"uncaught JavaScript errors: {page_errors.uncaught}"
