"""What moderators do: hide and restore posts, read a post's history, pin, lock or move a
topic, suspend a member, and handle the queue of reports and requests to join."""

import datetime

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.text import parse_number

from .. import permissions, services
from ..forms import MembershipDecisionForm, MoveForm, SuspensionForm
from ..models import Membership, Report
from .lookups import moderates, open_space, post_for, readable_topic, with_reason


@login_required
def post_hide(request, pk):
    post = post_for(request, pk, moderates)
    return with_reason(
        request,
        post,
        "forums/post_hide.html",
        lambda reason: services.post_hide(post=post, moderator=request.user, reason=reason),
        _("Le message est masqué ; son auteur en connaît le motif."),
    )


@login_required
@require_POST
def post_restore(request, pk):
    post = post_for(request, pk, moderates)
    services.post_restore(post=post, moderator=request.user)
    messages.success(request, _("Le message est rétabli."))
    return redirect(post)


@login_required
def post_history(request, pk):
    post = post_for(request, pk, moderates)
    revisions = post.revisions.select_related("edited_by")
    return render(
        request,
        "forums/post_history.html",
        {"post": post, "revisions": revisions, "space": post.topic.space},
    )


@login_required
@require_POST
def topic_moderate(request, slug, pk):
    topic = readable_topic(request, slug, pk)
    if not permissions.can_moderate(request.user, topic.space):
        raise PermissionDenied
    action = request.POST.get("action")
    flags = {
        "pin": {"pinned": True},
        "unpin": {"pinned": False},
        "lock": {"locked": True},
        "unlock": {"locked": False},
    }
    if action in flags:
        services.topic_set_flags(topic=topic, **flags[action])
        messages.success(request, _("Le sujet est mis à jour."))
    return redirect(topic)


@login_required
def topic_move(request, slug, pk):
    """A moderator of the topic's space moves it to another space they moderate."""
    topic = readable_topic(request, slug, pk)
    if not permissions.can_moderate(request.user, topic.space):
        raise PermissionDenied
    spaces = permissions.moderated_spaces(request.user).exclude(pk=topic.space_id)
    form = MoveForm(request.POST or None, spaces=spaces.order_by("name"))
    if request.method == "POST" and form.is_valid():
        services.topic_move(topic=topic, space=form.cleaned_data["space"])
        messages.success(request, _("Le sujet est déplacé."))
        return redirect(topic)
    status = 400 if form.errors else 200
    context = {"topic": topic, "space": topic.space, "form": form}
    return render(request, "forums/topic_move.html", context, status=status)


@login_required
def member_suspend(request, slug, user_id):
    """A moderator suspends a member from the space; staff may suspend from the whole site."""
    space = open_space(slug)
    if not permissions.can_moderate(request.user, space):
        raise PermissionDenied
    member = get_object_or_404(get_user_model(), pk=user_id, is_active=True)
    form = SuspensionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        site_wide = form.cleaned_data["site_wide"] and request.user.is_staff
        services.member_suspend(
            user=member,
            space=None if site_wide else space,
            until=timezone.now() + datetime.timedelta(days=form.cleaned_data["days"]),
            reason=form.cleaned_data["reason"],
        )
        messages.success(request, _("Le membre est suspendu."))
        return redirect(space)
    return render(
        request, "forums/member_suspend.html", {"space": space, "member": member, "form": form}
    )


@login_required
def moderation_queue(request):
    """Open reports and membership requests of the spaces the visitor moderates (all, for staff)."""
    user = request.user
    if not permissions.moderates_somewhere(user):
        raise PermissionDenied
    spaces = permissions.moderated_spaces(user)
    if request.method == "POST":
        _handle_queue_action(request, spaces)
        return redirect("forums:moderation")
    reports = Report.objects.to_handle().filter(post__topic__space__in=spaces)
    requests = Membership.objects.requests().filter(space__in=spaces)
    context = {
        "reports": reports,
        "requests": requests,
        "max_message_length": services.MAX_MESSAGE_LENGTH,
    }
    return render(request, "forums/moderation_queue.html", context)


def _handle_queue_action(request, spaces):
    action = request.POST.get("action")
    if action == "dismiss":
        report = get_object_or_404(
            Report, pk=parse_number(request.POST.get("report")), post__topic__space__in=spaces
        )
        services.report_dismiss(report=report, moderator=request.user)
        messages.success(request, _("Signalement classé sans suite."))
    elif action == "approve":
        membership = get_object_or_404(
            Membership.objects.requests(),
            pk=parse_number(request.POST.get("membership")),
            space__in=spaces,
        )
        try:
            services.membership_approve(membership=membership, moderator=request.user)
        except services.MembershipError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Demande acceptée."))


@login_required
def membership_decide(request, pk):
    """A moderator of the space (or staff) accepts or refuses a request to join, with a message
    to the member if they wish; a request answered already is said so."""
    user = request.user
    if not permissions.moderates_somewhere(user):
        raise PermissionDenied
    membership = get_object_or_404(
        Membership.objects.select_related("user", "space"),
        pk=pk,
        space__in=permissions.moderated_spaces(user),
    )
    if not membership.is_requested:
        messages.info(request, _("Cette demande a déjà reçu une réponse."))
        return redirect("forums:moderation")
    action = request.POST.get("action")
    form = MembershipDecisionForm(request.POST or None, action=action)
    if request.method == "POST" and form.is_valid():
        decide = services.membership_approve if action == "accept" else services.membership_refuse
        try:
            decide(membership=membership, moderator=user, message=form.cleaned_data["message"])
        except services.MembershipError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("Demande acceptée : le membre en est informé.")
                if action == "accept"
                else _("Demande refusée : le membre en est informé."),
            )
        return redirect("forums:moderation")
    status = 400 if form.errors else 200
    return render(
        request,
        "forums/membership_decide.html",
        {"membership": membership, "space": membership.space, "form": form},
        status=status,
    )
