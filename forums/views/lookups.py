"""What the views share: the space, topic or post a request names, checked against the policy,
and the forms that ask a moderator or a member for a reason."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from .. import permissions
from ..forms import ReasonForm
from ..models import Post, Space, Topic


def deny(request):
    """Anonymous visitors are asked to log in; members are told they may not."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied


def open_space(slug, spaces=None) -> Space:
    """An open space (among `spaces`, say annotated): its page (name, description, how to join)
    is shown to everyone; its topics only to those who may read them."""
    spaces = Space.objects.all() if spaces is None else spaces
    return get_object_or_404(spaces.active(), slug=slug)


def readable_topic(request, slug, pk, topics=None) -> Topic:
    topics = Topic.objects.select_related("space") if topics is None else topics
    topic = get_object_or_404(topics, pk=pk, space__slug=slug)
    if not permissions.can_read_space(request.user, topic.space):
        raise Http404
    return topic


def post_for(request, pk, check) -> Post:
    """The post `pk`, for a reader of its space whom `check(user, post)` lets act on it."""
    post = get_object_or_404(Post.objects.select_related("topic__space", "author"), pk=pk)
    if not permissions.can_read_space(request.user, post.topic.space):
        raise Http404
    if not check(request.user, post):
        raise PermissionDenied
    return post


def moderates(user, post) -> bool:
    return permissions.can_moderate(user, post.topic.space)


def with_reason(request, post: Post, template: str, write, done: str):
    """Asks for a reason (`template`), then `write(reason)`, says `done` and goes back to the
    post's topic."""
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        write(form.cleaned_data["reason"])
        messages.success(request, done)
        return redirect(post.topic)
    return render(request, template, {"post": post, "form": form, "space": post.topic.space})
