"""Demo discussion spaces, members and conversations, on the themes of the 2019 seminar.

Idempotent like the rest of the demo: spaces by slug, members by username, topics by title.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from core.models import Territory

from . import markup
from .models import Membership, Post, Role, Space, SpaceKind, Topic, Visibility
from .services import membership_add

SPACES = [
    {
        "slug": "reseau-dgs-sg",
        "name": "Réseau DGS-SG",
        "kind": SpaceKind.METIER,
        "visibility": Visibility.PUBLIC,
        "description": "Les directions générales et secrétariats généraux des communes et des "
        "intercommunalités échangent sur leur métier et leurs pratiques de coopération.",
    },
    {
        "slug": "reseau-finances",
        "name": "Réseau finances",
        "kind": SpaceKind.METIER,
        "visibility": Visibility.MEMBERS,
        "description": "Pacte financier et fiscal, mutualisations, budgets annexes : "
        "les responsables financiers du bloc local s'entraident.",
    },
    {
        "slug": "projet-de-territoire",
        "name": "Projet de territoire",
        "kind": SpaceKind.PROJECT,
        "visibility": Visibility.MEMBERS,
        "description": "Construire le projet de territoire avec les communes, du diagnostic "
        "partagé à la mise en œuvre.",
    },
    {
        "slug": "enfance-jeunesse",
        "name": "Enfance-jeunesse",
        "kind": SpaceKind.PROJECT,
        "visibility": Visibility.PUBLIC,
        "description": "Transférer, partager ou coordonner la compétence enfance-jeunesse "
        "entre communes et intercommunalité.",
    },
    {
        "slug": "codir-pays-des-achards",
        "name": "CoDir du Pays des Achards",
        "kind": SpaceKind.TERRITORY,
        "visibility": Visibility.PRIVATE,
        "territory": "Pays des Achards",
        "description": "L'espace privé du collectif des directions du Pays des Achards.",
    },
]

# username, first name, last name
MEMBERS = [
    ("claire.moreau", "Claire", "Moreau"),
    ("julien.bernard", "Julien", "Bernard"),
    ("sophie.lefebvre", "Sophie", "Lefebvre"),
    ("marc.girard", "Marc", "Girard"),
    ("nadia.benali", "Nadia", "Benali"),
    ("pierre.roussel", "Pierre", "Roussel"),
]

# space slug -> usernames of its moderators and members
MEMBERSHIPS = {
    "reseau-dgs-sg": (["claire.moreau"], ["julien.bernard", "sophie.lefebvre", "marc.girard"]),
    "reseau-finances": (["pierre.roussel"], ["nadia.benali"]),
    "projet-de-territoire": (["sophie.lefebvre"], ["claire.moreau", "marc.girard"]),
    "enfance-jeunesse": (["nadia.benali"], ["julien.bernard"]),
    "codir-pays-des-achards": (["marc.girard"], ["julien.bernard", "nadia.benali"]),
}

# space slug, title, [(author, body), …]: the first message opens the topic.
TOPICS = [
    (
        "reseau-dgs-sg",
        "Une charte de fonctionnement pour le collectif des DGS : par où commencer ?",
        [
            (
                "julien.bernard",
                "Bonjour à tous,\n\nNotre président souhaite que le collectif des DGS de "
                "l'intercommunalité soit reconnu. Certains d'entre vous ont-ils écrit une "
                "**charte de fonctionnement** ? Quelles rubriques y avez-vous mises ?",
            ),
            (
                "claire.moreau",
                "Bonjour Julien,\n\nÀ Erdre et Gesvres, la charte traite de quatre points :\n\n"
                "- l'articulation entre gouvernance technique et politique ;\n"
                "- les règles de co-pilotage ;\n"
                "- le lien du collectif avec les réseaux métiers et projets ;\n"
                "- la fiche de poste du DGS.\n\nLa fiche expérience est sur le portail.",
            ),
            (
                "sophie.lefebvre",
                "Nous avons commencé plus modestement : trois engagements sur une page, "
                "relus en bureau communautaire. La formalisation est venue ensuite.",
            ),
        ],
    ),
    (
        "reseau-dgs-sg",
        "Réunir les DGS avant le bureau communautaire : quelle fréquence ?",
        [
            (
                "marc.girard",
                "Au Pays de Mortagne nous calons une réunion des DGS en amont des conseils "
                "communautaires, avec un ordre du jour envoyé 48 h à l'avance. Vous faites "
                "comment chez vous ?",
            ),
            (
                "julien.bernard",
                "Chez nous c'est une fois par mois, en tournant dans les communes : chacun "
                "accueille à son tour et présente un dossier de sa collectivité.",
            ),
        ],
    ),
    (
        "reseau-dgs-sg",
        "« Vis ma vie » entre DGS et secrétaires de mairie : retours d'expérience ?",
        [
            (
                "sophie.lefebvre",
                "Nous envisageons des journées « Vis ma vie » entre la DGS de l'interco et "
                "les secrétaires de mairie des petites communes. Quelqu'un a-t-il essayé ?",
            ),
        ],
    ),
    (
        "reseau-finances",
        "Pacte financier et fiscal : associer les communes dès le diagnostic",
        [
            (
                "nadia.benali",
                "Nous ouvrons la révision de notre pacte financier et fiscal. Comment "
                "associez-vous les secrétaires de mairie au diagnostic ?",
            ),
            (
                "pierre.roussel",
                "Un atelier par bassin de vie, avec des données préparées par l'interco et "
                "commentées par les communes : la parité des voix compte autant que les chiffres.",
            ),
        ],
    ),
    (
        "projet-de-territoire",
        "Du projet intercommunal au projet du bloc local",
        [
            (
                "claire.moreau",
                "Notre projet de territoire arrive à échéance. Comment passer d'un projet "
                "« de l'interco » à un projet partagé par les communes ?",
            ),
            (
                "marc.girard",
                "Commencez par une vision stratégique partagée entre directions : les élus "
                "suivent plus facilement quand les DGS parlent d'une même voix.",
            ),
        ],
    ),
    (
        "enfance-jeunesse",
        "Compétence enfance-jeunesse : transférer ou coordonner ?",
        [
            (
                "julien.bernard",
                "Au Pays des Achards, nous préparons un travail interco-communes sur la "
                "compétence enfance-jeunesse. Avez-vous des exemples de coordination "
                "sans transfert ?",
            ),
        ],
    ),
    (
        "codir-pays-des-achards",
        "Ordre du jour du prochain CoDir",
        [
            (
                "marc.girard",
                "Proposition pour le prochain CoDir : bilan des animations tournantes, "
                "messagerie instantanée du réseau, préparation du séminaire annuel.",
            ),
            ("nadia.benali", "D'accord ; j'ajouterais un point sur l'enfance-jeunesse."),
        ],
    ),
]


def load_forum_demo(log=lambda message: None) -> None:
    User = get_user_model()
    users = {}
    for username, first_name, last_name in MEMBERS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first_name,
                "last_name": last_name,
                "email": f"{username}@bloc-local.example",
                "date_joined": timezone.now() - datetime.timedelta(days=400),
            },
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        users[username] = user

    spaces = {}
    for item in SPACES:
        fields = {key: value for key, value in item.items() if key not in ("slug", "territory")}
        if "territory" in item:
            fields["territory"] = Territory.objects.filter(name=item["territory"]).first()
        spaces[item["slug"]], _created = Space.objects.get_or_create(
            slug=item["slug"], defaults=fields
        )

    for slug, (moderators, members) in MEMBERSHIPS.items():
        for username in moderators + members:
            role = Role.MODERATOR if username in moderators else Role.MEMBER
            if not Membership.objects.filter(space=spaces[slug], user=users[username]).exists():
                membership_add(space=spaces[slug], user=users[username], role=role)

    start = timezone.now() - datetime.timedelta(days=30)
    for number, (slug, title, messages) in enumerate(TOPICS):
        space = spaces[slug]
        if Topic.objects.filter(space=space, title=title).exists():
            continue
        opened = start + datetime.timedelta(days=number * 3)
        topic = Topic.objects.create(
            space=space,
            title=title,
            author=users[messages[0][0]],
            created_at=opened,
            last_post_at=opened,
        )
        for offset, (username, body) in enumerate(messages):
            when = opened + datetime.timedelta(hours=offset * 5)
            Post.objects.create(
                topic=topic,
                author=users[username],
                body=body,
                body_html=markup.render(body),
                created_at=when,
            )
        topic.post_count = len(messages)
        topic.last_post_at = when
        topic.save(update_fields=["post_count", "last_post_at"])
    # Written without the services (the demo's dates are in the past): their counters too.
    for space in spaces.values():
        space.topic_count = space.topics.count()
        space.save(update_fields=["topic_count"])
    log(f"{len(spaces)} espaces d'échange, {len(users)} membres, {len(TOPICS)} sujets")
