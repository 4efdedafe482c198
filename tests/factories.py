"""Creation helpers for tests: minimal valid pages and snippets, with French fake text."""

import datetime
import itertools

import factory
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from faker import Faker
from wagtail.documents.models import Document

from core.models import Territory, TerritoryKind
from experiences.models import ExperienceIndexPage, ExperienceSheetPage
from resources.captions import captions_from_cues
from resources.models import Expert, StepPage, ToolBoxPage, ToolPage, VideoPage

fake = Faker("fr_FR")
_numbers = itertools.count(1)


def unique(prefix: str) -> str:
    return f"{prefix}-{next(_numbers)}"


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


def add_page(parent, page):
    parent.add_child(instance=page)
    return page


def sheet(*, parent=None, territory=None, **fields) -> ExperienceSheetPage:
    parent = parent or ExperienceIndexPage.objects.get()
    title = fields.pop("title", fake.sentence(nb_words=6))
    return add_page(
        parent,
        ExperienceSheetPage(
            title=title,
            slug=unique("fiche"),
            summary=fields.pop("summary", fake.paragraph()),
            territory=territory or TerritoryFactory(),
            challenge=fields.pop("challenge", fake.paragraph()),
            productions=f"<p>{fake.sentence()}</p>",
            **fields,
        ),
    )


def video(*, parent=None, **fields) -> VideoPage:
    parent = parent or VideoPage.objects.first().get_parent()
    return add_page(
        parent,
        VideoPage(
            title=fields.pop("title", fake.sentence(nb_words=5)),
            slug=unique("video"),
            summary=fields.pop("summary", fake.paragraph()),
            duration=datetime.timedelta(minutes=5),
            captions=captions_from_cues([(0, 5, fake.sentence()), (5, 9, fake.sentence())]),
            video_url="https://videos.example.org/intervention.mp4",
            **fields,
        ),
    )


def tool(*, parent=None, **fields) -> ToolPage:
    parent = parent or ToolBoxPage.objects.get(depth=3)
    return add_page(
        parent,
        ToolPage(
            title=fields.pop("title", fake.sentence(nb_words=4)),
            slug=unique("outil"),
            summary=fake.paragraph(),
            purpose=fake.paragraph(),
            how=f"<p>{fake.sentence()}</p>",
            **fields,
        ),
    )


def step() -> StepPage:
    return StepPage.objects.order_by("path").first()


def document(title: str = "Modèle") -> Document:
    from django.core.files.base import ContentFile

    doc = Document(title=unique(title))
    doc.file.save("modele.txt", ContentFile(b"Un modele"), save=False)
    doc.save()
    return doc


def two_factor(user):
    """Gives `user` an authenticator app, as the administration requires; returns the user."""
    TOTP.activate(user, generate_totp_secret())
    return user


def log_in_with_two_factor(client, user):
    """Logs `user` in on the test client as allauth does after a password and a TOTP code: the
    session records both steps, which the administration asks for. Returns the user."""
    import time

    from allauth.account.internal.flows.login import (
        _AUTHENTICATION_METHODS_USER_SESSION_KEY,
        AUTHENTICATION_METHODS_SESSION_KEY,
    )
    from allauth.mfa.models import Authenticator

    authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    client.force_login(user)
    session = client.session
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [
        {"method": "password", "at": time.time(), "email": user.email},
        {"method": "mfa", "at": time.time(), "id": authenticator.pk, "type": "totp"},
    ]
    session[_AUTHENTICATION_METHODS_USER_SESSION_KEY] = str(user.pk)
    session.save()
    return user
