from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("membres/", views.directory, name="directory"),
    path("membres/<int:pk>/", views.profile_detail, name="profile"),
    path("compte/profil/", views.profile_edit, name="profile_edit"),
    path("compte/donnees/", views.personal_data, name="personal_data"),
    path("compte/donnees/export/", views.data_export, name="data_export"),
    path("compte/supprimer/", views.account_delete, name="account_delete"),
]
