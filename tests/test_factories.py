"""The factories build valid rows: each trait gives what it says, each page its right parent."""

import pytest
from allauth.mfa.models import Authenticator

from accounts.models import Approval
from experiences.models import ExperienceIndexPage
from forums.models import MembershipStatus, Role, Subscription, Visibility
from resources.models import CooperationPathPage, SeminarIndexPage
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_user_is_established_and_bare_unless_asked():
    user = factories.UserFactory()
    assert user.check_password(factories.PASSWORD)
    assert not hasattr(user, "profile") and not user.emailaddress_set.exists()
    assert not factories.UserFactory(new_account=True).date_joined < user.date_joined


def test_user_traits():
    verified = factories.UserFactory(verified=True, profile__in_directory=True)
    assert verified.emailaddress_set.get().verified and verified.profile.in_directory
    pending = factories.UserFactory(pending=True)
    assert pending.profile.approval == Approval.PENDING and pending.emailaddress_set.exists()
    assert factories.UserFactory(superuser=True).is_superuser
    editor = factories.UserFactory(editor=True)
    assert editor.groups.get().name == "Rédacteurs"
    assert Authenticator.objects.filter(user=editor, type=Authenticator.Type.TOTP).exists()
    assert factories.UserFactory(reviewer=True).groups.get().name == "Relecteurs"


def test_spaces_memberships_topics_and_posts():
    anne, claire = factories.UserFactory.create_batch(2)
    space = factories.SpaceFactory(private=True, members=[anne], moderators=[claire])
    assert space.visibility == Visibility.PRIVATE
    assert space.memberships.get(user=claire).role == Role.MODERATOR
    assert Subscription.objects.filter(user=anne, space=space).exists()
    assert not factories.SpaceFactory(members_only=True).memberships.exists()
    assert factories.MembershipFactory(requested=True).status == MembershipStatus.REQUESTED
    assert factories.MembershipFactory(moderator=True).role == Role.MODERATOR

    topic = factories.TopicFactory(space=space, author=anne, body="Première", posts=3)
    topic.refresh_from_db()
    assert topic.post_count == 3
    assert topic.posts.order_by("created_at", "pk").first().body == "Première"
    hidden = factories.PostFactory(topic=topic, hidden=True)
    deleted = factories.PostFactory(topic=topic, deleted=True)
    assert hidden.hidden_at and deleted.deleted_at
    assert factories.TopicFactory(posts=0).posts.count() == 0


def test_pages_attach_under_their_parent():
    sheet = factories.ExperienceSheetFactory()
    assert isinstance(sheet.get_parent().specific, ExperienceIndexPage)
    assert isinstance(factories.StepFactory().get_parent().specific, CooperationPathPage)
    edition = factories.SeminarEditionFactory()
    assert isinstance(edition.get_parent().specific, SeminarIndexPage)
    assert factories.VideoFactory(edition=edition).edition == edition
    assert factories.ToolFactory().get_parent().depth == 3
    step = factories.StepFactory()
    assert list(factories.VideoFactory(steps=[step]).steps.all()) == [step]
    assert factories.StandardPageFactory().get_parent().specific == factories.home()
