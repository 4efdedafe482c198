"""On a phone (375 × 667): the header's menu button, the search results in the first screen,
unique landmark names. (Screenshots of every page type: test_quality.)"""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.browser.test_quality import AXE

PHONE = {"width": 375, "height": 667}
DESKTOP = {"width": 1280, "height": 800}
SEARCH = "/recherche/?q=coopération"


def header_search(page):
    return page.get_by_role("combobox", name="Rechercher sur le portail")


def nav_links(page, name: str = "Menu principal"):
    return page.get_by_role("navigation", name=name).get_by_role("link")


def tab_to(page, locator, most: int = 10) -> None:
    """Presses Tab until `locator` has the focus, as a keyboard user would."""
    for _ in range(most):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"{locator} never got the focus after {most} presses of Tab")


def test_the_phone_menu_opens_and_closes_with_the_keyboard(page):
    page.set_viewport_size(PHONE)
    page.goto("/")
    button = page.get_by_role("button", name="Menu", exact=True)
    nav = page.get_by_role("navigation", name="Menu principal")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_have_attribute("aria-controls", "menu-site")
    expect(nav).to_be_hidden()
    expect(header_search(page)).to_be_hidden()
    # The first line holds the wordmark and the button, nothing else.
    brand, toggle = page.locator(".brand").bounding_box(), button.bounding_box()
    assert brand["y"] < toggle["y"] + toggle["height"] / 2 < brand["y"] + brand["height"]
    assert toggle["height"] >= 44

    tab_to(page, button)
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    links = nav.get_by_role("link")
    assert links.count() >= 5
    for index in range(links.count()):
        expect(links.nth(index)).to_be_visible()
        assert links.nth(index).bounding_box()["height"] >= 44
    expect(header_search(page)).to_be_visible()
    expect(nav_links(page, "Espace membre").first).to_be_visible()
    page.keyboard.press("Tab")  # into the menu: the search box comes next
    expect(header_search(page)).to_be_focused()

    page.keyboard.press("Escape")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_be_focused()
    expect(nav).to_be_hidden()

    page.keyboard.press(" ")
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(links.first).to_be_visible()
    page.keyboard.press(" ")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(nav).to_be_hidden()


def test_without_javascript_the_phone_header_shows_everything(browser, live_url):
    context = browser.new_context(base_url=live_url, viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto("/")
    expect(page.get_by_role("button", name="Menu", exact=True)).to_be_hidden()
    expect(header_search(page)).to_be_visible()
    expect(nav_links(page).first).to_be_visible()
    expect(nav_links(page, "Espace membre").first).to_be_visible()
    context.close()


def test_on_a_wide_screen_the_header_shows_everything_without_a_button(page):
    page.goto("/")
    expect(page.get_by_role("button", name="Menu", exact=True)).to_be_hidden()
    expect(header_search(page)).to_be_visible()
    expect(nav_links(page).first).to_be_visible()


def test_the_first_search_result_is_in_the_first_screen_of_a_phone(page):
    page.set_viewport_size(PHONE)
    page.goto(SEARCH)
    assert page.evaluate("window.scrollY") == 0
    expect(page.get_by_role("search")).to_have_count(1)  # one search box
    filters = page.locator("details.facets__panel")
    expect(filters).not_to_have_attribute("open", "")
    title = page.locator("ol.results a.result__title").first
    expect(title).to_be_visible()
    box = title.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], box
    page.get_by_text("Filtrer les résultats").click()
    expect(page.locator(".facets").get_by_role("link").first).to_be_visible()


def test_the_filters_stand_open_beside_the_results_on_a_wide_screen(page):
    page.goto(SEARCH)
    expect(page.locator("details.facets__panel")).to_have_attribute("open", "")


def landmark_problems(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        """() => axe.run(document, {runOnly: {type: 'rule',
            values: ['landmark-unique', 'region', 'aria-allowed-attr', 'aria-valid-attr-value']}})
            .then(results => results.violations)"""
    )
    return [f"{item['id']}: {[node['target'] for node in item['nodes']]}" for item in found]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["téléphone", "ordinateur"])
def test_landmarks_have_unique_names(browser, live_url, viewport):
    context = browser.new_context(base_url=live_url, viewport=viewport, bypass_csp=True)
    page = context.new_page()
    problems = {}
    urls = ["/", SEARCH, "/recherche/suggestions/?q=char", "/compte/login/"]
    for url in urls:
        page.goto(url)
        if found := landmark_problems(page):
            problems[url] = found
    log_in(page, "membre", next_url="/compte/profil/")
    for url in ("/compte/profil/", SEARCH, "/membres/"):
        page.goto(url)
        if found := landmark_problems(page):
            problems[f"{url} (membre)"] = found
    context.close()
    assert not problems, problems
