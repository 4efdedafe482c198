"""Who finds what, on whichever backend the suite runs against: each kind of visitor against
each kind of content. Each content holds its own rare word, so a search finds it or not."""

import pytest
from wagtail.models import PageViewRestriction

from forums import services
from tests.factories import SpaceFactory, StandardPageFactory, UserFactory

pytestmark = pytest.mark.django_db

SHARED = "zyzomys"  # in the three topics: counted in the filters of those who may read them
VISITORS = ["anonyme", "membre", "membre du CoDir", "équipe CNFPT"]
# word: who finds it (anonymous, member, CoDir member, staff)
EXPECTED = {
    "zebulon": [True, True, True, True],  # a topic of a public space
    "zanzibar": [False, True, True, True],  # a topic of a members-only space
    "zeugma": [False, False, True, True],  # a topic of a private space
    "zodiaque": [False, False, False, False],  # a hidden reply
    "zirconium": [False, False, False, False],  # a deleted reply
    "zinnia": [False, False, False, False],  # an unpublished page
    "zoologie": [False, False, False, False],  # a page restricted to logged-in visitors
}


@pytest.fixture
def visitors(codir):
    """Who searches, by number in VISITORS: nobody, a member of the portal, a member of the
    private space, staff."""
    return {1: codir.outsider, 2: codir.member, 3: UserFactory(staff=True)}


@pytest.fixture
def contents(codir, django_capture_on_commit_callbacks):
    author = codir.member
    public = SpaceFactory(public=True)
    with django_capture_on_commit_callbacks(execute=True):
        for space, word in [
            (public, "zebulon"),
            (SpaceFactory(members_only=True), "zanzibar"),
            (codir.space, "zeugma"),
        ]:
            services.topic_create(
                space=space,
                author=author,
                title=f"Sujet {word}",
                body=f"Le mot {word}, et {SHARED}.",
            )
        topic = services.topic_create(
            space=public, author=author, title="Un fil", body="Ouverture."
        )
        hidden = services.post_create(topic=topic, author=author, body="Le mot zodiaque.")
        services.post_hide(post=hidden, moderator=codir.moderator, reason="Hors sujet")
        deleted = services.post_create(topic=topic, author=author, body="Le mot zirconium.")
        services.post_delete(post=deleted, user=author)
        StandardPageFactory(title="Page zinnia").unpublish()
        private = StandardPageFactory(title="Page zoologie")
        PageViewRestriction.objects.create(page=private, restriction_type="login")


@pytest.mark.parametrize("number", range(len(VISITORS)), ids=VISITORS)
def test_each_visitor_finds_only_what_they_may_read(client, visitors, contents, number):
    if number in visitors:
        client.force_login(visitors[number])
    for word, found_by in EXPECTED.items():
        html = client.get("/recherche/", {"q": word}).content.decode()
        assert ("Aucun résultat" not in html) == found_by[number], (VISITORS[number], word)
        suggested = client.get("/recherche/suggestions/", {"q": word, "format": "json"}).json()
        if not found_by[number]:
            assert not suggested["suggestions"], (VISITORS[number], word)


@pytest.mark.parametrize("number", range(len(VISITORS)), ids=VISITORS)
def test_counts_filters_and_suggestions_hold_only_what_each_visitor_may_read(
    client, visitors, contents, number
):
    if number in visitors:
        client.force_login(visitors[number])
    readable = [word for word in ("zebulon", "zanzibar", "zeugma") if EXPECTED[word][number]]
    html = client.get("/recherche/", {"q": SHARED}).content.decode()
    assert f"{len(readable)} résultat" in html
    assert f"Discussions ({len(readable)})" in html
    start = html.index('<nav class="facets"')
    facets = html[start : html.index("</nav>", start)]
    assert facets.count("espace=") == len(readable)
    for word in {"zebulon", "zanzibar", "zeugma"} - set(readable):
        assert word not in html
    suggested = client.get("/recherche/suggestions/", {"q": "Sujet z", "format": "json"}).json()
    topics = {title for title in suggested["suggestions"] if title.startswith("Sujet z")}
    assert topics == {f"Sujet {word}" for word in readable}  # (OpenSearch adds demo pages)
