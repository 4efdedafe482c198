from django.urls import path

from . import views
from .feeds import UpcomingEventsFeed

app_name = "agenda"
urlpatterns = [
    path("flux/", UpcomingEventsFeed(), name="feed"),
    path("agenda.ics", views.upcoming_ics, name="upcoming_ics"),
    path("<int:pk>/evenement.ics", views.event_ics, name="ics"),
    path("<int:pk>/inscription/", views.register, name="register"),
    path("<int:pk>/desinscription/", views.cancel_mine, name="cancel_mine"),
    path("annulation/<str:token>/", views.cancel_by_link, name="cancel"),
    path("mes-inscriptions/", views.my_registrations, name="mine"),
]
