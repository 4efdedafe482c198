from .path import CooperationPathPage, StepPage
from .seminars import SeminarEditionPage, SeminarIndexPage
from .tools import ToolBoxPage, ToolDocument, ToolPage
from .videos import Expert, ResourceIndexPage, VideoPage

__all__ = [
    "CooperationPathPage",
    "Expert",
    "ResourceIndexPage",
    "SeminarEditionPage",
    "SeminarIndexPage",
    "StepPage",
    "ToolBoxPage",
    "ToolDocument",
    "ToolPage",
    "VideoPage",
]
