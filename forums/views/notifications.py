"""A member's notifications and how they want them by e-mail."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control

from .. import permissions, selectors, services
from ..forms import NotificationSettingsForm
from ..models import NotificationSettings


@cache_control(private=True, no_store=True)
@login_required
def notifications(request):
    paginator = Paginator(
        permissions.readable_notifications(request.user).select_related(
            "post__topic__space", "space", "actor"
        ),
        30,
    )
    paginator.count = selectors.notification_counts(request.user)[0]
    items = paginator.get_page(request.GET.get("page"))
    response = render(request, "forums/notifications.html", {"items": items})
    services.notifications_mark_read(user=request.user)
    return response


@cache_control(private=True, no_store=True)
@login_required
def notification_settings(request):
    # The row is written only when the member saves: a first visit shows the defaults (those
    # the e-mails follow without a row), and two first visits at once write nothing. Two saves
    # at once: get_or_create finds the row the other wrote.
    if request.method == "POST":
        instance, _created = NotificationSettings.objects.get_or_create(user=request.user)
    else:
        instance = NotificationSettings.objects.filter(user=request.user).first()
    form = NotificationSettingsForm(
        request.POST or None, instance=instance or NotificationSettings(user=request.user)
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Vos préférences sont enregistrées."))
        return redirect(reverse("forums:notification_settings"))
    return render(request, "forums/notification_settings.html", {"form": form})
