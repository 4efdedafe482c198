import datetime

from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def duration(value: datetime.timedelta | None) -> str:
    """A video's length as a French reader says it: "12 min 30 s", "1 h 05 min"."""
    if not value:
        return ""
    total = int(value.total_seconds())
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return _("%(hours)d h %(minutes)02d min") % {"hours": hours, "minutes": minutes}
    if minutes:
        return _("%(minutes)d min %(seconds)02d s") % {"minutes": minutes, "seconds": seconds}
    return _("%(seconds)d s") % {"seconds": seconds}
