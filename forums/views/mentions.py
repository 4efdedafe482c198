"""The members a writer may mention: what `@` completes in the post editor (static/js/
mentions.js). Without JavaScript a member types the handle, which works the same."""

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.db.models.functions import Lower
from django.http import JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.text import strip_bidi_controls

from .. import authors, markup, permissions
from ..templatetags.forum_tags import display_name
from .lookups import open_space

MAX_MEMBERS = 8


def _too_many(user) -> bool:
    """At most FORUMS_MENTION_LOOKUPS_PER_MINUTE lookups a minute per member: the list of
    names is no directory to be read in bulk."""
    key = f"forums-mention-lookups-{user.pk}-{timezone.now():%Y%m%d%H%M}"
    cache.add(key, 0, timeout=60)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between the two calls
        count = 1
    return count > settings.FORUMS_MENTION_LOOKUPS_PER_MINUTE


def mention_lookup(request, slug):
    """JSON: the members whose handle or name starts with `q`, among those `request.user` may
    mention in the space (`permissions.mentionable_members`), MAX_MEMBERS at most, each with
    handle, name and job (the job only if their profile is in the directory)."""
    space = open_space(slug)
    if not permissions.can_complete_mentions(request.user, space):
        return JsonResponse({"error": _("Accès refusé.")}, status=403)
    if _too_many(request.user):
        response = JsonResponse({"error": _("Trop de recherches : réessayez dans une minute.")})
        response.status_code = 429
        response["Retry-After"] = "60"
        return response
    typed = strip_bidi_controls(request.GET.get("q", "")).strip().removeprefix("@").lower()[:30]
    lookup = authors.handle_lookup()
    if not typed or lookup is None:
        return JsonResponse({"members": []})
    relation = lookup.split("__")[0]
    users = (
        permissions.mentionable_members(request.user, space, listed=authors.directory_lookup())
        .annotate(mention_handle=Lower(lookup))
        .filter(mention_handle__isnull=False)
        .filter(
            Q(mention_handle__startswith=typed)
            | Q(first_name__istartswith=typed)
            | Q(last_name__istartswith=typed)
        )
        .select_related(relation)
        .order_by("last_name", "first_name", "pk")[:MAX_MEMBERS]
    )
    members = []
    for user in users:
        if not markup.HANDLE.fullmatch(user.mention_handle):
            continue
        profile = getattr(user, relation)
        members.append(
            {
                "handle": user.mention_handle,
                "name": display_name(user),
                "job": profile.get_job_display() if profile.in_directory and profile.job else "",
            }
        )
    return JsonResponse({"members": members})
