from django.urls import path

from .views import (
    attachments,
    invitations,
    members,
    mentions,
    moderation,
    notifications,
    posts,
    spaces,
    topics,
)
from .views.feeds import SpaceFeed

app_name = "forums"

urlpatterns = [
    path("", spaces.space_list, name="space_list"),
    path("notifications/", notifications.notifications, name="notifications"),
    path(
        "notifications/preferences/",
        notifications.notification_settings,
        name="notification_settings",
    ),
    path("moderation/", moderation.moderation_queue, name="moderation"),
    path(
        "moderation/demandes/<int:pk>/",
        moderation.membership_decide,
        name="membership_decide",
    ),
    path("invitations/", invitations.invitation_list, name="invitations"),
    path(
        "invitations/<int:pk>/repondre/",
        invitations.invitation_answer,
        name="invitation_answer",
    ),
    path("invitations/<str:token>/", invitations.invitation, name="invitation"),
    path("discuter/<int:page_id>/", topics.discuss_resource, name="discuss_resource"),
    path("messages/<int:pk>/", topics.post_permalink, name="post"),
    path("pieces-jointes/<int:pk>/", attachments.attachment, name="attachment"),
    path("messages/<int:pk>/modifier/", posts.post_edit, name="post_edit"),
    path("messages/<int:pk>/supprimer/", posts.post_delete, name="post_delete"),
    path("messages/<int:pk>/historique/", moderation.post_history, name="post_history"),
    path("messages/<int:pk>/utile/", posts.post_react, name="post_react"),
    path("messages/<int:pk>/signaler/", posts.post_report, name="post_report"),
    path("messages/<int:pk>/masquer/", moderation.post_hide, name="post_hide"),
    path("messages/<int:pk>/retablir/", moderation.post_restore, name="post_restore"),
    path("<slug:slug>/", spaces.space_detail, name="space"),
    path("<slug:slug>/flux/", SpaceFeed(), name="space_feed"),
    path("<slug:slug>/nouveau-sujet/", topics.topic_create, name="topic_create"),
    path("<slug:slug>/mentions/", mentions.mention_lookup, name="mention_lookup"),
    path("<slug:slug>/rejoindre/", spaces.space_join, name="space_join"),
    path("<slug:slug>/suivre/", spaces.follow, name="space_follow"),
    path("<slug:slug>/suspendre/<int:user_id>/", moderation.member_suspend, name="member_suspend"),
    path("<slug:slug>/membres/", members.space_members, name="space_members"),
    path("<slug:slug>/membres/ajouter/", members.member_add, name="member_add"),
    path("<slug:slug>/membres/inviter/", members.member_invite, name="member_invite"),
    path("<slug:slug>/membres/<int:pk>/retirer/", members.member_remove, name="member_remove"),
    path("<slug:slug>/membres/<int:pk>/role/", members.member_role, name="member_role"),
    path(
        "<slug:slug>/invitations/<int:pk>/revoquer/",
        members.invitation_revoke,
        name="invitation_revoke",
    ),
    path("<slug:slug>/sujets/<int:pk>/", topics.topic_detail, name="topic"),
    path("<slug:slug>/sujets/<int:pk>/non-lus/", topics.topic_unread, name="topic_unread"),
    path("<slug:slug>/sujets/<int:pk>/repondre/", topics.reply, name="reply"),
    path("<slug:slug>/sujets/<int:pk>/moderer/", moderation.topic_moderate, name="topic_moderate"),
    path("<slug:slug>/sujets/<int:pk>/deplacer/", moderation.topic_move, name="topic_move"),
    path("<slug:slug>/sujets/<int:pk>/reponse-acceptee/", topics.topic_accept, name="topic_accept"),
    path("<slug:slug>/sujets/<int:pk>/suivre/", spaces.follow, name="topic_follow"),
]
