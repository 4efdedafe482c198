"""The pages of "se situer": what it is and the member's history, the questionnaire, a run's
result, its sharing, download and deletion. Who may see or do what is forums.permissions'."""

import csv
import io
import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from core.text import parse_number
from forums import permissions

from . import selectors, services
from .forms import AssessmentForm
from .models import Assessment
from .placement import place

DRAFT = "situate_draft"  # the session's key for answers kept when the member leaves


def index(request):
    """What "se situer" is; for a member, their runs and the runs shared with their collectifs."""
    context = {"steps": selectors.path_steps()}
    if request.user.is_authenticated:
        mine = list(Assessment.objects.of(request.user))
        shared = Assessment.objects.shared_in(
            permissions.assessment_reading_spaces(request.user)
        ).exclude(user=request.user)[:20]
        context.update(
            runs=[(run, place(run.answers, context["steps"])) for run in mine],
            shared=list(shared),
            has_draft=DRAFT in request.session,
        )
    return render(request, "situate/index.html", context)


@login_required
def questionnaire(request):
    """The twelve steps' questions on one page, grouped by step (a phone scrolls one column; the
    steps' list at the top jumps to each). "Garder pour plus tard" keeps what was answered in the
    session; a failed form keeps it too."""
    steps = selectors.path_steps()
    territory = selectors.member_territory(request.user)
    if request.method == "POST":
        form = AssessmentForm(request.POST, steps=steps, territory=territory)
        if "draft" in request.POST:
            request.session[DRAFT] = form.draft()
            messages.success(request, _("Vos réponses sont gardées : reprenez quand vous voulez."))
            return redirect("situate:index")
        if form.is_valid():
            run = services.assessment_submit(
                user=request.user,
                scope=form.cleaned_data["scope"],
                territory=territory,
                answers=form.answers(),
            )
            request.session.pop(DRAFT, None)
            return redirect("situate:result", pk=run.pk)
    else:
        form = AssessmentForm(initial=request.session.get(DRAFT), steps=steps, territory=territory)
    return render(
        request,
        "situate/questionnaire.html",
        {"form": form, "territory": territory, "steps": [step for step, _f in form.groups]},
    )


def readable_run(request, pk: str) -> Assessment:
    """The run `pk`, for who may read it; 404 to anyone else (nobody learns that it exists)."""
    number = parse_number(pk)
    if number is None:
        raise Http404
    run = get_object_or_404(
        Assessment.objects.select_related("territory", "shared_with", "user"), pk=number
    )
    if not permissions.can_read_assessment(request.user, run):
        raise Http404
    return run


def managed_run(request, pk: str) -> Assessment:
    run = readable_run(request, pk)
    if not permissions.can_manage_assessment(request.user, run):
        raise Http404
    return run


# The result's lists of resources for each next step, with their headings.
HEADINGS = [
    ("fiches", _lazy("Expériences")),
    ("outils", _lazy("Outils")),
    ("videos", _lazy("Vidéos d'experts")),
]


@login_required
def result(request, pk):
    """Where the run places its territory on the path, and what helps with the next steps.

    Lazy: the steps are read once the menu has read the restricted sections (portal.routing),
    which their `public()` then asks no query for."""
    run = readable_run(request, pk)
    placement = SimpleLazyObject(lambda: place(run.answers, selectors.path_steps()))
    lists = SimpleLazyObject(lambda: selectors.recommendations(placement, run.territory))

    def next_lists():
        return [
            (each, [(heading, lists[f"{key}_{number}"]) for key, heading in HEADINGS])
            for number, each in enumerate(placement.next)
        ]

    return render(
        request,
        "situate/result.html",
        {
            "run": run,
            "placement": placement,
            "next_lists": SimpleLazyObject(next_lists),
            "similar": SimpleLazyObject(lambda: lists["similar"]),
            "manages": permissions.can_manage_assessment(request.user, run),
        },
    )


@login_required
def share(request, pk):
    """Shares the run with one of the member's collectif spaces, or no longer (space empty)."""
    run = managed_run(request, pk)
    if request.method != "POST":
        spaces = permissions.assessment_share_spaces(request.user, run.territory)
        return render(request, "situate/share.html", {"run": run, "spaces": list(spaces)})
    space_id = parse_number(request.POST.get("space", ""))
    if space_id is None:
        services.assessment_share(assessment=run, space=None)
        messages.success(request, _("Ce diagnostic n'est plus partagé."))
        return redirect("situate:result", pk=run.pk)
    space = permissions.assessment_share_spaces(request.user, run.territory).filter(pk=space_id)
    space = space.first()
    if space is None or not permissions.can_share_assessment(request.user, run, space):
        messages.error(request, _("Ce diagnostic ne peut pas être partagé avec cet espace."))
        return redirect("situate:result", pk=run.pk)
    services.assessment_share(assessment=run, space=space)
    messages.success(
        request,
        _("Ce diagnostic est partagé avec les membres de l'espace « %(space)s ».")
        % {"space": space.name},
    )
    return redirect("situate:result", pk=run.pk)


@login_required
def download(request, pk, fmt):
    """The run's answers as a file: JSON (as the personal data export) or CSV (a spreadsheet)."""
    run = managed_run(request, pk)
    data = selectors.assessment_data(run)
    name = f"bloc-local-se-situer-{run.created_at:%Y-%m-%d}-{run.pk}"
    if fmt == "json":
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
        )
    else:
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";")
        writer.writerow([_("Étape"), _("Question"), _("Réponse"), _("Score"), _("Sur")])
        for answer in data["reponses"]:
            writer.writerow([safe_cell(value) for value in answer.values()])
        # A BOM, so that a spreadsheet reads the accents as UTF-8.
        response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def safe_cell(value):
    """A cell that a spreadsheet will not read as a formula (an editor's question starting
    with "=", say)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


@login_required
def delete(request, pk):
    """Deletes the run, after a confirmation."""
    run = managed_run(request, pk)
    if request.method == "POST":
        services.assessment_delete(assessment=run)
        messages.success(request, _("Le diagnostic est supprimé."))
        return redirect("situate:index")
    return render(request, "situate/delete.html", {"run": run})
