"""Wagtail documents: who may download one, and the view that serves them.

A document has the privacy of the pages that use it (Wagtail's reference index knows them: a
sheet's attached documents, a video's file, a link in rich text). A visitor may download it
when they may see at least one live page using it. A document that no live page uses (an
editor's upload not yet placed, or a page's draft) is for the people of the administration
only. Search asks the same question through the pages it lists (it finds documents only by
the text of the public pages they are attached to), and so does the read-only API, which
lists only what anyone may download (`public_uploads`, for documents and images alike).
"""

import enum

from django.contrib.auth.views import redirect_to_login
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, F, OuterRef
from django.db.models.functions import Cast, Length, Substr
from django.http import Http404
from django.urls import path, re_path
from wagtail.documents.views import serve as wagtail_serve
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction, ReferenceIndex

from . import uploads
from .models import PortalPageQuerySet


class Access(enum.Enum):
    ALLOWED = "allowed"
    LOGIN = "login"  # allowed once logged in
    DENIED = "denied"


def pages_using(document):
    """The live pages that use `document`."""
    references = ReferenceIndex.get_references_to(document).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    ids = {int(pk) for pk in references.values_list("object_id", flat=True) if pk.isdigit()}
    return Page.objects.live().filter(pk__in=ids)


def in_restricted_collection(path: str = "collection__path") -> Exists:
    """Whether an upload lies in a collection under a view restriction, or in a collection
    below one: Wagtail then serves it only to whom the restriction lets in
    (Collection.get_view_restrictions). `path` leads from the rows filtered to their
    collection's path (an attached document's: "document__collection__path")."""
    return Exists(
        CollectionViewRestriction.objects.annotate(
            upload_path=Substr(OuterRef(path), 1, Length("collection__path"))
        ).filter(collection__path=F("upload_path"))
    )


def public_uploads(queryset):
    """The objects of `queryset` (documents, images) that anyone may download: those a live
    page outside every restricted section uses, the rule of `document_access` for a visitor
    without an account, outside the restricted collections. One query, however many there
    are."""
    pages = (
        PortalPageQuerySet(Page).live().public().annotate(key=Cast("pk", CharField())).values("key")
    )
    references = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(queryset.model),
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=pages,
    ).values("to_object_id")
    return (
        queryset.annotate(key=Cast("pk", CharField()))
        .filter(key__in=references)
        .filter(~in_restricted_collection())
    )


def document_access(request, document) -> Access:
    """Whether the visitor of `request` may download `document` (see the module's rule)."""
    if request.user.has_perm("wagtailadmin.access_admin"):
        return Access.ALLOWED
    pages = list(pages_using(document))
    if not pages:
        return Access.DENIED
    login_would_do = False
    for page in pages:
        failing = [r for r in page.get_view_restrictions() if not r.accept_request(request)]
        if not failing:
            return Access.ALLOWED
        if not request.user.is_authenticated and all(
            r.restriction_type == PageViewRestriction.LOGIN for r in failing
        ):
            login_would_do = True
    return Access.LOGIN if login_would_do else Access.DENIED


def check_document_access(document, request):
    """The `before_serve_document` hook: a visitor who may not see the document is sent to
    log in when that is enough, and told it does not exist otherwise."""
    access = document_access(request, document)
    if access is Access.LOGIN:
        return redirect_to_login(request.get_full_path())
    if access is Access.DENIED:
        raise Http404


def serve(request, document_id, document_filename):
    """Wagtail's serve view, with the upload policy's headers on the file it sends."""
    response = wagtail_serve.serve(request, document_id, document_filename)
    if response.streaming:
        uploads.protect(response)
    return response


# Wagtail's document URLs, with the serve view above under the same name.
urlpatterns = [
    re_path(r"^(\d+)/(.*)$", serve, name="wagtaildocs_serve"),
    path(
        "authenticate_with_password/<int:restriction_id>/",
        wagtail_serve.authenticate_with_password,
        name="wagtaildocs_authenticate_with_password",
    ),
]
