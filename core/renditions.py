"""The renditions of pictures that the templates show, made when an image is saved, so that no
visitor's first view of a page waits for them (nor writes them: a page's cold render reads the
prefetched renditions and makes none)."""

from django.db.models.signals import post_save
from wagtail.images import get_image_model

# Every `{% image %}` filter of the templates (a test holds them to this list): the cards' 16:9,
# a sheet's or tool's banner, a video's poster, a picture in the body, a page's picture where it is
# shared (OpenGraph's 1.91:1).
SPECS = ("fill-480x270", "fill-960x400", "fill-960x540", "width-800", "fill-1200x630")


def _make(instance, **kwargs) -> None:
    instance.get_renditions(*SPECS)


def connect() -> None:
    post_save.connect(_make, sender=get_image_model(), dispatch_uid="core-renditions")
