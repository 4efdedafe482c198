from urllib.parse import quote

from django import template
from django.conf import settings
from django.shortcuts import resolve_url
from django.utils.translation import gettext as _

from core.text import strip_bidi_controls
from forums import permissions

register = template.Library()


@register.filter
def display_name(user) -> str:
    """How a member is named in the spaces; a deleted account leaves no name behind."""
    if user is None or not user.is_active:
        return _("Membre supprimé")
    return strip_bidi_controls(user.get_full_name() or user.username)


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
    the link to start one (content pages know nothing of the spaces)."""
    topics = (
        permissions.visible_topics(context["request"].user)
        .filter(resource_id=page.pk)
        .select_related("space")
        .order_by("-last_post_at")[:10]
        if page.pk
        else []
    )
    return {"page": page, "discussions": topics}
