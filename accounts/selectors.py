"""Reads on member accounts: the directory and everything a member may download about them."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.db.models import Q

from agenda.models import Registration
from forums import permissions
from forums.models import (
    Membership,
    MembershipStatus,
    NotificationSettings,
    Post,
    Reaction,
    Report,
    Subscription,
)
from situate.selectors import personal_data as situate_data

from .models import Profile


def directory(*, viewer, q: str = "", territory=None, job: str = "", network=None):
    """Profiles in the directory (never one whose member opted out), filtered and searched by
    name or organisation. A network lists the members it really has (an active membership),
    and only to a viewer who may read it (`forums.permissions.shown_networks`)."""
    profiles = Profile.objects.in_directory()
    if territory:
        profiles = profiles.filter(territory=territory)
    if job:
        profiles = profiles.filter(job=job)
    if network:
        if not permissions.can_read_space(viewer, network):
            return profiles.none()
        profiles = profiles.filter(
            networks=network,
            user__space_memberships__space=network,
            user__space_memberships__status=MembershipStatus.ACTIVE,
        )
    for word in q.split():
        profiles = profiles.filter(
            Q(user__first_name__icontains=word)
            | Q(user__last_name__icontains=word)
            | Q(organisation__icontains=word)
        )
    return profiles.distinct()


def _date(value):
    return value.isoformat() if value else None


def personal_data(user) -> dict:
    """Everything the portal keeps about `user`, as JSON-ready data (the RGPD right of access).
    Two-factor secrets are not given out: only which methods are on."""
    profile = Profile.objects.filter(user=user).prefetch_related("networks").first()
    settings = NotificationSettings.objects.filter(user=user).first()
    return {
        "compte": {
            "adresse_email": user.email,
            "prenom": user.first_name,
            "nom": user.last_name,
            "inscrit_le": _date(user.date_joined),
            "derniere_connexion": _date(user.last_login),
            "adresses_email": [
                {"adresse": address.email, "verifiee": address.verified}
                for address in EmailAddress.objects.filter(user=user)
            ],
            "double_authentification": sorted(
                Authenticator.objects.filter(user=user).values_list("type", flat=True)
            ),
        },
        "profil": profile
        and {
            "identifiant": profile.handle,
            "fonction": profile.get_job_display(),
            "organisation": profile.organisation,
            "territoire": profile.territory.name if profile.territory else None,
            "reseaux": [space.name for space in profile.networks.all()],
            "photo": profile.photo.url if profile.photo else None,
            "presentation": profile.bio,
            "dans_l_annuaire": profile.in_directory,
            "validation": profile.get_approval_display(),
        },
        "espaces": [
            {"espace": m.space.name, "role": m.get_role_display(), "statut": m.get_status_display()}
            for m in Membership.objects.filter(user=user).select_related("space")
        ],
        "messages": [
            {
                "sujet": post.topic.title,
                "espace": post.topic.space.name,
                "ecrit_le": _date(post.created_at),
                "modifie_le": _date(post.edited_at),
                "supprime_le": _date(post.deleted_at),
                "texte": post.body,
            }
            for post in Post.objects.filter(author=user)
            .select_related("topic__space")
            .order_by("created_at")
        ],
        "reactions": [
            {"message": reaction.post_id, "le": _date(reaction.created_at)}
            for reaction in Reaction.objects.filter(user=user)
        ],
        "signalements": [
            {"message": report.post_id, "motif": report.reason, "le": _date(report.created_at)}
            for report in Report.objects.filter(reporter=user)
        ],
        "abonnements": [
            {
                "espace": s.space.name if s.space else None,
                "sujet": s.topic.title if s.topic else None,
            }
            for s in Subscription.objects.filter(user=user).select_related("space", "topic")
        ],
        "notifications_par_email": settings.get_email_frequency_display() if settings else None,
        "inscriptions_aux_evenements": [
            {
                "evenement": registration.event.title,
                "debut": _date(registration.event.start),
                "statut": registration.get_status_display(),
                "inscrit_le": _date(registration.created_at),
                "rappel_envoye_le": _date(registration.reminded_at),
            }
            for registration in Registration.objects.filter(user=user)
            .select_related("event")
            .order_by("event__start", "pk")
        ],
        "se_situer": situate_data(user),
    }
