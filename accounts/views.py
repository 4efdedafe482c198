import json
import math

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from forums import permissions as forum_permissions
from forums import selectors as forum_selectors

from . import permissions, selectors, services
from .forms import DeleteAccountForm, DirectoryForm, ProfileForm
from .models import Profile


@login_required
def profile_edit(request):
    profile = services.profile_for(request.user)
    form = ProfileForm(request.POST or None, request.FILES or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        services.profile_update(profile=profile, form=form)
        messages.success(request, _("Votre profil est enregistré."))
        return redirect("accounts:profile_edit")
    return render(request, "accounts/profile_form.html", {"form": form, "profile": profile})


@login_required
def profile_detail(request, pk: int):
    """A member's profile as others see it: only what they filled in, only if they chose to
    appear in the directory; and their topics and answers that the viewer may read."""
    profile = get_object_or_404(Profile.objects.select_related("user", "territory"), pk=pk)
    if not permissions.can_see_profile(request.user, profile):
        raise Http404
    networks = forum_permissions.shown_networks(request.user, profile.user, profile.networks.all())
    contributions = forum_selectors.contributions_page(
        request.user, profile.user, request.GET.get("page")
    )
    return render(
        request,
        "accounts/profile_detail.html",
        {"profile": profile, "networks": networks, "contributions": contributions},
    )


@login_required
def directory(request):
    """Members who chose to appear, for logged-in members; filters stay in the URL."""
    form = DirectoryForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    profiles = selectors.directory(
        viewer=request.user, **{key: value for key, value in filters.items() if value}
    )
    page = Paginator(profiles, settings.ACCOUNTS_DIRECTORY_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "accounts/directory.html", {"form": form, "items": page})


@login_required
def personal_data(request):
    return render(request, "accounts/personal_data.html")


@login_required
def data_export(request):
    data = selectors.personal_data(request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    filename = f"bloc-local-mes-donnees-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def account_delete(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        services.account_delete(user=user)
        messages.success(request, _("Votre compte est supprimé. Au revoir !"))
        return redirect("/")
    return render(request, "accounts/account_delete.html", {"form": form})


def too_many_requests(request):
    """allauth's rate limits answer with this page: it says how long to wait at most (the
    longest period of the limits in force) and sends the same as Retry-After."""
    from allauth.account import app_settings as account_settings
    from allauth.core.internal.ratelimit import parse_rates
    from allauth.mfa import app_settings as mfa_settings

    limits = {**account_settings.RATE_LIMITS, **mfa_settings.RATE_LIMITS}
    seconds = max(
        (rate.duration for value in limits.values() for rate in parse_rates(value)), default=60
    )
    minutes = max(1, math.ceil(seconds / 60))
    response = render(request, "429.html", {"retry_minutes": minutes}, status=429)
    response["Retry-After"] = str(int(seconds))
    return response
