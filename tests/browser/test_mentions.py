"""Mentioning a member with the `@` completion, by keyboard only: the proposals are a listbox
the textarea points into, the picked handle is inserted, and the post links the mention to the
member's profile; axe finds nothing, the console stays clean. Screenshots of the post and of
the profile at phone and desktop widths are kept in test-results/people/."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import RESULTS, log_in
from tests.browser.test_quality import AXE


def violations(page) -> list[str]:
    """axe's WCAG 2.1 AA violations, with the site's CSP on (axe served from its origin)."""
    page.route("**/__axe__.js", lambda route: route.fulfill(path=str(AXE)))
    page.add_script_tag(url="/__axe__.js")
    found = page.evaluate(
        """() => axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
            .then(results => results.violations)"""
    )
    return [f"{item['id']} – {item['help']} ({item['nodes'][0]['target']})" for item in found]


WIDTHS = [(375, 740), (1280, 800)]


def test_member_mentions_a_colleague_with_the_keyboard(page):
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    log_in(page, "admin", next_url="/espaces/reseau-dgs-sg/")
    page.goto("/espaces/reseau-dgs-sg/")
    page.locator("ul.topics a").first.click()
    topic_url = page.url
    body = page.get_by_label("Votre message")
    body.click()
    body.press_sequentially("Votre avis @marie-m", delay=40)
    option = page.get_by_role("option", name=re.compile("Marie Membre"))
    expect(option).to_be_visible()
    expect(page.get_by_text(re.compile(r"membres? proposés?"))).to_be_attached()
    assert not (found := violations(page)), found
    body.press("ArrowDown")
    expect(option).to_have_attribute("aria-selected", "true")
    (RESULTS / "people").mkdir(parents=True, exist_ok=True)
    body.screenshot(path=RESULTS / "people" / "1280-propositions.png")
    page.locator(".mentions").screenshot(path=RESULTS / "people" / "1280-propositions-liste.png")
    expect(body).to_have_attribute("aria-activedescendant", option.get_attribute("id"))
    body.press("Enter")
    expect(page.get_by_role("listbox")).to_be_hidden()
    body.press_sequentially("sur la charte ?")
    expect(body).to_have_value("Votre avis @marie-membre sur la charte ?")
    page.get_by_role("button", name="Publier ma réponse").click()
    expect(page.get_by_text("Votre réponse est publiée.")).to_be_visible()
    mention = page.locator(".post__body a", has_text="@marie-membre").last
    expect(mention).to_have_attribute("href", re.compile(r"^/membres/\d+/$"))
    assert not (found := violations(page)), found
    profile_url = mention.get_attribute("href")
    post_url = page.url

    # Escape closes the proposals and leaves what was typed.
    page.goto(topic_url)
    body = page.get_by_label("Votre message")
    body.click()
    body.press_sequentially("@marie", delay=40)
    expect(page.get_by_role("option").first).to_be_visible()
    body.press("Escape")
    expect(page.get_by_role("listbox")).to_be_hidden()
    expect(body).to_have_value("@marie")

    folder = RESULTS / "people"
    folder.mkdir(parents=True, exist_ok=True)
    for width, height in WIDTHS:
        page.set_viewport_size({"width": width, "height": height})
        page.goto(post_url)
        page.locator(".post__body a", has_text="@marie-membre").last.scroll_into_view_if_needed()
        page.screenshot(path=folder / f"{width}-message-avec-mention.png")
        page.goto(profile_url)
        expect(page.get_by_text("@marie-membre").first).to_be_visible()
        assert not (found := violations(page)), found
        page.screenshot(path=folder / f"{width}-profil.png", full_page=True)
    assert not errors, errors
