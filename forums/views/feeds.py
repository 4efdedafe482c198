"""The Atom feeds of the spaces that may have one (`permissions.feed_spaces`)."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from core import cache
from core.text import xml_text

from .. import permissions, scopes
from ..templatetags.forum_tags import display_name

FEED_SIZE = 30


class SpaceFeed(Feed):
    """The latest posts of a space, as Atom, for the spaces anyone may read: a feed reader
    cannot prove who reads it (`permissions.feed_spaces`, `permissions.feed_posts`)."""

    feed_type = Atom1Feed

    def get_object(self, request, slug):
        space = get_object_or_404(permissions.feed_spaces(), slug=slug)
        cache.depends(scopes.space(space.pk), scopes.MEMBERS)
        return space

    def title(self, space):
        return _("%(space)s – Bloc local") % {"space": xml_text(space.name)}

    def link(self, space):
        return space.get_absolute_url()

    def subtitle(self, space):
        return xml_text(space.description)

    def items(self, space):
        return permissions.feed_posts(space).latest_first()[:FEED_SIZE]

    def item_title(self, post):
        return xml_text(post.topic.title)

    def item_description(self, post):
        return xml_text(post.body_html)

    def item_author_name(self, post):
        return xml_text(display_name(post.author))

    def item_pubdate(self, post):
        return post.created_at

    def item_updateddate(self, post):
        return post.edited_at or post.created_at
