"""A topic's page and its thread, opening a topic (about a resource or not), replying, accepting
an answer, a post's lasting address and a topic's first unread post."""

import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from core import cache
from core.text import parse_number

from .. import authors, permissions, scopes, selectors, services
from ..forms import PostForm, TopicForm
from ..markup import quote
from ..models import Post, Reaction, Subscription, Topic, TopicVisit
from ..templatetags.forum_tags import display_name, handle
from .lookups import deny, open_space, post_for, readable_topic

# The addresses of a post's actions, reversed once for every reader of the post.
POST_LINKS = ["post_react", "post_edit", "post_delete", "post_report", "post_hide"]
POST_LINKS += ["post_restore", "post_history"]


def _read_topic(request, slug, pk) -> Topic:
    """The topic as its page shows it: the member's follow, their last visit and whether a
    hidden post of the thread is theirs come with it, in the same query, and so does the
    accepted answer, with its author and their profile."""
    accepted = [f"accepted_post__{related}" for related in authors.thread_related()]
    topics = Topic.objects.select_related("space", "resource", *accepted)
    if request.user.is_authenticated:
        mine = {"user": request.user, "topic": OuterRef("pk")}
        hidden = Post.objects.filter(author=request.user, topic=OuterRef("pk"))
        topics = topics.annotate(
            following=Exists(Subscription.objects.filter(**mine)),
            last_visit=Subquery(TopicVisit.objects.filter(**mine).values("seen_at")[:1]),
            own_hidden=Exists(hidden.filter(hidden_at__isnull=False)),
        )
    return readable_topic(request, slug, pk, topics)


def topic_detail(request, slug, pk, form=None, status=None, topic=None):
    user = request.user
    topic = topic or _read_topic(request, slug, pk)
    cache.depends(scopes.topic(topic.pk), scopes.space(topic.space_id), scopes.MEMBERS)
    if topic.resource_id:
        cache.depends(f"page:{topic.resource_id}")  # its title and address
    moderator = permissions.can_moderate(user, topic.space)
    page = selectors.thread_page(
        user,
        topic,
        request.GET.get("page"),
        moderator=moderator,
        shown=functools.partial(_shown, topic=topic),
    )
    page_posts = page.object_list
    last_visit, reacted = getattr(topic, "last_visit", None), set()
    if user.is_authenticated:
        marked = [post.pk for post in page_posts if post.useful_count]
        if marked:
            reacted = set(
                Reaction.objects.filter(user=user, post__in=marked).values_list(
                    "post_id", flat=True
                )
            )
        # A refused reply shown again writes nothing: the database may be what refused it.
        if request.method == "GET":
            services.topic_visit_record(topic=topic, user=user, last_visit=last_visit)
    for post in page_posts:
        post.topic = topic  # the permission checks below read the topic and its space
        post.heading, post.content, post.links = post.shown
        post.author_profile = authors.shown_profile(user, post.author)
        post.is_new = last_visit is not None and post.created_at > last_visit
        post.can_edit = permissions.can_edit_post(user, post)
        post.can_react = permissions.can_react(user, post)
        post.can_report = permissions.can_report(user, post)
        post.reacted = post.pk in reacted
    accepted = None
    if page.number == 1:
        accepted = permissions.shown_accepted_answer(user, topic)
        if accepted:
            accepted.author_profile = authors.shown_profile(user, accepted.author)
    quoted = parse_number(request.GET.get("citer"), minimum=1)
    if form is None and quoted:
        source = permissions.quotable_posts(user, topic).filter(pk=quoted)
        source = source.select_related("author").first()
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
        "accepted": accepted,
        "following": getattr(topic, "following", False),
        "meta_title": topic.title,
        "page_number": page.number,  # its canonical address says it
        # The first words of the page's first post, as shown to this reader.
        "meta_description": strip_tags(page_posts[0].content) if page_posts else "",
    }
    if permissions.has_feed(topic.space):
        # The space's feed follows its topics too (templates/includes/feed_links.html).
        space = topic.space
        context["feeds"] = [(space.name, reverse("forums:space_feed", args=[space.slug]))]
    if status is None:
        status = 400 if form and form.errors else 200
    return render(request, "forums/topic_detail.html", context, status=status)


