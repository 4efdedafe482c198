"""The list of spaces, a space's page, joining it and following it or one of its topics."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core import cache
from core.models import live_pages
from core.text import parse_number

from .. import permissions, scopes, selectors, services
from ..models import (
    Membership,
    MembershipStatus,
    Space,
    SpaceKind,
    Subscription,
    Topic,
    Visibility,
)
from .lookups import open_space, readable_topic

TOPICS_PER_PAGE = 20


def space_list(request):
    """Every open space (private ones too, so members can ask to join), by kind. Each card is
    kept rendered twice, with and without what happens inside (its number of topics): which
    one a visitor gets is decided now, for them (`permissions.can_read`)."""
    cache.depends(scopes.SPACES)
    reads = permissions.reader(request.user)
    kinds = [
        (
            label,
            _joined(
                active if reads(pk, visibility) else plain
                for pk, visibility, plain, active in cards
            ),
        )
        for label, cards in cache.remembered(
            f"space-cards-{get_language()}", _space_cards, scopes.SPACES
        )
    ]
    return render(request, "forums/space_list.html", {"kinds": kinds})


def _joined(cards) -> str:
    return mark_safe("".join(cards))  # noqa: S308 - cards of escaped parts (`_space_cards`)


def _space_cards() -> list[tuple[str, list[tuple[int, str, str, str]]]]:
    """By kind, each open space's card without and with its activity, as plain strings of
    escaped parts. Built in Python rather than in a template: 300 cards rendered by the
    template engine took 80 ms."""
    visibilities = {
        Visibility.PRIVATE: _("Espace privé"),
        Visibility.PUBLIC: _("Espace public"),
        Visibility.MEMBERS: _("Réservé aux membres du portail"),
    }
    card = (
        '<li><article class="card"><h3 class="card__title"><a href="{url}">{name}</a></h3>'
        '<p class="card__meta">{label}{activity}</p>{summary}</article></li>'
    )
    kind_labels = {kind: str(label) for kind, label in SpaceKind.choices}
    address = reverse("forums:space", args=["-"])  # filled with each slug, reversed once
    kinds = {}
    spaces = Space.objects.active().order_by("kind", "name")
    for pk, slug, name, kind, visibility, description, topic_count in spaces.values_list(
        "pk", "slug", "name", "kind", "visibility", "description", "topic_count"
    ):
        parts = {
            "url": escape(address.replace("/-/", f"/{slug}/")),
            "name": escape(name),
            "label": escape(visibilities[visibility]),
            "summary": description
            and f'<p class="card__summary">{escape(Truncator(description).words(30))}</p>',
        }
        activity = " · " + ngettext("%(count)s sujet", "%(count)s sujets", topic_count) % {
            "count": topic_count
        }
        kinds.setdefault(kind_labels[kind], []).append(
            (
                pk,
                visibility,
                card.format(activity="", **parts),
                card.format(activity=escape(activity), **parts),
            )
        )
    return list(kinds.items())


def space_detail(request, slug):
    user = request.user
    spaces = Space.objects.active()
    if user.is_authenticated:
        # The member's follow comes with the space, in the same query.
        mine = Subscription.objects.filter(user=user, space=OuterRef("pk"))
        spaces = spaces.annotate(following=Exists(mine))
    space = open_space(slug, spaces)
    cache.depends(scopes.space(space.pk), scopes.MEMBERS, cache.CONTENT)
    context = {
        "space": space,
        "can_read": permissions.can_read_space(user, space),
        "can_post": permissions.can_post(user, space),
        "can_join": permissions.can_join(user, space),
        "can_moderate": permissions.can_moderate(user, space),
        "has_feed": permissions.has_feed(space),
        "following": getattr(space, "following", False),
        "meta_title": space.name,
        "meta_description": space.description,
    }
    if context["has_feed"]:
        # Said in the page's head, for feed readers to find (templates/includes/feed_links.html).
        context["feeds"] = [(space.name, reverse("forums:space_feed", args=[space.slug]))]
    if permissions.can_see_space_activity(user, space):
        context.update(_space_page(space, request.GET.get("page"), user))
        context["page_number"] = context["topics"].number  # its canonical address says it
    if user.is_authenticated:
        context["membership"] = membership = permissions.membership(user, space)
        if membership is not None and membership.is_refused:
            context["request_again_at"] = permissions.request_again_at(membership)
    return render(request, "forums/space_detail.html", context)


def _space_page(space: Space, requested: str | None, user) -> dict:
    """What every reader of the space sees alike: its moderators, a page of its topics and its
    resources, kept until the space, the members' names or the content change. A member's page
    of topics carries their unread counts (`selectors.with_unread`): it is read for them, in
    one query, and only the rest is kept."""
    number = parse_number(requested, minimum=1) or 1

    def topics(reader):
        listed = selectors.with_unread(Topic.objects.filter(space=space).listed(), reader)
        page = selectors.counted_page(listed, space.topic_count, number, TOPICS_PER_PAGE)
        page.object_list = list(page.object_list)
        return page

    def read(with_topics: bool):
        shared = {
            "moderators": list(Membership.objects.filter(space=space).moderators()),
            # Read when shown, after the menu, whose query reads the restricted sections.
            "resources": SimpleLazyObject(lambda: list(live_pages(space.resources))),
        }
        if with_topics:
            shared["topics"] = topics(AnonymousUser())
        return shared

    scope = (scopes.space(space.pk), scopes.MEMBERS, cache.CONTENT)
    if not user.is_authenticated:
        return cache.remembered(f"space-page-{space.pk}-{number}", lambda: read(True), scope)
    shared = cache.remembered(f"space-frame-{space.pk}", lambda: read(False), scope)
    return {**shared, "topics": topics(user)}


@login_required
@require_POST
def space_join(request, slug):
    space = open_space(slug)
    current = permissions.membership(request.user, space)
    if current is not None and current.is_requested:
        # Sent twice (a double click, a reload): the request waits already.
        messages.info(request, _("Votre demande attend déjà la réponse des modérateurs."))
        return redirect(space)
    if not permissions.can_join(request.user, space):
        raise PermissionDenied
    membership = services.membership_request(space=space, user=request.user)
    if membership.status == MembershipStatus.ACTIVE:
        messages.success(request, _("Vous êtes membre de cet espace."))
    else:
        messages.success(request, _("Votre demande est envoyée aux modérateurs de l'espace."))
    return redirect(space)


@login_required
@require_POST
def follow(request, slug, pk=None):
    if pk is None:
        space = open_space(slug)
        if not permissions.can_read_space(request.user, space):
            raise PermissionDenied
        target = {"space": space}
    else:
        target = {"topic": readable_topic(request, slug, pk)}
    on = request.POST.get("on") == "1"
    services.follow(user=request.user, on=on, **target)
    messages.success(
        request,
        _("Vous suivez désormais ces échanges.") if on else _("Vous ne suivez plus ces échanges."),
    )
    return redirect(next(iter(target.values())))
