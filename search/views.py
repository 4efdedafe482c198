import difflib
import hashlib
import re
from html import unescape

from django.db.models import Window, prefetch_related_objects
from django.db.models.functions import RowNumber
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from core import cache
from core.text import WORD, fold
from forums import permissions
from forums.models import Post, Topic
from resources.models import VideoPage

from . import backends, engine
from .highlight import excerpt, matches
from .models import SearchLog
from .query import autocomplete_text, parse

MAX_QUERY_LENGTH = 200
SUGGESTIONS = 8
TOPIC_POSTS = 30  # the posts of a topic an excerpt is looked for in
TAG = re.compile(r"<[^>]*>")


def search(request):
    """One search over what the visitor may read.

    Rules: pages that are live, without view restrictions, of the current site; topics of the
    spaces the visitor may read (a topic is found by its title and the text of its visible
    posts, never by hidden or deleted ones). The query is cut at MAX_QUERY_LENGTH characters,
    stripped of control characters and parsed into words and phrases in double quotes
    (search/query.py), so no input reaches the search backend as syntax; a query without a word
    searches nothing, and the page says so. Unknown filter values are ignored, and said so.
    """
    query = clean_query(request.GET.get("q", ""))
    scope = engine.scope_for(request)
    context = {
        "query": query,
        "scope": scope,
        "kind": scope.chosen.get("type", ""),
        "filter_params": [
            (name, request.GET[name]) for name in scope.chosen if name in request.GET
        ],
    }
    parsed = parse(query)
    context["no_words"] = bool(query) and parsed is None
    if parsed is not None:
        outcome, searched = find(request, scope, parsed)
        context.update(
            approximate=searched.approximate,
            results=outcome.results,
            outcome=outcome,
            facets=facet_links(request, scope, outcome.facets),
            promotions=promotions(normalise_query_string(query), scope),
        )
        if not outcome.total:
            context.update(
                spelling=spelling(query), ask_spaces=permissions.postable_spaces(request.user)
            )
        if outcome.public_total or not outcome.total:
            # Kept with what anyone would have found; a search that found only what few may
            # read (a private space's topics) is left out: its words would tell them.
            SearchLog.objects.create(
                query=normalise_query_string(query)[:200], results=outcome.public_total
            )
    return render(request, "search/search.html", context)


def find(request, scope, parsed):
    """(outcome, query searched): all the words first; when they find nothing, most of them
    (`SearchQuery.relaxed`, "Résultats approchants" on the page)."""
    for searched in (parsed, parsed.relaxed()):
        if searched is None:
            break
        outcome = engine.run(
            scope,
            repr(searched),  # the cache's key: what is searched, not how it was typed
            searched.to_wagtail(),
            request.GET.get("page"),
            present=lambda hits, searched=searched: present(hits, request, searched),
        )
        if outcome.total:
            return outcome, searched
    return outcome, parsed


def promotions(query: str, scope) -> list:
    """The pages editors promote for this query, by the search's own rule for pages (live,
    under no view restriction, of this site: `engine.pages`), so a promotion never shows the
    title of a page that a password or a log-in protects. That rule is the same for every
    visitor, so the list is kept in the cache, per site, until the content changes."""
    return cache.remembered(
        f"promotions-{scope.site.pk}-{hashlib.sha256(query.encode()).hexdigest()}",
        lambda: list(
            SearchPromotion.objects.filter(
                query__query_string=query, page__in=engine.pages(scope)
            ).select_related("page")[:3]
        ),
    )


def suggest(request):
    """Titles starting with what is typed: JSON for the search box, a page without JavaScript."""
    query = clean_query(request.GET.get("q", ""))[:60]
    words = autocomplete_text(query)
    titles = suggestions(request, words) if len(words) >= 2 else []
    if request.GET.get("format") == "json":
        return JsonResponse({"query": query, "suggestions": [title for title, _url in titles]})
    return render(request, "search/suggestions.html", {"query": query, "suggestions": titles})


def suggestions(request, query: str) -> list[tuple[str, str]]:
    scope = engine.scope_for(request)
    pages = engine.pages(scope)
    topics = Topic.objects.filter(space_id__in=list(scope.spaces)).select_related("space")

    def complete(name: str) -> list[tuple[str, str]]:
        backend = backends.backend(name)
        found = [
            (page.title, page.get_url(request))
            for page in backend.autocomplete(query, pages)[:SUGGESTIONS]
        ]
        return found + [
            (topic.title, topic.get_absolute_url())
            for topic in backend.autocomplete(query, topics)[: SUGGESTIONS - len(found)]
        ]

    return backends.with_fallback(complete)[0]


def ask(request):
    """ "Ask the community" from a search that found nothing: the new topic form of the chosen
    space, with the query as its title."""
    query = clean_query(request.GET.get("q", ""))
    spaces = permissions.postable_spaces(request.user)
    space = next((space for space in spaces if space.slug == request.GET.get("espace")), None)
    if space is None:
        return redirect(f"{reverse('search:search')}?{urlencode({'q': query})}")
    url = reverse("forums:topic_create", args=[space.slug])
    return redirect(f"{url}?{urlencode({'titre': query})}")


