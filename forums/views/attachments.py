"""The files joined to posts, served to those who may see them."""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404

from core import uploads

from .. import permissions
from ..models import Attachment


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
