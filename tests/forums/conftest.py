"""What most discussion tests start from: a public space, a member of it and a topic there,
all made for the test (the demo's spaces are for the demo)."""

import pytest

from tests.factories import MembershipFactory, SpaceFactory, TopicFactory, UserFactory


@pytest.fixture
def space():
    return SpaceFactory(public=True)


@pytest.fixture
def member(space, no_posting_delay):
    """An established member of `space` (joined 60 days ago: no new account's limit)."""
    return MembershipFactory(space=space).user


@pytest.fixture
def topic(space):
    """A topic of `space` opened by another member, with a reply."""
    return TopicFactory(space=space, author=MembershipFactory(space=space).user, posts=2)


@pytest.fixture
def outsider():
    """A logged-in member of the portal who belongs to no space."""
    return UserFactory()
