"""What a member does with a post: edit or delete their own, mark another's useful, report it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import permissions, services
from ..forms import PostForm
from .lookups import post_for, with_reason


@login_required
def post_edit(request, pk):
    post = post_for(request, pk, permissions.can_edit_post)
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
    post = post_for(request, pk, permissions.can_delete_post)
    if request.method == "POST":
        services.post_delete(post=post, user=request.user)
        messages.success(request, _("Le message est supprimé."))
        return redirect(post.topic)
    return render(
        request, "forums/post_confirm_delete.html", {"post": post, "space": post.topic.space}
    )


@login_required
@require_POST
def post_react(request, pk):
    post = post_for(request, pk, permissions.can_react)
    marked = services.reaction_toggle(post=post, user=request.user)
    messages.success(
        request,
        _("Merci : message marqué comme utile.") if marked else _("Marque « utile » retirée."),
    )
    return redirect(post)


@login_required
def post_report(request, pk):
    post = post_for(request, pk, permissions.can_report)
    return with_reason(
        request,
        post,
        "forums/post_report.html",
        lambda reason: services.report_create(post=post, reporter=request.user, reason=reason),
        _("Merci, les modérateurs vont examiner ce message."),
    )
