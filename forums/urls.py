from django.urls import path

from . import views
from .feeds import SpaceFeed

app_name = "forums"

urlpatterns = [
    path("", views.space_list, name="space_list"),
    path("notifications/", views.notifications, name="notifications"),
    path("notifications/preferences/", views.notification_settings, name="notification_settings"),
    path("moderation/", views.moderation_queue, name="moderation"),
    path("discuter/<int:page_id>/", views.discuss_resource, name="discuss_resource"),
    path("messages/<int:pk>/", views.post_permalink, name="post"),
    path("pieces-jointes/<int:pk>/", views.attachment, name="attachment"),
    path("messages/<int:pk>/modifier/", views.post_edit, name="post_edit"),
    path("messages/<int:pk>/supprimer/", views.post_delete, name="post_delete"),
    path("messages/<int:pk>/historique/", views.post_history, name="post_history"),
    path("messages/<int:pk>/utile/", views.post_react, name="post_react"),
    path("messages/<int:pk>/signaler/", views.post_report, name="post_report"),
    path("messages/<int:pk>/masquer/", views.post_hide, name="post_hide"),
    path("messages/<int:pk>/retablir/", views.post_restore, name="post_restore"),
    path("<slug:slug>/", views.space_detail, name="space"),
    path("<slug:slug>/flux/", SpaceFeed(), name="space_feed"),
    path("<slug:slug>/nouveau-sujet/", views.topic_create, name="topic_create"),
    path("<slug:slug>/rejoindre/", views.space_join, name="space_join"),
    path("<slug:slug>/suivre/", views.follow, name="space_follow"),
    path("<slug:slug>/suspendre/<int:user_id>/", views.member_suspend, name="member_suspend"),
    path("<slug:slug>/sujets/<int:pk>/", views.topic_detail, name="topic"),
    path("<slug:slug>/sujets/<int:pk>/repondre/", views.reply, name="reply"),
    path("<slug:slug>/sujets/<int:pk>/moderer/", views.topic_moderate, name="topic_moderate"),
    path("<slug:slug>/sujets/<int:pk>/reponse-acceptee/", views.topic_accept, name="topic_accept"),
    path("<slug:slug>/sujets/<int:pk>/suivre/", views.follow, name="topic_follow"),
]
