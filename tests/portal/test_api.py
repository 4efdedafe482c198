"""The read-only API (portal/api.py): only what anyone may read, the fields a reuser needs,
queries constant with the data, bad parameters refused with a JSON message, a rate limit per
client address, CORS for reading, and no cache that one visitor fills for another."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction, Site

from core import documents as core_documents
from experiences.models import ExperienceDocument
from tests.factories import (
    ExperienceSheetFactory,
    ExpertFactory,
    StandardPageFactory,
    StepFactory,
    ToolFactory,
    UserFactory,
    VideoFactory,
    document,
    unique,
)
from tests.fuzz import AWKWARD, TEXT

pytestmark = pytest.mark.django_db

SHEETS = "experiences.ExperienceSheetPage"


def api(client, path, **params):
    return client.get(f"/api/v2/{path}", params)


def listed_ids(client, **params) -> set[int]:
    ids, offset = set(), 0
    while True:
        data = api(client, "pages/", limit=20, offset=offset, **params).json()
        ids |= {item["id"] for item in data["items"]}
        offset += 20
        if offset >= data["meta"]["total_count"]:
            return ids


def restrict(page, kind, **fields):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=kind, **fields)
    if kind == PageViewRestriction.GROUPS:
        restriction.groups.add(Group.objects.create(name=unique("CoDir")))
    return restriction


def test_a_public_live_sheet_is_listed_with_what_a_reuser_needs(client):
    step = StepFactory(title="Parite")
    sheet = ExperienceSheetFactory(title="Charte du Pays", summary="En bref.", steps=[step])
    sheet.save_revision().publish()
    data = api(client, "pages/", type=SHEETS, fields="*", slug=sheet.slug).json()
    assert data["meta"]["total_count"] == 1
    item = data["items"][0]
    assert item["title"] == "Charte du Pays"
    assert item["summary"] == "En bref."
    assert item["steps"] == [{"id": step.pk, "title": "Parite"}]
    assert item["territory"]["name"] == sheet.territory.name
    assert item["territory"]["population"] == sheet.territory.population
    assert item["licence"] == "etalab-2.0"
    assert item["licence_url"].startswith("https://")
    assert item["meta"]["first_published_at"]
    assert item["meta"]["last_published_at"]
    assert item["meta"]["html_url"].endswith(sheet.url)


def test_a_video_gives_its_speakers_and_the_address_of_its_captions(client):
    expert = ExpertFactory(name="Nadia Exemple", role="experte")
    video = VideoFactory()
    video.speakers.add(expert)
    video.save_revision().publish()
    data = api(client, f"pages/{video.pk}/").json()
    assert data["speakers"] == [{"name": "Nadia Exemple", "role": "experte"}]
    assert data["captions_url"].endswith(f"{video.url}sous-titres/")
    assert data["duration"] == "00:05:00"
    captions = client.get(data["captions_url"])
    assert captions.status_code == 200
    assert captions["Content-Type"].startswith("text/vtt")


def test_nothing_private_is_said_of_a_page(client):
    user = UserFactory(email="autrice@example.org")
    sheet = ExperienceSheetFactory(owner=user)
    body = api(client, f"pages/{sheet.pk}/", fields="*").content.decode()
    assert "autrice@example.org" not in body
    assert "owner" not in body
    assert "latest_revision" not in body


@pytest.mark.parametrize(
    "kind", [PageViewRestriction.LOGIN, PageViewRestriction.GROUPS, PageViewRestriction.PASSWORD]
)
def test_a_restricted_section_is_never_shown_even_to_who_may_read_it(client, kind):
    private = StandardPageFactory()
    below = StandardPageFactory(parent=private)
    restrict(private, kind, password="secret" if kind == PageViewRestriction.PASSWORD else "")
    client.force_login(UserFactory(is_superuser=True))  # the API authenticates nobody
    ids = listed_ids(client)
    assert private.pk not in ids and below.pk not in ids
    for page in (private, below):
        assert api(client, f"pages/{page.pk}/").status_code == 404
    assert api(client, "pages/", child_of=private.pk).status_code == 400


def test_drafts_and_pages_outside_the_default_site_are_not_shown(client):
    draft = ExperienceSheetFactory()
    draft.unpublish()
    elsewhere_root = StandardPageFactory(parent=Page.objects.get(depth=1))
    elsewhere = StandardPageFactory(parent=elsewhere_root)
    Site.objects.create(hostname="autre.example", root_page=elsewhere_root)
    ids = listed_ids(client)
    assert not {draft.pk, elsewhere_root.pk, elsewhere.pk} & ids
    assert api(client, f"pages/{draft.pk}/").status_code == 404
    response = client.get(f"/api/v2/pages/{elsewhere.pk}/", headers={"host": "autre.example"})
    assert response.status_code == 404


def test_a_private_step_or_related_page_is_left_out_of_a_public_sheet(client):
    shown, hidden = StepFactory(), StepFactory()
    restrict(hidden, PageViewRestriction.LOGIN)
    sheet = ExperienceSheetFactory(steps=[shown, hidden])
    data = api(client, f"pages/{sheet.pk}/").json()
    assert [step["id"] for step in data["steps"]] == [shown.pk]


def sheet_with(doc, **restriction):
    page = ExperienceSheetFactory()
    page.documents = [ExperienceDocument(document=doc)]
    page.save_revision().publish()
    if restriction:
        restrict(page, **restriction)
    return page


def test_documents_are_listed_only_when_a_public_live_page_uses_them(client, rf):
    public, members, unused = document(), document(), document()
    sheet_with(public)
    sheet_with(members, kind=PageViewRestriction.LOGIN)
    draft = sheet_with(document())
    draft.unpublish()
    listed = {item["id"] for item in api(client, "documents/", limit=20).json()["items"]}
    assert public.pk in listed
    assert not {members.pk, unused.pk} & listed
    assert api(client, f"documents/{members.pk}/").status_code == 404
    detail = api(client, f"documents/{public.pk}/").json()
    assert detail["meta"]["download_url"].endswith(public.url)
    # One rule: what the API lists is what a visitor without an account may download.
    request = rf.get("/")
    request.user = AnonymousUser()
    for doc in (public, members, unused):
        allowed = core_documents.document_access(request, doc) is core_documents.Access.ALLOWED
        listed_publicly = core_documents.public_uploads(type(doc).objects.filter(pk=doc.pk))
        assert allowed == listed_publicly.exists()


@pytest.mark.parametrize("depth", [0, 1, 2])
def test_a_document_in_a_restricted_collection_or_below_one_is_not_shown(client, depth):
    """Wagtail serves a document of a collection under a view restriction, or of a collection
    below one, only to whom the restriction lets in: the API shows it nowhere."""
    restricted = Collection.get_first_root_node().add_child(name=f"Réservé {depth}")
    CollectionViewRestriction.objects.create(
        collection=restricted, restriction_type=CollectionViewRestriction.LOGIN
    )
    collection = restricted
    for level in range(depth):
        collection = collection.add_child(name=f"Sous-dossier {depth}-{level}")
    hidden = document()
    hidden.collection = collection
    hidden.save()
    sheet = sheet_with(hidden)
    listed = {item["id"] for item in api(client, "documents/", limit=20).json()["items"]}
    assert hidden.pk not in listed
    assert api(client, f"documents/{hidden.pk}/").status_code == 404
    detail = api(client, f"pages/{sheet.pk}/").json()
    assert hidden.pk not in [each["id"] for each in detail["documents"]]
    assert not core_documents.public_uploads(type(hidden).objects.filter(pk=hidden.pk)).exists()


def test_search_is_not_offered_by_the_api(client):
    response = api(client, "pages/", search="charte")
    assert response.status_code == 400
    assert "search" in response.json()["message"]


@pytest.mark.parametrize(
    "params",
    [
        {"offset": "99999999999999999999"},
        {"offset": "-1"},
        {"limit": "1000"},
        {"limit": "²"},
        {"child_of": "99999999999999999999"},
        {"descendant_of": "abc"},
        {"ancestor_of": "root"},
        {"type": "wagtailcore.Nope"},
        {"type": "auth.User"},
        {"fields": "owner"},
        {"fields": "territory(name)"},
        {"fields": "_"},
        {"fields": ""},
        {"order": "random"},
        {"order": "owner"},
        {"title": "x"},
        {"slug": "é"},
        {"rich_text_format": "html"},
        {"site": "autre.example"},
    ],
)
def test_bad_parameters_are_refused_with_a_json_message(client, params):
    response = api(client, "pages/", **params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["message"]


def test_an_id_past_what_the_database_holds_is_not_found(client):
    for path in ("pages/", "images/", "documents/"):
        response = api(client, f"{path}99999999999999999999/")
        assert response.status_code == 404
        assert response.json() == {"message": "not found"}


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(text=st.one_of(st.sampled_from(AWKWARD), TEXT))
def test_no_value_of_any_parameter_is_a_server_error(client, text):
    for name in ("fields", "type", "order", "child_of", "offset", "limit", "slug", "x"):
        response = client.get("/api/v2/pages/", {name: text})
        assert response.status_code in {200, 400}, (name, text)


def test_writing_is_refused(client):
    for method in ("post", "put", "patch", "delete"):
        response = getattr(client, method)("/api/v2/pages/")
        assert response.status_code == 405
        assert "GET" in response["Allow"]


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"type": SHEETS, "fields": "*"},
        {"type": "resources.VideoPage", "fields": "*"},
        {"type": "resources.ToolPage", "fields": "*"},
    ],
)
def test_a_list_costs_the_same_queries_for_few_pages_or_many(
    client, django_assert_num_queries, params
):
    def make(count):
        for _ in range(count):
            step = StepFactory()
            sheet = ExperienceSheetFactory(steps=[step])
            sheet.documents = [ExperienceDocument(document=document())]
            sheet.save_revision().publish()
            video = VideoFactory(steps=[step], video_document=document())
            video.speakers.add(ExpertFactory(), ExpertFactory())
            video.save_revision().publish()
            ToolFactory(steps=[step])

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            assert api(client, "pages/", limit=20, **params).status_code == 200
        return len(queries)

    make(1)
    few = count_queries()
    make(12)
    with django_assert_num_queries(few):
        api(client, "pages/", limit=20, **params)
    assert few <= 10


@pytest.mark.parametrize("path", ["images/", "documents/"])
def test_images_and_documents_lists_cost_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, path
):
    for _ in range(5):
        sheet_with(document())
    with CaptureQueriesContext(connection) as few:
        assert api(client, path, fields="*", limit=2).status_code == 200
    with django_assert_max_num_queries(len(few)):
        assert api(client, path, fields="*", limit=20).status_code == 200
    assert len(few) <= 10


def test_a_detail_costs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    sheet = ExperienceSheetFactory(steps=[StepFactory() for _ in range(6)])
    sheet.documents = [ExperienceDocument(document=document()) for _ in range(5)]
    sheet.save_revision().publish()
    with django_assert_max_num_queries(10):
        assert api(client, f"pages/{sheet.pk}/").status_code == 200


def test_every_request_says_any_origin_may_read_it_without_credentials(client):
    response = api(client, "pages/")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    preflight = client.options(
        "/api/v2/pages/",
        headers={"origin": "https://reutilisateur.example", "access-control-request-method": "GET"},
    )
    assert preflight.status_code == 200
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert client.head("/api/v2/pages/").status_code == 200


def test_too_many_requests_from_one_address_are_told_in_french_when_to_come_back(client, settings):
    settings.PORTAL_API_RATE = "3/min"
    for _ in range(3):
        assert api(client, "pages/", limit=1).status_code == 200
    response = api(client, "pages/", limit=1)
    assert response.status_code == 429
    assert int(response["Retry-After"]) >= 1
    assert "réessayez" in response.json()["message"]
    assert response["Access-Control-Allow-Origin"] == "*"
    other = client.get("/api/v2/pages/", {"limit": 1}, REMOTE_ADDR="192.0.2.9")
    assert other.status_code == 200


def test_the_anonymous_page_cache_never_keeps_the_api(client, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 600
    sheet = ExperienceSheetFactory(title="Avant")
    assert api(client, f"pages/{sheet.pk}/").json()["title"] == "Avant"
    sheet.title = "Apres"
    sheet.save_revision().publish()
    response = api(client, f"pages/{sheet.pk}/")
    assert response.json()["title"] == "Apres"
    assert "X-Cache" not in response


def test_robots_ask_crawlers_to_leave_the_api_to_programs(client):
    assert "Disallow: /api/" in client.get("/robots.txt").content.decode()
