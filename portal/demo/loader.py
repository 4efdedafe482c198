"""Builds the demo site from `content.py`; idempotent, so a second run changes nothing.

Helpers are typed and shared with the tests: each finds what exists by a natural key (a page's
slug under its parent, a snippet's name, a file's title) and only creates what is missing.
"""

import datetime
import io
from collections.abc import Callable, Iterable
from typing import TypeVar

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page, Site

from accounts.models import Profile
from accounts.services import profile_for
from agenda.models import EventIndexPage, EventPage
from core.models import Territory
from experiences.models import ExperienceIndexPage, ExperienceSheetPage
from forums.demo import load_forum_demo
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
    ToolDocument,
    ToolPage,
    VideoPage,
)

from . import content, pictures, questions

P = TypeVar("P", bound=Page)

# The home page's sections, in the order of the main menu: (type, slug, title, introduction).
SECTIONS = [
    (
        ExperienceIndexPage,
        "experiences",
        "Expériences",
        "Quatre territoires accompagnés par le CNFPT racontent leur démarche.",
    ),
    (
        ResourceIndexPage,
        "videos",
        "Vidéos d'experts",
        "Les interventions des experts des séminaires, avec leur transcription complète.",
    ),
    (
        ToolBoxPage,
        "boite-a-outils",
        "Boîte à outils",
        "Des méthodes et des modèles éprouvés par les territoires, prêts à adapter.",
    ),
    (
        CooperationPathPage,
        "chemin",
        "Le chemin de la coopération",
        "Les seuils qu'un territoire franchit, puis entretient, pour coopérer.",
    ),
    (
        SeminarIndexPage,
        "seminaires",
        "Les séminaires",
        "Trois éditions du séminaire des directions du bloc local, en Pays de la Loire.",
    ),
    (
        EventIndexPage,
        "agenda",
        "Agenda",
        "Les séminaires, webinaires et ateliers à venir, et ceux qui ont eu lieu.",
    ),
]
PALETTE = ["#1d4e89", "#a3311a", "#2e6b3a", "#6b3a7a", "#8a5a00"]


def ensure_page(parent: Page, model: type[P], slug: str, build: Callable[[], P]) -> P:
    """The live child of `parent` with this slug, created and published from `build()` if absent."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing
    page = build()
    page.slug = slug
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure_image(title: str, text: str, colour: str, kicker: str = "") -> Image:
    """A generated 1200×630 picture showing `text` whole (`pictures.poster`)."""
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    buffer = io.BytesIO(pictures.poster(text, colour, kicker))
    return Image.objects.create(
        title=title, description=text, file=ImageFile(buffer, name=f"{slugify(title)}.png")
    )


def ensure_document(title: str, filename: str, text: str) -> Document:
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    document = Document(title=title)
    document.file.save(filename, ContentFile(text.encode("utf-8")), save=False)
    document.save()
    return document


def paragraphs(texts: Iterable[str]) -> list[tuple[str, str]]:
    """StreamField data of one paragraph block per text."""
    return [("paragraph", f"<p>{text}</p>") for text in texts]


def html_list(items: Iterable[str], tag: str = "ul") -> str:
    return f"<{tag}>" + "".join(f"<li>{item}</li>" for item in items) + f"</{tag}>"


def ensure_home() -> HomePage:
    """Our home page as the default site's root, replacing Wagtail's welcome page."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = HomePage(
            title=content.HOME["title"],
            slug="accueil",
            promise=content.HOME["promise"],
            intro=content.HOME["intro"],
            key_messages=[("key_message", message) for message in content.HOME["key_messages"]],
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Bloc local",
        )
    elif site.root_page_id != home.pk:
        welcome = site.root_page
        site.root_page = home
        site.site_name = "Bloc local"
        site.save()
        if welcome.specific_class is Page and welcome.depth == 2:
            welcome.delete()
    return home


def build_event(item: dict, *, editions: dict, videos: dict) -> EventPage:
    """An event of `content.EVENTS`, on its date or so many days from today (Paris time)."""
    if "date" in item:
        day = datetime.date(*item["date"])
    else:
        day = timezone.localdate() + datetime.timedelta(days=item["days"])
    (start_h, start_m), (end_h, end_m) = item["hours"]
    paris = timezone.get_current_timezone()
    return EventPage(
        title=item["title"],
        kind=item["kind"],
        start=datetime.datetime.combine(day, datetime.time(start_h, start_m), tzinfo=paris),
        end=datetime.datetime.combine(day, datetime.time(end_h, end_m), tzinfo=paris),
        place=item["place"],
        online_url=item["online_url"],
        capacity=item["capacity"],
        summary=item["summary"],
        programme=[("item", {"time": time, "activity": text}) for time, text in item["programme"]],
        edition=editions.get(item["edition"]),
        replay=videos.get(item["replay"]),
    )


