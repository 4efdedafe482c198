from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import ModelChoiceField, NameField

from .memberships import MAX_MESSAGE_LENGTH
from .models import NotificationSettings, Space
from .services import MAX_POST_LENGTH, check_attachment

BODY_HELP = _(
    "Mise en forme Markdown : **gras**, *italique*, listes avec « - », citations avec « > », "
    "liens [texte](https://…). Mentionnez un membre avec @identifiant."
)


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
        """The upload, with `checked` (its kind and displayed name) for the services."""
        upload = self.cleaned_data.get("attachment")
        if upload:
            upload.checked = check_attachment(upload)
        return upload


class TopicForm(PostForm):
    title = NameField(label=_("Titre du sujet"), max_length=200)

    field_order = ["title", "body"]


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Motif"), max_length=1000, widget=forms.Textarea(attrs={"rows": 4})
    )


class MoveForm(forms.Form):
    """The spaces a moderator may move a topic to: those they moderate, but its own."""

    space = ModelChoiceField(label=_("Nouvel espace du sujet"), queryset=Space.objects.none())

    def __init__(self, *args, spaces, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["space"].queryset = spaces


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


class MembershipDecisionForm(forms.Form):
    """A moderator's answer to a request to join: the decision is the button pressed."""

    ACTIONS = ("accept", "refuse")

    message = forms.CharField(
        label=_("Message au demandeur (facultatif)"),
        required=False,
        max_length=MAX_MESSAGE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Il le recevra avec votre réponse, sur le site et par e-mail."),
    )

    def __init__(self, *args, action=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action

    def clean(self):
        if self.action not in self.ACTIONS:
            raise forms.ValidationError(_("Choisissez d'accepter ou de refuser la demande."))
        return super().clean()


class InvitationForm(forms.Form):
    """The address a moderator invites to their space."""

    email = forms.EmailField(
        label=_("Adresse e-mail de la personne à inviter"),
        max_length=254,
        help_text=_(
            "Elle recevra un lien valable %(days)s jours pour rejoindre l'espace, avec ou sans "
            "compte sur Bloc local."
        ),
    )

    def __init__(self, *args, days: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].help_text = self.fields["email"].help_text % {"days": days}
        self.fields["email"].widget.attrs["autocomplete"] = "off"
