"""Property-based tests (Hypothesis): arbitrary text and numbers in every GET parameter a view
reads and in every field of every form the site shows, as an anonymous visitor, a member and
a staff member: never a 5xx, and a refused form shows again what was typed.

The GET parameters come from `tests.fuzz.GET_PARAMETERS`, which the crawl below keeps
complete; the forms are read from the pages themselves, so a field added to a form is fuzzed
without a change here, and a new form page fails the crawl until it is listed in FORM_PAGES.
"""

import datetime
from collections import defaultdict
from contextlib import contextmanager

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import transaction
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.html import escape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts.services import profile_for
from experiences.models import ExperienceIndexPage
from forums import services
from forums.models import Membership, Post, Space
from resources.models import ResourceIndexPage, ToolBoxPage, VideoPage
from tests.factories import log_in_with_two_factor, two_factor
from tests.fuzz import (
    GET_PARAMETERS,
    VALUE,
    form_values,
    internal_links,
    path_of,
    post_forms,
    recording_get_parameters,
    typed,
)

pytestmark = pytest.mark.django_db

FIXTURES = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
# Left out of the crawl: the administrations (Wagtail's and Django's own views, bar our
# reports), downloads, and the log-out (it would end the crawl's session).
SKIPPED = ("/admin/", "/django-admin/", "/documents/", "/media/", "/compte/logout/")
SEEDS = [
    "/",
    "/recherche/?q=coop%C3%A9ration",
    "/recherche/?q=coop%C3%A9ration&type=fiches&page=2",
    "/recherche/?q=zzzzzz",
    "/recherche/suggestions/?q=coop",
    "/recherche/demander/?q=charte&espace=reseau-dgs-sg",
    "/espaces/",
    "/espaces/notifications/",
    "/espaces/notifications/preferences/",
    "/espaces/moderation/",
    "/membres/",
    "/compte/profil/",
    "/compte/donnees/",
    "/compte/supprimer/",
    "/compte/login/",
    "/compte/signup/",
    "/compte/password/reset/",
    "/compte/email/",
    "/compte/password/change/",
    "/compte/2fa/",
    "/admin/recherches/",
]
PAGES_PER_KIND = 2
MAX_PAGES = 160


@pytest.fixture
def member(django_user_model, settings):
    settings.FORUMS_MIN_SECONDS_BETWEEN_POSTS = 0
    settings.ACCOUNT_RATE_LIMITS = False
    user = django_user_model.objects.create_user(
        "fuzz.membre", "fuzz@example.org", "mot-de-passe-solide", first_name="Alix",
        last_name="Essai", date_joined=timezone.now() - datetime.timedelta(days=60),
    )  # fmt: skip
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    for slug in ("reseau-dgs-sg", "codir-pays-des-achards"):
        services.membership_add(space=Space.objects.get(slug=slug), user=user)
    return user


def log_in(client, user):
    """Staff as the administration wants them, with this session's two factors."""
    if user.is_staff:
        log_in_with_two_factor(client, user)
    else:
        client.force_login(user)


@pytest.fixture
def staff(django_user_model):
    user = django_user_model.objects.create_superuser(
        "fuzz.equipe", "equipe@example.org", "mot-de-passe-solide", first_name="Equipe"
    )
    return two_factor(user)


@pytest.fixture
def topic(member):
    return services.topic_create(
        space=Space.objects.get(slug="reseau-dgs-sg"), author=member,
        title="Sujet du fuzz", body="Premier message",
    )  # fmt: skip


def kind_of(path: str):
    """What the crawl visits a few of: a URL pattern, or a kind of Wagtail page."""
    try:
        match = resolve(path)
    except Resolver404:
        return None
    if match.view_name == "wagtail_serve":
        parts = [part for part in path.split("/") if part]
        return ("page", parts[0] if parts else "", len(parts))
    return (match.view_name, match.route)


def action_view(action: str, page_path: str):
    path = path_of(action) or page_path
    try:
        return resolve(path).view_name
    except Resolver404:
        return None


def crawl(client, seeds) -> dict[str, set]:
    """Visits the seeds and the links they lead to (a few of each kind); returns, per view a
    POST form goes to, the pages that show it."""
    seen_kinds: dict = defaultdict(int)
    queue, visited = list(seeds), set()
    forms: dict[str, set] = defaultdict(set)
    while queue and len(visited) < MAX_PAGES:
        url = queue.pop(0)
        path = path_of(url)
        if url in visited or path.startswith(SKIPPED) and not url.startswith("/admin/rech"):
            continue
        kind = kind_of(path)
        key = (kind, "?" in url)
        if kind is None or seen_kinds[key] >= PAGES_PER_KIND:
            continue
        seen_kinds[key] += 1
        visited.add(url)
        response = client.get(url)
        assert response.status_code < 500, url
        if response.get("Content-Type", "").startswith("text/html"):
            html = response.content.decode()
            queue += internal_links(html)
            for form in post_forms(html):
                forms[action_view(form["action"], path)].add(path)
    return forms


