"""Take the README screenshot of the explorer (docs/explorer.png) from a running `make demo`.

.venv/bin/python tests/browser/explorer_screenshot.py --url http://127.0.0.1:8000 --out docs/explorer.png
"""

from __future__ import annotations

import argparse
from pathlib import Path

from browser_support import CHROMIUM, CHROMIUM_ARGS, VIEWPORT
from playwright.sync_api import sync_playwright


def take(url: str, out: Path, person: str, expand: list[str]) -> None:
    """Search `person`, open the card, expand the named neighbours, and save the page."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_context(viewport=VIEWPORT, locale="zh-CN", device_scale_factor=1).new_page()  # type: ignore[arg-type]
        page.goto(url + "/")
        page.fill("#q", person)
        page.click("#search-form button[type=submit]")
        page.locator("#results .result").first.click()
        page.wait_for_function("window.duikou && window.duikou.cy.nodes(':visible').length > 2")
        for name in expand:
            node_id = page.evaluate(
                "(name) => window.duikou.cy.nodes().filter((n) => n.data('name') === name).map((n) => n.id())[0]",
                name,
            )
            if node_id:
                page.evaluate("(id) => window.duikou.expand(id).then(() => null)", node_id)
        page.wait_for_timeout(800)
        out.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(out))
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--out", type=Path, default=Path("docs/explorer.png"))
    parser.add_argument("--person", default="喻华锋")
    parser.add_argument("--expand", nargs="*", default=["廊坊市", "大兴区"])
    args = parser.parse_args()
    take(args.url, args.out, args.person, args.expand)


if __name__ == "__main__":
    main()
