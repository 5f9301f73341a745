"""The explorer says so when the API or its database is down."""

from __future__ import annotations

from browser_support import LiveServer
from playwright.sync_api import Page, Route, expect


def test_banner_when_the_database_is_unreachable(page: Page, api_without_database: str) -> None:
    page.goto(api_without_database + "/")
    banner = page.locator("#banner")
    expect(banner).to_be_visible()
    expect(banner).to_contain_text("API 不可用")
    expect(banner).to_contain_text("503")


def test_banner_stays_when_a_database_free_endpoint_answers_later(
    page: Page, api_without_database: str
) -> None:
    """The catalogue (/queries) answers 200 without the database; arriving after /health's 503 it must
    not hide the banner. (The order of the two answers used to decide the outcome.)"""
    held: list[Route] = []

    def hold(route: Route) -> None:
        held.append(route)

    page.route("**/queries", hold)
    with page.expect_response("**/health") as health:
        page.goto(api_without_database + "/")
    assert health.value.status == 503
    banner = page.locator("#banner")
    expect(banner).to_be_visible()

    for _ in range(100):  # Playwright delivers the route event while the test waits
        if held:
            break
        page.wait_for_timeout(50)
    assert held, "the page did not ask for the query catalogue"
    with page.expect_response("**/queries") as catalogue:
        for route in held:
            route.continue_()
    assert catalogue.value.status == 200
    expect(page.locator("#questions .question").first).to_be_visible()
    expect(banner).to_be_visible()
    expect(banner).to_contain_text("503")


def test_banner_when_the_api_stops(page: Page, stoppable_api: LiveServer) -> None:
    page.goto(stoppable_api.url + "/")
    expect(page.locator("#questions .question").first).to_be_visible()
    expect(page.locator("#banner")).to_be_hidden()

    stoppable_api.stop()
    page.fill("#q", "刘伟")
    page.click("#search-form button[type=submit]")
    banner = page.locator("#banner")
    expect(banner).to_be_visible()
    expect(banner).to_contain_text("无法连接到 API 服务")
    expect(page.locator("#results")).to_contain_text("搜索失败")
