"""The Atom feed of the events to come (live and public pages only, as the agenda shows)."""

from django.contrib.syndication.views import Feed
from django.utils import formats, timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from core import cache
from core.text import xml_text

from .models import EventIndexPage, EventPage

FEED_SIZE = 30


class UpcomingEventsFeed(Feed):
    feed_type = Atom1Feed
    author_name = "CNFPT"
    author_link = "https://www.cnfpt.fr/"

    def get_object(self, request, *args, **kwargs):
        cache.depends(cache.CONTENT)
        return None

    def title(self, obj):
        return _("Prochains événements – Bloc local")

    def subtitle(self, obj):
        return _("Séminaires, webinaires et ateliers des directions du bloc local.")

    def link(self, obj):
        agenda = EventIndexPage.objects.live().public().order_by("path").first()
        return agenda.url if agenda else "/"

    def items(self, obj):
        return list(EventPage.objects.live().public().upcoming()[:FEED_SIZE])

    def item_title(self, event):
        return xml_text(event.title)

    def item_link(self, event):
        return event.url

    def item_description(self, event):
        when = formats.date_format(timezone.localtime(event.start), "DATETIME_FORMAT")
        return xml_text(f"{event.get_kind_display()}, {when}. {event.summary}")

    def item_pubdate(self, event):
        return event.first_published_at

    def item_updateddate(self, event):
        return event.last_published_at or event.first_published_at or timezone.now()

    def item_categories(self, event):
        return [event.get_kind_display()]
