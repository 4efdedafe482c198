"""Atom feeds of new resources (sheets, videos, tools): all of them, of one kind, of one step of
the path, of one territory; and the pages each feed follows (`alternates`, said in their head
for feed readers to find).

A feed reader cannot prove who reads it: a feed lists what the lists show to anyone, by the
lists' own rule (live and public: never a draft, nor a page under a view restriction, be it
for members or for a group); a step's feed is its page's lists (`StepPage.tagged`)."""

from django.contrib.syndication.views import Feed
from django.db.models import F
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page

from core import cache
from core.models import PortalPageQuerySet, Territory, among
from core.text import xml_text
from experiences.models import ExperienceIndexPage, ExperienceSheetPage
from resources.models import ResourceIndexPage, StepPage, ToolBoxPage, ToolPage, VideoPage
from resources.models.path import KINDS as STEP_KINDS

from .models import HomePage

FEED_SIZE = 30
# The kinds of resources, by the names of the step's lists (`resources.models.path.KINDS`).
KINDS = {"fiches": ExperienceSheetPage, "videos": VideoPage, "outils": ToolPage}
KIND_TITLES = {
    "fiches": gettext_lazy("Fiches expérience"),
    "videos": gettext_lazy("Vidéos d'experts"),
    "outils": gettext_lazy("Outils"),
}
NEWEST = (F("first_published_at").desc(nulls_last=True), "-pk")


def newest(pages) -> list:
    """The FEED_SIZE newest of `pages` (a queryset of Page or of one page type), as their own
    page types: one query, and one more for each page type of a queryset of Page."""
    pages = pages.order_by(*NEWEST)[:FEED_SIZE]
    return list(pages.specific() if pages.model is Page else pages)


class ResourceFeed(Feed):
    """What every feed of new resources says: the newest first, each with its summary, the
    kind of resource as its category, the CNFPT as its author. One instance serves every
    request: nothing of one request is kept on it (addresses are the pages' `url`, which
    Django makes absolute with the request's host)."""

    feed_type = Atom1Feed
    author_name = "CNFPT"
    author_link = "https://www.cnfpt.fr/"

    def get_object(self, request, *args, **kwargs):
        cache.depends(cache.CONTENT)
        return None

    def subtitle(self, obj):
        return _("Les nouvelles ressources de Bloc local, le portail du CNFPT pour le bloc local.")

    def item_title(self, page):
        return xml_text(page.title)

    def item_link(self, page):
        return page.url

    def item_description(self, page):
        return xml_text(page.summary)

    def item_pubdate(self, page):
        return page.first_published_at

    def item_updateddate(self, page):
        # Atom requires an update date: a page made live by code rather than published may have
        # none of its own.
        dates = (page.last_published_at, page.first_published_at, page.latest_revision_created_at)
        return next((date for date in dates if date), None) or timezone.now()

    def item_categories(self, page):
        return [str(type(page)._meta.verbose_name)]


class AllResourcesFeed(ResourceFeed):
    def title(self, obj):
        return _("Nouvelles ressources – Bloc local")

    def link(self, obj):
        return "/"

    def items(self, obj):
        return newest(PortalPageQuerySet(Page).live().public().type(*KINDS.values()))


class KindFeed(ResourceFeed):
    def get_object(self, request, kind):
        super().get_object(request)
        if kind not in KINDS:
            raise Http404
        return kind

    def title(self, kind):
        return _("%(kind)s – Bloc local") % {"kind": KIND_TITLES[kind]}

    def link(self, kind):
        index = {"fiches": ExperienceIndexPage, "videos": ResourceIndexPage, "outils": ToolBoxPage}
        found = index[kind].objects.live().public().order_by("path").first()
        return found.url if found else "/"

    def items(self, kind):
        return newest(KINDS[kind].objects.live().public())


class StepFeed(ResourceFeed):
    def get_object(self, request, pk):
        super().get_object(request)
        return get_object_or_404(StepPage.objects.live().public(), pk=pk)

    def title(self, step):
        return _("%(step)s – Bloc local") % {"step": xml_text(step.title)}

    def link(self, step):
        return step.url

    def items(self, step):
        tagged = [step.tagged(key).values("pk").order_by() for key in STEP_KINDS]
        keys = tagged[0].union(*tagged[1:], all=True)
        return newest(PortalPageQuerySet(Page).filter(among(keys)).live().public())


class TerritoryFeed(ResourceFeed):
    def get_object(self, request, pk):
        super().get_object(request)
        return get_object_or_404(Territory, pk=pk)

    def title(self, territory):
        return _("Expériences de %(territory)s – Bloc local") % {
            "territory": xml_text(territory.name)
        }

    def link(self, territory):
        index = ExperienceIndexPage.objects.live().public().order_by("path").first()
        return f"{index.url}?territoire={territory.pk}" if index else "/"

    def items(self, territory):
        return newest(ExperienceSheetPage.objects.live().public().filter(territory=territory))


def alternates(context) -> list[tuple[str, str]]:
    """(title, address) of the feeds that follow what the page shows: the view's (`feeds`:
    a public space's), else by the page: the home page all resources, a list its kind (and,
    filtered, its territory or its step), a step its own."""
    if context.get("feeds"):
        return list(context["feeds"])
    page = context.get("page")
    found = []
    if isinstance(page, HomePage):
        found.append((_("Nouvelles ressources"), reverse("feeds:all")))
    kind = {ExperienceIndexPage: "fiches", ResourceIndexPage: "videos", ToolBoxPage: "outils"}
    if type(page) in kind:
        key = kind[type(page)]
        found.append((str(KIND_TITLES[key]), reverse("feeds:kind", args=[key])))
        found += _filtered(context)
    if isinstance(page, StepPage) and page.pk:
        found.append((page.title, reverse("feeds:step", args=[page.pk])))
    return found


def _filtered(context) -> list[tuple[str, str]]:
    """The feeds of the territory or the step a list is filtered on, when validly chosen (the
    list's form knows, in the query that offers its choices)."""
    form = context.get("filters")
    request = context.get("request")
    if form is None or request is None or not ({"territoire", "etape"} & set(request.GET)):
        return []
    chosen = form.chosen

    def title(name, pk):
        return dict(form.offered.get(name, [])).get(str(pk), "")

    found = []
    if "territory" in chosen:
        pk = chosen["territory"]
        name = _("Expériences de %(territory)s") % {"territory": title("territoire", pk)}
        found.append((name, reverse("feeds:territory", args=[pk])))
    if "steps" in chosen:
        pk = chosen["steps"]
        found.append((title("etape", pk), reverse("feeds:step", args=[pk])))
    return found
