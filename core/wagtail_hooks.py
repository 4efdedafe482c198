from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .documents import check_document_access
from .models import Territory


class TerritoryViewSet(SnippetViewSet):
    model = Territory
    icon = "site"
    menu_label = _("Territoires")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "kind", "department", "communes", "population"]
    list_filter = {"kind": ["exact"]}
    search_fields = ["name"]


register_snippet(TerritoryViewSet)

# Documents have the privacy of the pages that use them (core.documents).
hooks.register("before_serve_document", check_document_access)
