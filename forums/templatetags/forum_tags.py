import html
from urllib.parse import quote

from django import template
from django.conf import settings
from django.shortcuts import resolve_url
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from core import cache
from core.text import strip_bidi_controls
from forums import authors, permissions, scopes
from forums.models import Topic

register = template.Library()


@register.filter
def display_name(user) -> str:
    """How a member is named in the spaces; a deleted account leaves no name behind."""
    if user is None or not user.is_active:
        return _("Membre supprimé")
    return strip_bidi_controls(user.get_full_name() or user.username)


@register.filter
def plain_text(post_html: str) -> str:
    """A post's rendered HTML as the text it reads (for an excerpt): tags dropped, entities
    read back, so the template escapes it once."""
    return html.unescape(strip_tags(post_html))


@register.filter
def handle(user) -> str:
    """A member's handle, as `@` mentions them ("" if they have none, or left)."""
    return authors.handle_of(user)


# The avatars' colours (site.css, .avatar--0 to 6; 7 is a deleted account's): white on each
# passes AA.
AVATAR_COLOURS = 7


@register.filter
def initials(user) -> str:
    """The one or two letters of a member's avatar: their first and last names', else their
    username's first; none for a deleted account."""
    if user is None or not user.is_active:
        return ""
    names = [strip_bidi_controls(name).strip() for name in (user.first_name, user.last_name)]
    letters = [name[0] for name in names if name]
    if not letters:
        letters = [strip_bidi_controls(user.username).strip()[:1]]
    return "".join(letters).upper()


@register.filter
def avatar_colour(user) -> int:
    """The colour of a member's avatar, the same on every page (from their id)."""
    return user.pk % AVATAR_COLOURS if user is not None and user.is_active else AVATAR_COLOURS


@register.simple_tag
def can_moderate(user, space) -> bool:
    return permissions.can_moderate(user, space)


@register.simple_tag(takes_context=True)
def login_url(context) -> str:
    """The log-in page, coming back to the current page afterwards."""
    return f"{resolve_url(settings.LOGIN_URL)}?next={quote(context['request'].get_full_path())}"


@register.inclusion_tag("forums/includes/resource_discussions.html", takes_context=True)
def resource_discussions(context, page) -> dict:
    """The discussions about a resource page that the reader may read, newest reply first, and
    the link to start one (content pages know nothing of the spaces). Every discussion of the
    page is kept (a page has a few), until one changes; which ones the reader may read is
    decided now, for them."""
    if not page.pk:  # a preview of a page never saved
        return {"page": page, "discussions": []}
    cache.depends(scopes.resource(page.pk))
    user = context["request"].user
    shown = [
        topic
        for topic in cache.remembered(
            f"resource-discussions-{page.pk}",
            lambda: list(_discussions(page.pk)),
            scopes.resource(page.pk),
        )
        if permissions.can_read(user, topic.space_id, topic.space.visibility)
    ]
    return {"page": page, "discussions": shown[:10]}


def _discussions(page_id: int):
    return (
        Topic.objects.filter(resource_id=page_id, space__is_active=True)
        .select_related("space")
        .only("pk", "title", "space__id", "space__slug", "space__name", "space__visibility")
        .order_by("-last_post_at")
    )
