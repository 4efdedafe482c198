"""Every way in: one log-in page (allauth's, with the two-factor code), an administration that
asks whether this very session passed two-factor, and no other view that takes or sets an
account's password.

`test_no_view_outside_allauth_logs_in_with_a_password` and
`test_no_view_outside_allauth_sets_a_password` walk every URL pattern of the project; run
them with `WAYS_IN_REPORT=<file>` to write the table of entry points and what each answered.
"""

import os
import re
import uuid
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import URLResolver, get_resolver, resolve, reverse
from django.urls.exceptions import Resolver404
from wagtail.models import Page, PageViewRestriction

from tests import factories
from tests.accounts.test_two_factor import code_now
from tests.factories import log_in_with_two_factor, two_factor

pytestmark = pytest.mark.django_db

PASSWORD = "un-mot-de-passe-solide"
NEW_PASSWORD = "un-tout-autre-mot-de-passe"
USERNAME_FIELDS = ("username", "email", "login", "identification")
PASSWORD_FIELDS = ("password", "password1", "password2", "old_password", "current_password")
NEW_PASSWORD_FIELDS = ("password", "password1", "password2", "new_password1", "new_password2")

# Where a password is typed on purpose, and why that is allowed.
PASSWORD_ENTRY_POINTS = {
    "account_login": "allauth's log-in: rate-limited, verified address, then the TOTP code",
    "account_reauthenticate": "allauth: the password again before a sensitive change",
    "account_change_password": "allauth: the current password, then the new one",
    "account_set_password": "allauth: only for an account without a usable password",
    "account_reset_password_from_key": "allauth: a new password with the e-mailed key",
    "account_signup": "allauth: a new account, verified by e-mail before any log-in",
    "accounts:account_delete": "the member's own password to delete their account; logs no one in",
    "wagtailcore_authenticate_with_password": (
        "a page's shared view-restriction password, not an account's; logs no one in"
    ),
    "wagtaildocs_authenticate_with_password": (
        "a document collection's shared view-restriction password, not an account's"
    ),
}


def make_staff(django_user_model, name="chef"):
    """A superuser with a verified address and an authenticator app."""
    email = f"{name}@bloc-local.example"
    user = django_user_model.objects.create_superuser(name, email, PASSWORD)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return two_factor(user)


@pytest.fixture
def staff(django_user_model):
    return make_staff(django_user_model)


# -- the URL patterns, each with a concrete address ------------------------------------------

SAMPLES = ["1", "auth", "x", "live", "latest", "x/", "abc-1", "1-abc", "a:b", ""]
CONVERTER_SAMPLES = {"int": "1", "str": "x", "slug": "x", "path": "x", "uuid": str(uuid.uuid4())}


def _top_level_groups(regex: str):
    """Spans of the outermost parenthesised groups of `regex`."""
    depth, start, index = 0, 0, 0
    while index < len(regex):
        char = regex[index]
        if char == "\\":
            index += 2
            continue
        if char == "(":
            if depth == 0:
                start = index
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                yield start, index + 1
        index += 1


def _group_sample(group: str, number: str) -> str:
    inner = re.sub(r"^\((\?P<\w+>|\?:)?", "", group)[:-1]
    for sample in SAMPLES:
        sample = number if sample == "1" else sample
        if re.fullmatch(inner, sample):
            return sample
    raise ValueError(group)


def _concrete(route: str, number: str) -> str:
    """An address that the (concatenated) route matches: converters and groups get plausible
    values, the number being `number` (the id of an account, so that account views are hit)."""
    route = re.sub(
        r"(?<!\?P)<(?:(\w+):)?\w+>",
        lambda match: (
            number
            if (match.group(1) or "str") == "int"
            else CONVERTER_SAMPLES[match.group(1) or "str"]
        ),
        route,
    )
    parts, last = [], 0
    for start, end in _top_level_groups(route):
        parts += [route[last:start], _group_sample(route[start:end], number)]
        last = end
    parts.append(route[last:])
    text = re.sub(r"\.[*+]", "x", "".join(parts)).replace("^", "").replace("$", "")
    return "/" + re.sub(r"\\(.)", r"\1", text)


