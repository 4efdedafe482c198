"""What a search document holds, built from what it stands for: a live page (its own text and
that of its related objects: speakers, experts' roles and biographies, territory), a document
attached to a page (its title and extracted text), a topic (its title, the text and authors of
its visible posts), a forum attachment (its name and extracted text).

Builders take many objects at once and read each relation in one query, so that the rebuild
of every document (`search.sync.rebuild`) and the refresh of one cost the same few queries.
A builder returns `Built` values: the document's fields and its steps' ids.
"""

from dataclasses import dataclass, field

from django.db import connection
from django.db.models import prefetch_related_objects
from django.urls import reverse
from django.utils.text import Truncator
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from core.models import AttachedDocument, DocumentText
from core.text import WORD, fold, terms
from experiences.models import ExperienceSheetPage
from forums.models import Attachment, Post, Topic
from resources.models import StepPage, ToolPage, VideoPage

from .documents import extract_text
from .models import Kind, Reach, SearchDocument

SUMMARY_LENGTH = 3000  # of the text as written, where a hit's excerpt is looked for
KINDS = {ExperienceSheetPage: Kind.SHEET, VideoPage: Kind.VIDEO, ToolPage: Kind.TOOL}
KINDS[StepPage] = Kind.STEP


@dataclass
class Built:
    key: str
    fields: dict
    steps: list = field(default_factory=list)
    written: str = ""  # title and text as written, for the vocabulary (search.vocabulary)


def document(key: str, title: str, texts: list[str], steps=(), **fields) -> Built:
    """The fields of a document: its title and text folded, and their terms."""
    text = "\n".join(part for part in texts if part)
    folded = fold(f"{title}\n{text}")  # phrases are found in it, the title's too
    return Built(
        key=key,
        fields={
            "title": title[:255],
            "title_key": title_key(title),
            "text": folded,
            "stems": terms(f"{title}\n{text}"),
            "pairs": word_pairs(folded) if connection.vendor == "postgresql" else "",
        }
        | fields,
        steps=list(steps),
        written=f"{title}\n{text}",
    )


def word_pairs(folded: str) -> str:
    """Each two consecutive words of a folded text, once, joined by "_" (never in a word):
    a phrase holds all of its pairs (search/postgres.py)."""
    words = WORD.findall(folded)
    return " ".join(dict.fromkeys(f"{a}_{b}" for a, b in zip(words, words[1:], strict=False)))


def title_key(text: str) -> str:
    """A title's words, folded: what an exact title match compares."""
    return " ".join(WORD.findall(fold(text)))[:255]


def _text(value) -> str:
    if isinstance(value, list | tuple):
        return "\n".join(_text(item) for item in value)
    return "" if value is None else str(value)


def page_text(page) -> list[str]:
    """The text of the fields a page type declares for its search document (its
    `document_fields`: index.SearchField and index.RelatedFields), related objects included;
    the title is the document's own field. Wagtail's own index of pages, which its admin
    searches, holds their titles only (Page.search_fields): a video's transcript is not
    indexed twice."""
    texts = []
    for search_field in getattr(page, "document_fields", []):
        if isinstance(search_field, index.SearchField):
            texts.append(_text(search_field.get_value(page)))
        elif isinstance(search_field, index.RelatedFields):
            related = getattr(page, search_field.field_name, None)
            objects = related.all() if hasattr(related, "all") else [related] if related else []
            for obj in objects:
                texts += [
                    _text(sub.get_value(obj))
                    for sub in search_field.fields
                    if isinstance(sub, index.SearchField)
                ]
    return texts


def restricted_paths() -> list[str]:
    """The paths of the sections under a view restriction: no document of theirs is found."""
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def _restricted(page, paths: list[str]) -> bool:
    return any(page.path.startswith(path) for path in paths)


def pages(queryset, paths: list[str] | None = None) -> list[Built]:
    """The documents of the live pages of `queryset` (the root left out) and of the documents
    attached to them."""
    paths = restricted_paths() if paths is None else paths
    found = list(queryset.live().filter(depth__gt=1).specific())
    by_model: dict[type, list] = {}
    for page in found:
        by_model.setdefault(type(page), []).append(page)
    for model, group in by_model.items():
        related = [
            name for name in ("territory", "steps", "speakers", "documents") if hasattr(model, name)
        ]
        prefetch_related_objects(group, *related)
    attached = [link for page in found for link in _links(page)]
    prefetch_related_objects(attached, "document")
    texts = dict(
        DocumentText.objects.filter(
            document_id__in={link.document_id for link in attached}
        ).values_list("document_id", "text")
    )
    built = []
    for page in found:
        built.append(_page(page, paths))
        built += [
            _attached(page, link, texts.get(link.document_id, ""), paths) for link in _links(page)
        ]
    return built


