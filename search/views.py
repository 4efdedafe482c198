from html import unescape

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page, Site
from wagtail.search.utils import normalise_query_string, parse_query_string

from experiences.models import ExperienceSheetPage
from forums import permissions
from forums.models import Post, Topic
from resources.models import ToolPage, VideoPage

from .french import stemmed_query
from .highlight import excerpt
from .models import SearchLog

PAGE_SIZE = 10
MAX_QUERY_LENGTH = 200
MAX_RESULTS = 200  # per kind of source: deeper pages of results are not worth their cost

# The "type" filter: key, label, page model (None: every other page; "topics": discussions).
KINDS = [
    ("fiches", _("Fiches expérience"), ExperienceSheetPage),
    ("videos", _("Vidéos"), VideoPage),
    ("outils", _("Outils"), ToolPage),
    ("pages", _("Autres pages"), None),
    ("discussions", _("Discussions"), "topics"),
]
KIND_MODELS = [model for _key, _label, model in KINDS if isinstance(model, type)]


def search(request):
    """One search over what the visitor may read.

    Rules: pages that are live, without view restrictions, of the current site; topics of the
    spaces the visitor may read (a topic is found by its title and the text of its visible
    posts, never by hidden or deleted ones). The query is cut at MAX_QUERY_LENGTH characters,
    stripped of control characters and parsed by Wagtail (words, and phrases in double quotes),
    so no input reaches the search backend as raw syntax.
    """
    query = clean_query(request.GET.get("q", ""))
    kind = request.GET.get("type", "")
    if kind not in {key for key, _label, _model in KINDS}:
        kind = ""
    context = {"query": query, "kind": kind, "results": None}
    if query:
        _filters, parsed = parse_query_string(query, operator="and")
        parsed = stemmed_query(parsed)
        sources = kind_querysets(Site.find_for_request(request), request.user)
        counts = {key: queryset.search(parsed).count() for key, queryset in sources.items()}
        hits = find(sources, parsed, kind)
        results = Paginator(hits, PAGE_SIZE).get_page(request.GET.get("page"))
        texts = topic_texts([hit for hit in results if isinstance(hit, Topic)])
        for hit in results:
            decorate(hit, request)
            hit.excerpt = excerpt(
                texts.get(hit.pk) if isinstance(hit, Topic) else describe(hit), query
            )
        context.update(
            results=results,
            facets=[(key, label, counts[key]) for key, label, _model in KINDS],
            total=sum(counts.values()),
            promotions=SearchPromotion.objects.filter(
                query__query_string=normalise_query_string(query), page__live=True
            ).select_related("page")[:3],
        )
        SearchLog.objects.create(
            query=normalise_query_string(query)[:200], results=context["total"]
        )
    return render(request, "search/search.html", context)


def kind_querysets(site, user) -> dict:
    """What each kind of result is searched in, already narrowed to what `user` may read."""
    sources = {}
    for key, _label, model in KINDS:
        if model == "topics":
            readable = permissions.readable_spaces(user).values("pk")
            sources[key] = Topic.objects.filter(space_id__in=readable).select_related("space")
        elif model is None:
            pages = Page.objects.live().public().in_site(site).exclude(depth__lte=1)
            sources[key] = pages.not_type(*KIND_MODELS).specific()
        else:
            sources[key] = model.objects.live().public().in_site(site)
    return sources


def find(sources: dict, parsed, kind: str) -> list:
    """The hits of the chosen kind, or of every kind merged by their rank in their own list
    (relevance scores differ from one backend to another and cannot be compared directly)."""
    ranked = []
    for key, queryset in sources.items():
        if kind and key != kind:
            continue
        hits = list(queryset.search(parsed)[:MAX_RESULTS])
        ranked += [(number / len(hits), hit) for number, hit in enumerate(hits)]
    return [hit for _rank, hit in sorted(ranked, key=lambda pair: pair[0])]


def topic_texts(topics) -> dict[int, str]:
    """The visible text of the topics on a result page, in one query."""
    texts: dict[int, list[str]] = {}
    posts = Post.objects.shown().filter(topic__in=topics).order_by("created_at")
    for topic_id, html in posts.values_list("topic_id", "body_html"):
        texts.setdefault(topic_id, []).append(unescape(strip_tags(html)))  # text, not Markdown
    return {topic_id: "\n".join(bodies) for topic_id, bodies in texts.items()}


def decorate(hit, request) -> None:
    """Gives page and topic hits the same attributes for the template."""
    if isinstance(hit, Topic):
        hit.result_url = hit.get_absolute_url()
        hit.kind_label = _("Discussion")
        hit.context = hit.space.name
        hit.date = hit.last_post_at
    else:
        hit.result_url = hit.get_url(request)
        hit.kind_label = hit.get_verbose_name()
        territory = getattr(hit, "territory", None)
        hit.context = territory.name if territory else ""
        hit.date = hit.last_published_at


def describe(hit) -> str:
    """The text an excerpt is taken from."""
    if isinstance(hit, VideoPage):
        return f"{hit.summary}\n{hit.transcript}"
    return getattr(hit, "summary", "") or getattr(hit, "intro", "") or hit.search_description


def clean_query(raw: str) -> str:
    printable = "".join(char for char in raw if char.isprintable())
    return " ".join(printable.split())[:MAX_QUERY_LENGTH]
