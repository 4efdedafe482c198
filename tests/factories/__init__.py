"""Factories with traits that build each test's data (factory_boy, a French Faker and
wagtail-factories for pages), by subject: accounts, forums, pages."""

from .accounts import (
    PASSWORD,
    EmailAddressFactory,
    ProfileFactory,
    UserFactory,
    log_in_with_two_factor,
    two_factor,
)
from .agenda import EventFactory, EventIndexFactory, RegistrationFactory
from .base import fake, unique
from .forums import MembershipFactory, PostFactory, SpaceFactory, TopicFactory
from .pages import (
    CooperationPathFactory,
    ExperienceIndexFactory,
    ExperienceSheetFactory,
    ExpertFactory,
    HomePageFactory,
    ResourceIndexFactory,
    SeminarEditionFactory,
    SeminarIndexFactory,
    StandardPageFactory,
    StepFactory,
    TerritoryFactory,
    ToolBoxFactory,
    ToolFactory,
    VideoFactory,
    document,
    home,
    sheet,
    tool,
    video,
)
from .situate import AssessmentFactory, answers

__all__ = [
    "PASSWORD", "AssessmentFactory", "CooperationPathFactory", "EmailAddressFactory",
    "EventFactory", "EventIndexFactory", "RegistrationFactory", "ExperienceIndexFactory",
    "ExperienceSheetFactory", "ExpertFactory", "HomePageFactory", "MembershipFactory",
    "PostFactory", "ProfileFactory", "ResourceIndexFactory", "SeminarEditionFactory",
    "SeminarIndexFactory", "SpaceFactory", "StandardPageFactory", "StepFactory",
    "TerritoryFactory", "ToolBoxFactory", "ToolFactory", "TopicFactory", "UserFactory",
    "VideoFactory", "document", "fake", "home", "log_in_with_two_factor", "sheet", "tool",
    "two_factor", "unique", "video", "answers",
]  # fmt: skip
