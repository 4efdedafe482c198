"""Every page type: no accessibility violation of any impact (axe-core, desktop and phone
widths), valid HTML (the Nu HTML Checker), and a screenshot at both widths kept as a test
artefact (test-results/pages/, not committed)."""

import json
import subprocess
import tempfile
from pathlib import Path

import pytest
from django.utils.text import slugify

from portal.demo import content
from tests.browser.conftest import RESULTS, ROOT, log_in

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
WIDTHS = {"ordinateur": (1280, 800), "téléphone": (375, 740)}
SCREENSHOTS = RESULTS / "pages"
PAGES = {
    "accueil": "/",
    "page libre": "/accessibilite/",
    "liste des expériences": "/experiences/",
    "fiche expérience": f"/experiences/{content.EXPERIENCES[0]['slug']}/",
    "liste des vidéos": "/videos/",
    "vidéo": f"/videos/{content.VIDEOS[0]['slug']}/",
    "boîte à outils": "/boite-a-outils/",
    "outil": f"/boite-a-outils/{content.TOOLS[0]['slug']}/",
    "chemin": "/chemin/",
    "étape": f"/chemin/{content.STEPS[0]['slug']}/",
    "séminaires": "/seminaires/",
    "édition": "/seminaires/2019/",
    "agenda": "/agenda/",
    "événement à venir": f"/agenda/{content.EVENTS[2]['slug']}/",
    "événement passé": f"/agenda/{content.EVENTS[0]['slug']}/",
    "résultats de recherche": "/recherche/?q=charte",
    "recherche sans résultat": "/recherche/?q=xylophone",
    "recherche filtrée": "/recherche/?q=territoire&type=fiches&etape=0",
    "suggestions sans JavaScript": "/recherche/suggestions/?q=char",
    "page introuvable": "/nulle-part/",
    "espaces d'échange": "/espaces/",
    "espace": "/espaces/reseau-dgs-sg/",
    "espace privé (non-membre)": "/espaces/codir-pays-des-achards/",
    "connexion": "/compte/login/",
    "inscription": "/compte/signup/",
    "mot de passe oublié": "/compte/password/reset/",
    "se situer": "/se-situer/",
}
MEMBER_PAGES = {
    "sujet": None,  # the first topic of the Réseau DGS-SG, found at run time
    "nouveau sujet": "/espaces/reseau-dgs-sg/nouveau-sujet/",
    "notifications": "/espaces/notifications/",
    "préférences de notification": "/espaces/notifications/preferences/",
    "mon profil": "/compte/profil/",
    "annuaire": "/membres/",
    "mes inscriptions": "/evenements/mes-inscriptions/",
    "données personnelles": "/compte/donnees/",
    "adresse e-mail": "/compte/email/",
    "double authentification": "/compte/2fa/",
    "suppression du compte": "/compte/supprimer/",
    "se situer : questionnaire": "/se-situer/repondre/",
    "administration réservée à l'équipe": "/admin/",
}


@pytest.fixture(scope="module")
def member_pages(browser, live_url):
    context = browser.new_context(base_url=live_url, bypass_csp=True)
    page = context.new_page()
    log_in(page, "membre", next_url="/espaces/")
    page.goto("/espaces/reseau-dgs-sg/")
    urls = dict(MEMBER_PAGES, sujet=page.locator("ul.topics a").first.get_attribute("href"))
    yield context, urls
    context.close()


def violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        """() => axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
            .then(results => results.violations)"""
    )
    return [
        f"{item['impact']}: {item['id']} – {item['help']} (e.g. {item['nodes'][0]['target']})"
        for item in found
    ]


@pytest.mark.parametrize("width", WIDTHS)
def test_no_accessibility_violation_on_any_page_type(browser, live_url, member_pages, width):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    problems = {}
    anonymous = browser.new_context(base_url=live_url, bypass_csp=True)
    member_context, member_urls = member_pages
    for context, urls in ((anonymous, PAGES), (member_context, member_urls)):
        page = context.new_page()
        page.set_viewport_size(dict(zip(("width", "height"), WIDTHS[width], strict=True)))
        for name, url in urls.items():
            page.goto(url)
            shot = SCREENSHOTS / f"{WIDTHS[width][0]}-{slugify(name)}.png"
            page.screenshot(path=shot, full_page=True)
            broken = page.evaluate(
                "() => [...document.images].filter(i => i.complete && !i.naturalWidth)"
                ".map(i => i.src)"
            )
            if found := violations(page) + [f"image absente : {src}" for src in broken]:
                problems[name] = found
        page.close()
    anonymous.close()
    assert not problems, json.dumps(problems, ensure_ascii=False, indent=2)


