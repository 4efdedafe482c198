"""How the read-only API (portal/api.py, Wagtail's API v2) shows the relations of a page: only
what anyone may read, in a few fixed keys (the OpenAPI description names each one).

Each field says which lookup brings its rows with the list (`lookup`): the API joins or
prefetches it once for the whole list, so that a list costs the same queries for 2 pages or 20.
"""

from django.db.models import Prefetch
from rest_framework.fields import Field

from .documents import in_restricted_collection
from .models.pages import is_public


def get_full_url(request, path: str) -> str:
    """Wagtail's API addresses: on the request's Wagtail site (its models load after ours)."""
    from wagtail.api.utils import get_full_url

    return get_full_url(request, path)


class RelationField(Field):
    """A read-only field of the API; `lookup` is ("select" or "prefetch", its lookup) for a
    field named `name` of `model`."""

    kind = "select"

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def lookup(self, model, name: str) -> tuple[str, str | Prefetch]:
        return self.kind, name


class PublicPagesField(RelationField):
    """Pages of a many-to-many relation (steps, related videos or tools): the live public ones
    only, as {id, title}."""

    kind = "prefetch"

    def to_representation(self, manager):
        return [{"id": page.pk, "title": page.title} for page in manager.all() if is_public(page)]


class PublicPageField(RelationField):
    """A page of a foreign key (a video's seminar edition): {id, title}, or null when there is
    none or it is not public."""

    def to_representation(self, page):
        return {"id": page.pk, "title": page.title} if is_public(page) else None


class TerritoryField(RelationField):
    """A sheet's territory: its public facts (a taxonomy, no member in it)."""

    def to_representation(self, territory):
        return {
            "id": territory.pk,
            "name": territory.name,
            "kind": territory.kind,
            "kind_label": str(territory.get_kind_display()),
            "department": territory.department,
            "communes": territory.communes,
            "population": territory.population,
            "siren": territory.siren,
        }


class ExpertsField(RelationField):
    """A video's speakers: their name and role."""

    kind = "prefetch"

    def to_representation(self, manager):
        return [{"name": expert.name, "role": expert.role} for expert in manager.all()]


def _document(document, request) -> dict:
    return {
        "id": document.pk,
        "title": document.title,
        "download_url": get_full_url(request, document.url),
    }


class DocumentField(RelationField):
    """A document of a foreign key (a video's file): {id, title, download_url} or null. A
    document of a public page is public unless its collection is restricted
    (core.documents)."""

    kind = "prefetch"

    def lookup(self, model, name: str) -> tuple[str, Prefetch]:
        documents = model._meta.get_field(name).related_model.objects
        return self.kind, Prefetch(name, queryset=documents.filter(~in_restricted_collection()))

    def to_representation(self, document):
        return _document(document, self.context["request"])


class AttachedDocumentsField(RelationField):
    """A page's attached documents (core.models.AttachedDocument), in their order."""

    kind = "prefetch"

    def lookup(self, model, name: str) -> tuple[str, Prefetch]:
        attached = model._meta.get_field(name).related_model
        shown = attached.objects.select_related("document").filter(
            ~in_restricted_collection("document__collection__path")
        )
        return self.kind, Prefetch(name, queryset=shown)

    def to_representation(self, manager):
        request = self.context["request"]
        return [_document(attached.document, request) for attached in manager.all()]


class TagsField(Field):
    """Tags of an image or a document, by name, from the rows the list prefetched (Wagtail's
    asks one query per row)."""

    def to_representation(self, tags):
        return sorted(tag.name for tag in tags.all())


class ImageField(RelationField):
    """A page's picture: {id, title}; the images endpoint gives its file."""

    def to_representation(self, image):
        return {"id": image.pk, "title": image.title}


class PageUrlField(RelationField):
    """An absolute address under the page: `suffix` (a route of a routable page) after its own."""

    def __init__(self, suffix: str, **kwargs):
        self.suffix = suffix
        super().__init__(source="*", **kwargs)

    def lookup(self, model, name: str) -> tuple[str, str]:
        return "", ""

    def to_representation(self, page):
        url = page.get_url(self.context["request"])
        return get_full_url(self.context["request"], url + self.suffix) if url else None
