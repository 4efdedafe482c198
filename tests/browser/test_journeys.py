"""Journeys of real visitors, in a real browser."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import log_in


def test_visitor_reads_a_sheet_follows_a_step_and_searches(page):
    page.goto("/")
    page.get_by_role("link", name=re.compile("Acter la légitimité du collectif DG")).first.click()
    expect(page.locator("h1")).to_have_text(re.compile("Acter la légitimité"))
    expect(page.get_by_text("Erdre et Gesvres").first).to_be_visible()

    step_links = page.locator(".resource__side .tags a")
    step_title = step_links.first.inner_text()
    step_links.first.click()
    expect(page.locator("h1")).to_have_text(step_title)
    expect(page.get_by_role("link", name=re.compile("Acter la légitimité"))).to_be_visible()

    box = page.get_by_role("combobox", name="Rechercher sur le portail")
    box.press_sequentially("chart")  # suggestions while typing fill the box's list
    suggestion = page.locator("#suggestions-entete option[value^='Charte de fonctionnement']")
    expect(suggestion).to_have_count(1)
    box.fill("charte de fonctionnement")
    box.press("Enter")
    expect(page.locator("ol.results")).to_be_visible()
    first = page.locator("ol.results a.result__title").first
    title = first.inner_text()
    first.click()
    expect(page.locator("h1")).to_have_text(title)


def test_member_replies_in_a_space(page):
    log_in(page, "membre", next_url="/espaces/reseau-dgs-sg/")
    page.goto("/espaces/reseau-dgs-sg/")
    page.locator("ul.topics a").first.click()
    page.get_by_label("Votre message").fill(
        "Chez nous, la charte tient sur une page : elle suffit pour démarrer."
    )
    page.get_by_role("button", name="Publier ma réponse").click()
    expect(page.get_by_text("Votre réponse est publiée.")).to_be_visible()
    expect(page.get_by_text("la charte tient sur une page")).to_be_visible()


def test_keyboard_skip_link_focus_and_reachability(page):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    expect(skip).to_have_text("Aller au contenu")
    box = skip.bounding_box()
    assert box and box["y"] >= 0, "the skip link must be visible when focused"
    outline = skip.evaluate("element => getComputedStyle(element).outlineStyle")
    assert outline != "none", "focus must be visible"
    page.keyboard.press("Enter")
    expect(page.locator(":focus")).to_have_id("contenu")

    page.goto("/")
    # Each element shown numbered: the same link twice (a topic both latest and unanswered)
    # is two; the phone's menu button, not shown on a wide screen, is none.
    expected = page.evaluate(
        """() => [...document.querySelectorAll(
            "a[href], button, input:not([type=hidden]), select, textarea"
        )].filter((element) => element.checkVisibility())
          .map((element, number) => { element.dataset.reachable = number; }).length"""
    )
    reached = set()
    for _ in range(expected + 5):
        page.keyboard.press("Tab")
        reached.add(page.evaluate("document.activeElement.dataset.reachable"))
    reached.discard(None)
    missing = page.evaluate(
        "seen => [...document.querySelectorAll('[data-reachable]')]"
        ".filter(e => !seen.includes(e.dataset.reachable)).map(e => e.outerHTML.slice(0, 200))",
        sorted(reached),
    )
    assert len(reached) >= expected, (
        f"{expected - len(reached)} interactive elements not reached by Tab: {missing}"
    )


def test_editor_writes_a_sheet_reviewer_publishes_it_and_search_finds_it(page):
    title = "Un collectif de directions en Pays de Retz"
    log_in(page, "redactrice")
    page.goto("/admin/pages/search/?q=Expériences")
    href = page.get_by_role("link", name="Expériences", exact=True).first.get_attribute("href")
    index_id = re.search(r"/pages/(\d+)/", href).group(1)
    page.goto(f"/admin/pages/add/experiences/experiencesheetpage/{index_id}/")
    page.fill("#id_title", title)
    page.fill("#id_summary", "Les DGS du Pays de Retz se réunissent chaque mois.")
    page.get_by_role("button", name="Choisir territoire").click()
    page.locator(".modal").get_by_role("link", name="Pays de Mortagne").click()
    expect(page.locator(".modal")).to_be_hidden()
    page.fill("#id_challenge", "Faire vivre un collectif de directions.")
    productions = page.locator(
        "#panel-child-contenu-child-productions-wrapper [contenteditable=true]"
    )
    productions.click()
    page.keyboard.type("Une charte de fonctionnement.")
    expect(page.locator("#id_productions")).to_have_value(re.compile("Une charte"))
    page.get_by_role("button", name="Plus d'actions").click()
    page.get_by_role("button", name="Soumettre à Relecture").click()
    expect(page.get_by_text("soumise pour modération")).to_be_visible()

    page.context.clear_cookies()
    log_in(page, "relecteur")
    page.get_by_role("link", name=title).first.click()
    page.get_by_role("button", name="Plus d'actions").click()
    page.get_by_role("button", name="Approuver et Publier").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))  # back to the explorer once approved

    page.context.clear_cookies()
    page.goto("/recherche/?q=Pays+de+Retz")
    expect(page.locator("ol.results a.result__title").first).to_have_text(title)


def test_member_reports_a_post_and_a_moderator_hides_it(page):
    log_in(page, "membre", next_url="/espaces/reseau-dgs-sg/")
    page.goto("/espaces/reseau-dgs-sg/")
    page.locator("ul.topics a").last.click()
    topic_url = page.url
    post = page.locator("li.post").first
    post_text = post.locator(".post__body").inner_text().strip()[:40]
    post.get_by_role("link", name="Signaler").click()
    page.get_by_label("Motif").fill("Ce message contient des informations personnelles.")
    page.get_by_role("button", name="Envoyer le signalement").click()
    expect(page.get_by_text("les modérateurs vont examiner ce message")).to_be_visible()

    page.context.clear_cookies()
    log_in(page, "admin", next_url="/espaces/moderation/")
    page.goto("/espaces/moderation/")
    expect(page.get_by_text("informations personnelles")).to_be_visible()
    page.get_by_role("link", name="Masquer le message").first.click()
    page.get_by_label("Motif").fill("Données personnelles retirées.")
    page.get_by_role("button", name="Masquer").click()
    expect(page.get_by_text("Le message est masqué")).to_be_visible()

    page.context.clear_cookies()
    page.goto(topic_url)
    expect(page.get_by_text(post_text)).to_have_count(0)


def test_member_fills_her_profile_and_finds_herself_in_the_directory(page):
    log_in(page, "membre", next_url="/compte/profil/")
    page.goto("/compte/profil/")
    page.get_by_label("Organisation").fill("Mairie de Sainte-Flaive-des-Loups")
    page.get_by_label("Apparaître dans l'annuaire").check()
    page.get_by_role("button", name="Enregistrer mon profil").click()
    expect(page.get_by_text("Votre profil est enregistré.")).to_be_visible()
    page.goto("/membres/?q=Flaive")
    page.get_by_role("link", name="Marie Membre").click()
    expect(page.locator("h1")).to_have_text("Marie Membre")
    expect(page.get_by_text("Mairie de Sainte-Flaive-des-Loups")).to_be_visible()
