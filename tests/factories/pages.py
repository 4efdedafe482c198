"""Pages (through wagtail-factories) and the snippets they point to, with French fake text.

Each page factory attaches its page under the right parent: the one already in the tree (the
demo's, in this suite), else one it makes, up to the home page.

    ExperienceSheetFactory(territory=TerritoryFactory(urban=True), summary="…")
    VideoFactory(edition=SeminarEditionFactory()), ToolFactory(parent=ToolBoxFactory())
    StepFactory(), StandardPageFactory(title="…")
"""

import datetime

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.models import Page, Site

from core.models import Territory, TerritoryKind
from experiences.models import ExperienceIndexPage, ExperienceSheetPage
from portal.models import HomePage, StandardPage
from resources.captions import captions_from_cues
from resources.models import (
    CooperationPathPage,
    Expert,
    ResourceIndexPage,
    SeminarEditionPage,
    SeminarIndexPage,
    StepPage,
    ToolBoxPage,
    ToolPage,
    VideoPage,
)
from search import sync

from .base import fake, french_title, unique


class TerritoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Territory

    name = factory.LazyFunction(lambda: unique(fake.city()))
    kind = TerritoryKind.SEMI_RURAL
    department = "49"
    communes = 10
    population = 25_000

    class Params:
        urban = factory.Trait(kind=TerritoryKind.URBAN, population=120_000, communes=25)


class ExpertFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Expert

    name = factory.LazyFunction(lambda: unique(fake.name()))
    role = factory.LazyFunction(fake.job)


def document(title: str = "Modèle") -> Document:
    doc = Document(title=unique(title))
    doc.file.save("modele.txt", ContentFile(b"Un modele"), save=False)
    doc.save()
    return doc


def home() -> HomePage:
    """The site's home page; made, with its site, when the tree has none."""
    page = HomePage.objects.first()
    if page is None:
        page = HomePageFactory()
        Site.objects.update_or_create(
            is_default_site=True, defaults={"hostname": "localhost", "root_page": page}
        )
    return page


def existing(factory_class, **lookup):
    """A lazy parent: the first page of `factory_class`'s model in the tree, else a new one."""

    def find():
        model = factory_class._meta.model
        return model.objects.filter(**lookup).order_by("path").first() or factory_class()

    return factory.LazyFunction(find)


class PortalPageFactory(wagtail_factories.PageFactory):
    class Meta:
        abstract = True

    title = factory.LazyFunction(french_title)
    slug = factory.LazyFunction(lambda: unique("page"))


class HomePageFactory(PortalPageFactory):
    class Meta:
        model = HomePage

    parent = factory.LazyFunction(lambda: Page.objects.get(depth=1))
    title = "Bloc local"


class StandardPageFactory(PortalPageFactory):
    """A free page under the home page."""

    class Meta:
        model = StandardPage

    parent = factory.LazyFunction(home)
    intro = factory.LazyFunction(fake.paragraph)


def section_factory(model) -> type[PortalPageFactory]:
    """The factory of a section's page, under the home page (the lists, the path, the
    seminars)."""
    return factory.make_factory(
        model, FACTORY_CLASS=PortalPageFactory, parent=factory.LazyFunction(home)
    )


ExperienceIndexFactory = section_factory(ExperienceIndexPage)
ResourceIndexFactory = section_factory(ResourceIndexPage)  # the videos' list
ToolBoxFactory = section_factory(ToolBoxPage)
CooperationPathFactory = section_factory(CooperationPathPage)
SeminarIndexFactory = section_factory(SeminarIndexPage)


class StepFactory(PortalPageFactory):
    """A step of the cooperation path."""

    class Meta:
        model = StepPage

    parent = existing(CooperationPathFactory)
    summary = factory.LazyFunction(fake.paragraph)


class SeminarEditionFactory(PortalPageFactory):
    class Meta:
        model = SeminarEditionPage

    parent = existing(SeminarIndexFactory)
    year = factory.Sequence(lambda number: 2100 + number)  # after the demo's editions
    summary = factory.LazyFunction(fake.paragraph)


class ResourcePageFactory(PortalPageFactory):
    """What every resource has: a summary, and steps of the path when asked (`steps=[…]`)."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    summary = factory.LazyFunction(fake.paragraph)

    @factory.post_generation
    def steps(self, create, extracted, **kwargs):
        if create and extracted:
            self.steps.add(*extracted)
            self.save()
            # Saved, a page's search document is written before its steps are: again, as on
            # publishing.
            sync.refresh_pages([self.pk])


class ExperienceSheetFactory(ResourcePageFactory):
    class Meta:
        model = ExperienceSheetPage

    parent = existing(ExperienceIndexFactory)
    slug = factory.LazyFunction(lambda: unique("fiche"))
    title = factory.LazyFunction(lambda: french_title(6))
    territory = factory.SubFactory(TerritoryFactory)
    challenge = factory.LazyFunction(fake.paragraph)
    productions = factory.LazyFunction(lambda: f"<p>{fake.sentence()}</p>")


class VideoFactory(ResourcePageFactory):
    class Meta:
        model = VideoPage

    parent = existing(ResourceIndexFactory)
    slug = factory.LazyFunction(lambda: unique("video"))
    duration = datetime.timedelta(minutes=5)
    captions = factory.LazyFunction(
        lambda: captions_from_cues([(0, 5, fake.sentence()), (5, 9, fake.sentence())])
    )
    video_url = "https://videos.example.org/intervention.mp4"


class ToolFactory(ResourcePageFactory):
    class Meta:
        model = ToolPage

    parent = existing(ToolBoxFactory)
    slug = factory.LazyFunction(lambda: unique("outil"))
    title = factory.LazyFunction(lambda: french_title(4))
    purpose = factory.LazyFunction(fake.paragraph)
    how = factory.LazyFunction(lambda: f"<p>{fake.sentence()}</p>")


# The helpers' former names, kept for their callers.
sheet = ExperienceSheetFactory
video = VideoFactory
tool = ToolFactory
