"""Titles and names lose the characters that reorder how they read (U+202A–U+202E,
U+2066–U+2069 and the direction marks): typed by a member, a staff member or an editor."""

import pytest
from django.contrib.auth import get_user_model
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts.forms import ProfileForm, SignupForm
from accounts.services import profile_for
from core.text import BIDI_CONTROLS
from forums.forms import TopicForm
from forums.models import Space
from forums.templatetags.forum_tags import display_name
from tests.factories import sheet

pytestmark = pytest.mark.django_db

FIXTURES = [HealthCheck.function_scoped_fixture]
BIDI = [chr(code) for code in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]]
# Printable text with bidi controls mixed in, never made of them alone.
CHUNK = st.one_of(
    st.text(st.characters(codec="utf-8", exclude_categories=["Cc", "Cs"])), st.sampled_from(BIDI)
)
TEXT = (
    st.lists(CHUNK, min_size=1, max_size=8)
    .map("".join)
    .filter(lambda text: BIDI_CONTROLS.sub("", text).strip() and len(text) <= 150)
)


def clean(text: str) -> bool:
    return not BIDI_CONTROLS.search(text)


@settings(max_examples=50, deadline=None)
@given(title=TEXT)
def test_topic_titles_lose_bidi_controls(title):
    form = TopicForm(data={"title": title, "body": "Bonjour"})
    assert form.is_valid(), form.errors
    assert clean(form.cleaned_data["title"])


@settings(max_examples=50, deadline=None)
@given(first=TEXT, last=TEXT)
def test_sign_up_names_lose_bidi_controls(first, last):
    form = SignupForm(data={"first_name": first, "last_name": last})
    if form.is_valid():
        assert clean(form.cleaned_data["first_name"]) and clean(form.cleaned_data["last_name"])


@settings(max_examples=30, deadline=None, suppress_health_check=FIXTURES)
@given(first=TEXT, organisation=TEXT)
def test_profile_names_and_organisation_lose_bidi_controls(django_user_model, first, organisation):
    user, _created = django_user_model.objects.get_or_create(username="bidi", email="b@example.org")
    data = {
        "handle": "bidi",
        "first_name": first,
        "last_name": "Durand‮",
        "organisation": organisation,
    }
    form = ProfileForm(data=data, instance=profile_for(user))
    if form.is_valid():
        for name in ("first_name", "last_name", "organisation"):
            assert clean(form.cleaned_data[name])


def test_space_names_lose_bidi_controls():
    space = Space(name="Réseau ‮SGD‬ des DGS", slug="reseau-bidi", kind="metier")
    space.full_clean()
    assert space.name == "Réseau SGD des DGS"


@pytest.mark.parametrize("when", ["publish", "draft"])
def test_page_titles_typed_by_editors_lose_bidi_controls(when):
    page = sheet(title="Charte ‮ed‬ fonctionnement")
    assert page.title == page.draft_title == "Charte ed fonctionnement"
    page.title = "Nouvelle ⁦charte⁩"
    page.seo_title = "‏Charte"
    if when == "draft":
        page.minimal_clean()
    else:
        page.full_clean()
    assert (page.title, page.seo_title) == ("Nouvelle charte", "Charte")


def test_display_names_lose_bidi_controls():
    user = get_user_model()(username="x", first_name="Anne‮", last_name="⁧Martin", is_active=True)
    assert display_name(user) == "Anne Martin"
