"""Under a post, its author: the name linked to their profile, their handle, their job and
collectivité when filled in, to whoever may see that profile."""

import pytest

from accounts.models import Job
from tests.factories import SpaceFactory, TopicFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def thread():
    author = UserFactory(
        verified=True, first_name="Claire", last_name="Durand",
        profile__in_directory=True, profile__job=Job.DGS,
        profile__organisation="Commune de Nort-sur-Erdre",
    )  # fmt: skip
    return author, TopicFactory(space=SpaceFactory(public=True), author=author)


def test_a_member_sees_the_author_linked_with_job_and_collectivite(client, thread):
    author, topic = thread
    client.force_login(UserFactory(verified=True))
    html = client.get(topic.get_absolute_url()).content.decode()
    url = author.profile.get_absolute_url()
    assert f'class="post__author" href="{url}">Claire Durand</a>' in html
    assert '<span class="post__role">DGS · Commune de Nort-sur-Erdre</span>' in html
    assert f"@{author.profile.handle}" in html


def test_an_anonymous_reader_sees_the_name_and_handle_without_the_profile(client, thread):
    author, topic = thread
    html = client.get(topic.get_absolute_url()).content.decode()
    assert '<span id="auteur-' in html and "Claire Durand" in html
    assert author.profile.get_absolute_url() not in html
    assert "Nort-sur-Erdre" not in html


def test_a_profile_out_of_the_directory_is_neither_linked_nor_described(client, thread):
    author, topic = thread
    author.profile.in_directory = False
    author.profile.save()
    client.force_login(UserFactory(verified=True))
    html = client.get(topic.get_absolute_url()).content.decode()
    assert author.profile.get_absolute_url() not in html and "Nort-sur-Erdre" not in html
    assert f"@{author.profile.handle}" in html
