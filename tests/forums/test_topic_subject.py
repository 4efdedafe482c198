"""What a topic may be about: a live, public resource (sheet, video, tool), nothing else."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Page, PageViewRestriction

from experiences.models import ExperienceSheetPage
from forums import selectors
from forums.models import Topic
from resources.models import ToolPage, VideoPage
from tests.factories import (
    ExperienceSheetFactory,
    StandardPageFactory,
    StepFactory,
    ToolFactory,
    VideoFactory,
    home,
)

pytestmark = pytest.mark.django_db

FIXTURES = [HealthCheck.function_scoped_fixture]


def unpublished():
    page = ExperienceSheetFactory()
    page.unpublish()
    return page


def restricted():
    page = ExperienceSheetFactory()
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    return page


NOT_SUBJECTS = {
    "root": lambda: Page.objects.get(depth=1),
    "home": home,
    "free page": StandardPageFactory,
    "step": StepFactory,
    "unpublished sheet": unpublished,
    "restricted sheet": restricted,
}


@pytest.mark.parametrize("kind", NOT_SUBJECTS)
def test_only_resources_may_be_discussed(client, member, space, kind):
    page = NOT_SUBJECTS[kind]()
    client.force_login(member)
    assert client.get(reverse("forums:discuss_resource", args=[page.pk])).status_code == 404
    url = reverse("forums:topic_create", args=[space.slug])
    assert 'name="ressource"' not in client.get(url, {"ressource": page.pk}).content.decode()
    client.post(url, {"ressource": page.pk, "title": "Sujet sans objet", "body": "Bonjour"})
    assert Topic.objects.get(title="Sujet sans objet").resource is None


@pytest.mark.parametrize("make", [ExperienceSheetFactory, VideoFactory, ToolFactory])
def test_a_live_public_resource_may_be_discussed(client, member, space, make):
    page = make()
    client.force_login(member)
    assert client.get(reverse("forums:discuss_resource", args=[page.pk])).status_code == 200
    url = reverse("forums:topic_create", args=[space.slug])
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
