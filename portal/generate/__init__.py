"""Generated data at a national portal's scale, for the benchmarks (`manage.py generate_data`).

Deterministic for a given seed. The French text is made by a word chain learnt from the demo
content (each word is followed by a word that follows it somewhere in `portal/demo/content.py`),
so phrases of the demo ("projet de territoire") recur and the words have natural frequencies.

Everything is created in bulk. Pages are appended under the demo's index pages by computing
their place in Wagtail's tree ourselves (treebeard's materialised path: `path`, `depth`,
`url_path`, the parent's `numchild`); each page is a `wagtailcore_page` row created with
`bulk_create` plus its specific row inserted with the same primary key. Pages are live, without
revisions. The forum counters (`post_count`, `last_post_at`, the spaces' `topic_count`) are set
as the services would.
"""

from django.contrib.auth import get_user_model
from django.db import transaction

from experiences.models import ExperienceIndexPage, ExperienceSheetPage
from resources.models import ResourceIndexPage, StepPage, ToolBoxPage, ToolPage, VideoPage

from .base import (
    BENCH_SPACE_SLUG,
    BENCH_TOPIC_POSTS,
    BENCH_USERNAME,
    RARE_WORD,
    Sizes,
)
from .discussions import DiscussionGenerator
from .pages import ContentGenerator

__all__ = [
    "BENCH_SPACE_SLUG",
    "BENCH_TOPIC_POSTS",
    "BENCH_USERNAME",
    "RARE_WORD",
    "Generator",
    "Sizes",
    "is_generated",
]


class Generator(ContentGenerator, DiscussionGenerator):
    """The whole generated portal, in one transaction."""

    @transaction.atomic
    def run(self) -> None:
        steps = list(StepPage.objects.live().order_by("path").values_list("pk", flat=True))
        territories = self.territories(max(4, self.sizes.sheets // 10))
        experts = self.experts(40)
        videos = self.pages(
            ResourceIndexPage.objects.get(), "Vidéos", self.sizes.videos, self.video
        )
        self.link(VideoPage, "speakers", videos, experts, 1, 2)
        self.link(VideoPage, "steps", videos, steps, 1, 3)
        tools = self.pages(
            ToolBoxPage.objects.filter(depth=3).get(), "Outils", self.sizes.tools, self.tool
        )
        self.link(ToolPage, "steps", tools, steps, 1, 3)
        sheets = self.pages(
            ExperienceIndexPage.objects.get(),
            "Fiches",
            self.sizes.sheets,
            lambda number: self.sheet(number, territories),
        )
        self.link(ExperienceSheetPage, "steps", sheets, steps, 1, 3)
        self.link(ExperienceSheetPage, "related_videos", sheets, videos, 1, 3)
        self.link(ExperienceSheetPage, "related_tools", sheets, tools, 1, 2)
        members = self.members()
        spaces = self.spaces(territories)
        self.memberships(members, spaces)
        self.topics(members, spaces, resources=sheets + videos + tools)


def is_generated() -> bool:
    return get_user_model().objects.filter(username=BENCH_USERNAME).exists()
