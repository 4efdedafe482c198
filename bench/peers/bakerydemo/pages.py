"""bakerydemo's pages for the bench, from its data: prints {"pages": {kind: [paths]}, "members":
[cookies]} as JSON (a fresh session of its one member: its pages are the same for everyone);
`--warm` requests each page once instead (image renditions are made on a first request). Run by
bench.peers in the peer's virtualenv."""

import json
import re
import sys
from urllib.parse import quote

import django

MEMBER = "bench-member"


def pages() -> dict[str, list[str]]:
    from bakerydemo.blog.models import BlogIndexPage, BlogPage
    from bakerydemo.breads.models import BreadPage
    from wagtail.models import Site

    breads = list(BreadPage.objects.live().public().order_by("path"))
    blogs = list(BlogPage.objects.live().public().order_by("path"))
    indexes = list(BlogIndexPage.objects.live().public().order_by("path"))
    tags = sorted({tag.slug for blog in blogs for tag in blog.tags.all()})
    # Distinct queries: the words of the titles of what bakerydemo's search looks in.
    words = sorted(
        {
            word.lower()
            for page in breads + blogs
            for word in re.findall(r"[A-Za-z]{4,}", page.title)
        }
    )
    return {
        "home": [Site.objects.get(is_default_site=True).root_page.url],
        "bread": [page.url for page in breads],
        "blog_index": [page.url for page in indexes]
        + [f"{index.url}tags/{tag}/" for index in indexes for tag in tags],
        "blog": [page.url for page in blogs],
        "search": [f"/search/?q={quote(word)}" for word in words],
    }


def member_cookies() -> dict[str, str]:
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.get(username=MEMBER))
    name = settings.SESSION_COOKIE_NAME
    return {name: client.cookies[name].value}


def warm(listing: dict[str, list[str]], cookies: dict[str, str]) -> None:
    from django.test import Client

    anonymous, member = Client(HTTP_HOST="127.0.0.1"), Client(HTTP_HOST="127.0.0.1")
    for name, value in cookies.items():
        member.cookies[name] = value
    for kind, paths in listing.items():
        for number, path in enumerate(paths):
            for client in (anonymous, member) if number == 0 else (anonymous,):
                status = client.get(path).status_code
                if status != 200:
                    sys.exit(f"peers: bakerydemo: {path} answered {status}")
        print(f"peers: bakerydemo: {len(paths)} {kind} pages answer 200")  # noqa: T201


def main() -> None:
    django.setup()
    listing, cookies = pages(), member_cookies()
    if "--warm" in sys.argv:
        warm(listing, cookies)
    else:
        print(json.dumps({"pages": listing, "members": [cookies]}))  # noqa: T201


if __name__ == "__main__":
    main()
