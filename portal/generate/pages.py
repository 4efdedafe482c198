"""Generated pages (sheets, videos, tools) and the snippets they point to."""

import datetime
import html
from collections.abc import Callable

from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from wagtail.models import Page

from core.models import Territory, TerritoryKind
from experiences.models import ExperienceSheetPage
from resources.captions import captions_from_cues
from resources.models import Expert, ToolPage, VideoPage

from .base import BATCH, FIRST_NAMES, LAST_NAMES, GeneratorBase


class ContentGenerator(GeneratorBase):
    """Pages appended under the demo's index pages in bulk, and their snippets."""

    # Pages

    def pages(self, parent: Page, label: str, count: int, build: Callable) -> list[int]:
        """Appends `count` live pages made by `build(number)` under `parent`; their ids."""
        parent = Page.objects.get(pk=parent.pk)
        last = parent.get_last_child()
        position = Page._str2int(last.path[-Page.steplen :]) if last else 0
        ids = []
        for start in range(0, count, BATCH):
            batch = [build(number) for number in range(start, min(count, start + BATCH))]
            model = type(batch[0])
            content_type = ContentType.objects.get_for_model(model)
            for page in batch:
                position += 1
                published = self.when()
                page.path = Page._get_path(parent.path, parent.depth + 1, position)
                page.depth, page.numchild = parent.depth + 1, 0
                page.url_path = f"{parent.url_path}{page.slug}/"
                page.content_type = content_type
                page.live, page.has_unpublished_changes = True, False
                page.first_published_at = page.last_published_at = published
                page.latest_revision_created_at = published
                page.draft_title = page.title
                page.locale_id = parent.locale_id
                page.translation_key = self.uuid()
            base_fields = [field for field in Page._meta.concrete_fields if not field.primary_key]
            rows = Page.objects.bulk_create(
                [
                    Page(**{field.attname: getattr(page, field.attname) for field in base_fields})
                    for page in batch
                ]
            )
            for page, row in zip(batch, rows, strict=True):
                page.pk = page.id = row.pk
            model.objects.all()._insert(batch, fields=model._meta.local_concrete_fields)
            ids += [page.pk for page in batch]
            self.progress(label, len(ids), count)
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + count)
        return ids

    def link(self, model, name: str, sources: list[int], targets: list[int], low, high) -> None:
        """Fills a many-to-many field: each source gets from `low` to `high` random targets."""
        field = model._meta.get_field(name)
        through = field.remote_field.through
        source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
        rows = [
            through(**{source: page, target: chosen})
            for page in sources
            for chosen in self.rng.sample(targets, min(len(targets), self.rng.randint(low, high)))
        ]
        through.objects.bulk_create(rows, batch_size=BATCH)

    def blocks(self, items: list[tuple[str, object]]) -> list[dict]:
        return [{"type": kind, "value": value, "id": str(self.uuid())} for kind, value in items]

    def sheet(self, number: int, territories: list[Territory]) -> ExperienceSheetPage:
        text = self.text
        lessons = ["success", "obstacle", "echo", "question"]
        return ExperienceSheetPage(
            title=text.title(),
            slug=f"fiche-{number:05d}",
            summary=text.sentence()[:400],
            territory_id=self.rng.choice(territories).pk,
            challenge=self.planted(text.paragraph(3)),
            productions="<ul>"
            + "".join(f"<li>{html.escape(text.sentence(4, 10))}</li>" for _ in range(3))
            + "</ul>",
            phases=self.blocks(
                [
                    ("phase", {"title": text.title(), "period": "", "text": text.paragraph(2)})
                    for _ in range(3)
                ]
            ),
            facilitator_role=text.paragraph(2),
            lessons=self.blocks([(kind, text.paragraph(1)) for kind in lessons]),
            last_reviewed=self.when().date(),
        )

    def video(self, number: int) -> VideoPage:
        text = self.text
        cues, second = [], 0
        for _ in range(self.sizes.cues):
            length = self.rng.randint(4, 12)
            cues.append((second, second + length, text.sentence(6, 18)))
            second += length
        cues[-1] = (*cues[-1][:2], self.planted(cues[-1][2]))
        return VideoPage(
            title=text.title(),
            slug=f"video-{number:05d}",
            summary=text.sentence()[:400],
            duration=datetime.timedelta(seconds=second),
            captions=captions_from_cues(cues),
            video_url=f"https://videos.bloc-local.example/generee-{number:05d}.mp4",
            last_reviewed=self.when().date(),
        )

    def tool(self, number: int) -> ToolPage:
        text = self.text
        return ToolPage(
            title=text.title(),
            slug=f"outil-{number:05d}",
            summary=text.sentence()[:400],
            purpose=self.planted(text.paragraph(2)),
            when_to_use=text.paragraph(1),
            how="<ol>"
            + "".join(f"<li>{html.escape(text.sentence(4, 12))}</li>" for _ in range(4))
            + "</ol>",
            last_reviewed=self.when().date(),
        )

    # Snippets

    def territories(self, count: int) -> list[Territory]:
        kinds = list(TerritoryKind.values)
        Territory.objects.bulk_create(
            [
                Territory(
                    name=f"Territoire généré {number:04d}",
                    kind=self.rng.choice(kinds),
                    department=f"{self.rng.randint(1, 95):02d}",
                    communes=self.rng.randint(5, 60),
                    population=self.rng.randint(5_000, 250_000),
                )
                for number in range(count)
            ],
            batch_size=BATCH,
        )
        return list(Territory.objects.filter(name__startswith="Territoire généré "))

    def experts(self, count: int) -> list[int]:
        Expert.objects.bulk_create(
            [
                Expert(
                    name=f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)} ({n})",
                    role=self.text.title()[:200],
                )
                for n in range(count)
            ]
        )
        return list(Expert.objects.values_list("pk", flat=True))
