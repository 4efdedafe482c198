from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Membership, Space


class SpaceViewSet(ModelViewSet):
    model = Space
    icon = "group"
    menu_label = _("Espaces")
    list_display = ["name", "kind", "visibility", "is_active"]
    list_filter = ["kind", "visibility", "is_active"]
    search_fields = ["name", "description"]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("visibility"),
        FieldPanel("description"),
        FieldPanel("territory"),
        FieldPanel("resources"),
        FieldPanel("is_active"),
    ]


class MembershipViewSet(ModelViewSet):
    model = Membership
    icon = "user"
    menu_label = _("Adhésions")
    list_display = ["user", "space", "role", "status"]
    list_filter = ["space", "role", "status"]
    search_fields = ["user__email", "user__last_name"]
    form_fields = ["space", "user", "role", "status"]


class ForumsViewSetGroup(ViewSetGroup):
    menu_label = _("Espaces d'échange")
    menu_icon = "group"
    menu_order = 320
    items = (SpaceViewSet("espaces"), MembershipViewSet("adhesions"))


@hooks.register("register_admin_viewset")
def register_forums_viewsets():
    return ForumsViewSetGroup()
