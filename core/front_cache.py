"""The front cache (Varnish, deploy/varnish.vcl) told what changed, by scope.

The anonymous whole-page cache (portal.page_cache) sends with each page it may keep the scopes
whose versions it was built from (`X-Cache-Scopes: content page:12 topic:3`); the front cache
keeps exactly those pages, under the same rule. When core.cache's `changed` replaces the
versions of some scopes, once the transaction is committed, each front cache of
PORTAL_FRONT_CACHE_URLS is sent `BAN` with `X-Ban-Scopes: topic:3 discussions`: it drops every
page built from one of them, wherever it shows it (the topic, its space, the home page…).
Publishing and unpublishing also purge the page's addresses through Wagtail's
`wagtail.contrib.frontend_cache` (the settings enable it with the same URLs).

A front cache out of reach is logged, never an error of the write: its pages then live
PORTAL_PAGE_CACHE_SECONDS at most.
"""

import logging
from collections.abc import Iterable
from urllib.error import URLError
from urllib.request import Request, urlopen

from django.conf import settings

logger = logging.getLogger(__name__)

HEADER = "X-Cache-Scopes"
TIMEOUT = 1.0


def ban(scopes: Iterable[str]) -> None:
    """Drops from every front cache the pages built from any of these scopes."""
    scopes = " ".join(sorted(set(scopes)))
    for url in settings.PORTAL_FRONT_CACHE_URLS:
        request = Request(url, method="BAN", headers={"X-Ban-Scopes": scopes})  # noqa: S310
        try:
            with urlopen(request, timeout=TIMEOUT):  # noqa: S310 - our own configured address
                pass
        except (URLError, OSError) as error:
            logger.warning("Front cache %s not told of a change (%s): %s", url, scopes, error)
