"""Each page says, in its head, its canonical address (absolute, the query left out but for a
page of a list), its card where it is shared (OpenGraph and Twitter: title, description, type,
address, site, locale, picture at 1200×630) and its schema.org data (an Article for a sheet, a
VideoObject with its transcript for a video, a BreadcrumbList below the home page), in JSON
that no title can break out of; cached with the page, never across pages or hosts."""

import json
from html.parser import HTMLParser

import pytest
from django.core.cache import cache
from django.template import Context, Template
from hypothesis import given
from hypothesis import strategies as st

from core.templatetags.head_tags import json_ld
from portal.demo.loader import ensure_image
from tests import factories
from tests.portal.test_titles import one_url_of_each_page_type

pytestmark = pytest.mark.django_db

CARD = ["og:url", "og:site_name", "og:locale", "og:title", "og:description", "og:type"]


class Head(HTMLParser):
    """The head's canonical links, metas (property or name: [content]) and JSON-LD."""

    def __init__(self):
        super().__init__()
        self.canonical, self.meta, self.json_ld, self._in_json = [], {}, [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "canonical":
            self.canonical.append(attrs["href"])
        elif tag == "meta" and ("property" in attrs or "name" in attrs):
            name = attrs.get("property") or attrs["name"]
            self.meta.setdefault(name, []).append(attrs.get("content"))
        self._in_json = tag == "script" and attrs.get("type") == "application/ld+json"

    def handle_data(self, data):
        if self._in_json:
            self.json_ld.append(json.loads(data))

    def handle_endtag(self, tag):
        self._in_json = False


def head(client, url, **extra) -> Head:
    response = client.get(url, **extra)
    assert response.status_code == 200, url
    parser = Head()
    html = response.content.decode()
    parser.feed(html[: html.index("</head>")])
    return parser


def graph(found: Head) -> dict[str, dict]:
    [data] = found.json_ld
    assert data["@context"] == "https://schema.org"
    return {item["@type"]: item for item in data["@graph"]}


def picture():
    return ensure_image("Affiche de partage", "Affiche de partage", "#0e5a55")


def test_every_page_type_and_forum_page_has_one_canonical_address_and_a_card(client):
    for url in one_url_of_each_page_type():
        found = head(client, url)
        assert found.canonical == [f"http://testserver{url}"], url
        for name in CARD:
            assert len(found.meta.get(name, [])) == 1, (url, name)
        assert found.meta["og:url"] == found.canonical
        assert found.meta["og:locale"] == ["fr_FR"]
        assert found.meta["og:site_name"] == ["Bloc local"]
        assert found.meta["og:description"] == found.meta["description"]
        assert found.meta["twitter:card"] in (["summary"], ["summary_large_image"]), url


def test_the_canonical_address_leaves_out_the_query_but_a_later_page_of_a_list(client):
    index = factories.ExperienceIndexFactory()
    territory = factories.TerritoryFactory()
    canonical = f"http://testserver{index.url}"
    assert head(client, index.url + f"?territoire={territory.pk}&utm=x").canonical == [canonical]
    assert head(client, index.url + "?page=2&territoire=1").canonical == [canonical + "?page=2"]
    for number in ("1", "0", "abc", "²", "9" * 30, "-2"):
        assert head(client, index.url + f"?page={number}").canonical == [canonical], number


def test_a_topic_canonical_address_names_the_page_of_replies_shown(client):
    topic = factories.TopicFactory(space=factories.SpaceFactory(public=True), posts=1)
    url = topic.get_absolute_url()
    for asked in ("?page=5", "?page=last", "?page=abc"):  # one page of replies: the first
        assert head(client, url + asked).canonical == [f"http://testserver{url}"], asked
    assert head(client, "/compte/login/?page=2").canonical == ["http://testserver/compte/login/"]


def test_the_card_names_a_page_a_space_and_a_topic(client):
    sheet = factories.sheet(title="Une fiche sur la charte", seo_title="La charte partagée")
    assert head(client, sheet.url).meta["og:title"] == ["La charte partagée"]
    assert head(client, sheet.url).meta["og:type"] == ["article"]
    topic = factories.TopicFactory(
        space=factories.SpaceFactory(public=True, name="Réseau des DGS"),
        title="Préparer le bureau",
        posts=1,
    )
    assert head(client, topic.space.get_absolute_url()).meta["og:title"] == ["Réseau des DGS"]
    assert head(client, topic.get_absolute_url()).meta["og:title"] == ["Préparer le bureau"]
    assert head(client, "/espaces/").meta["og:type"] == ["website"]


def test_a_page_with_a_picture_shares_its_1200_by_630_rendition(client):
    sheet = factories.sheet(image=picture())
    found = head(client, sheet.url)
    [image] = found.meta["og:image"]
    made = sheet.image.renditions.get(filter_spec="fill-1200x630")  # when the picture was saved
    assert image == f"http://testserver{made.url}"
    assert image.startswith("http://testserver/") and ".fill-1200x630." in image
    assert found.meta["og:image:width"] == ["1200"]
    assert found.meta["og:image:height"] == ["630"]
    assert found.meta["og:image:alt"] == ["Affiche de partage"]
    assert found.meta["twitter:card"] == ["summary_large_image"]
    assert graph(found)["Article"]["image"] == image


def test_a_sheet_is_an_article_about_its_territory(client):
    sheet = factories.sheet(
        title="Une charte de fonctionnement",
        territory=factories.TerritoryFactory(name="Territoire de la charte"),
    )
    sheet.save_revision().publish()
    sheet.refresh_from_db()
    data = graph(head(client, sheet.url))
    article = data["Article"]
    assert article["headline"] == "Une charte de fonctionnement"
    assert article["url"] == f"http://testserver{sheet.url}"
    assert article["description"] == sheet.summary
    assert article["contentLocation"] == {"@type": "Place", "name": "Territoire de la charte"}
    assert article["license"].startswith("https://")
    assert article["publisher"]["name"] == "CNFPT"
    assert article["datePublished"].startswith(str(sheet.first_published_at.date()))
    crumbs = data["BreadcrumbList"]["itemListElement"]
    assert [crumb["position"] for crumb in crumbs] == [1, 2, 3]
    assert crumbs[0] == {"@type": "ListItem", "position": 1, "name": "Accueil",
                         "item": "http://testserver/"}  # fmt: skip
    assert crumbs[-1]["item"] == f"http://testserver{sheet.url}"


def test_a_video_is_a_video_object_with_its_transcript(client):
    video = factories.video(image=picture())
    video.save_revision().publish()
    found = head(client, video.url)
    assert found.meta["og:type"] == ["video.other"]
    data = graph(found)["VideoObject"]
    assert data["name"] == video.title
    assert data["transcript"] == video.transcript and "\n" in data["transcript"]
    assert data["duration"] == "P0DT00H05M00S"
    assert data["contentUrl"] == video.video_url
    assert data["thumbnailUrl"] == found.meta["og:image"][0]
    assert "uploadDate" in data


def test_a_page_below_the_home_page_has_its_breadcrumb_and_the_home_page_none(client):
    step = factories.StepFactory()
    assert set(graph(head(client, step.url))) == {"BreadcrumbList"}
    assert head(client, "/").json_ld == []


def test_no_title_breaks_out_of_the_json(client):
    title = 'Une fiche </script><script>alert("x")</script> <!-- & “ça” \u2028'
    sheet = factories.sheet(title=title)
    response = client.get(sheet.url)
    html = response.content.decode()
    assert html.count("<script>") == 0
    assert graph(head(client, sheet.url))["Article"]["headline"] == title


@given(text=st.text())
def test_any_text_is_json_that_reads_back_and_never_closes_its_script(text):
    class Page:
        depth = 2

        def structured_data(self, *, url_of, image):
            return {"@type": "Thing", "name": text}

    class Request:
        def build_absolute_uri(self, url):
            return url

    tag = Template("{% load head_tags %}{% structured_data %}")
    rendered = tag.render(Context({"page": Page(), "request": Request()}))
    inside = rendered.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert "<" not in inside and ">" not in inside
    assert json.loads(inside)["@graph"] == [{"@type": "Thing", "name": text}]
    assert json.loads(json_ld(text)) == text


@pytest.fixture
def cached_pages(settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 600
    cache.clear()


def test_cached_heads_stay_with_their_page_host_and_audience(client, cached_pages):
    first = factories.sheet(title="Première fiche", image=picture())
    second = factories.sheet(title="Seconde fiche")
    member = factories.UserFactory()
    for _ in range(2):  # cold, then from the caches
        for who in ("anonymous", "member"):
            if who == "member":
                client.force_login(member)
            else:
                client.logout()
            for sheet in (first, second):
                found = head(client, sheet.url)
                assert found.canonical == [f"http://testserver{sheet.url}"]
                assert found.meta["og:title"] == [sheet.title]
                assert graph(found)["Article"]["headline"] == sheet.title
            assert "og:image" in head(client, first.url).meta
            assert "og:image" not in head(client, second.url).meta
    elsewhere = head(client, first.url, HTTP_HOST="autre.example.org", secure=True)
    assert elsewhere.canonical == [f"https://autre.example.org{first.url}"]
    assert elsewhere.meta["og:image"][0].startswith("https://autre.example.org/")
    assert graph(elsewhere)["Article"]["url"].startswith("https://autre.example.org/")
    first.title = "Première fiche renommée"
    first.save_revision().publish()
    assert graph(head(client, first.url))["Article"]["headline"] == "Première fiche renommée"


def test_a_list_of_a_step_says_its_own_address_beside_its_step(client, cached_pages):
    step = factories.StepFactory()
    head(client, step.url)
    kind = head(client, step.url + "fiches/")
    assert kind.canonical == [f"http://testserver{step.url}fiches/"]
    assert kind.meta["og:url"] == kind.canonical


def test_a_sheet_with_a_picture_asks_no_query_more_cold_or_warm(
    client, django_assert_num_queries, settings
):
    from tests.portal.test_query_counts import COLD, MEMBER, WARM_MEMBER

    sheet = factories.sheet(image=picture())
    # The renditions, made when the picture was saved, are read from the cache (Wagtail's).
    with django_assert_num_queries(COLD["fiche expérience"]):
        client.get(sheet.url)
    settings.PORTAL_PAGE_CACHE_SECONDS = 600
    cache.clear()
    client.force_login(factories.UserFactory())
    client.get(sheet.url)
    with django_assert_num_queries(WARM_MEMBER + MEMBER):
        client.get(sheet.url)