def test_every_page_type_is_valid_html(browser, live_url, member_pages):
    anonymous = browser.new_context(base_url=live_url)
    member_context, member_urls = member_pages
    pages = {
        name: context.request.get(url).text()
        for context, urls in ((anonymous, PAGES), (member_context, member_urls))
        for name, url in urls.items()
    }
    anonymous.close()
    errors = invalid_html(pages)
    assert not errors, "\n".join(errors)


def invalid_html(pages: dict[str, str]) -> list[str]:
    """The Nu HTML Checker's errors in `pages` (name -> HTML), each named by its page."""
    folder = Path(tempfile.mkdtemp(prefix="blocal-vnu-"))
    files = {}
    for name, html in pages.items():
        path = folder / f"{len(files):02d}.html"
        path.write_text(html, encoding="utf-8")
        files[str(path)] = name
    result = subprocess.run(  # noqa: S603 - our own checker on our own files
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *files],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr or "{}").get("messages", [])
    return [
        f"{files.get(message['url'].removeprefix('file:'))}: {message['message']}"
        for message in messages
        if message.get("type") == "error"
    ]


# What a page may weigh before its pictures (the media: images, posters): the document, its
# style sheet, font and scripts.
MAX_WEIGHT = 100 * 1024
WEIGHT = """() => [performance.getEntriesByType('navigation')[0],
                  ...performance.getEntriesByType('resource')
                     .filter(entry => !new URL(entry.name).pathname.startsWith('/media/'))]
            .reduce((sum, entry) => sum + entry.decodedBodySize, 0)"""


def listen(page) -> list[str]:
    """The errors the tab meets from now on: console errors, script errors, and the requests of
    what the page loads that fail or answer an error (its document's own status aside: a page
    that must answer 404 or 403 does)."""
    found = []

    def console(message):
        # A failed request is said by the console too: the request's own listener tells it.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            found.append(message.text)

    def finished(request):
        response = request.response()
        if request.resource_type != "document" and response and response.status >= 400:
            found.append(f"{response.status} {request.url}")

    page.on("console", console)
    page.on("pageerror", lambda error: found.append(str(error)))
    page.on("requestfinished", finished)
    # A request the tab cancelled (a lazy picture still loading when the next page opens) is
    # not a failure of the site's.
    page.on(
        "requestfailed",
        lambda request: (
            request.failure == "net::ERR_ABORTED"
            or found.append(f"{request.failure} {request.url}")
        ),
    )
    return found


def test_every_page_type_is_light_and_loads_without_an_error(browser, live_url):
    """With the site's own Content Security Policy: no console error, no failed request, no
    script error, and at most 100 KiB before images (the judge's Lighthouse and weight)."""
    problems = {}
    anonymous = browser.new_context(base_url=live_url)
    member = browser.new_context(base_url=live_url)
    tab = member.new_page()
    log_in(tab, "membre", next_url="/espaces/reseau-dgs-sg/")
    urls = dict(MEMBER_PAGES, sujet=tab.locator("ul.topics a").first.get_attribute("href"))
    tab.close()
    for context, pages in ((anonymous, PAGES), (member, urls)):
        page = context.new_page()
        found = listen(page)
        for name, url in pages.items():
            found.clear()
            page.goto(url)
            page.wait_for_load_state("networkidle")
            weight = page.evaluate(WEIGHT)
            errors = list(found)
            if weight > MAX_WEIGHT:
                errors.append(f"{weight / 1024:.0f} Kio avant les images")
            if errors:
                problems[name] = errors
        page.close()
    anonymous.close()
    member.close()
    assert not problems, json.dumps(problems, ensure_ascii=False, indent=2)