def _links(page) -> list:
    links = getattr(page, "documents", None)
    return list(links.all()) if links is not None and isinstance(page, Page) else []


def _filters(page, paths: list[str]) -> dict:
    territory = getattr(page, "territory", None)
    steps = list(page.steps.all()) if hasattr(page, "steps") else []
    return {
        "reach": Reach.NOBODY if _restricted(page, paths) else Reach.PUBLIC,
        "page_id": page.pk,
        "territory_id": getattr(page, "territory_id", None),
        "edition_id": getattr(page, "edition_id", None),
        # A page tagged with many steps says the first ones only (the column's length).
        "context": Truncator(
            " · ".join(([territory.name] if territory else []) + [s.title for s in steps])
        ).chars(SearchDocument._meta.get_field("context").max_length),
        "_steps": [step.pk for step in steps],
    }


def _page(page, paths: list[str]) -> Built:
    filters = _filters(page, paths)
    steps = filters.pop("_steps")
    summary = getattr(page, "summary", "") or getattr(page, "intro", "") or page.search_description
    extra = {}
    if isinstance(page, VideoPage):
        extra["cues"] = [[cue.start, cue.timecode, cue.text] for cue in page.cues]
    return document(
        f"page:{page.pk}",
        page.title,
        page_text(page),
        steps,
        kind=KINDS.get(type(page), Kind.PAGE),
        summary=summary[:SUMMARY_LENGTH],
        url=page.get_url() or "",
        date=page.last_published_at,
        extra=extra,
        **filters,
    )


def _attached(page, link: AttachedDocument, text: str, paths: list[str]) -> Built:
    filters = _filters(page, paths)
    steps = filters.pop("_steps")
    filters["context"] = page.title
    return document(
        f"document:{link.document_id}:{page.pk}",
        link.document.title,
        [text],
        steps,
        kind=Kind.DOCUMENT,
        summary=text[:SUMMARY_LENGTH],
        url=link.document.url,
        date=link.document.created_at,
        **filters,
    )


def topics(queryset) -> list[Built]:
    """The documents of the topics of `queryset` (their visible posts' text and authors) and
    of the attachments of those posts."""
    found = list(queryset.select_related("space"))
    posts: dict[int, list] = {}
    rows = (
        Post.objects.shown()
        .filter(topic__in=[topic.pk for topic in found])
        .order_by("topic_id", "created_at", "pk")
        .values_list("topic_id", "body", "author__first_name", "author__last_name")
    )
    for topic_id, body, first_name, last_name in rows:
        posts.setdefault(topic_id, []).append((body, f"{first_name or ''} {last_name or ''}"))
    by_pk = {topic.pk: topic for topic in found}
    built = []
    for topic in found:
        bodies = [body for body, _name in posts.get(topic.pk, [])]
        authors = sorted({name.strip() for _body, name in posts.get(topic.pk, []) if name.strip()})
        written = "\n".join(bodies)
        built.append(
            document(
                f"topic:{topic.pk}",
                topic.title,
                [written, " ".join(authors)],
                kind=Kind.TOPIC,
                summary=written[:SUMMARY_LENGTH],
                url=reverse("forums:topic", args=[topic.space.slug, topic.pk]),
                date=topic.last_post_at,
                context=topic.space.name,
                **_space_filters(topic),
            )
        )
    attachments = Attachment.objects.filter(
        post__topic__in=list(by_pk), post__hidden_at__isnull=True, post__deleted_at__isnull=True
    ).select_related("post")
    for attachment in attachments.filter(is_image=False):
        topic = by_pk[attachment.post.topic_id]
        text = _attachment_text(attachment)
        built.append(
            document(
                f"attachment:{attachment.pk}",
                attachment.name,
                [text],
                kind=Kind.DOCUMENT,
                summary=text[:SUMMARY_LENGTH],
                url=reverse("forums:attachment", args=[attachment.pk]),
                date=attachment.post.created_at,
                context=topic.title,
                **_space_filters(topic),
            )
        )
    return built


def _space_filters(topic: Topic) -> dict:
    space = topic.space
    reach = Reach(space.visibility) if space.is_active else Reach.NOBODY
    return {"reach": reach, "space_id": space.pk, "territory_id": space.territory_id} | {
        "topic_id": topic.pk
    }


def _attachment_text(attachment) -> str:
    """The text of a forum attachment, read from its stored file (PDF, office, text) the first
    time and kept with it: a topic's documents are built again at every reply."""
    if attachment.text is None:
        extension = attachment.file.name.rsplit(".", 1)[-1].lower()
        try:
            with attachment.file.open("rb") as file:
                attachment.text = extract_text(file, extension)
        except OSError:  # the file is missing from storage: read again at the next build
            return ""
        Attachment.objects.filter(pk=attachment.pk).update(text=attachment.text)
    return attachment.text
