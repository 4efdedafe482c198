from django.contrib.auth import views as auth_views
from django.urls import include, path
from machina import urls as machina_urls

urlpatterns = [
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include(machina_urls)),
]
