"""Community life in a real browser: a member's unread posts in the topic lists and on the home
page, the way to the first of them, the accepted answer under the question; every page of it
clean for axe and the Nu HTML Checker, and kept as screenshots at a phone's and a desktop's
width (test-results/community/)."""

import json
import re

from playwright.sync_api import expect

from tests.browser.conftest import RESULTS, log_in
from tests.browser.test_quality import WIDTHS, invalid_html, violations

SHOTS = RESULTS / "community"
SPACE = "/espaces/reseau-dgs-sg/"


def checked(page, name: str, problems: dict, pages: dict) -> None:
    """axe at both widths, with a screenshot of each; the HTML kept for the checker."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width, height in WIDTHS.values():
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=SHOTS / f"{width}-{name}.png", full_page=True)
        if found := violations(page):
            problems[f"{name} ({width})"] = found
    pages[name] = page.context.request.get(page.url.split("#")[0]).text()


def test_a_member_is_led_to_what_is_new_and_accepts_an_answer(browser, live_url):
    problems, pages = {}, {}
    # axe is added to each page as a script: the site's policy would refuse it.
    context = browser.new_context(base_url=live_url, locale="fr-FR", bypass_csp=True)
    context.set_default_timeout(15_000)
    page = context.new_page()
    log_in(page, "membre", next_url=SPACE)
    page.goto(SPACE + "nouveau-sujet/")
    page.get_by_label("Titre").fill("Une charte pour notre CoDir")
    page.get_by_label("Votre message").fill("Qui a déjà écrit une charte de fonctionnement ?")
    page.get_by_role("button", name=re.compile("Publier")).click()
    expect(page.locator("h1")).to_have_text("Une charte pour notre CoDir")
    topic_url = page.url.split("#")[0]

    other = browser.new_context(base_url=live_url, locale="fr-FR")
    helper = other.new_page()
    log_in(helper, "relecteur", next_url=SPACE)
    helper.goto(topic_url)
    helper.get_by_label("Votre message").fill(
        "Erdre et Gesvres a écrit la sienne en trois séances."
    )
    helper.get_by_role("button", name="Publier ma réponse").click()
    expect(helper.get_by_text("Votre réponse est publiée.")).to_be_visible()
    other.close()

    page.goto(SPACE)
    row = page.locator("li.topic-row", has_text="Une charte pour notre CoDir")
    expect(row.get_by_text("1 non lu", exact=True)).to_be_visible()
    checked(page, "espace-non-lus", problems, pages)

    page.goto("/")
    discussions = page.locator("section.home-discussions")
    expect(discussions.get_by_role("heading", name="Dernières discussions")).to_be_visible()
    expect(discussions.get_by_text("1 non lu", exact=True).first).to_be_visible()
    checked(page, "accueil-membre", problems, pages)

    discussions.get_by_role("link", name=re.compile("premier message non lu")).first.click()
    expect(page).to_have_url(re.compile(r"\?page=1#message-\d+$"))
    answer = page.locator("li.post", has_text="en trois séances")
    answer.get_by_role("button", name="Accepter cette réponse").click()
    expect(page.get_by_text("Réponse acceptée.")).to_be_visible()
    box = page.locator("aside.accepted-answer")
    expect(box).to_contain_text("en trois séances")
    checked(page, "sujet-reponse-acceptee", problems, pages)

    page.goto(SPACE)
    expect(
        page.locator("li.topic-row", has_text="Une charte pour notre CoDir")
    ).not_to_contain_text("non lu")

    page.context.clear_cookies()
    page.goto("/")
    expect(page.locator("section.home-discussions")).to_contain_text("Une charte pour notre CoDir")
    expect(page.locator("section.home-discussions")).not_to_contain_text("non lu")
    checked(page, "accueil-anonyme", problems, pages)

    context.close()
    assert not problems, json.dumps(problems, ensure_ascii=False, indent=2)
    errors = invalid_html(pages)
    assert not errors, "\n".join(errors)