@transaction.atomic
def load_demo(log: Callable[[str], None] = lambda message: None) -> None:
    home = ensure_home()
    log("Page d'accueil")

    territories = {
        item["name"]: Territory.objects.get_or_create(
            name=item["name"],
            defaults={key: item[key] for key in ("kind", "department", "communes", "population")},
        )[0]
        for item in content.TERRITORIES
    }
    experts = {
        item["name"]: Expert.objects.get_or_create(
            name=item["name"], defaults={"role": item["role"], "bio": item["bio"]}
        )[0]
        for item in content.EXPERTS
    }
    log(f"{len(territories)} territoires, {len(experts)} experts")

    sections = {
        model: ensure_page(
            home,
            model,
            slug,
            lambda model=model, title=title, intro=intro: model(
                title=title, intro=intro, show_in_menus=True
            ),
        )
        for model, slug, title, intro in SECTIONS
    }
    experience_index = sections[ExperienceIndexPage]
    video_index = sections[ResourceIndexPage]
    toolbox = sections[ToolBoxPage]
    path_page = sections[CooperationPathPage]
    seminars = sections[SeminarIndexPage]

    steps = {
        item["slug"]: ensure_page(
            path_page,
            StepPage,
            item["slug"],
            lambda item=item: StepPage(
                title=item["title"],
                summary=item["summary"],
                body=paragraphs(item["body"]),
                questions=questions.stream_value(item["slug"]),
            ),
        )
        for item in content.STEPS
    }
    for slug, step in steps.items():
        # Steps of an earlier load get their questions too; an editor's own are kept.
        if not step.questions:
            step.questions = questions.stream_value(slug)
            step.save_revision().publish()
    log(f"{len(steps)} étapes du chemin")

    editions = {
        item["year"]: ensure_page(
            seminars,
            SeminarEditionPage,
            str(item["year"]),
            lambda item=item: SeminarEditionPage(
                title=item["title"],
                year=item["year"],
                summary=item["summary"],
                programme=[
                    ("item", {"time": time, "activity": activity})
                    for time, activity in item["programme"]
                ],
            ),
        )
        for item in content.EDITIONS
    }
    log(f"{len(editions)} éditions du séminaire")

    videos = {}
    for number, item in enumerate(content.VIDEOS):

        def build_video(item=item, number=number):
            page = VideoPage(
                title=item["title"],
                summary=item["summary"],
                duration=datetime.timedelta(seconds=item["duration"]),
                captions=captions_from_cues(item["cues"]),
                video_url=item.get("video_url")
                or f"https://videos.bloc-local.example/{item['slug']}.mp4",
                edition=editions.get(item["edition"]),
                image=ensure_image(
                    f"Vidéo – {item['title']}",
                    item["title"],
                    PALETTE[number % len(PALETTE)],
                    kicker="Vidéo d'expert",
                ),
            )
            page.speakers = [experts[name] for name in item["speakers"]]
            page.steps = [steps[slug] for slug in item["steps"]]
            return page

        videos[item["slug"]] = ensure_page(video_index, VideoPage, item["slug"], build_video)
    log(f"{len(videos)} vidéos")

    tools = {}
    for item in content.TOOLS:

        def build_tool(item=item):
            page = ToolPage(
                title=item["title"],
                summary=item["purpose"][:400],
                purpose=item["purpose"],
                when_to_use=item["when"],
                how=html_list(item["how"], "ol"),
            )
            page.steps = [steps[slug] for slug in item["steps"]]
            if item["document"]:
                document = item["document"]
                page.documents = [
                    ToolDocument(
                        document=ensure_document(
                            document["title"], document["filename"], document["text"]
                        )
                    )
                ]
            return page

        tools[item["slug"]] = ensure_page(toolbox, ToolPage, item["slug"], build_tool)
    log(f"{len(tools)} outils")

    for number, item in enumerate(content.EXPERIENCES):

        def build_sheet(item=item, number=number):
            page = ExperienceSheetPage(
                title=item["title"],
                summary=item["summary"],
                territory=territories[item["territory"]],
                challenge=item["challenge"],
                productions=html_list(item["productions"]),
                phases=[
                    ("phase", {"title": phase["title"], "period": "", "text": phase["text"]})
                    for phase in item["phases"]
                ],
                facilitator_role=item["facilitator_role"],
                lessons=[(lesson["kind"], lesson["text"]) for lesson in item["lessons"]],
                image=ensure_image(
                    f"Territoire – {item['territory']}",
                    item["territory"],
                    PALETTE[number % len(PALETTE)],
                    kicker="Territoire",
                ),
            )
            page.steps = [steps[slug] for slug in item["steps"]]
            page.related_tools = [tools[slug] for slug in item["tools"]]
            page.related_videos = [videos[slug] for slug in item["videos"]]
            return page

        ensure_page(experience_index, ExperienceSheetPage, item["slug"], build_sheet)
    log(f"{len(content.EXPERIENCES)} fiches expérience")

    for item in content.EVENTS:
        ensure_page(
            sections[EventIndexPage],
            EventPage,
            item["slug"],
            lambda item=item: build_event(item, editions=editions, videos=videos),
        )
    log(f"{len(content.EVENTS)} événements")

    for item in content.PAGES:
        ensure_page(
            home,
            StandardPage,
            item["slug"],
            lambda item=item: StandardPage(title=item["title"], body=paragraphs(item["body"])),
        )
    log(f"{len(content.PAGES)} pages libres")

    load_forum_demo(log)
    # The spaces' demo members have no profile (the spaces stand below accounts): each gets
    # one, with its handle, so that they can be mentioned.
    for profile_less in get_user_model().objects.exclude(
        pk__in=Profile.objects.exclude(handle=None).values("user_id")
    ):
        profile_for(profile_less)
