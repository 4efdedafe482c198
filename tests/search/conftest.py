"""What the search tests find: a private space's topic, found only by the members of its space,
and a catalogue of resources sharing a word that nothing else on the site has."""

from types import SimpleNamespace

import pytest

from forums import services
from resources.captions import captions_from_cues
from tests.factories import (
    ExperienceSheetFactory,
    SeminarEditionFactory,
    SpaceFactory,
    StepFactory,
    TerritoryFactory,
    ToolFactory,
    UserFactory,
    VideoFactory,
)

# The word of the catalogue: in each of its resources, nowhere in the demo.
WORD = "zorglub"


@pytest.fixture
def codir(no_posting_delay):
    """A private space (a territory's collective of directors): its moderator, two members,
    and a logged-in member of the portal who is not in it."""
    people = SimpleNamespace(
        moderator=UserFactory(), member=UserFactory(), other_member=UserFactory()
    )
    people.outsider = UserFactory()
    people.space = SpaceFactory(
        private=True, moderators=[people.moderator], members=[people.member, people.other_member]
    )
    return people


@pytest.fixture
def private_topic(codir, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        topic = services.topic_create(
            space=codir.space, author=codir.moderator, title="Mutualisation des agents d'entretien",
            body="Chiffrage confidentiel de la mutualisation.",
        )  # fmt: skip
    return topic


@pytest.fixture
def catalogue():
    """Two sheets of two territories and a tool that say `WORD` in their summary, a video of a
    seminar edition that says it in its captions only, at 12 s; tagged with two steps."""
    steps = StepFactory.create_batch(2)
    summary = f"Le {WORD} de la coopération entre communes."
    sheets = [
        ExperienceSheetFactory(
            title=f"Charte {WORD} de {territory.name}",
            territory=territory,
            summary=summary,
            steps=steps[:number],
        )
        for number, territory in enumerate(TerritoryFactory.create_batch(2), start=1)
    ]
    cues = [(0, 12, "Bonjour à tous."), (12, 20, f"Le {WORD} du département.")]
    video = VideoFactory(
        edition=SeminarEditionFactory(),
        steps=steps[:1],
        captions=captions_from_cues(cues),
    )
    tool = ToolFactory(summary=summary, steps=steps[1:])
    return SimpleNamespace(sheets=sheets, video=video, tool=tool, steps=steps)
