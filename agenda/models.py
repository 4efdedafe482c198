"""The agenda: seminar sessions, webinars and workshops, and the members registered to them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Case, Count, F, Q, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core import cache
from core.models import PortalPage, PortalPageManager, PortalPageQuerySet
from resources.models.seminars import ProgrammeItemBlock

from . import permissions

PAGE_SIZE = 10


class EventKind(models.TextChoices):
    SEMINAR = "seminaire", _("Séminaire")
    WEBINAR = "webinaire", _("Webinaire")
    WORKSHOP = "atelier", _("Atelier")


class EventQuerySet(PortalPageQuerySet):
    def upcoming(self, now=None):
        """Events not yet over, the soonest first."""
        return self.filter(end__gte=now or timezone.now()).order_by("start", "pk")

    def agenda_order(self, now=None):
        """Upcoming events first, the soonest first; then past ones, the latest first."""
        now = now or timezone.now()
        return self.annotate(
            over=Case(When(end__lt=now, then=1), default=0),
            upcoming_start=Case(When(end__gte=now, then=F("start")), default=None),
        ).order_by("over", "upcoming_start", "-start", "pk")


class EventManager(PortalPageManager):
    _queryset_class = EventQuerySet


class EventIndexPage(PortalPage):
    """The agenda: upcoming events first, then past ones, a page at a time."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["agenda.EventPage"]
    max_count = 1

    class Meta:
        verbose_name = _("agenda")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = (
            EventPage.objects.child_of(self).live().public().agenda_order()
            if self.pk
            else EventPage.objects.none()
        )
        context["items"] = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
        context["now"] = timezone.now()
        context["feeds"] = [
            (_("Prochains événements"), reverse("agenda:feed")),
        ]
        return context