def test_the_table_lists_every_parameter_a_view_reads(client, member, staff, topic, monkeypatch):
    unlisted, forms = defaultdict(set), defaultdict(set)
    with recording_get_parameters(monkeypatch) as served:
        topic_url = topic.get_absolute_url()
        seeds = [*SEEDS, topic_url, f"{topic_url}?citer=1", "/espaces/reseau-dgs-sg/nouveau-sujet/"]
        for user in (None, member, staff):
            if user:
                log_in(client, user)
            for view, pages in crawl(client, seeds).items():
                forms[view] |= pages
            client.logout()
    views = set()
    for request, names in served:
        match = getattr(request, "resolver_match", None)
        if match is None:
            continue
        views.add(match.view_name)
        missing = names - GET_PARAMETERS.get(match.view_name, set())
        if missing:
            unlisted[match.view_name] |= missing
    assert not unlisted, f"GET parameters read but not in tests.fuzz.GET_PARAMETERS: {unlisted}"
    assert {"wagtail_serve", "search:search", "forums:topic", "accounts:directory"} <= views
    not_fuzzed = {view: pages for view, pages in forms.items() if view not in FORM_VIEWS}
    assert not not_fuzzed, f"forms shown but not in FORM_PAGES: {not_fuzzed}"


# The pages whose POST forms are fuzzed: who opens them, and the views their forms go to.
FORM_PAGES = {
    "sign-up": (None, lambda site: "/compte/signup/", {"account_signup"}),
    "log-in": (None, lambda site: "/compte/login/", {"account_login"}),
    "password reset": (None, lambda site: "/compte/password/reset/", {"account_reset_password"}),
    "log-out": ("member", lambda site: "/compte/logout/", {"account_logout"}),
    "profile": ("member", lambda site: "/compte/profil/", {"accounts:profile_edit"}),
    "e-mail": ("member", lambda site: "/compte/email/", {"account_email"}),
    "password": ("member", lambda site: "/compte/password/change/", {"account_change_password"}),
    "two-factor": (
        "member", lambda site: "/compte/2fa/totp/activate/",
        {"mfa_activate_totp", "account_reauthenticate"},
    ),
    "deletion": ("member", lambda site: "/compte/supprimer/", {"accounts:account_delete"}),
    "event registration": (
        "member", lambda site: "/agenda/atelier-se-situer-sur-le-chemin/", {"agenda:register"},
    ),
    "se situer": ("member", lambda site: "/se-situer/repondre/", {"situate:questionnaire"}),
    "notification preferences": (
        "member", lambda site: "/espaces/notifications/preferences/",
        {"forums:notification_settings"},
    ),
    "new topic": (
        "member", lambda site: "/espaces/reseau-dgs-sg/nouveau-sujet/?ressource=abc",
        {"forums:topic_create"},
    ),
    "topic (member)": (
        "member", lambda site: site["topic"].get_absolute_url(),
        {"forums:reply", "forums:topic_follow", "forums:post_react", "forums:topic_accept"},
    ),
    "join and follow": (
        "member", lambda site: site["other_space"].get_absolute_url(),
        {"forums:space_join", "forums:space_follow"},
    ),
    "edit": ("member", lambda site: f"/espaces/messages/{site['own_post'].pk}/modifier/",
             {"forums:post_edit"}),
    "delete": ("member", lambda site: f"/espaces/messages/{site['own_post'].pk}/supprimer/",
               {"forums:post_delete"}),
    "report": ("member", lambda site: f"/espaces/messages/{site['other_post'].pk}/signaler/",
               {"forums:post_report"}),
    "topic (staff)": (
        "staff", lambda site: site["topic"].get_absolute_url(),
        {"forums:topic_moderate", "forums:reply", "forums:topic_follow", "forums:post_react",
         "forums:post_restore", "forums:topic_accept"},
    ),
    "move": ("staff", lambda site: site["topic"].get_absolute_url() + "deplacer/",
             {"forums:topic_move"}),
    "hide": ("staff", lambda site: f"/espaces/messages/{site['other_post'].pk}/masquer/",
             {"forums:post_hide"}),
    "suspend": (
        "staff", lambda site: f"/espaces/reseau-dgs-sg/suspendre/{site['member'].pk}/",
        {"forums:member_suspend"},
    ),
    "moderation": ("staff", lambda site: "/espaces/moderation/", {"forums:moderation"}),
    "members": ("staff", lambda site: "/espaces/reseau-dgs-sg/membres/",
                {"forums:member_role", "forums:member_invite", "forums:invitation_revoke"}),
    "member add": (
        "staff",
        lambda site: "/espaces/reseau-dgs-sg/membres/ajouter/?personne=equipe@example.org",
        {"forums:member_add"},
    ),
    "member removal": (
        "staff",
        lambda site: "/espaces/reseau-dgs-sg/membres/"
        f"{Membership.objects.get(space__slug='reseau-dgs-sg', user=site['member']).pk}/retirer/",
        {"forums:member_remove"},
    ),
}  # fmt: skip
FORM_VIEWS = set().union(*(views for _role, _url, views in FORM_PAGES.values()))


