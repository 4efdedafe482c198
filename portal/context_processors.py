from django.utils.functional import SimpleLazyObject

from . import routing


def navigation(request):
    """The main menu (the home page's children shown in menus) and the footer's legal pages.

    Lazy: a page that shows neither (its fragments cached) asks nothing; a page Wagtail served
    found them while routing (portal.routing).
    """
    return {
        "menu_pages": SimpleLazyObject(lambda: routing.navigation(request)["menu"]),
        "footer_pages": SimpleLazyObject(lambda: routing.navigation(request)["footer"]),
    }
