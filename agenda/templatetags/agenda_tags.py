"""What the agenda adds to pages of other apps, which may not import it: the event a video is
the replay of."""

from django import template

from ..models import EventPage

register = template.Library()


@register.simple_tag
def replay_of(video):
    """The live, public event whose replay is `video` (or None): one query."""
    if not getattr(video, "pk", None):
        return None
    return EventPage.objects.live().public().filter(replay=video).order_by("-start").first()
