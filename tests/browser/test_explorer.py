"""The explorer in headless Chromium against the real API over the gold graph: search → card → graph."""

from __future__ import annotations

from pixels import count_near, decode, non_background
from playwright.sync_api import Page, expect

PERSON_COLOUR = "#e4572e"
CITY_COLOUR = "#3f7fd9"
ORGANISATION_COLOUR = "#2a9d62"


def search(page: Page, text: str) -> None:
    page.fill("#q", text)
    page.click("#search-form button[type=submit]")


def visible_names(page: Page) -> list[str]:
    return page.evaluate("window.duikou.cy.nodes(':visible').map((n) => n.data('name'))")


def double_click_node(page: Page, name: str) -> None:
    """A real double click on the canvas, at the node's rendered position."""
    x, y = page.evaluate(
        """(name) => {
            const node = window.duikou.cy.nodes().filter((n) => n.data('name') === name)[0];
            const box = document.querySelector('#cy').getBoundingClientRect();
            const pos = node.renderedPosition();
            return [box.left + pos.x, box.top + pos.y];
        }""",
        name,
    )
    page.mouse.dblclick(x, y)


def test_search_card_and_graph(page: Page, live_api: str) -> None:
    page.goto(live_api + "/")
    search(page, "刘伟")
    result = page.locator("#results .result").first
    expect(result).to_contain_text("刘伟")
    expect(result).to_contain_text("人物")
    result.click()

    card = page.locator("#card")
    expect(card.locator("h2")).to_have_text("刘伟")
    secondments = card.locator(".card-section[data-title='挂职']")
    expect(secondments).to_contain_text("沈阳市高新区管委会")
    expect(secondments).to_contain_text("副主任")
    expect(secondments.locator(".evidence").first).to_contain_text("刘伟")
    expect(card.locator(".card-section[data-title='促成的项目']")).to_contain_text("京沈双创产业加速器项目")

    # The graph shows 刘伟's neighbourhood; a double click on a neighbour expands it.
    page.wait_for_function("window.duikou && window.duikou.cy.nodes(':visible').length >= 4")
    names = visible_names(page)
    assert {"刘伟", "沈阳市高新区管委会", "京沈双创产业加速器项目"} <= set(names)
    assert "沈阳市" not in names
    double_click_node(page, "沈阳市高新区管委会")
    page.wait_for_function("window.duikou.cy.nodes(':visible').some((n) => n.data('name') === '沈阳市')")
    assert len(visible_names(page)) > len(names)

    # Rendered, not just in the model: the canvas shows the label colours of people, places and bodies.
    assert canvas_shows_labels(page), "the graph canvas does not show person, city and organisation nodes"


def canvas_shows_labels(page: Page, attempts: int = 20) -> bool:
    """Whether a screenshot of the graph canvas shows the label colours; retried while the layout
    animation settles (a loaded machine paints late)."""
    for _ in range(attempts):
        width, height, pixels = decode(page.locator("#cy").screenshot())
        if (
            non_background(pixels) > 0.01 * width * height
            and count_near(pixels, PERSON_COLOUR, 30) > 50
            and count_near(pixels, CITY_COLOUR, 30) > 50
            and count_near(pixels, ORGANISATION_COLOUR, 30) > 50
        ):
            return True
        page.wait_for_timeout(250)
    return False


def test_article_card_from_evidence_and_edge_evidence(page: Page, live_api: str) -> None:
    page.goto(live_api + "/")
    search(page, "刘伟")
    page.locator("#results .result").first.click()
    articles = page.locator("#card .card-section[data-title='来源文章']")
    articles.locator("a.article-link").first.click()
    card = page.locator("#card")
    expect(card.locator("h2")).to_have_text("挂职干部推动京沈对口合作成果丰硕")
    expect(card).to_contain_text("沈阳日报")
    facts = card.locator(".card-section[data-title='文中的关系']")
    expect(facts).to_contain_text("刘伟")
    expect(facts).to_contain_text("挂职")

    # Clicking an edge of the graph (on the canvas, at its midpoint) shows its evidence sentence.
    page.wait_for_function("window.duikou.cy.edges('[type = \"SECONDED_TO\"]').length > 0")
    x, y = page.evaluate(
        """() => {
            const edge = window.duikou.cy.edges('[type = "SECONDED_TO"]')[0];
            const box = document.querySelector('#cy').getBoundingClientRect();
            const mid = edge.renderedMidpoint();
            return [box.left + mid.x, box.top + mid.y];
        }"""
    )
    page.mouse.click(x, y)
    expect(card.locator(".badge")).to_have_text("关系")
    expect(card.locator(".evidence").first).to_contain_text("刘伟")


