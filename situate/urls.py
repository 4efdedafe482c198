from django.urls import path

from . import views

app_name = "situate"

urlpatterns = [
    path("", views.index, name="index"),
    path("repondre/", views.questionnaire, name="questionnaire"),
    path("<str:pk>/", views.result, name="result"),
    path("<str:pk>/partager/", views.share, name="share"),
    path("<str:pk>/telecharger.json", views.download, {"fmt": "json"}, name="download_json"),
    path("<str:pk>/telecharger.csv", views.download, {"fmt": "csv"}, name="download_csv"),
    path("<str:pk>/supprimer/", views.delete, name="delete"),
]
