from pathlib import Path

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from portal.forms import ModelChoiceField, NameField
from portal.uploads import content_matches_extension

from .models import NotificationSettings, Space
from .services import MAX_POST_LENGTH

BODY_HELP = _(
    "Mise en forme Markdown : **gras**, *italique*, listes avec « - », citations avec « > », "
    "liens [texte](https://…). Mentionnez un membre avec @identifiant."
)


IMAGE_EXTENSIONS = {"jpg", "jpeg", "png", "webp"}
DOCUMENT_EXTENSIONS = {"pdf", "odt", "ods", "odp", "docx", "xlsx", "pptx", "txt", "csv"}


def check_attachment(upload) -> bool:
    """Validates an attachment by extension, size and content; returns whether it is an image."""
    extension = Path(upload.name).suffix.lower().lstrip(".")
    if extension not in IMAGE_EXTENSIONS | DOCUMENT_EXTENSIONS:
        raise forms.ValidationError(
            _("Ce type de fichier n'est pas accepté. Formats acceptés : %(formats)s."),
            params={"formats": ", ".join(sorted(IMAGE_EXTENSIONS | DOCUMENT_EXTENSIONS))},
        )
    if upload.size > settings.FORUMS_MAX_ATTACHMENT_BYTES:
        raise forms.ValidationError(
            _("Le fichier dépasse la taille maximale de %(size)s."),
            params={"size": filesizeformat(settings.FORUMS_MAX_ATTACHMENT_BYTES)},
        )
    upload.seek(0)
    if extension in IMAGE_EXTENSIONS:
        try:
            with Image.open(upload) as image:  # Pillow's decompression-bomb limit applies
                image.verify()
        except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
            raise forms.ValidationError(_("Ce fichier n'est pas une image lisible.")) from error
        finally:
            upload.seek(0)
        return True
    sample = upload.read(4096)
    upload.seek(0)
    if not content_matches_extension(sample[:16], extension, sample):
        raise forms.ValidationError(
            _("Le contenu de ce fichier ne correspond pas à un fichier .%(extension)s."),
            params={"extension": extension},
        )
    return False


class PostForm(forms.Form):
    body = forms.CharField(
        label=_("Votre message"),
        max_length=MAX_POST_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=BODY_HELP,
    )
    attachment = forms.FileField(
        label=_("Joindre une image ou un document (facultatif)"),
        required=False,
        help_text=_(
            "Images JPEG, PNG ou WebP ; documents PDF, bureautique, texte ou CSV ; 5 Mo au plus."
        ),
    )

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if upload:
            check_attachment(upload)
        return upload


class TopicForm(PostForm):
    title = NameField(label=_("Titre du sujet"), max_length=200)

    field_order = ["title", "body"]


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Motif"), max_length=1000, widget=forms.Textarea(attrs={"rows": 4})
    )


class MoveForm(forms.Form):
    space = ModelChoiceField(label=_("Déplacer vers l'espace"), queryset=Space.objects.active())


class NotificationSettingsForm(forms.ModelForm):
    class Meta:
        model = NotificationSettings
        fields = ["email_frequency", "volunteer_expert"]
        widgets = {"email_frequency": forms.RadioSelect}


class SuspensionForm(forms.Form):
    days = forms.IntegerField(label=_("Durée (jours)"), min_value=1, max_value=365, initial=7)
    reason = forms.CharField(label=_("Motif"), max_length=300)
    site_wide = forms.BooleanField(
        label=_("Sur tout le portail (réservé à l'équipe)"), required=False
    )
