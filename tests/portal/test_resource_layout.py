"""A resource page: the aside (facts, contents, downloads, steps) beside the text, and a table
of contents whose every entry leads to a heading of the body that says the same."""

import re
from html import unescape

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def page_html(client, page) -> str:
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def contents(html: str) -> list[tuple[str, str]]:
    nav = re.search(r'<nav class="toc".*?</nav>', html, re.S).group(0)
    return [(a, unescape(t)) for a, t in re.findall(r'<a href="#([\w-]+)">(.*?)</a>', nav)]


@pytest.mark.parametrize("make", [factories.sheet, factories.ToolFactory], ids=["fiche", "outil"])
def test_every_entry_of_the_contents_leads_to_its_heading(client, make):
    page = make()
    html = page_html(client, page)
    entries = contents(html)
    assert entries == [(anchor, str(title)) for anchor, title in page.toc()]
    for anchor, title in entries:
        heading = re.search(rf'<h2 id="{anchor}">(.*?)</h2>', html)
        assert heading and unescape(heading.group(1)) == title, anchor


def test_the_contents_list_only_the_sections_filled_in(client):
    sheet = factories.sheet(facilitator_role="", phases=[], lessons=[])
    anchors = [anchor for anchor, _title in contents(page_html(client, sheet))]
    assert anchors == ["enjeu", "productions"]


def test_the_aside_holds_the_facts_and_comes_after_the_header(client):
    sheet = factories.sheet()
    html = page_html(client, sheet)
    aside = re.search(
        r'<aside class="resource__aside" aria-label="En bref">.*?</aside>', html, re.S
    )
    assert aside and sheet.territory.name in aside.group(0)
    assert html.index("<h1>") < aside.start() < html.index('id="enjeu"')
