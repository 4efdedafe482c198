"""A space's members managed on the site by its moderators and staff: the list (searched by name,
paginated), adding an account, removing a member (after a confirmation), making or unmaking a
moderator; never the last moderator; every change logged for staff; nobody else gets in."""

from html import unescape

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from accounts.models import Profile
from accounts.services import profile_for
from forums import invitations, memberships, permissions
from forums.models import (
    Membership,
    MembershipAction,
    MembershipLog,
    Notification,
    NotificationKind,
    Role,
    Subscription,
)
from tests.factories import EmailAddressFactory, MembershipFactory, SpaceFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def collective():
    """A private collective with its moderator and a member; the moderator of another space; a
    member of the portal outside both."""
    people = {name: UserFactory() for name in ("moderator", "member", "elsewhere", "outsider")}
    people["space"] = SpaceFactory(
        private=True, moderators=[people["moderator"]], members=[people["member"]]
    )
    people["other"] = SpaceFactory(private=True, moderators=[people["elsewhere"]])
    return people


def members_url(space, **query):
    url = reverse("forums:space_members", args=[space.slug])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def log_in_as(client, collective, visitor):
    if visitor == "staff":
        client.force_login(UserFactory(staff=True))
    elif visitor != "anonymous":
        client.force_login(collective[visitor])


