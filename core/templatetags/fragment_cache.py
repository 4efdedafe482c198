"""Django's `{% cache %}` and Wagtail's `{% wagtailcache %}` / `{% wagtailpagecache %}`, which
the template settings load under their usual names (`{% load cache %}`, `{% load
wagtail_cache %}`): the same tags, except that with the caches off (PORTAL_PAGE_CACHE_SECONDS
0) and in a preview they render their content without reading or storing anything, where the
originals still read the cache (Django's with a timeout of 0, Wagtail's outside previews)."""

from django import template
from wagtail.templatetags import wagtail_cache

from core import cache

register = template.Library()


def uncached(context) -> bool:
    request = context.get("request")
    return not cache.seconds() or request is None or getattr(request, "is_preview", False)


class FragmentCacheNode(wagtail_cache.WagtailCacheNode):
    def render(self, context):
        if uncached(context):
            return self.nodelist.render(context)
        return super().render(context)


class PageFragmentCacheNode(wagtail_cache.WagtailPageCacheNode):
    """Varies on the page's `cache_key` (it changes when the page is published) and the site."""

    def render(self, context):
        if uncached(context):
            return self.nodelist.render(context)
        return super().render(context)


def register_cache_tag(name: str, node_class) -> None:
    """`{% name timeout fragment_name [vary_on…] [using="cache"] %}…{% endname %}`, parsed as
    Django's and Wagtail's cache tags are."""

    def do_cache(parser, token):
        nodelist = parser.parse((f"end{name}",))
        parser.delete_first_token()
        tokens = token.split_contents()
        if len(tokens) < 3:
            raise template.TemplateSyntaxError(f"'{tokens[0]}' tag requires at least 2 arguments.")
        cache_name = None
        if len(tokens) > 3 and tokens[-1].startswith("using="):
            cache_name = parser.compile_filter(tokens[-1][len("using=") :])
            tokens = tokens[:-1]
        return node_class(
            nodelist,
            parser.compile_filter(tokens[1]),
            tokens[2],
            [parser.compile_filter(part) for part in tokens[3:]],
            cache_name,
        )

    register.tag(name, do_cache)


register_cache_tag("cache", FragmentCacheNode)
register_cache_tag("wagtailcache", FragmentCacheNode)
register_cache_tag("wagtailpagecache", PageFragmentCacheNode)
