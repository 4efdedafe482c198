"""What a private space keeps to its members: its topic count and moderators, the topics of
notifications once its reader left, and the membership a profile lists. Each rule is checked
for every kind of visitor, and with the page caches on: a page filled by one audience is never
what another reads."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from accounts.services import profile_for
from forums import permissions, services
from forums.models import Membership, MembershipStatus, Notification, Role, Space, Visibility
from tests.factories import MembershipFactory, SpaceFactory, TopicFactory, UserFactory

pytestmark = pytest.mark.django_db

VISITORS = ["anonymous", "outsider", "member", "moderator", "staff"]
# Who reads the private space (and so sees what happens inside it).
READERS = {"member", "moderator", "staff"}
SECRET_TITLE = "Réorganisation confidentielle des services"


@pytest.fixture
def private(no_posting_delay):
    """A private space with a moderator, a member and a topic; an outsider and staff."""
    users = {
        "outsider": UserFactory(),
        "member": UserFactory(),
        "moderator": UserFactory(),
        "staff": UserFactory(staff=True),
    }
    space = SpaceFactory(
        name="Collectif restreint", private=True, description="Un collectif de direction.",
        moderators=[users["moderator"]], members=[users["member"]],
    )  # fmt: skip
    topic = services.topic_create(
        space=space, author=users["moderator"], title=SECRET_TITLE, body="Premier jet."
    )
    return {"space": space, "users": users, "topic": topic}


def visit(client, private, visitor):
    if visitor != "anonymous":
        client.force_login(private["users"][visitor])


def moderator_name(private) -> str:
    return private["users"]["moderator"].get_full_name()


@pytest.mark.parametrize("cache_on", [False, True])
@pytest.mark.parametrize("visitor", VISITORS)
def test_a_private_space_shows_its_activity_only_to_its_readers(
    client, private, visitor, cache_on, settings
):
    space = private["space"]
    if cache_on:
        settings.PORTAL_PAGE_CACHE_SECONDS = 600
        for filler in ("staff", "moderator"):  # the pages filled first by those who may read
            other = client.__class__()
            other.force_login(private["users"][filler])
            other.get(reverse("forums:space_list"))
            other.get(space.get_absolute_url())
    visit(client, private, visitor)

    listing = client.get(reverse("forums:space_list")).content.decode()
    card = listing[listing.index(space.name) :]
    card = card[: card.index("</article>")]
    page = client.get(space.get_absolute_url()).content.decode()

    assert "Espace privé" in card  # its name and kind are public, so one may ask to join
    assert ("1 sujet" in card) is (visitor in READERS)
    assert (moderator_name(private) in page) is (visitor in READERS)
    assert ("Modération" in page) is (visitor in READERS)


@pytest.mark.parametrize("visitor", VISITORS)
def test_a_members_only_space_shows_its_activity_to_logged_in_members(client, visitor):
    space = TopicFactory(space=SpaceFactory(members_only=True)).space
    if visitor != "anonymous":
        client.force_login(UserFactory(staff=visitor == "staff"))
    listing = client.get(reverse("forums:space_list")).content.decode()
    card = listing[listing.index(space.name) :]
    card = card[: card.index("</article>")]
    assert ("sujet" in card) is (visitor != "anonymous")


def notify(private, user, *, kind="reply"):
    post = private["topic"].posts.first()
    return Notification.objects.create(user=user, kind=kind, post=post)


@pytest.mark.parametrize("visitor", ["outsider", "member", "moderator", "staff"])
def test_notifications_show_only_what_their_reader_may_still_read(client, private, visitor):
    user = private["users"][visitor]
    notify(private, user)  # e.g. a mention while they were in the space
    client.force_login(user)
    page = client.get(reverse("forums:notifications")).content.decode()
    assert (SECRET_TITLE in page) is (visitor in READERS)
    assert ("notification--unread" in page) is (visitor in READERS)
    shown = permissions.readable_notifications(user).filter(kind="reply")
    assert shown.count() == int(visitor in READERS)


def test_notifications_of_a_space_left_are_no_longer_shown_nor_counted(client, private, settings):
    member = private["users"]["member"]
    notify(private, member)
    client.force_login(member)
    settings.PORTAL_PAGE_CACHE_SECONDS = 600  # the unread count is kept between requests
    from forums.selectors import unread_count

    assert unread_count(member) > 0  # the reply, and the new topic of a followed space

    Membership.objects.filter(user=member, space=private["space"]).delete()
    member = get_user_model().objects.get(pk=member.pk)  # a new request's user

    assert unread_count(member) == 0
    assert SECRET_TITLE not in client.get(reverse("forums:notifications")).content.decode()


def test_anonymous_visitors_are_asked_to_log_in_for_notifications(client):
    response = client.get(reverse("forums:notifications"))
    assert response.status_code == 302
    assert "/compte/login/" in response["Location"]


def test_a_hidden_post_leaves_the_notifications_but_of_its_author_and_moderators(private):
    post = private["topic"].posts.first()
    for user in private["users"].values():
        Notification.objects.create(user=user, kind="reply", post=post)
    services.post_hide(post=post, moderator=private["users"]["staff"], reason="Hors sujet")
    shown = {
        name: permissions.readable_notifications(user).filter(kind="reply").exists()
        for name, user in private["users"].items()
    }
    assert shown == {"outsider": False, "member": False, "moderator": True, "staff": True}


@hypothesis_settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    visibility=st.sampled_from(list(Visibility)),
    status=st.sampled_from([None, *MembershipStatus]),
    role=st.sampled_from(list(Role)),
    staff=st.booleans(),
    own=st.booleans(),
    hidden=st.booleans(),
    deleted=st.booleans(),
    active_space=st.booleans(),
)
def test_the_notification_list_asks_the_same_rule_as_the_emails(
    private, visibility, status, role, staff, own, hidden, deleted, active_space
):
    """`readable_notifications` (a queryset, for lists and counts) and `can_be_notified` (the
    e-mails') agree on every kind of reader, space and post."""
    space = private["space"]
    Space.objects.filter(pk=space.pk).update(visibility=visibility, is_active=active_space)
    reader = UserFactory(staff=staff)
    if status is not None:
        Membership.objects.create(space=space, user=reader, role=role, status=status)
    post = private["topic"].posts.create(
        author=reader if own else private["users"]["member"], body="x", body_html="<p>x</p>",
        hidden_at=timezone.now() if hidden else None,
        deleted_at=timezone.now() if deleted else None,
    )  # fmt: skip
    notification = Notification.objects.create(user=reader, kind="reply", post=post)
    reader = get_user_model().objects.get(pk=reader.pk)
    post = type(post).objects.select_related("topic__space").get(pk=post.pk)
    listed = permissions.readable_notifications(reader).filter(pk=notification.pk).exists()
    assert listed is permissions.can_be_notified(reader, post)


@pytest.mark.parametrize("viewer", ["outsider", "member", "moderator", "staff"])
def test_a_profile_lists_only_networks_of_active_membership_the_viewer_may_read(
    client, private, viewer
):
    owner = private["users"]["member"]
    profile = profile_for(owner)
    profile.in_directory = True
    profile.save()
    claimed = SpaceFactory(private=True)
    public = SpaceFactory(public=True, members=[owner])
    requested = MembershipFactory(user=owner, space__members_only=True, requested=True).space
    profile.networks.set([private["space"], claimed, public, requested])

    client.force_login(private["users"][viewer] if viewer != "member" else owner)
    html = client.get(profile.get_absolute_url()).content.decode()
    facts = html[html.index("profile__facts") :]

    assert public.name in facts
    assert claimed.name not in facts  # listed by its owner, who is not in it
    assert requested.name not in facts  # a request, not a membership
    assert (private["space"].name in facts) is (viewer in READERS)

    directory = client.get(reverse("accounts:directory"), {"network": private["space"].pk})
    assert (owner.get_full_name() in directory.content.decode()) is (viewer in READERS)
    directory = client.get(reverse("accounts:directory"), {"network": claimed.pk})
    assert owner.get_full_name() not in directory.content.decode()
