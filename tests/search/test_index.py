"""The search documents follow what they stand for (publish, unpublish, restrict, a post
hidden or deleted, a space made private or closed, `update_index`), and every kind is ranked
in one list with an exact title first; on whichever backend the suite runs against."""

import io
import re
from datetime import timedelta
from html import unescape

import pytest
from django.conf import settings as django_settings  # noqa: F401 - read by skipif
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import OperationalError, connection  # noqa: F401 - read by skipif
from django.utils import timezone
from wagtail.models import PageViewRestriction

from forums import services
from resources.models import Expert
from search import sync
from search.models import Kind, Reach, SearchDocument
from tests.factories import (
    SpaceFactory,
    StandardPageFactory,
    ToolFactory,
    UserFactory,
    VideoFactory,
)

pytestmark = pytest.mark.django_db


def found(client, query, **params) -> str:
    response = client.get("/recherche/", {"q": query, **params})
    assert response.status_code == 200
    return unescape(response.content.decode())


def titles(html: str) -> list[str]:
    return re.findall(r'<a class="result__title" href="[^"]*">([^<]+)</a>', html)


def test_a_page_is_found_once_published_and_no_longer_once_unpublished_or_restricted(client):
    page = StandardPageFactory(title="Quinconce des élus")
    assert SearchDocument.objects.get(page=page).reach == Reach.PUBLIC
    assert "Quinconce des élus" in titles(found(client, "quinconce"))
    page.unpublish()
    assert not SearchDocument.objects.filter(page=page).exists()
    assert "Quinconce des élus" not in titles(found(client, "quinconce"))
    page.save_revision().publish()
    assert "Quinconce des élus" in titles(found(client, "quinconce"))
    restriction = PageViewRestriction.objects.create(page=page, restriction_type="login")
    assert SearchDocument.objects.get(page=page).reach == Reach.NOBODY
    assert "Quinconce des élus" not in titles(found(client, "quinconce"))
    restriction.delete()
    assert "Quinconce des élus" in titles(found(client, "quinconce"))
    page.delete()
    assert not SearchDocument.objects.filter(title="Quinconce des élus").exists()


@pytest.fixture
def thread(codir, django_capture_on_commit_callbacks):
    space = SpaceFactory(public=True)
    with django_capture_on_commit_callbacks(execute=True):
        topic = services.topic_create(
            space=space, author=codir.member, title="Un fil ouvert", body="Le mot ocarina."
        )
    return topic