def _shown(post: Post, topic: Topic) -> tuple[str, str, dict[str, str]]:
    """What all the readers of `post` see alike: its heading and content rendered, and the
    addresses of its actions. Rendering them is most of the page's time: they are kept with the
    page of the thread (`selectors.thread_page`)."""
    context = {"post": post, "topic": topic}
    links = {name: reverse(f"forums:{name}", args=[post.pk]) for name in POST_LINKS}
    if post.author_id:
        links["member_suspend"] = reverse(
            "forums:member_suspend", args=[topic.space.slug, post.author_id]
        )
    return (
        render_to_string("forums/includes/post_heading.html", context),
        render_to_string("forums/includes/post_content.html", context),
        links,
    )


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


def _written(form, field: str | None, write):
    """`write()` and None, or None and the status of a refusal, which `form` then shows (at
    `field`): 503 when the database was too busy to take it (the member may send it again)."""
    try:
        return write(), None
    except services.ForumError as error:
        form.add_error(field, str(error))
        return None, 503 if isinstance(error, services.ForumBusy) else None


@login_required
def topic_create(request, slug):
    space = open_space(slug)
    if not permissions.can_post(request.user, space):
        return deny(request)
    resource = _resource(request)
    form = TopicForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        topic, refused = _written(
            form,
            None,
            lambda: services.topic_create(
                space=space,
                author=request.user,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                resource=resource,
                attachment=form.cleaned_data["attachment"],
            ),
        )
        if topic:
            messages.success(request, _("Votre sujet est publié."))
            _say_unreachable_mentions(request, topic.posts.order_by("created_at", "pk").first())
            return redirect(topic)
        status = refused or status
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
    topic = _read_topic(request, slug, pk)
    if not permissions.can_reply(request.user, topic):
        return deny(request)
    form = PostForm(request.POST, request.FILES)
    status = None
    if form.is_valid():
        post, status = _written(
            form,
            "body",
            lambda: services.post_create(
                topic=topic,
                author=request.user,
                body=form.cleaned_data["body"],
                attachment=form.cleaned_data["attachment"],
            ),
        )
        if post:
            messages.success(request, _("Votre réponse est publiée."))
            _say_unreachable_mentions(request, post)
            return redirect(post)
    return topic_detail(request, slug, pk, form=form, status=status, topic=topic)


def _say_unreachable_mentions(request, post: Post | None) -> None:
    """Tells the author whom their mentions did not reach (they may not read the space)."""
    missed = selectors.unreachable_mentions(post) if post else []
    if not missed:
        return
    # A name is said only if it is no secret: the member's profile is in the directory.
    names = ", ".join(
        f"{display_name(user)} (@{handle(user)})"
        if authors.listed_profile(user)
        else f"@{handle(user)}"
        for user in missed
    )
    messages.warning(
        request,
        ngettext(
            "%(names)s n'a pas été prévenu·e de votre mention : ce membre ne peut pas lire "
            "cet espace.",
            "%(names)s n'ont pas été prévenu·es de votre mention : ces membres ne peuvent pas "
            "lire cet espace.",
            len(missed),
        )
        % {"names": names},
    )


@login_required
@require_POST
def topic_accept(request, slug, pk):
    topic = readable_topic(request, slug, pk)
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


def post_permalink(request, pk):
    """A post's lasting address: its topic's page that holds it, at its anchor."""
    post = post_for(request, pk, permissions.can_see_post)
    return redirect(_place_in_thread(request.user, post))


def topic_unread(request, slug, pk):
    """Where a topic opens from a list: its reader's first unread post, on its page of the
    thread; the last page when nothing is new; the first for a topic never opened."""
    topic = readable_topic(request, slug, pk)
    post = selectors.first_unread(request.user, topic)
    if post is None:
        has_visit = request.user.is_authenticated and (
            TopicVisit.objects.filter(user=request.user, topic=topic).exists()
        )
        return redirect(topic.get_absolute_url() + ("?page=last" if has_visit else ""))
    post.topic = topic
    return redirect(_place_in_thread(request.user, post))


def _place_in_thread(user, post: Post) -> str:
    """The address of `post` in its thread as `user` reads it: its page and its anchor."""
    posts = permissions.visible_posts(user, post.topic)
    position = posts.filter(
        Q(created_at__lt=post.created_at) | Q(created_at=post.created_at, pk__lt=post.pk)
    ).count()
    page = position // selectors.POSTS_PER_PAGE + 1
    return f"{post.topic.get_absolute_url()}?page={page}#message-{post.pk}"
