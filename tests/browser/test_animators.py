"""The animators' journeys, in the browser: an invitation to someone without an account, who
signs up, verifies the address (the e-mails read from what the portal prints) and joins; a
request to join refused, the requester told; a report told to the space's moderator (named on
the members page), the post hidden and its author told. Every page on the way is axe-clean."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import PASSWORD, SERVER_LOG, log_in
from .test_quality import invalid_html, violations

INVITED = "nouvelle.dgs@example.org"


@pytest.fixture
def tab(browser, live_url):
    """A tab that lets axe in (the portal's CSP refuses injected scripts)."""
    context = browser.new_context(
        base_url=live_url, locale="fr-FR", viewport={"width": 1280, "height": 800}, bypass_csp=True
    )
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def clean(page) -> None:
    assert violations(page) == [], page.url


def printed() -> str:
    return SERVER_LOG["path"].read_text(errors="replace")


def last_link(pattern: str, since: int) -> str:
    """The last address matching `pattern` in the e-mails printed since `since` characters."""
    found = re.findall(pattern, printed()[since:])
    assert found, pattern
    return found[-1]


def log_out(page) -> None:
    page.context.clear_cookies()


def test_an_invitation_to_someone_without_an_account_ends_in_the_space(tab):
    page = tab
    log_in(page, "admin", next_url="/espaces/codir-pays-des-achards/membres/")
    page.goto("/espaces/codir-pays-des-achards/membres/")
    expect(page.get_by_role("heading", name="Membres de l'espace")).to_be_visible()
    clean(page)
    since = len(printed())
    page.get_by_label("Adresse e-mail de la personne à inviter").fill(INVITED)
    page.get_by_role("button", name="Envoyer l'invitation").click()
    expect(page.get_by_text(f"Invitation envoyée à {INVITED}")).to_be_visible()
    expect(page.locator(".member-list__name", has_text=INVITED)).to_be_visible()
    link = last_link(r"https?://[^/\s]+(/espaces/invitations/[A-Za-z0-9_-]+/)", since)

    log_out(page)
    page.goto(link)
    expect(
        page.get_by_role("heading", name="Invitation à rejoindre « CoDir du Pays des Achards »")
    ).to_be_visible()
    clean(page)
    page.get_by_role("link", name="Créer mon compte").click()
    since = len(printed())
    page.fill("input[name=email]", INVITED)
    page.fill("input[name=first_name]", "Nora")
    page.fill("input[name=last_name]", "Invitée")
    page.fill("input[name=password1]", PASSWORD + "-nora")
    page.fill("input[name=password2]", PASSWORD + "-nora")
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()
    confirm = last_link(r"https?://[^/\s]+(/compte/confirm-email/[^/\s]+/)", since)
    page.goto(confirm)
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()

    page.goto("/compte/login/")
    page.fill("input[name=login]", INVITED)
    page.fill("input[name=password]", PASSWORD + "-nora")
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()
    page.goto("/espaces/invitations/")
    expect(page.get_by_role("link", name="CoDir du Pays des Achards")).to_be_visible()
    clean(page)
    page.goto(link)
    page.get_by_role("button", name="Rejoindre l'espace").click()
    expect(
        page.get_by_text("Bienvenue : vous êtes membre de « CoDir du Pays des Achards »")
    ).to_be_visible()
    expect(page.get_by_role("heading", name="Sujets")).to_be_visible()  # the private topics

    page.goto(link)  # single use
    expect(page.get_by_text("Cette invitation a déjà reçu une réponse.")).to_be_visible()
    clean(page)


def test_a_refused_request_is_told_to_the_requester(tab):
    page = tab
    log_in(page, "relecteur", next_url="/espaces/codir-pays-des-achards/")
    page.goto("/espaces/codir-pays-des-achards/")
    page.get_by_role("button", name="Demander à rejoindre").click()
    expect(page.get_by_text("Votre demande est envoyée aux modérateurs")).to_be_visible()

    log_out(page)
    log_in(page, "admin", next_url="/espaces/moderation/")
    page.goto("/espaces/moderation/")
    request = page.locator("li.card", has_text="Rémi Relecteur demande à rejoindre")
    request.get_by_label("Message au demandeur (facultatif)").fill(
        "Ce collectif réunit les directions des communes du Pays des Achards."
    )
    request.get_by_role("button", name="Refuser").click()
    expect(page.get_by_text("Demande refusée : le membre en est informé.")).to_be_visible()

    log_out(page)
    log_in(page, "relecteur", next_url="/espaces/notifications/")
    page.goto("/espaces/notifications/")
    expect(page.get_by_text("n'est pas acceptée")).to_be_visible()
    expect(page.get_by_text("réunit les directions des communes")).to_be_visible()
    clean(page)


def test_a_report_reaches_the_moderator_who_hides_the_post_and_its_author_is_told(tab):
    page = tab
    # Staff name a moderator on the members page of a space: add them, then promote them.
    log_in(page, "admin", next_url="/espaces/enfance-jeunesse/membres/")
    page.goto("/espaces/enfance-jeunesse/membres/")
    page.get_by_role("link", name="Ajouter une personne inscrite sur Bloc local").click()
    page.get_by_label("Son nom, ou son adresse e-mail exacte").fill("redactrice@bloc-local.example")
    page.get_by_role("button", name="Trouver").click()
    clean(page)
    page.get_by_role("button", name="Ajouter : Rita Rédactrice").click()
    expect(page.get_by_text("Rita Rédactrice est membre de l'espace")).to_be_visible()
    page.get_by_role("button", name="Nommer modérateur : Rita Rédactrice").click()
    expect(
        page.get_by_text("Rita Rédactrice est désormais modérateur de l'espace.")
    ).to_be_visible()
    clean(page)

    # The author: the demo member opens a topic there.
    log_out(page)
    log_in(page, "membre", next_url="/espaces/enfance-jeunesse/nouveau-sujet/")
    page.goto("/espaces/enfance-jeunesse/nouveau-sujet/")
    page.get_by_label("Titre du sujet").fill("Un accueil de loisirs partagé entre deux communes")
    page.get_by_label("Votre message").fill(
        "Voici le numéro personnel de notre élu : 06 00 00 00 00."
    )
    page.locator("main button[type=submit]").click()
    topic = page.url

    # The reporter.
    log_out(page)
    log_in(page, "relecteur", next_url=topic)
    page.goto(topic)
    page.locator("li.post").first.get_by_role("link", name="Signaler").click()
    page.get_by_label("Motif").fill("Un numéro de téléphone personnel est publié.")
    page.get_by_role("button", name="Envoyer le signalement").click()
    expect(page.get_by_text("les modérateurs vont examiner ce message")).to_be_visible()

    # The moderator is told, and hides the post.
    log_out(page)
    log_in(page, "redactrice", next_url="/espaces/notifications/")
    page.goto("/espaces/notifications/")
    expect(page.get_by_text("Un numéro de téléphone personnel est publié.")).to_be_visible()
    page.goto("/espaces/moderation/")
    page.locator("li.card", has_text="Un accueil de loisirs partagé").get_by_role(
        "link", name="Masquer le message"
    ).click()
    page.get_by_label("Motif").fill("Coordonnées personnelles retirées.")
    page.get_by_role("button", name="Masquer").click()
    expect(page.get_by_text("Le message est masqué")).to_be_visible()

    # The author is told why.
    log_out(page)
    log_in(page, "membre", next_url="/espaces/notifications/")
    page.goto("/espaces/notifications/")
    expect(page.get_by_text("Coordonnées personnelles retirées.")).to_be_visible()
    clean(page)


@pytest.mark.parametrize("width", [375, 1280])
def test_the_members_page_at_a_phone_and_a_desktop_width(tab, width):
    page = tab
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, "admin", next_url="/espaces/reseau-dgs-sg/membres/")
    page.goto("/espaces/reseau-dgs-sg/membres/")
    expect(page.get_by_role("heading", name="Membres de l'espace")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=f"test-results/members-{width}.png", full_page=True)
    clean(page)