def test_a_hidden_or_deleted_post_leaves_its_topics_document(
    client, codir, thread, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        hidden = services.post_create(topic=thread, author=codir.member, body="Le mot sextant.")
        deleted = services.post_create(topic=thread, author=codir.member, body="Le mot tympan.")
    assert "Un fil ouvert" in titles(found(client, "sextant"))
    with django_capture_on_commit_callbacks(execute=True):
        services.post_hide(post=hidden, moderator=UserFactory(staff=True), reason="Hors sujet")
        services.post_delete(post=deleted, user=codir.member)
    assert "Un fil ouvert" not in titles(found(client, "sextant"))
    assert "Un fil ouvert" not in titles(found(client, "tympan"))
    assert "Un fil ouvert" in titles(found(client, "ocarina"))


def test_a_reply_whose_documents_cannot_be_written_is_refused_whole(codir, thread, monkeypatch):
    """The documents are written in the reply's transaction: a database too busy for them
    refuses the reply, which the member may send again, rather than committing it and saying
    it failed (the member would post it twice)."""

    def busy(topic_ids):
        raise OperationalError("database is locked")

    monkeypatch.setattr(sync, "refresh_topics", busy)
    with pytest.raises(services.ForumBusy):
        services.post_create(topic=thread, author=codir.member, body="Le mot sextant.")
    assert not thread.posts.filter(body="Le mot sextant.").exists()


def test_an_admin_write_whose_documents_fail_is_kept_and_logged(
    thread, monkeypatch, django_capture_on_commit_callbacks, caplog
):
    def busy(topic_ids):
        raise OperationalError("database is locked")

    monkeypatch.setattr(sync, "refresh_topics", busy)
    with django_capture_on_commit_callbacks(execute=True):
        thread.title = "Un fil renommé"
        thread.save()
    thread.refresh_from_db()
    assert thread.title == "Un fil renommé"
    assert "database is locked" in caplog.text


def test_a_space_made_private_or_closed_takes_its_topics_with_it(
    client, codir, thread, django_capture_on_commit_callbacks
):
    space = thread.space
    with django_capture_on_commit_callbacks(execute=True):
        space.visibility = Reach.PRIVATE
        space.save()
    assert SearchDocument.objects.get(topic=thread, kind=Kind.TOPIC).reach == Reach.PRIVATE
    assert "Un fil ouvert" not in titles(found(client, "ocarina"))
    client.force_login(codir.outsider)
    assert "Un fil ouvert" not in titles(found(client, "ocarina"))
    client.force_login(UserFactory(staff=True))
    assert "Un fil ouvert" in titles(found(client, "ocarina"))
    with django_capture_on_commit_callbacks(execute=True):
        space.is_active = False
        space.save()
    assert "Un fil ouvert" not in titles(found(client, "ocarina"))


def test_an_attachments_text_is_found_by_the_readers_of_its_space_only(
    client, codir, private_topic, django_capture_on_commit_callbacks
):
    upload = SimpleUploadedFile("compte-rendu.txt", "Budget du périscolaire".encode())
    with django_capture_on_commit_callbacks(execute=True):
        services.post_create(
            topic=private_topic, author=codir.member, body="Le fichier", attachment=upload
        )
    client.force_login(codir.outsider)
    assert "compte-rendu.txt" not in titles(found(client, "périscolaire"))
    client.force_login(codir.other_member)
    html = found(client, "periscolaire")
    assert "compte-rendu.txt" in titles(html)
    assert "Mutualisation des agents" in html  # the topic it belongs to is named


def test_an_attachments_text_is_read_once_not_at_every_reply(
    client, codir, private_topic, django_capture_on_commit_callbacks
):
    upload = SimpleUploadedFile("bilan.txt", b"Bilan du transport scolaire")
    with django_capture_on_commit_callbacks(execute=True):
        post = services.post_create(
            topic=private_topic, author=codir.member, body="Le bilan", attachment=upload
        )
    attachment = post.attachments.get()
    assert attachment.text == "Bilan du transport scolaire"
    attachment.file.delete(save=False)  # a reply builds the topic's documents again
    with django_capture_on_commit_callbacks(execute=True):
        services.post_create(topic=private_topic, author=codir.other_member, body="Merci")
    client.force_login(codir.other_member)
    assert "bilan.txt" in titles(found(client, "transport scolaire"))


def test_a_speakers_name_role_and_biography_find_their_talks(client):
    expert = Expert.objects.create(
        name="Aurélie Zimmermann", role="Directrice de l'ingénierie", bio="Spécialiste du bocage."
    )
    videos = [VideoFactory(title=f"Intervention {number}") for number in range(3)]
    for video in videos:
        video.speakers.add(expert)
        video.save_revision().publish()
    for query in ("aurelie zimmermann", "ingénierie", "bocage"):
        assert sorted(titles(found(client, query))) == sorted(video.title for video in videos)
    expert.bio = "Spécialiste des mangroves."
    expert.save()
    assert titles(found(client, "bocage")) == []
    assert len(titles(found(client, "mangroves"))) == 3


def test_an_exact_title_comes_first_whatever_its_kind(
    client, codir, django_capture_on_commit_callbacks
):
    for number in range(4):
        StandardPageFactory(
            title=f"Atelier {number}", intro="Une carte mentale, puis une autre carte mentale."
        )
    ToolFactory(title="Carte mentale", summary="Un outil.")
    with django_capture_on_commit_callbacks(execute=True):
        services.topic_create(
            space=SpaceFactory(public=True),
            author=codir.member,
            title="Cartes et cartes mentales mentales",
            body="carte mentale carte mentale carte mentale",
        )
    assert titles(found(client, "carte mentale"))[0] == "Carte mentale"
    assert titles(found(client, "Carte Mentale"))[0] == "Carte mentale"


@pytest.mark.skipif(
    "connection.vendor != 'postgresql' or django_settings.OPENSEARCH_URLS",
    reason="PostgreSQL's search ranks a word held by most documents by their titles",
)
def test_a_word_that_most_documents_hold_ranks_titles_first_then_the_newest(client, monkeypatch):
    from search.postgres import IndexedPostgresSearchBackend

    monkeypatch.setattr(IndexedPostgresSearchBackend, "BROAD", 2)
    older = StandardPageFactory(title="Atelier ancien", intro="Le mot gypaète, dans le texte.")
    newer = StandardPageFactory(title="Atelier récent", intro="Le mot gypaète, dans le texte.")
    StandardPageFactory(title="Le gypaète barbu", intro="Un oiseau.")
    SearchDocument.objects.filter(page=older).update(date=timezone.now() - timedelta(days=9))
    SearchDocument.objects.filter(page=newer).update(date=timezone.now())
    shown = titles(found(client, "gypaète"))
    assert shown == ["Le gypaète barbu", "Atelier récent", "Atelier ancien"]
    assert "3 résultats" in found(client, "gypaete")


def test_update_index_rebuilds_every_document_with_progress(client):
    page = StandardPageFactory(title="Quinconce rebâti")
    SearchDocument.objects.filter(page=page).update(title="Ancien titre")
    output = io.StringIO()
    call_command("update_index", stdout=output)
    assert "Search documents:" in output.getvalue()
    assert SearchDocument.objects.get(page=page).title == "Quinconce rebâti"
    assert "Quinconce rebâti" in titles(found(client, "quinconce"))


def test_every_page_types_document_fields_name_its_fields():
    """A page type's `document_fields` are what its search document holds (search.build):
    each names a field or relation of the page, and Wagtail's own index of pages, searched by
    its admin, holds the titles only."""
    from django.apps import apps
    from wagtail.models import Page
    from wagtail.search import index

    declared = [
        m for m in apps.get_models() if issubclass(m, Page) and hasattr(m, "document_fields")
    ]
    assert len(declared) >= 8
    for model in declared:
        for field in model.document_fields:
            assert isinstance(field, index.SearchField | index.RelatedFields), model
            assert hasattr(model, field.field_name), (model, field.field_name)
        assert {
            f.field_name for f in model.get_search_fields() if isinstance(f, index.SearchField)
        } == {"title"}, model


@pytest.mark.skipif(
    "connection.vendor != 'postgresql' or django_settings.OPENSEARCH_URLS",
    reason="PostgreSQL's index entries of the search documents",
)
def test_the_search_documents_index_entries_are_wagtails_own(codir, thread):
    """search.postgres writes the documents' entries in one INSERT … SELECT: the same vectors
    and texts as Wagtail's own `add_items`, whitespace and accents included."""
    from modelsearch.backends.database.postgres.postgres import IndexEntry, PostgresIndex
    from wagtail.search.backends import get_search_backend

    StandardPageFactory(title="  Élus\tet agents ", intro="Un texte\n\n sur deux lignes.\x0b")
    ToolFactory(title="Un outil")
    index_ = get_search_backend().get_index_for_model(SearchDocument)
    docs = list(SearchDocument.get_indexed_objects())
    columns = ["object_id", "title", "autocomplete", "body", "title_text", "body_text"]

    def entries():
        rows = IndexEntry.objects.filter(object_id__in=[str(doc.pk) for doc in docs])
        return sorted(rows.filter(content_type__model="searchdocument").values_list(*columns))

    PostgresIndex.add_items(index_, SearchDocument, docs)
    wagtails = entries()
    index_.add_items(SearchDocument, docs)
    assert entries() == wagtails
    assert len(wagtails) == len(docs) >= 3
