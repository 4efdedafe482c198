"""A member's answers are theirs: nobody else reads a run (not staff either: there is nothing in
it to moderate) unless the member shares it with their territory collective's space, whose
active members then read it; only the member shares, downloads or deletes it. The runs are part
of the personal data export, and go with the account."""

import csv
import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from forums import permissions
from forums.models import SpaceKind
from situate.models import Assessment
from tests import factories
from tests.factories.accounts import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def territory():
    return factories.TerritoryFactory(name="Pays de la Vallée Calme")


@pytest.fixture
def people(territory):
    """The author, a member of their collectif's space, another member, staff."""
    author = factories.UserFactory(verified=True, profile__territory=territory)
    colleague = factories.UserFactory(verified=True, profile__territory=territory)
    space = factories.SpaceFactory(
        name="Collectif de la Vallée Calme",
        kind=SpaceKind.TERRITORY,
        territory=territory,
        private=True,
        members=[author, colleague],
    )
    return {
        "author": author,
        "colleague": colleague,
        "other": factories.UserFactory(verified=True, profile__territory=territory),
        "staff": factories.UserFactory(staff=True, superuser=True),
        "space": space,
    }


@pytest.fixture
def run(people, territory):
    return factories.AssessmentFactory(
        user=people["author"], territory=territory, answers=factories.answers(2)
    )


def get(client, user, url):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client.get(url)


def shared(run, space):
    from situate.services import assessment_share

    return assessment_share(assessment=run, space=space)


# Who reads a run, by kind of visitor: (visitor, before sharing, once shared).
READERS = [
    (None, 302, 302),  # asked to log in
    ("author", 200, 200),
    ("other", 404, 404),
    ("colleague", 404, 200),
    ("staff", 404, 404),
]


@pytest.mark.parametrize(("who", "private", "once_shared"), READERS)
def test_who_reads_a_run(client, people, run, who, private, once_shared):
    user = people.get(who)
    url = f"/se-situer/{run.pk}/"
    assert get(client, user, url).status_code == private
    shared(run, people["space"])
    assert get(client, user, url).status_code == once_shared


@pytest.mark.parametrize("who", [None, "other", "colleague", "staff"])
def test_only_the_author_downloads_shares_or_deletes(client, people, run, who):
    shared(run, people["space"])
    for name in ("download_csv", "download_json", "share", "delete"):
        response = get(client, people.get(who), reverse(f"situate:{name}", args=[run.pk]))
        assert response.status_code in (302, 404), name
        if who is not None:
            assert response.status_code == 404, name
    client.post(reverse("situate:delete", args=[run.pk]))
    client.post(reverse("situate:share", args=[run.pk]), {"space": ""})
    run.refresh_from_db()
    assert run.shared_with == people["space"]


def test_a_shared_run_is_listed_to_the_collectif_only(client, people, run):
    shared(run, people["space"])
    link = f'href="/se-situer/{run.pk}/"'
    assert link in get(client, people["colleague"], "/se-situer/").content.decode()
    assert link not in get(client, people["other"], "/se-situer/").content.decode()
    assert link not in get(client, people["staff"], "/se-situer/").content.decode()


def test_a_colleague_who_leaves_the_space_reads_it_no_more(client, people, run):
    shared(run, people["space"])
    people["space"].memberships.filter(user=people["colleague"]).delete()
    assert get(client, people["colleague"], f"/se-situer/{run.pk}/").status_code == 404


def test_a_closed_space_shows_it_to_nobody_but_the_author(client, people, run):
    shared(run, people["space"])
    people["space"].is_active = False
    people["space"].save()
    assert get(client, people["colleague"], f"/se-situer/{run.pk}/").status_code == 404
    assert get(client, people["author"], f"/se-situer/{run.pk}/").status_code == 200


def test_the_author_shares_with_their_collectif_then_stops(client, people, run):
    client.force_login(people["author"])
    page = client.get(reverse("situate:share", args=[run.pk])).content.decode()
    assert "Collectif de la Vallée Calme" in page
    response = client.post(reverse("situate:share", args=[run.pk]), {"space": people["space"].pk})
    assert response.status_code == 302
    run.refresh_from_db()
    assert run.shared_with == people["space"] and run.shared_at is not None
    client.post(reverse("situate:share", args=[run.pk]), {"space": ""})
    run.refresh_from_db()
    assert run.shared_with is None and run.shared_at is None


