"""The questionnaire: one radio group per question of every step, grouped by step, and who the
member answers for."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Scope
from .selectors import questions_of


def field_name(step, question) -> str:
    """A question's field: its step and the start of its block's id (unique among a step's
    few questions; the whole id, written seven times a question, weighed 9 KiB a page)."""
    return f"q{step.pk}-{question['id'][:6]}"


class Answers(forms.RadioSelect):
    template_name = "situate/widgets/answers.html"


class AssessmentForm(forms.Form):
    """Every question may be left unanswered (a member may not know); at least one must be
    answered. Answering for the collectif needs a territory on the profile."""

    scope = forms.ChoiceField(
        label=_("Vous répondez"),
        choices=Scope.choices,
        widget=forms.RadioSelect,
        initial=Scope.ALONE,
    )

    def __init__(self, *args, steps, territory, **kwargs):
        super().__init__(*args, **kwargs)
        self.territory = territory
        self.groups = []  # (step, [bound fields]) in the path's order
        self.questions = {}  # field name -> (step, question)
        for step in steps:
            names = []
            for question in questions_of(step):
                name = field_name(step, question)
                self.fields[name] = forms.ChoiceField(
                    label=question["text"],
                    help_text=question["help"],
                    choices=[(value, label) for value, label, _score in question["choices"]],
                    widget=Answers,
                    template_name="situate/widgets/question.html",
                    required=False,
                )
                self.questions[name] = (step, question)
                names.append(name)
            if names:
                self.groups.append((step, [self[name] for name in names]))

    def clean_scope(self):
        scope = self.cleaned_data["scope"]
        if scope == Scope.COLLECTIF and self.territory is None:
            raise forms.ValidationError(
                _(
                    "Pour répondre au nom du collectif, indiquez d'abord votre territoire dans "
                    "votre profil ; vous pouvez aussi répondre à titre personnel."
                )
            )
        return scope

    def clean(self):
        cleaned = super().clean()
        if self.questions and not any(cleaned.get(name) for name in self.questions):
            raise forms.ValidationError(_("Répondez à au moins une question."))
        return cleaned

    def answers(self) -> list[dict]:
        """The answers given, in the path's order, as a run keeps them."""
        answers = []
        for name, (step, question) in self.questions.items():
            chosen = self.cleaned_data.get(name)
            if not chosen:
                continue
            scores = {value: (label, score) for value, label, score in question["choices"]}
            label, score = scores[chosen]
            answers.append(
                {
                    "step": step.pk,
                    "step_title": step.title,
                    "question": question["id"],
                    "kind": question["kind"],
                    "text": question["text"],
                    "choice": chosen,
                    "label": str(label),
                    "score": score,
                    "max": max(each for _value, _label, each in question["choices"]),
                }
            )
        return answers

    def draft(self) -> dict:
        """What was typed, to keep in the session when the member leaves before the end."""
        return {
            name: self.data.get(name) for name in ["scope", *self.questions] if self.data.get(name)
        }
