"""Who finds what, on whichever backend the suite runs against: each kind of visitor against
each kind of content. Each content holds its own rare word, so a search finds it or not."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page, PageViewRestriction

from forums import services
from forums.models import Space
from portal.models import StandardPage

pytestmark = pytest.mark.django_db

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
def contents(settings, django_capture_on_commit_callbacks):
    settings.FORUMS_MIN_SECONDS_BETWEEN_POSTS = 0
    users = get_user_model().objects
    author, moderator = users.get(username="nadia.benali"), users.get(username="marc.girard")
    users.create_user("equipe.cnfpt", "equipe@example.org", "x", is_staff=True)
    spaces = {space.slug: space for space in Space.objects.all()}
    with django_capture_on_commit_callbacks(execute=True):
        for slug, word in [
            ("reseau-dgs-sg", "zebulon"),
            ("reseau-finances", "zanzibar"),
            ("codir-pays-des-achards", "zeugma"),
        ]:
            services.topic_create(
                space=spaces[slug], author=author, title=f"Sujet {word}", body=f"Le mot {word}."
            )
        topic = services.topic_create(
            space=spaces["reseau-dgs-sg"], author=author, title="Un fil", body="Ouverture."
        )
        hidden = services.post_create(topic=topic, author=author, body="Le mot zodiaque.")
        services.post_hide(post=hidden, moderator=moderator, reason="Hors sujet")
        deleted = services.post_create(topic=topic, author=author, body="Le mot zirconium.")
        services.post_delete(post=deleted, user=author)
        home = Page.objects.get(depth=2)
        draft = home.add_child(instance=StandardPage(title="Page zinnia", slug="zinnia"))
        draft.unpublish()
        private = home.add_child(instance=StandardPage(title="Page zoologie", slug="zoologie"))
        PageViewRestriction.objects.create(page=private, restriction_type="login")


@pytest.mark.parametrize("number", range(len(VISITORS)), ids=VISITORS)
def test_each_visitor_finds_only_what_they_may_read(client, contents, number):
    username = {1: "claire.moreau", 2: "nadia.benali", 3: "equipe.cnfpt"}.get(number)
    if username:
        client.force_login(get_user_model().objects.get(username=username))
    for word, found_by in EXPECTED.items():
        html = client.get("/recherche/", {"q": word}).content.decode()
        assert ("Aucun résultat" not in html) == found_by[number], (VISITORS[number], word)
        suggested = client.get("/recherche/suggestions/", {"q": word, "format": "json"}).json()
        if not found_by[number]:
            assert not suggested["suggestions"], (VISITORS[number], word)
