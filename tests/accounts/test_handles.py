"""Handles: one per member, from their name at sign-up, unique whatever the case, editable in
the profile with French errors; shown on the profile and under the name on posts."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.urls import reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from accounts import handles
from accounts.forms import ProfileForm
from accounts.models import Profile
from accounts.services import profile_create, profile_for
from forums.markup import HANDLE
from tests.factories import ProfileFactory, TopicFactory, UserFactory

pytestmark = pytest.mark.django_db

SIGN_UP = {
    "email": "helene.sg@example.org",
    "first_name": "Hélène",
    "last_name": "Le Goff",
    "password1": "Coopérer-ensemble-2019",
    "password2": "Coopérer-ensemble-2019",
}


def test_sign_up_gives_a_handle_from_the_name(client):
    assert client.post("/compte/signup/", SIGN_UP).status_code == 302
    user = get_user_model().objects.get(email="helene.sg@example.org")
    assert user.profile.handle == "helene-le-goff"


def test_a_second_member_of_the_same_name_gets_a_number():
    first = profile_create(user=UserFactory(first_name="Marie", last_name="Dupont"))
    second = profile_create(user=UserFactory(first_name="MARIE", last_name="dupont"))
    third = profile_create(user=UserFactory(first_name="Marie", last_name="Dupont"))
    assert [first.handle, second.handle, third.handle] == [
        "marie-dupont",
        "marie-dupont-2",
        "marie-dupont-3",
    ]


def test_a_reserved_or_unusable_name_still_gives_a_valid_handle():
    admin = profile_create(user=UserFactory(first_name="Admin", last_name=""))
    unusable = profile_create(user=UserFactory(first_name="李", last_name="", email="@x.org"))
    assert admin.handle == "admin-2"
    assert unusable.handle.startswith("membre")
    for handle in (admin.handle, unusable.handle):
        assert HANDLE.fullmatch(handle)


def test_a_profile_made_on_first_use_gets_a_handle_too():
    user = UserFactory(first_name="Paul", last_name="Ripoche")
    assert profile_for(user).handle == "paul-ripoche"
    Profile.objects.filter(user=user).update(handle=None)
    assert profile_for(user).handle == "paul-ripoche"


def test_the_data_migration_gives_every_account_a_handle():
    migration = importlib.import_module("accounts.migrations.0006_handles_of_existing_members")
    older = UserFactory(first_name="Anne", last_name="Morin")  # no profile
    newer = ProfileFactory(user=UserFactory(first_name="Anne", last_name="Morin"))
    Profile.objects.filter(pk=newer.pk).update(handle=None)
    ProfileFactory(user=UserFactory(first_name="Tous", last_name=""), handle=None)
    migration.give_handles(apps, None)
    assert Profile.objects.get(user=older).handle == "anne-morin"
    assert Profile.objects.get(pk=newer.pk).handle == "anne-morin-2"
    assert Profile.objects.get(user__first_name="Tous").handle == "tous-2"
    assert not Profile.objects.filter(handle=None).exists()


def edit(client, member, handle):
    data = {"handle": handle, "first_name": "Anne", "last_name": "Martin", "territory": ""}
    return client.post(reverse("accounts:profile_edit"), data)


def test_a_member_changes_their_handle(client):
    member = UserFactory(verified=True)
    client.force_login(member)
    assert edit(client, member, " @Anne-M ").status_code == 302
    member.profile.refresh_from_db()
    assert member.profile.handle == "anne-m"


@pytest.mark.parametrize(
    "typed, error",
    [
        ("AUTRE-membre", "est déjà pris"),
        ("admin", "est réservé"),
        ("ab", "de 3 à 30 caractères"),
        ("anne_martin", "que des lettres minuscules"),
        ("anne-", "que des lettres minuscules"),
        ("hélène", "que des lettres minuscules"),
        ("", "Champ requis"),
    ],
)
def test_a_refused_handle_is_said_in_french_and_the_form_kept(client, typed, error):
    ProfileFactory(handle="autre-membre")
    member = UserFactory(verified=True)
    client.force_login(member)
    response = edit(client, member, typed)
    html = response.content.decode()
    assert response.status_code == 200
    assert error in html
    assert 'value="Martin"' in html  # what was typed stays
    assert Profile.objects.get(user=member).handle == member.profile.handle


def test_the_database_refuses_two_handles_alike_whatever_the_case():
    from django.db import IntegrityError

    ProfileFactory(handle="marie")
    with pytest.raises(IntegrityError):
        ProfileFactory(handle="Marie")


@hypothesis_settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(typed=st.text(max_size=40))
def test_any_handle_typed_is_kept_valid_or_refused_in_french(django_user_model, typed):
    user, _created = django_user_model.objects.get_or_create(username="fuzz", email="f@x.org")
    form = ProfileForm(
        data={"handle": typed, "first_name": "Anne", "last_name": "Martin"},
        instance=profile_for(user),
    )
    if form.is_valid():
        handle = form.cleaned_data["handle"]
        assert HANDLE.fullmatch(handle) and 3 <= len(handle) <= 30
        assert handle not in handles.RESERVED
    else:
        assert form.errors["handle"] or form.errors


def test_the_handle_is_shown_on_the_profile_and_under_the_name_on_posts(client):
    author = UserFactory(verified=True, profile__in_directory=True)
    topic = TopicFactory(author=author)
    client.force_login(UserFactory(verified=True))
    profile_page = client.get(author.profile.get_absolute_url()).content.decode()
    assert f"@{author.profile.handle}" in profile_page
    thread = client.get(topic.get_absolute_url()).content.decode()
    assert f'<span class="post__handle">@{author.profile.handle}</span>' in thread
