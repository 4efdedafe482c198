"""The data generator of the benchmarks, at tiny sizes."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page

from experiences.models import ExperienceSheetPage
from forums.models import Post, Space, Topic
from portal.generate import BENCH_SPACE_SLUG, BENCH_TOPIC_POSTS, Generator, Sizes
from resources.models import ToolPage, VideoPage

pytestmark = pytest.mark.django_db

SIZES = {
    "sheets": 6,
    "videos": 5,
    "tools": 4,
    "members": 12,
    "spaces": 4,
    "topics": 8,
    "posts": 520,
    "cues": 3,
}


@pytest.fixture
def generated():
    before = {model: model.objects.count() for model in (ExperienceSheetPage, VideoPage, ToolPage)}
    options = [f"--{name}={value}" for name, value in SIZES.items()]
    call_command("generate_data", *options, "--seed=3", stderr=io.StringIO())
    return before


def test_generates_the_requested_counts(generated):
    assert ExperienceSheetPage.objects.count() == generated[ExperienceSheetPage] + 6
    assert VideoPage.objects.count() == generated[VideoPage] + 5
    assert ToolPage.objects.count() == generated[ToolPage] + 4
    assert get_user_model().objects.filter(username__startswith="membre-").count() == 12
    assert Space.objects.filter(slug__startswith="espace-").count() == 4
    topics = Topic.objects.filter(space__slug__startswith="espace-")
    assert topics.count() == 8
    assert Post.objects.filter(topic__in=topics).count() == 520


def test_generated_pages_are_live_in_a_sound_tree_and_render(generated, client):
    assert Page.find_problems() == ([], [], [], [], [])
    for model in (ExperienceSheetPage, VideoPage, ToolPage):
        page = model.objects.order_by("-pk").first()
        assert page.live
        assert client.get(page.url).status_code == 200, page.url


def test_bench_topic_has_its_posts_and_consistent_counters(generated, client):
    topic = Topic.objects.filter(space__slug=BENCH_SPACE_SLUG).order_by("pk").first()
    assert topic.post_count == topic.posts.count() == BENCH_TOPIC_POSTS
    assert topic.last_post_at == topic.posts.order_by("-created_at").first().created_at
    for other in Topic.objects.filter(space__slug__startswith="espace-"):
        assert other.post_count == other.posts.count() >= 1
    assert client.get(topic.get_absolute_url() + "?page=last").status_code == 200


def test_same_seed_gives_the_same_french_text():
    def sentences(seed):
        text = Generator(Sizes(), seed=seed).text
        return [text.sentence() for _ in range(5)]

    assert sentences(3) == sentences(3) != sentences(4)
    assert all(sentence[0].isupper() and sentence.endswith(".") for sentence in sentences(3))
