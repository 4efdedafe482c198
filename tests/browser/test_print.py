"""A sheet or a tool printed for a meeting: its text, facts and downloads, none of the site's
navigation, forms or discussions; a PDF of each is kept in test-results/ for a look."""

import pytest

from portal.demo import content
from tests.browser.conftest import RESULTS

PAGES = {
    "fiche": f"/experiences/{content.EXPERIENCES[0]['slug']}/",
    "outil": f"/boite-a-outils/{content.TOOLS[0]['slug']}/",
}
HIDDEN = [".main-nav", ".site-header form", ".resource__talk", ".site-footer", ".toc"]
SHOWN = ["h1", ".resource__body", ".brand"]


@pytest.mark.parametrize("name", PAGES)
def test_a_printed_resource_keeps_its_text_and_leaves_the_site_out(page, name):
    page.goto(PAGES[name])
    page.emulate_media(media="print")
    for selector in HIDDEN:
        assert not page.locator(selector).first.is_visible(), selector
    for selector in SHOWN:
        assert page.locator(selector).first.is_visible(), selector
    if name == "fiche":
        assert page.locator(".resource__aside .facts").is_visible()
    RESULTS.mkdir(exist_ok=True)
    page.pdf(path=RESULTS / f"impression-{name}.pdf", format="A4")
    assert (RESULTS / f"impression-{name}.pdf").stat().st_size > 10_000