def _patterns(patterns=None, prefix="", namespace=""):
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _patterns(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        else:
            route = plain(prefix + str(pattern.pattern))
            if pattern.name:
                yield route, f"{namespace}{pattern.name}", f"{route} ({namespace}{pattern.name})"
            else:
                yield route, pattern.lookup_str, route


def entry_points(number: str):
    """(route, name, address, what answers the address: the pattern itself, another pattern
    placed before it, or None) for every URL pattern."""
    for route, name, label in _patterns():
        url = _concrete(route, number)
        answered_by = answering(url)
        yield route, name, url, "itself" if answered_by == label else answered_by


def answering(url: str) -> str | None:
    try:
        match = resolve(url)
    except Resolver404:
        return None
    route = plain(match.route)
    return f"{route} ({match.view_name})" if match.url_name else route


def plain(route: str) -> str:
    return route.replace("^", "").replace("$", "")


def test_every_url_pattern_gets_a_concrete_address():
    """Each pattern gets an address that it answers, or that a pattern placed before it
    answers (as our redirects do for Wagtail's log-in pages)."""
    shadowed = {
        (name, answered_by)
        for _route, name, _url, answered_by in entry_points("7")
        if answered_by != "itself"
    }
    assert shadowed == {
        ("wagtailadmin_login", "admin/login/ (admin_login_to_allauth)"),
        ("wagtailcore_login", "_util/login/ (frontend_login_to_allauth)"),
    }


def report(title: str, rows: list[tuple[str, str, str]]) -> None:
    path = os.environ.get("WAYS_IN_REPORT")
    if not path:
        return
    with Path(path).open("a", encoding="utf-8") as out:
        out.write(f"\n## {title}\n\n| pattern | name | result |\n|---|---|---|\n")
        out.writelines(f"| `{route}` | {name} | {result} |\n" for route, name, result in rows)


def outcome(response, answered_by: str | None) -> str:
    if answered_by != "itself":
        return f"answered by `{answered_by}`"
    location = f" → {response['Location'].split('?')[0]}" if response.has_header("Location") else ""
    return f"{response.status_code}{location}"


def test_no_view_outside_allauth_logs_in_with_a_password(staff):
    """POSTs a staff member's credentials, under every usual field name, to every URL pattern:
    no view logs them in, and allauth's log-in asks for the two-factor code first."""
    credentials = dict.fromkeys(USERNAME_FIELDS, staff.email) | dict.fromkeys(
        PASSWORD_FIELDS, PASSWORD
    )
    rows, logged_in = [], []
    for route, name, url, answered_by in entry_points(str(staff.pk)):
        client = Client(raise_request_exception=False)
        response = client.post(url, credentials)
        if "_auth_user_id" in client.session:
            logged_in.append(url)
        if name == "account_login":
            assert response.status_code == 302
            assert response["Location"].startswith("/compte/2fa/authenticate/")
        result = outcome(response, answered_by)
        if name in PASSWORD_ENTRY_POINTS:
            result += f"; {PASSWORD_ENTRY_POINTS[name]}"
        rows.append((route, name, result))
    report("Credentials POSTed by an anonymous visitor (nobody may end up logged in)", rows)
    assert not logged_in


def test_no_view_outside_allauth_sets_a_password(django_user_model):
    """A superuser who passed two-factor POSTs a new password, under every usual field name, to
    every URL pattern, an account's id filling the ids: neither their own password nor the
    other account's changes, except in allauth's own password views."""
    allowed = {name for name in PASSWORD_ENTRY_POINTS if name.startswith("account_")}
    rows, changed = [], []
    for index, (route, name, _url, answered_by) in enumerate(entry_points("0")):
        if name in allowed:
            rows.append((route, name, f"allowed: {PASSWORD_ENTRY_POINTS[name]}"))
            continue
        admin = make_staff(django_user_model, f"chef{index}")
        other = django_user_model.objects.create_user(f"autre{index}", password=PASSWORD)
        before = {user.pk: user.password for user in (admin, other)}
        url = _concrete(route, str(other.pk))
        client = Client(raise_request_exception=False)
        log_in_with_two_factor(client, admin)
        response = client.post(
            url,
            dict.fromkeys(NEW_PASSWORD_FIELDS, NEW_PASSWORD)
            | {"old_password": PASSWORD, "usable_password": "true"},
        )
        after = dict(django_user_model.objects.filter(pk__in=before).values_list("pk", "password"))
        if any(after.get(pk, before[pk]) != password for pk, password in before.items()):
            changed.append(url)
        rows.append((route, name, outcome(response, answered_by)))
    report("New passwords POSTed by a superuser who passed two-factor", rows)
    assert not changed


# -- the log-in pages --------------------------------------------------------------------------


def test_wagtails_log_in_page_sends_to_allauths_keeping_next(client, staff):
    response = client.get("/_util/login/?next=/espaces/")
    assert response.status_code == 302
    assert response["Location"] == "/compte/login/?next=/espaces/"
    client.post("/_util/login/", {"username": staff.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session


def test_a_login_restricted_page_sends_visitors_to_allauths_log_in(client):
    page = factories.sheet(title="Réservée aux membres")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(page.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/compte/login/?next=")


# -- the administration asks whether this session passed two-factor --------------------------


@pytest.mark.parametrize("url", ["/admin/", "/admin/pages/", "/django-admin/"])
def test_a_session_without_the_code_does_not_reach_the_admin(client, staff, url):
    client.force_login(staff)  # a password alone, however it was typed
    response = client.get(url, follow=True)
    assert response.redirect_chain[0][0] == f"/compte/2fa/reauthenticate/?next={url}"
    assert "code" in response.content.decode()
    assert "double authentification" in response.content.decode()


def test_the_code_typed_in_this_session_opens_the_admin(client, staff):
    client.force_login(staff)
    secret = Authenticator.objects.get(user=staff, type="totp").data["secret"]
    response = client.post("/compte/2fa/reauthenticate/?next=/admin/", {"code": code_now(secret)})
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    assert client.get("/django-admin/").status_code == 200


def test_the_test_helper_logs_in_as_allauth_records_two_factor(client, staff):
    log_in_with_two_factor(client, staff)
    assert client.get("/admin/").status_code == 200
    assert client.get("/django-admin/").status_code == 200


def test_the_admins_password_pages_lead_to_allauths(client, staff):
    log_in_with_two_factor(client, staff)
    assert client.get("/django-admin/password_change/").url == "/compte/password/change/"
    assert client.get("/admin/password_reset/").status_code == 404
    for url in (f"/django-admin/auth/user/{staff.pk}/password/", "/django-admin/auth/user/add/"):
        assert 'name="password1"' not in client.get(url, follow=True).content.decode(), url
    assert 'name="password1"' not in client.get("/admin/users/add/").content.decode()


# -- members without admin rights, and no third-party call from the admin --------------------


@pytest.mark.parametrize("url", ["/admin/", "/admin/pages/", "/django-admin/"])
def test_a_member_without_admin_rights_is_told_the_admin_is_for_the_team(
    client, django_user_model, url
):
    client.force_login(django_user_model.objects.create_user("membre", "m@example.org"))
    response = client.get(url)
    assert response.status_code == 403
    page = response.content.decode()
    assert "réservé à l'équipe" in page
    assert '<a href="/">' in page


def test_an_editor_is_told_the_django_admin_is_for_the_team(client, django_user_model):
    editor = django_user_model.objects.create_user("plume", "plume@example.org")
    editor.groups.add(Group.objects.get(name="Rédacteurs"))
    log_in_with_two_factor(client, two_factor(editor))
    assert client.get("/admin/").status_code == 200
    response = client.get("/django-admin/")
    assert response.status_code == 403
    assert "réservé à l'équipe" in response.content.decode()


def test_no_admin_page_calls_gravatar(client, staff):
    log_in_with_two_factor(client, staff)
    home = Page.objects.get(depth=2)
    for url in (
        "/admin/",
        "/admin/users/",
        reverse("wagtailusers_users:edit", args=[staff.pk]),
        "/admin/account/",
        f"/admin/pages/{home.pk}/",
        f"/admin/pages/{home.pk}/edit/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "gravatar" not in response.content.decode().lower(), url
