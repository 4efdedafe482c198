from django.utils.functional import SimpleLazyObject
from wagtail.models import Page, Site

from core import cache


def navigation(request):
    """The main menu (the home page's children shown in menus) and the footer's legal pages.

    Lazy: a page that shows neither does not query them; kept in the cache until the content
    changes (see core.cache).
    """

    def menu_pages():
        site = Site.find_for_request(request)
        if site is None:
            return []
        return cache.remembered(
            f"menu-{site.pk}",
            lambda: list(site.root_page.get_children().live().public().in_menu().order_by("path")),
        )

    def footer_pages():
        return cache.remembered(
            "footer",
            lambda: {
                page.slug: page
                for page in Page.objects.live().filter(slug__in=FOOTER_SLUGS, depth=3)
            },
        )

    return {
        "menu_pages": SimpleLazyObject(menu_pages),
        "footer_pages": SimpleLazyObject(footer_pages),
    }


FOOTER_SLUGS = ["mentions-legales", "accessibilite", "donnees-personnelles", "a-propos"]