def test_traditional_search_finds_simplified_names(page: Page, live_api: str) -> None:
    page.goto(live_api + "/")
    search(page, "瀋陽")
    expect(page.locator("#results .result").first).to_contain_text("沈阳")


def test_unknown_search_shows_the_empty_state(page: Page, live_api: str) -> None:
    page.goto(live_api + "/")
    search(page, "查无此人乙丙丁")
    empty = page.locator("#search-empty")
    expect(empty).to_be_visible()
    expect(empty).to_contain_text("没有找到与「查无此人乙丙丁」相关")
    expect(page.locator("#results .result")).to_have_count(0)
    expect(page.locator("#banner")).to_be_hidden()


def test_canned_questions_show_their_answers(page: Page, live_api: str) -> None:
    page.goto(live_api + "/")
    questions = page.locator("#questions .question")
    expect(questions.first).to_be_visible()
    titles = questions.all_inner_texts()
    assert any("中关村" in t for t in titles) and any("河北的干部" in t for t in titles)

    page.click("#questions .question[data-query=top_brokers]")
    expect(page.locator("#answer-title")).to_have_text("促成项目最多的挂职干部")
    table = page.locator("#answer .answer-table")
    expect(table).to_contain_text("马瑞樯")
    expect(table).to_contain_text("喻华锋")
    expect(table).to_contain_text("17亿元")

    page.locator("#questions .question", has_text="河北的干部去了哪里").click()
    expect(page.locator("#answer-title")).to_have_text("河北的干部去了哪里、带来了什么？")
    expect(page.locator("#answer .answer-table")).to_contain_text("杨猛")

    page.locator("#questions .question", has_text="中关村").click()
    expect(page.locator("#answer-title")).to_have_text("哪些挂职干部促成了中关村的项目？")
    table = page.locator("#answer .answer-table")
    expect(table).to_contain_text("刘伟")
    expect(table).to_contain_text("京沈双创产业加速器项目")
    expect(table.locator(".evidence").first).to_contain_text("刘伟")
    expect(table.locator("a.article-link").first).to_contain_text("挂职干部推动京沈对口合作成果丰硕")


def test_flows_sankey_by_province_and_city(page: Page, live_api: str) -> None:
    page.goto(live_api + "/")
    page.click(".tabs [data-view=flows]")
    page.wait_for_function(
        "window.duikou.flows.chart && window.duikou.flows.chart.getOption().series[0].links.length > 0"
    )
    links = page.evaluate(
        "window.duikou.flows.chart.getOption().series[0].links.map((l) => [l.source, l.target])"
    )
    assert ["派出 北京市", "挂职 河北省"] in links
    assert ["派出 河北省", "挂职 北京市"] in links
    width, height, pixels = decode(page.locator("#sankey").screenshot())
    assert non_background(pixels) > 0.05 * width * height

    page.check("input[name=flow-level][value=city]")
    page.wait_for_function(
        "window.duikou.flows.chart.getOption().series[0].links.some((l) => l.target === '挂职 廊坊市')"
    )


def test_relation_filter_hides_edges(page: Page, live_api: str) -> None:
    page.goto(live_api + "/")
    search(page, "刘伟")
    page.locator("#results .result").first.click()
    visible_brokered = "window.duikou.cy.edges('[type = \"BROKERED\"]').filter(':visible').length"
    page.wait_for_function(f"{visible_brokered} > 0")
    page.locator("#rel-filter label", has_text="促成").locator("input").uncheck()
    page.wait_for_function(f"{visible_brokered} === 0")
    assert "京沈双创产业加速器项目" not in visible_names(page)
    page.locator("#rel-filter label", has_text="促成").locator("input").check()
    page.wait_for_function(f"{visible_brokered} > 0")


def test_date_filter_hides_edges_outside_the_window(page: Page, live_api: str) -> None:
    page.goto(live_api + "/")
    search(page, "刘伟")
    page.locator("#results .result").first.click()
    # 刘伟's secondment started 2017-09: a window ending 2016-12 hides it.
    visible_secondments = "window.duikou.cy.edges('[type = \"SECONDED_TO\"]').filter(':visible').length"
    page.wait_for_function(f"{visible_secondments} > 0")
    page.fill("#date-to", "2016-12")
    page.dispatch_event("#date-to", "change")
    page.wait_for_function(f"{visible_secondments} === 0")


def test_neo4j_browser_style_and_guide_are_served(page: Page, live_api: str) -> None:
    grass = page.request.get(live_api + "/static/neo4j/browser-style.grass")
    assert grass.ok
    assert "node.Person {\n  color: #E4572E;" in grass.text()
    assert 'caption: "{name}";' in grass.text()
    guide = page.request.get(live_api + "/static/neo4j/guide.html")
    assert guide.ok
    assert guide.text().count("<slide") >= 6
    assert "哪些挂职干部促成了中关村的项目？" in guide.text()
