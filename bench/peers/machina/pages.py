"""django-machina's pages for the bench, from its data: prints {"pages": {kind: [paths]},
"members": [cookies, ...]} as JSON (a fresh session for each of MEMBERS members, the bench's
member first); `--warm` requests one page of each kind instead, anonymously and as the member.
Run by bench.peers in the peer's virtualenv."""

import json
import random
import sys

import django

MEMBERS = 50  # member-00001 (the bench's member) to member-00050
PER_KIND = 2_000  # topics drawn at random (seeded) among the 30 000: plenty of distinct URLs


def pages() -> dict[str, list[str]]:
    from django.conf import settings
    from django.urls import reverse
    from machina.apps.forum.models import Forum
    from machina.apps.forum_conversation.models import Topic

    per_page = settings.MACHINA_TOPIC_POSTS_NUMBER_PER_PAGE

    def url(topic) -> str:
        return reverse(
            "forum_conversation:topic",
            kwargs={
                "forum_slug": topic.forum.slug,
                "forum_pk": topic.forum_id,
                "slug": topic.slug,
                "pk": topic.pk,
            },
        )

    forums = Forum.objects.filter(type=Forum.FORUM_POST).order_by("tree_id", "lft")
    topics = Topic.objects.select_related("forum").only("pk", "slug", "forum__slug")
    ids = sorted(topics.values_list("pk", flat=True))
    drawn = random.Random(1).sample(ids, min(PER_KIND, len(ids)))  # noqa: S311
    long = topics.filter(posts_count__gt=per_page).order_by("-posts_count", "pk")[:PER_KIND]
    return {
        "forum_index": [reverse("forum:index")],
        "forum": [reverse("forum:forum", kwargs={"slug": f.slug, "pk": f.pk}) for f in forums],
        "topic": [url(topic) for topic in topics.filter(pk__in=drawn).order_by("pk")],
        "topic_last": [
            f"{url(topic)}?page={(topic.posts_count - 1) // per_page + 1}"
            for topic in long.only("pk", "slug", "posts_count", "forum__slug")
        ],
    }


def member_cookies() -> list[dict[str, str]]:
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    name, sessions = settings.SESSION_COOKIE_NAME, []
    for user in (
        get_user_model()
        .objects.filter(username__startswith="member-")
        .order_by("username")[:MEMBERS]
    ):
        client = Client()
        client.force_login(user)
        sessions.append({name: client.cookies[name].value})
    return sessions


def warm(listing: dict[str, list[str]], cookies: dict[str, str]) -> None:
    from django.test import Client

    anonymous, member = Client(HTTP_HOST="127.0.0.1"), Client(HTTP_HOST="127.0.0.1")
    for name, value in cookies.items():
        member.cookies[name] = value
    for kind, paths in listing.items():
        if not paths:
            sys.exit(f"peers: machina: no {kind} page in the data")
        for client in (anonymous, member):
            status = client.get(paths[0]).status_code
            if status != 200:
                sys.exit(f"peers: machina: {paths[0]} answered {status}")
        print(f"peers: machina: {len(paths)} {kind} pages, the first answers 200")  # noqa: T201


def main() -> None:
    django.setup()
    listing, members = pages(), member_cookies()
    if "--warm" in sys.argv:
        warm(listing, members[0])
    else:
        print(json.dumps({"pages": listing, "members": members}))  # noqa: T201


if __name__ == "__main__":
    main()
