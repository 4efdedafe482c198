"""Admin forms of the resource pages."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from core import uploads

from .captions import parse_captions

MAX_CAPTIONS_BYTES = 1024 * 1024


class VideoPageForm(WagtailAdminPageForm):
    """Takes captions as an uploaded WebVTT file or as typed text, and one video source."""

    captions_file = forms.FileField(
        label=_("Importer un fichier WebVTT"),
        required=False,
        help_text=_("Fichier .vtt d'un mégaoctet au plus ; il remplace le texte ci-dessus."),
    )

    def clean_captions_file(self):
        upload = self.cleaned_data.get("captions_file")
        if not upload:
            return None
        if uploads.typed_extension(upload.name) != "vtt":
            raise forms.ValidationError(_("Le fichier de sous-titres doit avoir l'extension .vtt."))
        if upload.size > MAX_CAPTIONS_BYTES:
            raise forms.ValidationError(_("Le fichier de sous-titres dépasse un mégaoctet."))
        try:
            text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise forms.ValidationError(
                _("Le fichier de sous-titres doit être encodé en UTF-8.")
            ) from error
        parse_captions(text)
        return text

    def clean(self):
        cleaned_data = super().clean()
        uploaded = cleaned_data.get("captions_file")
        if uploaded:
            cleaned_data["captions"] = uploaded
            self.errors.pop("captions", None)
        document = cleaned_data.get("video_document")
        url = cleaned_data.get("video_url")
        if document and url:
            self.add_error(
                "video_url", _("Choisissez un fichier vidéo ou un lien externe, pas les deux.")
            )
        if document and uploads.typed_extension(document.file.name) not in uploads.VIDEO_EXTENSIONS:
            self.add_error("video_document", _("La vidéo doit être un fichier MP4 ou WebM."))
        if not (document or url) and not self.is_deferred_validation:
            self.add_error(
                "video_url", _("Avant de publier, indiquez un fichier vidéo ou un lien externe.")
            )
        return cleaned_data
