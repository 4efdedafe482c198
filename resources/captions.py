"""WebVTT captions: validated on the way in, read back as a transcript with time codes."""

from dataclasses import dataclass

import webvtt
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from webvtt.errors import MalformedFileError


@dataclass(frozen=True)
class Cue:
    start: int  # seconds, for the "#t=" media fragment
    text: str

    @property
    def timecode(self) -> str:
        minutes, seconds = divmod(self.start, 60)
        hours, minutes = divmod(minutes, 60)
        return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes:02d}:{seconds:02d}"


def parse_captions(text: str) -> list[Cue]:
    """The cues of a WebVTT text; raises a French ValidationError when it is not valid WebVTT."""
    try:
        captions = webvtt.from_string(text.replace("\r\n", "\n").strip() + "\n")
    except MalformedFileError as error:
        raise ValidationError(
            _(
                "Ce texte n'est pas au format WebVTT : il doit commencer par « WEBVTT » puis "
                "donner des répliques « 00:00:01.000 --> 00:00:04.000 » suivies de leur texte."
            )
        ) from error
    cues = [Cue(start=caption.start_in_seconds, text=caption.text.strip()) for caption in captions]
    if not cues:
        raise ValidationError(_("Ce fichier WebVTT ne contient aucune réplique."))
    return cues


def validate_captions(text: str) -> None:
    if text.strip():
        parse_captions(text)


def captions_from_cues(cues: list[tuple[int, int, str]]) -> str:
    """A WebVTT text from (start, end, text) triples in seconds, as the demo content gives them."""

    def stamp(seconds: int) -> str:
        return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}.000"

    blocks = [f"{stamp(start)} --> {stamp(end)}\n{text}" for start, end, text in cues]
    return "WEBVTT\n\n" + "\n\n".join(blocks) + "\n"