@pytest.mark.parametrize("kind", ["not a member", "another territory", "a network", "bad id"])
def test_a_run_is_shared_with_its_territorys_collectif_only(client, people, run, kind):
    author = people["author"]
    if kind == "not a member":
        space = factories.SpaceFactory(kind=SpaceKind.TERRITORY, territory=run.territory)
    elif kind == "another territory":
        space = factories.SpaceFactory(
            kind=SpaceKind.TERRITORY, territory=factories.TerritoryFactory(), members=[author]
        )
    elif kind == "a network":
        space = factories.SpaceFactory(
            kind=SpaceKind.METIER, territory=run.territory, members=[author]
        )
    client.force_login(author)
    value = "12x" if kind == "bad id" else space.pk
    response = client.post(reverse("situate:share", args=[run.pk]), {"space": value})
    assert response.status_code == 302
    run.refresh_from_db()
    assert run.shared_with is None


def test_the_policy_per_kind_of_visitor(people, run):
    from django.contrib.auth.models import AnonymousUser

    space = people["space"]
    assert not permissions.can_read_assessment(AnonymousUser(), run)
    assert permissions.can_manage_assessment(people["author"], run)
    assert not permissions.can_manage_assessment(people["staff"], run)
    assert permissions.can_share_assessment(people["author"], run, space)
    assert not permissions.can_share_assessment(people["colleague"], run, space)
    assert list(permissions.assessment_share_spaces(people["author"], run.territory)) == [space]
    assert not permissions.assessment_share_spaces(people["other"], run.territory).exists()
    assert not permissions.assessment_share_spaces(AnonymousUser(), run.territory).exists()


def test_the_author_downloads_the_run_as_csv_and_json(client, people, run):
    client.force_login(people["author"])
    response = client.get(reverse("situate:download_csv", args=[run.pk]))
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Étape", "Question", "Réponse", "Score", "Sur"]
    assert len(rows) == 1 + len(run.answers)
    data = json.loads(client.get(reverse("situate:download_json", args=[run.pk])).content)
    assert data["territoire"] == "Pays de la Vallée Calme"
    assert len(data["reponses"]) == len(run.answers)


def test_a_question_that_looks_like_a_formula_stays_text_in_the_csv(client, people, territory):
    answers = factories.answers(0)
    answers[0]["text"] = "=HYPERLINK(1)"
    run = factories.AssessmentFactory(user=people["author"], answers=answers)
    client.force_login(people["author"])
    body = client.get(reverse("situate:download_csv", args=[run.pk])).content.decode("utf-8-sig")
    assert ";'=HYPERLINK(1);" in body


def test_the_author_deletes_a_run_after_confirming(client, people, run):
    client.force_login(people["author"])
    assert "définitive" in client.get(reverse("situate:delete", args=[run.pk])).content.decode()
    assert Assessment.objects.filter(pk=run.pk).exists()
    assert client.post(reverse("situate:delete", args=[run.pk])).status_code == 302
    assert not Assessment.objects.filter(pk=run.pk).exists()


def test_the_runs_are_in_the_personal_data_export(client, people, run):
    shared(run, people["space"])
    client.force_login(people["author"])
    data = json.loads(client.get(reverse("accounts:data_export")).content)
    assert data["se_situer"][0]["partage_avec"] == "Collectif de la Vallée Calme"
    assert len(data["se_situer"][0]["reponses"]) == len(run.answers)
    client.force_login(people["colleague"])
    assert json.loads(client.get(reverse("accounts:data_export")).content)["se_situer"] == []


def test_the_runs_go_with_the_account(client, people, run):
    client.force_login(people["author"])
    client.post(reverse("accounts:account_delete"), {"password": PASSWORD})
    assert not get_user_model().objects.filter(pk=people["author"].pk).exists()
    assert not Assessment.objects.filter(pk=run.pk).exists()


def test_runs_are_not_in_the_django_admin(client, people):
    from django.contrib import admin

    assert Assessment not in admin.site._registry


@pytest.mark.parametrize("pk", ["0", "abc", "99999999999999999999", "1.5"])
def test_an_address_for_no_run_answers_404(client, people, pk):
    client.force_login(people["author"])
    assert client.get(f"/se-situer/{pk}/").status_code == 404