@pytest.fixture
def site(member, staff, topic, settings):
    """A topic with a reply of another member, reported; a private space's join request."""
    settings.ACCOUNT_RATE_LIMITS = False
    other = get_user_model().objects.get(username="claire.moreau")
    other_post = services.post_create(topic=topic, author=other, body="Une réponse")
    services.report_create(post=other_post, reporter=member, reason="Hors sujet")
    requester = get_user_model().objects.get(username="marc.girard")
    private = Space.objects.filter(visibility="private").exclude(memberships__user=requester)
    if private.exists():
        services.membership_request(space=private.first(), user=requester)
    return {
        "member": member, "staff": staff, "topic": topic, "other_post": other_post,
        "own_post": Post.objects.filter(topic=topic, author=member).first(),
        "other_space": Space.objects.active().exclude(memberships__user=member).first(),
    }  # fmt: skip


@contextmanager
def example(client, site, role):
    """One example as `role`, on the site as the fixtures left it: what the example wrote is
    rolled back, so every example meets the same forms (Hypothesis draws from them)."""
    with transaction.atomic():
        cache.clear()
        client.logout()
        if role:
            log_in(client, site[role])
        yield
        transaction.set_rollback(True)


@pytest.mark.parametrize("page", FORM_PAGES)
@settings(deadline=None, suppress_health_check=FIXTURES)
@given(data=st.data())
def test_forms_never_fail_and_show_again_what_was_typed(client, site, page, data):
    role, url, views = FORM_PAGES[page]
    with example(client, site, role):
        post_a_form(client, site, url(site), views, page, data)


def post_a_form(client, site, url, views, page, data):
    shown = client.get(url, follow=True)  # a page asking to log in again shows its own form
    assert shown.status_code == 200, url
    url = shown.request["PATH_INFO"]
    forms = [
        form
        for form in post_forms(shown.content.decode())
        if action_view(form["action"], path_of(url)) in views
    ]
    assert forms, f"no form of {views} on {url}"
    form = data.draw(st.sampled_from(forms), label="form")
    values = form_values(data, form["fields"])
    response = client.post(form["action"] or url, values)
    assert response.status_code < 500, (url, values)
    if response.status_code in (200, 400) and "text/html" in response.get("Content-Type", ""):
        html = response.content.decode()
        for name, value in typed(values, form["fields"]).items():
            assert escape(value) in html, f"{page}: {name}={value!r} not shown again"


# view name -> (who, the addresses it is asked at)
GET_PAGES = {
    "wagtail_serve": [
        (None, lambda site: "/"),
        (None, lambda site: ExperienceIndexPage.objects.live().first().url),
        ("member", lambda site: ResourceIndexPage.objects.live().first().url),
        (None, lambda site: VideoPage.objects.live().first().url),
        (None, lambda site: ToolBoxPage.objects.live().first().url),
    ],
    "forums:space": [(None, lambda site: "/espaces/reseau-dgs-sg/"),
                     ("member", lambda site: "/espaces/reseau-dgs-sg/")],
    "forums:topic": [(None, lambda site: site["topic"].get_absolute_url()),
                     ("member", lambda site: site["topic"].get_absolute_url()),
                     ("staff", lambda site: site["topic"].get_absolute_url())],
    "forums:topic_create": [("member", lambda site: "/espaces/reseau-dgs-sg/nouveau-sujet/")],
    "forums:notifications": [("member", lambda site: "/espaces/notifications/")],
    "accounts:directory": [("member", lambda site: "/membres/")],
    "accounts:profile": [("member", lambda site: profile_for(site["member"]).get_absolute_url())],
    "forums:mention_lookup": [("member", lambda site: "/espaces/reseau-dgs-sg/mentions/")],
    "account_login": [(None, lambda site: "/compte/login/")],
    "account_signup": [(None, lambda site: "/compte/signup/")],
    "account_reset_password": [(None, lambda site: "/compte/password/reset/")],
    "account_change_password": [("member", lambda site: "/compte/password/change/")],
    "search_report": [("staff", lambda site: "/admin/recherches/")],
    "forums:space_members": [("staff", lambda site: "/espaces/reseau-dgs-sg/membres/")],
    "forums:member_add": [("staff", lambda site: "/espaces/reseau-dgs-sg/membres/ajouter/")],
}  # fmt: skip
SEARCH_VIEWS = {"search:search", "search:suggest", "search:ask"}  # in tests/search/test_fuzz.py


def test_every_view_of_the_table_is_fuzzed():
    assert set(GET_PAGES) | SEARCH_VIEWS == set(GET_PARAMETERS)


@pytest.mark.parametrize(
    "view, number", [(view, n) for view, pages in GET_PAGES.items() for n in range(len(pages))]
)
@settings(deadline=None, suppress_health_check=FIXTURES)
@given(data=st.data())
def test_get_parameters_never_fail(client, site, view, number, data):
    role, url = GET_PAGES[view][number]
    names = sorted(GET_PARAMETERS[view])
    params = data.draw(st.dictionaries(st.sampled_from(names), VALUE, min_size=1), label="query")
    with example(client, site, role):
        response = client.get(url(site), params)
        assert response.status_code < 500, (url(site), params)
