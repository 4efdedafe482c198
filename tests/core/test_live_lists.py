"""`live_lists`: several lists of live, public pages in one query, or two when lists share a
page type (which list each page belongs to, read first)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.models import live_lists
from experiences.models import ExperienceSheetPage
from resources.models import ToolPage
from tests import factories

pytestmark = pytest.mark.django_db


def test_two_lists_of_one_page_type_keep_their_own_pages():
    first, second = factories.StepFactory(), factories.StepFactory()
    ours = [factories.sheet(steps=[first]) for _n in range(2)]
    theirs = factories.sheet(steps=[second])
    tool = factories.tool(steps=[first])
    sheets = ExperienceSheetPage.objects.live().public().order_by("title")
    lists = live_lists(
        ours=sheets.filter(steps=first),
        theirs=sheets.filter(steps=second)[:1],
        tools=ToolPage.objects.filter(steps=first),
        empty=[],
    )
    with CaptureQueriesContext(connection) as context:
        found = dict(lists)
    assert [page.pk for page in found["ours"]] == [
        page.pk for page in sorted(ours, key=lambda page: page.title)
    ]
    assert [page.pk for page in found["theirs"]] == [theirs.pk]
    assert [page.pk for page in found["tools"]] == [tool.pk]
    assert found["empty"] == []
    # The lists' keys, the pages; their pictures' renditions if they have any.
    assert len(context) <= 3
