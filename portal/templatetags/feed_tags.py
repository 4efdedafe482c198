from django import template

from .. import feeds

register = template.Library()


@register.inclusion_tag("includes/feed_links.html", takes_context=True)
def feed_links(context):
    """The <link rel="alternate"> of the Atom feeds that follow the page (`feeds.alternates`)."""
    return {"alternates": feeds.alternates(context)}
