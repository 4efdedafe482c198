from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Site

from core.text import WORD, parse_number

from .french import STOP_WORDS, fold
from .models import HandledQuery, SearchLog
from .views import clean_query

PERIODS = {7: _("7 derniers jours"), 30: _("30 derniers jours"), 365: _("365 derniers jours")}
ROWS = 50
OPERATORS = frozenset(["or", "and", "not", "near"])  # the search syntaxes' that people type


def meaningful(query: str) -> bool:
    """A query that says something: a word of two letters or more ("SG" is one) that is
    neither a stop word nor a search operator (not `"`, `é` nor `or`)."""
    return any(
        len(word) > 1 and word not in STOP_WORDS | OPERATORS for word in WORD.findall(fold(query))
    )


def shown(rows, handled: dict | None = None) -> list:
    """The first ROWS meaningful rows, without those handled since their last search."""
    handled = handled or {}
    found = []
    for row in rows.iterator():
        handled_at = handled.get(row["query"])
        if meaningful(row["query"]) and (handled_at is None or handled_at < row["last"]):
            found.append(row)
            if len(found) == ROWS:
                break
    return found


class SearchReportView(WagtailAdminTemplateMixin, TemplateView):
    """Editors' report: what readers search for most, and what found nothing, with what to do
    of the latter (write a page, promote a result, or mark it handled)."""

    page_title = _("Recherches des lecteurs")
    header_icon = "search"
    template_name = "search/admin/search_report.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        days = parse_number(self.request.GET.get("jours"))
        days = days if days in PERIODS else 30
        logs = SearchLog.objects.since(days)
        handled = dict(HandledQuery.objects.values_list("query", "handled_at"))
        site = Site.find_for_request(self.request)
        context.update(
            periods=PERIODS.items(),
            days=days,
            frequent=shown(logs.most_frequent()),
            fruitless=shown(logs.without_results().most_frequent(), handled),
            write_url=reverse("wagtailadmin_pages:add_subpage", args=[site.root_page_id])
            if site
            else "",
            promote_url=reverse("wagtailsearchpromotions:add"),
            handles=self.request.user.has_perm(HANDLES_QUERIES),
        )
        return context


# Who deals with the searches without results: who may promote a result (editors and up).
HANDLES_QUERIES = "wagtailsearchpromotions.add_searchpromotion"


@require_POST
def mark_handled(request):
    """Marks a search without results as handled (until it finds nothing again)."""
    if not request.user.has_perm(HANDLES_QUERIES):
        raise PermissionDenied
    query = clean_query(request.POST.get("query", ""))  # as the log keeps it (no NUL)
    if query:
        HandledQuery.objects.update_or_create(
            query=query, defaults={"handled_at": timezone.now(), "handled_by": request.user}
        )
        messages.success(request, _t("« %(query)s » est marquée comme traitée.") % {"query": query})
    days = parse_number(request.POST.get("jours"))
    return redirect(reverse("search_report") + (f"?jours={days}" if days in PERIODS else ""))
