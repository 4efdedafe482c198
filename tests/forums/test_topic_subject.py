"""What a topic may be about: a live, public resource (sheet, video, tool), nothing else."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Page, PageViewRestriction

from experiences.models import ExperienceSheetPage
from forums import selectors, services
from forums.models import Space, Topic
from portal.models import HomePage, StandardPage
from resources.models import StepPage, ToolPage, VideoPage
from tests.factories import sheet

pytestmark = pytest.mark.django_db

FIXTURES = [HealthCheck.function_scoped_fixture]


@pytest.fixture
def member(django_user_model, settings):
    settings.FORUMS_MIN_SECONDS_BETWEEN_POSTS = 0
    user = django_user_model.objects.create_user(
        "sujet.test", "sujet@example.org", "mot-de-passe-solide",
        date_joined=timezone.now() - datetime.timedelta(days=60),
    )  # fmt: skip
    services.membership_add(space=Space.objects.get(slug="reseau-dgs-sg"), user=user)
    return user


def unpublished():
    page = sheet()
    page.unpublish()
    return page


def restricted():
    page = sheet()
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    return page


NOT_SUBJECTS = {
    "root": lambda: Page.objects.get(depth=1),
    "home": lambda: HomePage.objects.get(),
    "free page": lambda: StandardPage.objects.live().first(),
    "step": lambda: StepPage.objects.first(),
    "unpublished sheet": unpublished,
    "restricted sheet": restricted,
}


@pytest.mark.parametrize("kind", NOT_SUBJECTS)
def test_only_resources_may_be_discussed(client, member, kind):
    page = NOT_SUBJECTS[kind]()
    client.force_login(member)
    assert client.get(reverse("forums:discuss_resource", args=[page.pk])).status_code == 404
    url = reverse("forums:topic_create", args=["reseau-dgs-sg"])
    assert 'name="ressource"' not in client.get(url, {"ressource": page.pk}).content.decode()
    client.post(url, {"ressource": page.pk, "title": "Sujet sans objet", "body": "Bonjour"})
    assert Topic.objects.get(title="Sujet sans objet").resource is None


@pytest.mark.parametrize("model", [ExperienceSheetPage, VideoPage, ToolPage])
def test_a_live_public_resource_may_be_discussed(client, member, model):
    page = model.objects.live().public().first()
    client.force_login(member)
    assert client.get(reverse("forums:discuss_resource", args=[page.pk])).status_code == 200
    url = reverse("forums:topic_create", args=["reseau-dgs-sg"])
    client.post(url, {"ressource": page.pk, "title": "Sujet de ressource", "body": "Bonjour"})
    assert Topic.objects.get(title="Sujet de ressource").resource_id == page.pk


@settings(max_examples=30, deadline=None, suppress_health_check=FIXTURES)
@given(page_id=st.one_of(st.integers(min_value=0, max_value=2**31 - 1), st.sampled_from([1, 2, 3])))
def test_any_page_id_is_a_resource_or_not_found(client, member, page_id):
    client.force_login(member)
    response = client.get(reverse("forums:discuss_resource", args=[page_id]))
    subject = selectors.discussable_resources().filter(pk=page_id).exists()
    assert response.status_code == (200 if subject else 404)
    page = Page.objects.filter(pk=page_id).first()
    if page is not None and not subject:
        assert page.specific_class not in (ExperienceSheetPage, VideoPage, ToolPage) or (
            not page.live or not Page.objects.public().filter(pk=page_id).exists()
        )
