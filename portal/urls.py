from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.contrib import admin
from django.shortcuts import redirect
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

from . import api, discovery, feeds, routing

# Both administrations log in through allauth, so that two-factor authentication applies;
# passwords are changed there too.
admin.site.login = secure_admin_login(admin.site.login)
admin.site.password_change = lambda request, extra_context=None: redirect("account_change_password")

urlpatterns = [
    path("robots.txt", discovery.robots_txt, name="robots_txt"),
    path("sitemap.xml", discovery.sitemap, name="sitemap"),
    # The read-only API (portal/api.py) and its OpenAPI description.
    path("api/v2/openapi.json", api.OpenAPIView.as_view(), name="api_openapi"),
    path("api/v2/", api.router.urls),
    path(
        "flux/",
        include(
            (
                [
                    path("", feeds.AllResourcesFeed(), name="all"),
                    path("<str:kind>/", feeds.KindFeed(), name="kind"),
                    path("etapes/<int:pk>/", feeds.StepFeed(), name="step"),
                    path("territoires/<int:pk>/", feeds.TerritoryFeed(), name="territory"),
                ],
                "feeds",
            )
        ),
    ),
    path("django-admin/", admin.site.urls),
    path(
        "admin/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
        name="admin_login_to_allauth",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include("core.documents")),  # Wagtail's, with the pages' privacy
    path("recherche/", include("search.urls")),
    path("espaces/", include("forums.urls")),
    path("evenements/", include("agenda.urls")),
    path("se-situer/", include("situate.urls")),
    path("compte/", include("allauth.urls")),
    path("", include("accounts.urls")),
]

if settings.PORTAL_SERVE_MEDIA:
    from django.views.static import serve

    # Django's static() adds nothing without DEBUG: its route, written out.
    urlpatterns.append(
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})
    )
if settings.DEBUG:
    from .styleguide import styleguide

    # The design system's page, for developers (its view answers 404 without DEBUG too).
    urlpatterns.append(path("styleguide/", styleguide, name="styleguide"))

urlpatterns += [
    # Wagtail's own front-end log-in is Django's LoginView, a password alone: every log-in is
    # allauth's, with the two-factor code and the rate limits.
    path(
        "_util/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
        name="frontend_login_to_allauth",
    ),
    # Wagtail's, its pages served through portal.routing (routed in one query).
    *(pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"),
    re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve"),
]

handler500 = "portal.errors.server_error"
handler429 = "accounts.views.too_many_requests"  # allauth's rate limits
