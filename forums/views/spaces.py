"""The list of spaces, a space's page, joining it and following it or one of its topics."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.models import live_pages

from .. import permissions, services
from ..models import Membership, MembershipStatus, Space, Subscription, Topic
from .lookups import open_space, readable_topic

TOPICS_PER_PAGE = 20


def space_list(request):
    """Every open space (private ones too, so members can ask to join), by kind."""
    spaces = list(
        Space.objects.active().annotate(topic_count=Count("topics")).order_by("kind", "name")
    )
    for space in spaces:
        space.shows_activity = permissions.can_see_space_activity(request.user, space)
    return render(request, "forums/space_list.html", {"spaces": spaces})


def space_detail(request, slug):
    space = open_space(slug)
    user = request.user
    context = {
        "space": space,
        "can_read": permissions.can_read_space(user, space),
        "can_post": permissions.can_post(user, space),
        "can_join": permissions.can_join(user, space),
        "can_moderate": permissions.can_moderate(user, space),
        "has_feed": permissions.has_feed(space),
        "moderators": Membership.objects.filter(space=space).moderators()
        if permissions.can_see_space_activity(user, space)
        else [],
    }
    if context["can_read"]:
        topics = Topic.objects.filter(space=space).listed()
        context["topics"] = Paginator(topics, TOPICS_PER_PAGE).get_page(request.GET.get("page"))
        context["resources"] = live_pages(space.resources)
        context["following"] = (
            user.is_authenticated and Subscription.objects.filter(user=user, space=space).exists()
        )
    if user.is_authenticated:
        context["membership"] = permissions.membership(user, space)
    return render(request, "forums/space_detail.html", context)


@login_required
@require_POST
def space_join(request, slug):
    space = open_space(slug)
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