def said(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


VISITORS = [
    ("anonymous", 302),
    ("outsider", 404),
    ("elsewhere", 404),
    ("member", 403),
    ("moderator", 200),
    ("staff", 200),
]


@pytest.mark.parametrize(("visitor", "status"), VISITORS)
def test_only_the_space_moderators_and_staff_see_its_members_page(
    client, collective, visitor, status
):
    log_in_as(client, collective, visitor)
    space = collective["space"]
    membership = Membership.objects.get(space=space, user=collective["member"])
    for url in (
        members_url(space),
        reverse("forums:member_add", args=[space.slug]) + "?personne=a",
        reverse("forums:member_remove", args=[space.slug, membership.pk]),
    ):
        assert client.get(url).status_code == status


@pytest.mark.parametrize(("visitor", "status"), VISITORS)
def test_only_the_space_moderators_and_staff_change_its_members(
    client, collective, visitor, status
):
    space, member = collective["space"], collective["member"]
    membership = Membership.objects.get(space=space, user=member)
    newcomer = UserFactory()
    log_in_as(client, collective, visitor)
    expected = status if status != 200 else 302  # done, back to the members page
    posts = [
        (
            reverse("forums:member_add", args=[space.slug]),
            {"user": newcomer.pk, "personne": newcomer.email},
        ),
        (reverse("forums:member_role", args=[space.slug, membership.pk]), {"role": "moderator"}),
        (reverse("forums:member_remove", args=[space.slug, membership.pk]), {}),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code == expected
    changed = not Membership.objects.filter(space=space, user=member).exists()
    added = permissions.is_member(newcomer, space)
    assert changed is added is (status == 200)


def test_a_reader_of_a_public_space_who_does_not_moderate_it_is_refused(client):
    space, reader = SpaceFactory(public=True), UserFactory()
    client.force_login(reader)
    assert client.get(members_url(space)).status_code == 403


def test_a_closed_space_has_no_members_page(client, collective):
    space = collective["space"]
    space.is_active = False
    space.save()
    client.force_login(UserFactory(staff=True))
    assert client.get(members_url(space)).status_code == 404


def test_the_changes_need_their_csrf_token(collective):
    space = collective["space"]
    client = Client(enforce_csrf_checks=True)
    client.force_login(collective["moderator"])
    url = reverse("forums:member_add", args=[space.slug])
    assert client.post(url, {"user": collective["outsider"].pk}).status_code == 403
    assert not permissions.is_member(collective["outsider"], space)


# The list


def test_the_list_names_each_member_with_their_role_moderators_first(client, collective):
    client.force_login(collective["moderator"])
    html = unescape(client.get(members_url(collective["space"])).content.decode())
    moderator, member = collective["moderator"], collective["member"]
    assert moderator.last_name in html and member.last_name in html
    assert html.index(moderator.last_name) < html.index(member.last_name)
    assert "Modérateur" in html and "Nommer modérateur" in html
    assert collective["elsewhere"].last_name not in html


def test_the_list_is_searched_by_name(client, collective):
    client.force_login(collective["moderator"])
    member = collective["member"]
    html = unescape(
        client.get(members_url(collective["space"], q=member.last_name)).content.decode()
    )
    assert member.last_name in html
    assert collective["moderator"].last_name not in html.split("<h2")[0]


def test_a_search_with_nothing_found_says_so(client, collective):
    client.force_login(collective["moderator"])
    response = client.get(members_url(collective["space"], q="Zzzyxw%00"))
    assert response.status_code == 200
    assert "Aucun membre ne porte ce nom." in unescape(response.content.decode())


def test_the_list_is_paginated(client, collective):
    space = collective["space"]
    for _ in range(30):
        MembershipFactory(space=space)
    client.force_login(collective["moderator"])
    first = client.get(members_url(space)).content.decode()
    second = client.get(members_url(space, page=2)).content.decode()
    assert "Page 1 sur 2" in first and "Page 2 sur 2" in second
    assert client.get(members_url(space, page="abc")).status_code == 200
    assert client.get(members_url(space, page=99)).status_code == 200


def test_the_members_page_asks_few_queries_whatever_its_size(
    client, collective, django_assert_max_num_queries
):
    """The site's shell (the site, the menus, the unread count), the session's account, the
    space, the visitor's memberships, the count and the page of members, the pending
    invitations: at most 10, the same on small and large data."""
    space = collective["space"]
    client.force_login(collective["moderator"])
    client.get(members_url(space))  # the session's first read (the test settings cache nothing)
    counts = {}
    for size, extra in (("small", 2), ("large", 40)):
        for _ in range(extra):
            MembershipFactory(space=space)
        memberships.membership_add(space=space, user=UserFactory(), role=Role.MODERATOR)
        invitations.invitation_create(
            space=space, email=f"{size}@example.org", moderator=collective["moderator"]
        )
        for url in (members_url(space), members_url(space, page=2, q="a")):
            with django_assert_max_num_queries(10) as captured:
                assert client.get(url).status_code == 200
            counts.setdefault(url, set()).add(len(captured))
    assert all(len(measured) == 1 for measured in counts.values()), counts


# Adding an account


def test_a_moderator_finds_an_account_by_name_and_adds_it(client, collective):
    space, outsider = collective["space"], collective["outsider"]
    Profile.objects.filter(pk=profile_for(outsider).pk).update(in_directory=True)
    client.force_login(collective["moderator"])
    chooser = reverse("forums:member_add", args=[space.slug]) + f"?personne={outsider.last_name}"
    html = unescape(client.get(chooser).content.decode())
    assert outsider.last_name in html
    response = client.post(
        reverse("forums:member_add", args=[space.slug]),
        {"user": outsider.pk, "personne": outsider.last_name},
    )
    assert response.status_code == 302
    assert any("est membre de l'espace" in message for message in said(response))
    assert permissions.is_member(outsider, space)
    assert Subscription.objects.filter(user=outsider, space=space).exists()
    assert Notification.objects.filter(
        user=outsider, kind=NotificationKind.ACCEPTED, space=space
    ).exists()
    entry = MembershipLog.objects.get(space=space, member=outsider)
    assert (entry.action, entry.actor) == (MembershipAction.ADDED, collective["moderator"])


def test_an_account_is_found_by_its_exact_address_never_by_part_of_it(client, collective):
    space, outsider = collective["space"], collective["outsider"]
    EmailAddressFactory(user=outsider, email="dgs@achards.example", primary=False)
    moderator = collective["moderator"]
    found = permissions.member_candidates(moderator, space, "DGS@achards.example")
    assert list(found) == [outsider]
    assert not permissions.member_candidates(moderator, space, "achards.example").exists()
    assert not permissions.member_candidates(moderator, space, "dgs@").exists()


def test_the_chooser_offers_no_member_and_nothing_to_others(collective):
    space = collective["space"]
    member, moderator = collective["member"], collective["moderator"]
    assert not permissions.member_candidates(moderator, space, member.last_name).exists()
    assert not permissions.member_candidates(member, space, collective["outsider"].last_name)


def test_a_member_is_never_offered_nor_added_twice(client, collective):
    space, member = collective["space"], collective["member"]
    client.force_login(collective["moderator"])
    url = reverse("forums:member_add", args=[space.slug])
    assert client.post(url, {"user": member.pk, "personne": member.email}).status_code == 404
    assert not MembershipLog.objects.filter(space=space).exists()


def test_an_account_the_search_does_not_offer_cannot_be_added(client, collective):
    """A name out of the directory is never found, and an id posted is added only if the
    search typed offers it: no moderator learns who has an account."""
    space, outsider = collective["space"], collective["outsider"]
    Profile.objects.filter(pk=profile_for(outsider).pk).update(in_directory=False)
    client.force_login(collective["moderator"])
    url = reverse("forums:member_add", args=[space.slug])
    name = outsider.last_name
    assert 'name="user"' not in client.get(url, {"personne": name}).content.decode()
    assert client.post(url, {"user": outsider.pk, "personne": name}).status_code == 404
    assert client.post(url, {"user": outsider.pk}).status_code == 404
    assert not permissions.is_member(outsider, space)


@pytest.mark.parametrize("user", ["", "abc", "999999999", "-1", "1e3"])
def test_adding_a_wrong_account_is_not_found(client, collective, user):
    client.force_login(collective["moderator"])
    url = reverse("forums:member_add", args=[collective["space"].slug])
    assert client.post(url, {"user": user}).status_code == 404


def test_adding_someone_who_asked_to_join_accepts_the_request(client, collective):
    space, requester = collective["space"], UserFactory()
    MembershipFactory(space=space, user=requester, requested=True)
    client.force_login(collective["moderator"])
    client.post(
        reverse("forums:member_add", args=[space.slug]),
        {"user": requester.pk, "personne": requester.email},
    )
    assert permissions.is_member(requester, space)


# Removing a member


def test_removing_a_member_asks_to_confirm_then_removes_and_logs(client, collective):
    space, member = collective["space"], collective["member"]
    membership = Membership.objects.get(space=space, user=member)
    client.force_login(collective["moderator"])
    url = reverse("forums:member_remove", args=[space.slug, membership.pk])
    page = unescape(client.get(url).content.decode())
    assert "ne fera plus partie" in page and 'method="post"' in page
    assert Membership.objects.filter(pk=membership.pk).exists()
    response = client.post(url)
    assert response.status_code == 302
    assert any("ne fait plus partie de l'espace" in message for message in said(response))
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert not Subscription.objects.filter(user=member, space=space).exists()
    assert not permissions.can_read_space(member, space)
    entry = MembershipLog.objects.get(space=space, member=member)
    assert entry.action == MembershipAction.REMOVED


def test_the_last_moderator_is_neither_removed_nor_demoted_and_it_is_said(client, collective):
    space, moderator = collective["space"], collective["moderator"]
    membership = Membership.objects.get(space=space, user=moderator)
    client.force_login(UserFactory(staff=True))
    confirm = client.get(reverse("forums:member_remove", args=[space.slug, membership.pk]))
    assert "dernier modérateur" in unescape(confirm.content.decode())
    assert 'method="post"' not in confirm.content.decode().split("<main")[-1]
    removed = client.post(reverse("forums:member_remove", args=[space.slug, membership.pk]))
    demoted = client.post(
        reverse("forums:member_role", args=[space.slug, membership.pk]), {"role": "member"}
    )
    for response in (removed, demoted):
        assert any("dernier modérateur" in message for message in said(response))
    membership.refresh_from_db()
    assert membership.role == Role.MODERATOR
    assert not MembershipLog.objects.filter(space=space).exists()


def test_a_moderator_with_a_colleague_may_step_down(client, collective):
    space, moderator = collective["space"], collective["moderator"]
    memberships.membership_add(space=space, user=collective["member"], role=Role.MODERATOR)
    membership = Membership.objects.get(space=space, user=moderator)
    client.force_login(moderator)
    client.post(reverse("forums:member_role", args=[space.slug, membership.pk]), {"role": "member"})
    membership.refresh_from_db()
    assert membership.role == Role.MEMBER
    assert not permissions.can_moderate(moderator, space)


# Making and unmaking a moderator


def test_making_a_moderator_and_unmaking_them_is_logged(client, collective):
    space, member = collective["space"], collective["member"]
    membership = Membership.objects.get(space=space, user=member)
    client.force_login(collective["moderator"])
    url = reverse("forums:member_role", args=[space.slug, membership.pk])
    made = client.post(url, {"role": "moderator"})
    assert any("est désormais modérateur" in message for message in said(made))
    assert permissions.can_moderate(member, space)
    again = client.post(url, {"role": "moderator"})
    assert any("Rien n'a changé" in message for message in said(again))
    unmade = client.post(url, {"role": "member"})
    assert any("n'est plus modérateur" in message for message in said(unmade))
    actions = list(
        MembershipLog.objects.filter(space=space, member=member)
        .order_by("created_at", "pk")
        .values_list("action", flat=True)
    )
    assert actions == [MembershipAction.PROMOTED, MembershipAction.DEMOTED]


@pytest.mark.parametrize("role", ["", "admin", "MODERATOR", "\x00"])
def test_a_wrong_role_changes_nothing(client, collective, role):
    space, member = collective["space"], collective["member"]
    membership = Membership.objects.get(space=space, user=member)
    client.force_login(collective["moderator"])
    response = client.post(
        reverse("forums:member_role", args=[space.slug, membership.pk]), {"role": role}
    )
    assert response.status_code == 302 and "Choisissez un rôle." in said(response)
    membership.refresh_from_db()
    assert membership.role == Role.MEMBER


def test_a_membership_of_another_space_is_not_found(client, collective):
    other = Membership.objects.get(space=collective["other"], user=collective["elsewhere"])
    client.force_login(collective["moderator"])
    url = reverse("forums:member_remove", args=[collective["space"].slug, other.pk])
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404


def test_the_space_page_links_its_moderators_to_the_members_page(client, collective):
    space = collective["space"]
    url = members_url(space)
    client.force_login(collective["moderator"])
    assert url in client.get(space.get_absolute_url()).content.decode()
    client.force_login(collective["member"])
    assert url not in client.get(space.get_absolute_url()).content.decode()
