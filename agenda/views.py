"""The agenda's views beside its pages: registering and cancelling, the cancellation link of the
e-mails, a member's registrations, and the iCalendar files."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import ical, permissions, services
from .models import EventPage, Registration
from .tokens import registration_from_token


def _live_event(pk: int) -> EventPage:
    return get_object_or_404(EventPage.objects.live().public(), pk=pk)


def _ics_response(events, request, filename: str) -> HttpResponse:
    body = ical.calendar(events, url_of=request.build_absolute_uri)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def event_ics(request, pk):
    return _ics_response([_live_event(pk)], request, f"evenement-{pk}.ics")


def upcoming_ics(request):
    events = EventPage.objects.live().public().upcoming()
    return _ics_response(events, request, "agenda-bloc-local.ics")


@login_required
@require_POST
def register(request, pk):
    event = _live_event(pk)
    try:
        registration = services.register(event=event, user=request.user)
    except services.EventError as error:
        messages.error(request, str(error))
        return redirect(event.url)
    if registration.is_waiting:
        messages.success(
            request,
            _(
                "L'événement est complet : vous êtes sur la liste d'attente. "
                "Un e-mail vous le confirme."
            ),
        )
    else:
        messages.success(request, _("Vous êtes inscrit. Un e-mail vous le confirme."))
    return redirect(event.url)


@login_required
@require_POST
def cancel_mine(request, pk):
    event = _live_event(pk)
    registration = (
        Registration.objects.select_related("event").filter(event=event, user=request.user).first()
    )
    if not permissions.can_cancel(request.user, registration):
        messages.error(request, _("Cette inscription ne peut plus être annulée."))
    else:
        services.cancel(registration=registration)
        messages.success(request, _("Votre inscription est annulée."))
    if request.POST.get("next") == "mine":
        return redirect("agenda:mine")
    return redirect(event.url)


def cancel_by_link(request, token):
    """The cancellation link of the e-mails: works without logging in, asks before acting; a
    link already used, or whose event has begun, is gone (410)."""
    try:
        _pk, registration = registration_from_token(token)
    except signing.BadSignature as error:
        raise Http404 from error
    if registration is None:
        return _gone(request, _("Cette inscription est déjà annulée."))
    if registration.event.start <= timezone.now():
        return _gone(request, _("L'événement a commencé : ce lien n'est plus valable."))
    if request.method == "POST":
        services.cancel(registration=registration)
        return render(request, "agenda/cancel_done.html", {"event": registration.event})
    return render(
        request,
        "agenda/cancel_confirm.html",
        {"registration": registration, "event": registration.event},
    )


def _gone(request, reason: str) -> HttpResponse:
    return render(request, "agenda/cancel_gone.html", {"reason": reason}, status=410)


@login_required
def my_registrations(request):
    """ "Mes inscriptions": the member's events to come, then those past."""
    now = timezone.now()
    registrations = list(Registration.objects.of_member(request.user))
    return render(
        request,
        "agenda/my_registrations.html",
        {
            "upcoming": [each for each in registrations if each.event.end >= now],
            "past": [each for each in registrations if each.event.end < now][::-1],
            "now": now,
        },
    )
