"""A member situates their territory on the path with the keyboard alone: answers for their
collectif, sees where it stands and what helps next; every page of it accessible (axe-core)
and valid (the Nu HTML Checker), without an error; the result kept as screenshots at a phone's
and a desktop's widths (test-results/situate/)."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import RESULTS, log_in
from tests.browser.test_quality import invalid_html, listen, violations

SHOTS = RESULTS / "situate"


def choose(page, radio) -> None:
    """Checks a radio button as a keyboard does: focused, then Space."""
    radio.focus()
    page.keyboard.press("Space")
    expect(radio).to_be_checked()


def test_a_member_situates_their_territory_and_gets_recommendations(page, browser, live_url):
    errors = listen(page)
    log_in(page, "membre", next_url="/")
    page.goto("/")
    page.get_by_role("link", name=re.compile("Situer mon territoire")).focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("/se-situer/$"))
    page.get_by_role("link", name=re.compile("questionnaire")).focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Se situer : le questionnaire")

    choose(page, page.get_by_label("Pour le collectif de mon territoire"))
    steps = page.locator("section.questionnaire__step")
    assert steps.count() == 12
    # The first question by arrows, as a radio group is used: the first choice, then on.
    first = steps.nth(0).locator("fieldset").first
    first.get_by_label("Pas encore").focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    expect(first.get_by_label("Oui")).to_be_checked()
    for number in range(12):
        for question in steps.nth(number).locator("fieldset").all():
            choices = question.locator("input[type=radio]")
            choose(page, choices.last if number < 3 else choices.first)
    page.get_by_role("button", name="Voir où nous en sommes").focus()
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/se-situer/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Pays des Achards")
    summary = page.locator(".situate-summary")
    expect(summary).to_contain_text("3 sur 12")
    expect(summary).to_contain_text("Étape 4 : La parité")
    current = page.locator('.situate-path [aria-current="step"]')
    expect(current).to_contain_text("La parité")
    expect(current).to_contain_text("vous êtes ici")
    following = page.locator("section.situate-next")
    expect(following.first.get_by_role("heading", level=3)).to_contain_text("La parité")
    expect(following.first.locator(".card").first).to_be_visible()
    result = page.url

    page.get_by_role("link", name="Partager avec mon collectif").focus()
    page.keyboard.press("Enter")
    choose(page, page.get_by_label(re.compile("CoDir")))
    page.get_by_role("button", name="Enregistrer").focus()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_contain_text("est partagé avec les membres de l'espace")
    page.goto("/se-situer/")
    expect(page.locator("table.history")).to_contain_text("3 sur 12")
    assert not errors

    # Audited in a tab of the same member where axe-core may run (the site's CSP forbids it).
    audit = browser.new_context(
        base_url=live_url, bypass_csp=True, storage_state=page.context.storage_state()
    )
    tab = audit.new_page()
    urls = ["/se-situer/", "/se-situer/repondre/", result, result + "partager/"]
    SHOTS.mkdir(parents=True, exist_ok=True)
    problems = {}
    for width, height in ((375, 740), (1280, 800)):
        tab.set_viewport_size({"width": width, "height": height})
        for url in urls:
            tab.goto(url)
            if url == result:
                tab.screenshot(path=SHOTS / f"resultat-{width}.png", full_page=True)
            if found := violations(tab):
                problems[f"{width} {url}"] = found
    assert not problems, problems
    assert not invalid_html({url: tab.context.request.get(url).text() for url in urls})
    audit.close()