def spelling(query: str) -> str:
    """The query with each unknown word replaced by the closest word of the site's titles,
    or "" when no word was corrected."""

    def read_titles() -> dict:  # folded word -> word as written
        titles = Page.objects.live().public().values_list("title", flat=True)
        return {fold(word): word.lower() for title in titles for word in WORD.findall(title)}

    vocabulary = cache.remembered("search-vocabulary", read_titles)
    words, changed = [], False
    for word in query.split():
        folded = fold(word)
        close = (
            [] if folded in vocabulary else difflib.get_close_matches(folded, vocabulary, 1, 0.75)
        )
        words.append(vocabulary[close[0]] if close else word)
        changed |= bool(close)
    return " ".join(words) if changed else ""


def facet_links(request, scope, facets) -> list[dict]:
    """Each filter's values as links to the same search with that value chosen (and back to
    the first page), the chosen one marked, and a link that takes the filter away."""

    def url(name, value=None):
        params = request.GET.copy()
        params.pop("page", None)
        params.pop(name, None)
        if value is not None:
            params[name] = value
        return f"?{params.urlencode()}"

    links = []
    for name, label, values in facets:
        current = request.GET.get(name) if name in scope.chosen else None
        links.append(
            {
                "name": name,
                "label": label,
                "clear": current is not None,
                "clear_url": url(name),
                "values": [
                    {
                        "label": value_label,
                        "count": count,
                        "url": url(name, value),
                        "current": str(value) == current,
                    }
                    for value, value_label, count in values
                ],
            }
        )
    return links


def prefetch(results) -> None:
    """What the result list shows of its pages (territories, steps), in one query per kind."""
    by_model: dict[type, list] = {}
    for hit in results:
        by_model.setdefault(type(hit), []).append(hit)
    for model, hits in by_model.items():
        related = [name for name in ("territory", "steps") if hasattr(model, name)]
        if related and model is not Topic:
            prefetch_related_objects(hits, *related)


def topic_texts(topics) -> dict[int, str]:
    """The visible text of the topics on a result page (their first TOPIC_POSTS posts), in
    one query. Tags are dropped by a regular expression: the HTML is our own sanitised
    rendering, and the excerpt escapes the text again."""
    texts: dict[int, list[str]] = {}
    posts = (
        Post.objects.shown()
        .filter(topic__in=topics)
        .annotate(number=Window(RowNumber(), partition_by="topic_id", order_by="created_at"))
        .filter(number__lte=TOPIC_POSTS)
        .order_by("topic_id", "created_at")
    )
    for topic_id, html in posts.values_list("topic_id", "body_html"):
        texts.setdefault(topic_id, []).append(unescape(TAG.sub(" ", html)))  # text, not Markdown
    return {topic_id: "\n".join(bodies) for topic_id, bodies in texts.items()}


def present(hits: list, request, searched) -> list[dict]:
    """What the result list shows of each hit, in plain values that the cache keeps: link,
    title, kind, context, date and excerpt. A video found by its captions links to the
    moment that matches."""
    texts = topic_texts([hit for hit in hits if isinstance(hit, Topic)])
    prefetch(hits)
    return [present_one(hit, request, searched, texts) for hit in hits]


def present_one(hit, request, searched, texts: dict) -> dict:
    if isinstance(hit, Topic):
        return {
            "title": hit.title,
            "url": hit.get_absolute_url(),
            "kind": str(_("Discussion")),
            "context": hit.space.name,
            "date": hit.last_post_at,
            "excerpt": excerpt(texts.get(hit.pk, ""), searched),
        }
    territory = getattr(hit, "territory", None)
    steps = [step.title for step in hit.steps.all()] if hasattr(hit, "steps") else []
    item = {
        "title": hit.title,
        "url": hit.get_url(request),
        "kind": str(hit.get_verbose_name()),
        "context": " · ".join(([territory.name] if territory else []) + steps),
        "date": hit.last_published_at,
        "excerpt": excerpt(describe(hit), searched),
    }
    cue = matching_cue(hit, searched) if isinstance(hit, VideoPage) else None
    if cue:
        item.update(
            url=f"{item['url']}?t={cue.start}#t{cue.start}",
            moment=cue.timecode,
            excerpt=excerpt(cue.text, searched),
        )
    return item


def matching_cue(video, searched):
    """The first caption of `video` holding a word of the query, if the summary does not."""
    if matches(f"{video.title} {video.summary}", searched):
        return None
    return next((cue for cue in video.cues if matches(cue.text, searched)), None)


def describe(hit) -> str:
    """The text an excerpt is taken from."""
    return getattr(hit, "summary", "") or getattr(hit, "intro", "") or hit.search_description


def clean_query(raw: str) -> str:
    printable = "".join(char for char in raw if char.isprintable())
    return " ".join(printable.split())[:MAX_QUERY_LENGTH]
