"""The `@` completion's lookup: the members a writer may mention in a space, per kind of
visitor (nothing for someone who may not read it), at most 8, rate-limited, in as many queries
whatever the number of members."""

import pytest
from django.core.cache import cache
from django.urls import reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from accounts.models import Job
from forums.views.mentions import MAX_MEMBERS
from tests.factories import SpaceFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_limits():
    cache.clear()
    yield
    cache.clear()


def lookup(client, space, q):
    return client.get(reverse("forums:mention_lookup", args=[space.slug]), {"q": q})


def handles(response) -> list[str]:
    return [member["handle"] for member in response.json()["members"]]


def named(first, last, **profile):
    return UserFactory(
        verified=True,
        first_name=first,
        last_name=last,
        **{f"profile__{key}": value for key, value in profile.items()},
    )


@pytest.fixture
def private():
    moderator = named("Claire", "Martin")
    insider = named("Marc", "Morin")  # not in the directory: a co-member knows him
    space = SpaceFactory(private=True, moderators=[moderator], members=[insider])
    listed = named("Marie", "Marchand", in_directory=True, job=Job.DGS)  # not a member
    staff = named("Sam", "Admin", in_directory=True)
    staff.is_staff = True
    staff.save()
    return {
        "space": space,
        "users": {
            "outsider": listed,
            "member": insider,
            "moderator": moderator,
            "staff": staff,
        },
    }


@pytest.mark.parametrize("visitor", ["anonymous", "outsider", "member", "moderator", "staff"])
def test_a_private_space_completes_for_its_readers_only(client, private, visitor):
    if visitor != "anonymous":
        client.force_login(private["users"][visitor])
    response = lookup(client, private["space"], "m")
    if visitor in ("anonymous", "outsider"):
        assert response.status_code == 403
        assert "members" not in response.json()
        return
    assert response.status_code == 200
    found = handles(response)
    assert "marie-marchand" not in found  # no reader of the space
    expected = {"claire-martin", "marc-morin"} - {private["users"][visitor].profile.handle}
    assert expected <= set(found)


def test_a_public_space_proposes_the_directory_and_its_members_but_no_one_else(client):
    member = named("Marc", "Morin")
    space = SpaceFactory(public=True, members=[member])
    named("Marie", "Marchand", in_directory=True, job=Job.DGS)
    named("Mathilde", "Mercier")  # neither in the directory nor in the space
    client.force_login(UserFactory(verified=True))
    response = lookup(client, space, "@M")
    assert sorted(handles(response)) == ["marc-morin", "marie-marchand"]
    marie = next(m for m in response.json()["members"] if m["handle"] == "marie-marchand")
    assert marie == {"handle": "marie-marchand", "name": "Marie Marchand", "job": "DGS"}
    marc = next(m for m in response.json()["members"] if m["handle"] == "marc-morin")
    assert marc["job"] == ""  # out of the directory: nothing of his profile
    assert lookup(client, space, "").json() == {"members": []}
    assert handles(lookup(client, space, "marchand")) == ["marie-marchand"]  # by last name
    client.logout()
    assert lookup(client, space, "m").status_code == 403


def test_at_most_eight_members_are_proposed_and_never_the_writer(client):
    writer = named("Mael", "Writer", in_directory=True)
    for number in range(MAX_MEMBERS + 3):
        named("Mael", f"Test{number:02d}", in_directory=True)
    space = SpaceFactory(public=True)
    client.force_login(writer)
    found = handles(lookup(client, space, "mael"))
    assert len(found) == MAX_MEMBERS and writer.profile.handle not in found


def test_lookups_are_rate_limited(client, settings):
    settings.FORUMS_MENTION_LOOKUPS_PER_MINUTE = 2
    client.force_login(UserFactory(verified=True))
    space = SpaceFactory(public=True)
    assert [lookup(client, space, "ma").status_code for _n in range(3)] == [200, 200, 429]


def test_a_closed_space_completes_nothing(client):
    space = SpaceFactory(public=True, is_active=False)
    client.force_login(UserFactory(verified=True))
    assert lookup(client, space, "ma").status_code == 404


@hypothesis_settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(q=st.text(max_size=60))
def test_any_query_is_answered_in_json(client, django_user_model, q):
    cache.clear()
    user, _created = django_user_model.objects.get_or_create(username="fuzz", email="f@x.org")
    space = SpaceFactory(public=True)
    client.force_login(user)
    response = lookup(client, space, q)
    assert response.status_code == 200 and isinstance(response.json()["members"], list)


@pytest.mark.parametrize("count", [2, 20])
def test_the_lookup_runs_as_many_queries_whatever_the_number_of_members(
    client, count, django_assert_num_queries
):
    members = [named("Marie", f"Nom{number:02d}") for number in range(count)]
    space = SpaceFactory(private=True, members=members)
    client.force_login(members[0])
    with django_assert_num_queries(5):  # the site, the user, the space, memberships, members
        assert lookup(client, space, "marie").status_code == 200


def test_the_editors_ask_the_lookup_of_their_space(client, space, topic, member):
    client.force_login(member)
    url = reverse("forums:mention_lookup", args=[space.slug])
    for page in (topic.get_absolute_url(), reverse("forums:topic_create", args=[space.slug])):
        html = client.get(page).content.decode()
        assert f'data-mentions="{url}"' in html and "js/mentions.js" in html
