"""Views of the discussion spaces. Each asks `permissions`, reads through querysets and writes
through `services`; a refused write keeps what the member typed."""

import datetime
import functools

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_POST

from core import uploads
from core.models import live_pages
from core.text import parse_number

from . import permissions, selectors, services
from .forms import (
    MoveForm,
    NotificationSettingsForm,
    PostForm,
    ReasonForm,
    SuspensionForm,
    TopicForm,
)
from .markup import quote
from .models import (
    Attachment,
    Membership,
    MembershipStatus,
    NotificationSettings,
    Post,
    Reaction,
    Report,
    ReportStatus,
    Space,
    Subscription,
    Topic,
    TopicVisit,
)
from .templatetags.forum_tags import display_name

TOPICS_PER_PAGE = 20
# A member's visit of a topic is written again only after this long: a reload or a page turn
# within it costs no write, and marks as new the same posts.
VISIT_REFRESH = datetime.timedelta(minutes=1)


def _deny(request):
    """Anonymous visitors are asked to log in; members are told they may not."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied


def _space(slug) -> Space:
    """An open space: its page (name, description, how to join) is shown to everyone; its
    topics only to those who may read them."""
    return get_object_or_404(Space.objects.active(), slug=slug)


def _readable_topic(request, slug, pk, topics=None) -> Topic:
    topics = Topic.objects.select_related("space") if topics is None else topics
    topic = get_object_or_404(topics, pk=pk, space__slug=slug)
    if not permissions.can_read_space(request.user, topic.space):
        raise Http404
    return topic


def _post_for(request, pk, check) -> Post:
    post = get_object_or_404(Post.objects.select_related("topic__space", "author"), pk=pk)
    if not permissions.can_read_space(request.user, post.topic.space):
        raise Http404
    if not check(request.user, post):
        raise PermissionDenied
    return post


def space_list(request):
    """Every open space (private ones too, so members can ask to join), by kind."""
    spaces = list(
        Space.objects.active().annotate(topic_count=Count("topics")).order_by("kind", "name")
    )
    for space in spaces:
        space.shows_activity = permissions.can_see_space_activity(request.user, space)
    return render(request, "forums/space_list.html", {"spaces": spaces})


def space_detail(request, slug):
    space = _space(slug)
    user = request.user
    context = {
        "space": space,
        "can_read": permissions.can_read_space(user, space),
        "can_post": permissions.can_post(user, space),
        "can_join": permissions.can_join(user, space),
        "can_moderate": permissions.can_moderate(user, space),
        "moderators": Membership.objects.filter(
            space=space, role="moderator", status=MembershipStatus.ACTIVE
        ).select_related("user")
        if permissions.can_see_space_activity(user, space)
        else [],
    }
    if context["can_read"]:
        topics = Topic.objects.filter(space=space).listed()
        context["topics"] = Paginator(topics, TOPICS_PER_PAGE).get_page(request.GET.get("page"))
        context["resources"] = live_pages(space.resources)
        context["following"] = (
            user.is_authenticated and Subscription.objects.filter(user=user, space=space).exists()
        )
    if user.is_authenticated:
        context["membership"] = permissions.membership(user, space)
    return render(request, "forums/space_detail.html", context)


def topic_detail(request, slug, pk, form=None, status=None):
    user = request.user
    topics = Topic.objects.select_related("space")
    if user.is_authenticated:
        # The member's follow and last visit come with the topic, in the same query.
        mine = {"user": user, "topic": OuterRef("pk")}
        topics = topics.annotate(
            following=Exists(Subscription.objects.filter(**mine)),
            last_visit=Subquery(TopicVisit.objects.filter(**mine).values("seen_at")[:1]),
        )
    topic = _readable_topic(request, slug, pk, topics)
    moderator = permissions.can_moderate(user, topic.space)
    page = selectors.thread_page(user, topic, request.GET.get("page"), moderator=moderator)
    page_posts = page.object_list
    last_visit, reacted = getattr(topic, "last_visit", None), set()
    if user.is_authenticated:
        reacted = set(
            Reaction.objects.filter(
                user=user, post__in=[post.pk for post in page_posts]
            ).values_list("post_id", flat=True)
        )
        now = timezone.now()
        # A refused reply shown again writes nothing: the database may be what refused it.
        reading = request.method == "GET"
        if reading and last_visit is None:
            TopicVisit.objects.create(topic=topic, user=user, seen_at=now)
        elif reading and now - last_visit > VISIT_REFRESH:
            TopicVisit.objects.filter(topic=topic, user=user).update(seen_at=now)
    for post in page_posts:
        post.topic = topic  # the permission checks below read the topic and its space
        post.is_new = last_visit is not None and post.created_at > last_visit
        post.can_edit = permissions.can_edit_post(user, post)
        post.can_react = permissions.can_react(user, post)
        post.can_report = permissions.can_report(user, post)
        post.reacted = post.pk in reacted
    quoted = parse_number(request.GET.get("citer"), minimum=1)
    if form is None and quoted:
        source = (
            Post.objects.shown().filter(topic=topic, pk=quoted).select_related("author").first()
        )
        if source:
            form = PostForm(initial={"body": quote(source.body, display_name(source.author))})
    context = {
        "space": topic.space,
        "topic": topic,
        "posts": page,
        "form": form or _blank_reply_form(),
        "can_reply": permissions.can_reply(user, topic),
        "can_moderate": moderator,
        "can_accept": permissions.can_accept_answer(user, topic),
        "following": getattr(topic, "following", False),
        "move_form": MoveForm() if moderator else None,
    }
    if status is None:
        status = 400 if form and form.errors else 200
    return render(request, "forums/topic_detail.html", context, status=status)


@functools.cache
def _blank_reply_form() -> str:
    """The empty reply form, the same for every reader: rendered once per process."""
    return PostForm().render()


def _resource(request):
    """The page a new topic is about, from `?ressource=`: a resource anyone may read, or None."""
    raw = request.POST.get("ressource") or request.GET.get("ressource")
    pk = parse_number(raw, minimum=1)
    return selectors.discussable_resources().filter(pk=pk).first() if pk else None


@login_required
def discuss_resource(request, page_id):
    """ "Discuter de cette ressource": the member chooses the space to open the topic in."""
    resource = get_object_or_404(selectors.discussable_resources(), pk=page_id)
    spaces = permissions.postable_spaces(request.user)
    return render(request, "forums/discuss_resource.html", {"resource": resource, "spaces": spaces})


@login_required
def topic_create(request, slug):
    space = _space(slug)
    if not permissions.can_post(request.user, space):
        return _deny(request)
    resource = _resource(request)
    form = TopicForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            topic = services.topic_create(
                space=space,
                author=request.user,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                resource=resource,
                attachment=form.cleaned_data["attachment"],
            )
        except services.ForumError as error:
            form.add_error(None, str(error))
            status = 503 if isinstance(error, services.ForumBusy) else 200
        else:
            messages.success(request, _("Votre sujet est publié."))
            return redirect(topic)
    initial_title = request.GET.get("titre", "")[:200] or (resource.title if resource else "")
    if request.method == "GET" and initial_title:
        form = TopicForm(initial={"title": initial_title})
    return render(
        request,
        "forums/topic_form.html",
        {"space": space, "form": form, "resource": resource},
        status=status,
    )


@login_required
@require_POST
def reply(request, slug, pk):
    topic = _readable_topic(request, slug, pk)
    if not permissions.can_reply(request.user, topic):
        return _deny(request)
    form = PostForm(request.POST, request.FILES)
    status = None
    if form.is_valid():
        try:
            post = services.post_create(
                topic=topic,
                author=request.user,
                body=form.cleaned_data["body"],
                attachment=form.cleaned_data["attachment"],
            )
        except services.ForumError as error:
            form.add_error("body", str(error))
            status = 503 if isinstance(error, services.ForumBusy) else None
        else:
            messages.success(request, _("Votre réponse est publiée."))
            return redirect(post)
    return topic_detail(request, slug, pk, form=form, status=status)


def attachment(request, pk):
    """An attachment, for those who may see its post, with the type stored from its checked
    content only: raster images shown, everything else (and any unknown kind) downloaded."""
    item = get_object_or_404(Attachment.objects.select_related("post__topic__space"), pk=pk)
    if not permissions.can_see_post(request.user, item.post) or item.post.deleted_at:
        raise Http404
    kind = item.kind
    response = FileResponse(
        item.file.open("rb"),
        as_attachment=not (kind and kind.inline),
        filename=item.name,
        content_type=kind.served_type if kind else "application/octet-stream",
    )
    return uploads.protect(response)


def post_permalink(request, pk):
    """A post's lasting address: its topic's page that holds it, at its anchor."""
    post = _post_for(request, pk, permissions.can_see_post)
    posts = permissions.visible_posts(request.user, post.topic)
    position = posts.filter(
        Q(created_at__lt=post.created_at) | Q(created_at=post.created_at, pk__lt=post.pk)
    ).count()
    page = position // selectors.POSTS_PER_PAGE + 1
    return redirect(f"{post.topic.get_absolute_url()}?page={page}#message-{post.pk}")


@login_required
def post_edit(request, pk):
    post = _post_for(request, pk, permissions.can_edit_post)
    form = PostForm(request.POST or None, initial={"body": post.body})
    del form.fields["attachment"]  # attachments are joined when posting, not when editing
    if request.method == "POST" and form.is_valid():
        try:
            services.post_edit(post=post, editor=request.user, body=form.cleaned_data["body"])
        except services.ForumError as error:
            form.add_error("body", str(error))
        else:
            messages.success(request, _("Votre message est modifié."))
            return redirect(post)
    return render(
        request, "forums/post_form.html", {"post": post, "form": form, "space": post.topic.space}
    )


@login_required
def post_delete(request, pk):
    post = _post_for(request, pk, permissions.can_delete_post)
    if request.method == "POST":
        services.post_delete(post=post, user=request.user)
        messages.success(request, _("Le message est supprimé."))
        return redirect(post.topic)
    return render(
        request, "forums/post_confirm_delete.html", {"post": post, "space": post.topic.space}
    )


@login_required
def post_history(request, pk):
    post = _post_for(
        request, pk, lambda user, post: permissions.can_moderate(user, post.topic.space)
    )
    revisions = post.revisions.select_related("edited_by")
    return render(
        request,
        "forums/post_history.html",
        {"post": post, "revisions": revisions, "space": post.topic.space},
    )


@login_required
@require_POST
def post_react(request, pk):
    post = _post_for(request, pk, permissions.can_react)
    marked = services.reaction_toggle(post=post, user=request.user)
    messages.success(
        request,
        _("Merci : message marqué comme utile.") if marked else _("Marque « utile » retirée."),
    )
    return redirect(post)


@login_required
def post_report(request, pk):
    post = _post_for(request, pk, permissions.can_report)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.report_create(post=post, reporter=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, _("Merci, les modérateurs vont examiner ce message."))
        return redirect(post.topic)
    return render(
        request, "forums/post_report.html", {"post": post, "form": form, "space": post.topic.space}
    )


def _moderate(user, post):
    return permissions.can_moderate(user, post.topic.space)


@login_required
def post_hide(request, pk):
    post = _post_for(request, pk, _moderate)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.post_hide(post=post, moderator=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, _("Le message est masqué ; son auteur en connaît le motif."))
        return redirect(post.topic)
    return render(
        request, "forums/post_hide.html", {"post": post, "form": form, "space": post.topic.space}
    )


@login_required
@require_POST
def post_restore(request, pk):
    post = _post_for(request, pk, _moderate)
    services.post_restore(post=post, moderator=request.user)
    messages.success(request, _("Le message est rétabli."))
    return redirect(post)


@login_required
@require_POST
def topic_moderate(request, slug, pk):
    topic = _readable_topic(request, slug, pk)
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
    elif action == "move":
        form = MoveForm(request.POST)
        if form.is_valid() and permissions.can_moderate(request.user, form.cleaned_data["space"]):
            services.topic_move(topic=topic, space=form.cleaned_data["space"])
            messages.success(request, _("Le sujet est déplacé."))
        else:
            messages.error(request, _("Vous ne pouvez pas déplacer ce sujet vers cet espace."))
    return redirect(topic)


@login_required
@require_POST
def topic_accept(request, slug, pk):
    topic = _readable_topic(request, slug, pk)
    if not permissions.can_accept_answer(request.user, topic):
        raise PermissionDenied
    post_id = request.POST.get("post")
    post = (
        Post.objects.shown().filter(topic=topic, pk=parse_number(post_id)).first()
        if post_id
        else None
    )
    if post_id and post is None:
        raise Http404
    services.answer_accept(topic=topic, post=post)
    messages.success(
        request, _("Réponse acceptée.") if post else _("La réponse acceptée est retirée.")
    )
    return redirect(post or topic)


@login_required
@require_POST
def follow(request, slug, pk=None):
    if pk is None:
        space = _space(slug)
        if not permissions.can_read_space(request.user, space):
            raise PermissionDenied
        target = {"space": space}
    else:
        target = {"topic": _readable_topic(request, slug, pk)}
    on = request.POST.get("on") == "1"
    services.follow(user=request.user, on=on, **target)
    messages.success(
        request,
        _("Vous suivez désormais ces échanges.") if on else _("Vous ne suivez plus ces échanges."),
    )
    return redirect(next(iter(target.values())))


@login_required
@require_POST
def space_join(request, slug):
    space = get_object_or_404(Space.objects.active(), slug=slug)
    if not permissions.can_join(request.user, space):
        raise PermissionDenied
    membership = services.membership_request(space=space, user=request.user)
    if membership.status == MembershipStatus.ACTIVE:
        messages.success(request, _("Vous êtes membre de cet espace."))
    else:
        messages.success(request, _("Votre demande est envoyée aux modérateurs de l'espace."))
    return redirect(space)


@login_required
def member_suspend(request, slug, user_id):
    """A moderator suspends a member from the space; staff may suspend from the whole site."""
    space = _space(slug)
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
    if user.is_staff:
        spaces = Space.objects.active()
    else:
        spaces = Space.objects.active().filter(
            memberships__user=user,
            memberships__role="moderator",
            memberships__status=MembershipStatus.ACTIVE,
        )
    if not user.is_staff and not spaces.exists():
        raise PermissionDenied
    if request.method == "POST":
        _handle_queue_action(request, spaces)
        return redirect("forums:moderation")
    reports = Report.objects.filter(
        status=ReportStatus.OPEN, post__topic__space__in=spaces
    ).select_related("post__topic__space", "post__author", "reporter")
    requests = Membership.objects.filter(
        status=MembershipStatus.REQUESTED, space__in=spaces
    ).select_related("user", "space")
    return render(
        request, "forums/moderation_queue.html", {"reports": reports, "requests": requests}
    )


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
            Membership,
            pk=parse_number(request.POST.get("membership")),
            space__in=spaces,
            status=MembershipStatus.REQUESTED,
        )
        services.membership_approve(membership=membership)
        messages.success(request, _("Demande acceptée."))


@cache_control(private=True, no_store=True)
@login_required
def notifications(request):
    items = Paginator(
        permissions.readable_notifications(request.user).select_related("post__topic__space"),
        30,
    ).get_page(request.GET.get("page"))
    response = render(request, "forums/notifications.html", {"items": items})
    services.notifications_mark_read(user=request.user)
    return response


@cache_control(private=True, no_store=True)
@login_required
def notification_settings(request):
    instance, _created = NotificationSettings.objects.get_or_create(user=request.user)
    form = NotificationSettingsForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Vos préférences sont enregistrées."))
        return redirect(reverse("forums:notification_settings"))
    return render(request, "forums/notification_settings.html", {"form": form})
