from io import BytesIO

from django import forms
from django.conf import settings
from django.core.files.base import ContentFile
from django.utils.crypto import get_random_string
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

from core import uploads
from core.forms import ModelChoiceField, ModelMultipleChoiceField, NameField
from core.models import Territory
from forums.models import Space

from . import handles
from .models import Job, Profile

GIVEN_NAME = forms.TextInput(attrs={"autocomplete": "given-name"})
FAMILY_NAME = forms.TextInput(attrs={"autocomplete": "family-name"})


class SignupForm(forms.Form):
    """What allauth's sign-up form asks besides the e-mail address and the password."""

    first_name = NameField(label=_("Prénom"), max_length=150, widget=GIVEN_NAME)
    last_name = NameField(label=_("Nom"), max_length=150, widget=FAMILY_NAME)

    def signup(self, request, user):
        """allauth's hook; the names are already saved by the adapter."""


def resized_photo(upload) -> ContentFile:
    """The uploaded photo checked (a real JPEG, PNG or WebP image, not too large) and reduced to
    at most ACCOUNTS_PHOTO_SIZE pixels a side, re-encoded so that nothing but pixels remains."""
    if upload.size > settings.ACCOUNTS_MAX_PHOTO_BYTES:
        raise forms.ValidationError(
            _("Cette photo est trop lourde : %(max)s Mo au plus."),
            params={"max": settings.ACCOUNTS_MAX_PHOTO_BYTES // 1024**2},
            code="too_large",
        )
    not_an_image = forms.ValidationError(
        _("Ce fichier n'est pas une image JPEG, PNG ou WebP."), code="not_an_image"
    )
    try:
        uploads.check_image(upload, uploads.PHOTO_EXTENSIONS)  # the one policy's formats and limit
    except forms.ValidationError as error:
        raise (not_an_image if error.code == "not_an_image" else error) from error
    try:
        with Image.open(upload) as image:
            image.load()
            image = ImageOps.exif_transpose(image).convert("RGB")
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise not_an_image from error
    size = settings.ACCOUNTS_PHOTO_SIZE
    image.thumbnail((size, size))
    output = BytesIO()
    image.save(output, format="JPEG", quality=85)
    return ContentFile(output.getvalue(), name=f"{get_random_string(16)}.jpg")


class ProfileForm(forms.ModelForm):
    first_name = NameField(label=_("Prénom"), max_length=150, widget=GIVEN_NAME)
    last_name = NameField(label=_("Nom"), max_length=150, widget=FAMILY_NAME)
    # A plain file field: the photo is checked by resized_photo, with our own messages.
    photo = forms.FileField(
        label=_("Photo"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": uploads.accept(uploads.PHOTO_EXTENSIONS)}),
    )

    class Meta:
        model = Profile
        fields = ["handle", "job", "organisation", "territory", "networks", "photo", "bio"]
        fields += ["in_directory"]
        field_classes = {
            "organisation": NameField,
            "territory": ModelChoiceField,
            "networks": ModelMultipleChoiceField,
        }
        widgets = {
            "handle": forms.TextInput(
                attrs={"autocomplete": "username", "spellcheck": "false", "autocapitalize": "none"}
            ),
            "networks": forms.CheckboxSelectMultiple,
            "bio": forms.Textarea(attrs={"rows": 5}),
        }

    field_order = ["first_name", "last_name"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].initial = self.instance.user.first_name
        self.fields["last_name"].initial = self.instance.user.last_name
        self.fields["handle"].required = True
        self.fields["handle"].label = _("Identifiant (pour les mentions @)")
        self.fields["territory"].queryset = Territory.objects.order_by("name")
        self.fields["networks"].queryset = Space.objects.active().order_by("name")
        self.fields["photo"].help_text = _("JPEG, PNG ou WebP, %(max)s Mo au plus.") % {
            "max": settings.ACCOUNTS_MAX_PHOTO_BYTES // 1024**2
        }

    def clean_handle(self):
        return handles.validate(self.cleaned_data.get("handle") or "", profile=self.instance)

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if photo and hasattr(photo, "content_type"):  # a new upload, not the stored file
            return resized_photo(photo)
        return photo


class DirectoryForm(forms.Form):
    """The directory's filters; every one is optional."""

    q = forms.CharField(label=_("Nom ou organisation"), required=False, max_length=100)
    territory = ModelChoiceField(
        label=_("Territoire"), queryset=Territory.objects.order_by("name"), required=False
    )
    job = forms.ChoiceField(
        label=_("Fonction"), choices=[("", _("Toutes"))] + Job.choices, required=False
    )
    network = ModelChoiceField(
        label=_("Réseau"), queryset=Space.objects.active().order_by("name"), required=False
    )


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Votre mot de passe"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("Ce mot de passe n'est pas le bon."), code="wrong")
        return password