def test_the_animators_pages_are_valid_html(tab):
    page = tab
    log_in(page, "admin", next_url="/espaces/reseau-dgs-sg/membres/")
    page.goto("/espaces/reseau-dgs-sg/membres/")
    since = len(printed())
    page.get_by_label("Adresse e-mail de la personne à inviter").fill("valide@example.org")
    page.get_by_role("button", name="Envoyer l'invitation").click()
    expect(page.get_by_text("Invitation envoyée à valide@example.org")).to_be_visible()
    link = last_link(r"https?://[^/\s]+(/espaces/invitations/[A-Za-z0-9_-]+/)", since)
    remove = page.get_by_role("link", name="Retirer de l'espace").last.get_attribute("href")
    urls = [
        "/espaces/reseau-dgs-sg/membres/",
        "/espaces/reseau-dgs-sg/membres/?q=Claire",
        "/espaces/reseau-dgs-sg/membres/ajouter/?personne=Rita",
        remove,
        "/espaces/invitations/",
        "/espaces/invitations/inconnue/",
        link,
    ]
    assert not invalid_html({url: page.context.request.get(url).text() for url in urls})
    page.goto(link)  # as staff, who did not verify this address: not theirs
    expect(page.get_by_text("n'est pas une adresse vérifiée de votre compte")).to_be_visible()
    clean(page)