class EventPage(PortalPage):
    """A seminar session, a webinar or a workshop: when, where (a place, or an online link that
    only registered members see), its programme and how many seats it has."""

    kind = models.CharField(
        _("type d'événement"), max_length=20, choices=EventKind.choices, default=EventKind.SEMINAR
    )
    start = models.DateTimeField(_("début"), help_text=_("Heure de Paris."))
    end = models.DateTimeField(_("fin"), help_text=_("Heure de Paris."))
    place = models.CharField(
        _("lieu"), max_length=300, blank=True, help_text=_("L'adresse, pour un événement en salle.")
    )
    online_url = models.URLField(
        _("lien de connexion"),
        blank=True,
        help_text=_("Pour un webinaire : montré aux seuls membres inscrits."),
    )
    summary = models.TextField(_("résumé"), max_length=600)
    programme = StreamField(
        [("item", ProgrammeItemBlock())], verbose_name=_("programme"), blank=True
    )
    capacity = models.PositiveIntegerField(
        _("nombre de places"), validators=[MinValueValidator(1)], default=50
    )
    registration_open = models.BooleanField(
        _("inscriptions ouvertes"),
        default=True,
        help_text=_("Décochez pour fermer les inscriptions ; la liste d'attente reste."),
    )
    edition = models.ForeignKey(
        "resources.SeminarEditionPage",
        verbose_name=_("édition du séminaire"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    # The replay lives here rather than on the video: resources may not import the agenda, so the
    # video finds its event through this link (agenda.templatetags.agenda_tags.replay_of).
    replay = models.ForeignKey(
        "resources.VideoPage",
        verbose_name=_("rediffusion"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replay_of",
        help_text=_("La vidéo de l'événement, une fois celui-ci passé."),
    )

    objects = EventManager()

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")])], heading=_("Dates")
        ),
        MultiFieldPanel(
            [FieldPanel("place"), FieldPanel("online_url")], heading=_("Lieu ou lien en ligne")
        ),
        FieldPanel("programme"),
        MultiFieldPanel(
            [FieldPanel("capacity"), FieldPanel("registration_open")],
            heading=_("Inscriptions"),
        ),
        MultiFieldPanel(
            [FieldPanel("edition"), FieldPanel("replay")], heading=_("Séminaire et rediffusion")
        ),
    ]
    document_fields = [
        index.SearchField("summary"),
        index.SearchField("place"),
        index.SearchField("programme"),
    ]
    parent_page_types = ["agenda.EventIndexPage"]
    subpage_types = []
    serve_select_related = ("edition", "replay")
    share_type = "website"

    class Meta:
        verbose_name = _("événement")
        verbose_name_plural = _("événements")

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("La fin doit venir après le début.")
        if not self.place.strip() and not self.online_url:
            errors["place"] = _("Indiquez un lieu ou un lien de connexion.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_past(self) -> bool:
        return self.end < timezone.now()

    @property
    def is_online(self) -> bool:
        return bool(self.online_url) and not self.place.strip()

    def structured_data(self, *, url_of, image: str) -> dict:
        """A schema.org Event: its dates, its place or its online location, its organiser."""
        if self.is_online:
            location = {"@type": "VirtualLocation", "url": url_of(self.url or "")}
            mode = "https://schema.org/OnlineEventAttendanceMode"
        else:
            location = {"@type": "Place", "name": self.place, "address": self.place}
            mode = "https://schema.org/OfflineEventAttendanceMode"
        data = {
            "@type": "Event",
            "name": self.title,
            "description": self.summary,
            "url": url_of(self.url or ""),
            "startDate": self.start,
            "endDate": self.end,
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": mode,
            "location": location,
            "inLanguage": "fr-FR",
            "organizer": {"@type": "Organization", "name": "CNFPT", "url": "https://www.cnfpt.fr/"},
            "maximumAttendeeCapacity": self.capacity,
            "image": image,
        }
        return {key: value for key, value in data.items() if value}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.pk:
            cache.depends(f"event:{self.pk}")
        user = request.user
        registration = (
            Registration.objects.filter(event=self, user=user).first()
            if self.pk and user.is_authenticated
            else None
        )
        context.update(
            registration=registration,
            seats_left=self.seats_left() if self.pk else self.capacity,
            may_register=permissions.can_register(user, self),
            sees_link=permissions.can_see_online_link(user, self, registration),
        )
        return context

    def seats_left(self) -> int:
        taken = self.registrations.filter(status=RegistrationStatus.REGISTERED).count()
        return max(self.capacity - taken, 0)


class RegistrationStatus(models.TextChoices):
    REGISTERED = "inscrit", _("Inscrit")
    WAITING = "attente", _("Sur liste d'attente")


class RegistrationQuerySet(models.QuerySet):
    def waiting_in_order(self):
        return self.filter(status=RegistrationStatus.WAITING).order_by("created_at", "pk")

    def of_member(self, user):
        """A member's registrations with their events, the soonest first."""
        return (
            self.filter(user=user)
            .select_related("event")
            .annotate(
                ahead=Count(
                    "event__registrations",
                    filter=Q(
                        event__registrations__status=RegistrationStatus.WAITING,
                        event__registrations__created_at__lt=F("created_at"),
                    ),
                )
            )
            .order_by("event__start", "pk")
        )


class Registration(models.Model):
    """A member's seat at an event, or their place on its waiting list (in order of arrival).
    A cancelled registration is deleted: nothing of it is kept."""

    event = models.ForeignKey(
        EventPage,
        verbose_name=_("événement"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("membre"),
        on_delete=models.CASCADE,
        related_name="event_registrations",
    )
    status = models.CharField(
        _("statut"), max_length=10, choices=RegistrationStatus.choices, db_index=True
    )
    created_at = models.DateTimeField(_("inscrit le"), default=timezone.now)
    reminded_at = models.DateTimeField(_("rappel envoyé le"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("inscription")
        verbose_name_plural = _("inscriptions")
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="one_registration_per_member")
        ]

    def __str__(self):
        return f"{self.user} – {self.event}"

    @property
    def is_waiting(self) -> bool:
        return self.status == RegistrationStatus.WAITING
