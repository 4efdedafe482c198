"""Demo content of the Bloc local portal, as plain Python literals.

Facts (territories, figures, speakers, talk titles, steps of the path, tools, programme) come from
the CNFPT synthesis of the 2019 seminar "Construire ensemble un processus coopératif pour son
territoire"; the French texts are written for the portal. The demo loader reads these constants;
nothing here reads files at run time.
"""

# Home page: introduction and key messages of the synthesis.
HOME = {
    "title": "Bloc local",
    "promise": (
        "Coopérer entre communes et intercommunalité : des expériences, des outils et des pairs "
        "pour avancer ensemble."
    ),
    "intro": (
        "Bloc local est l'espace de la coopération entre communes et intercommunalités, animé par "
        "le CNFPT pour les directions générales du bloc local : DGS, SG et DGA. Né du séminaire « "
        "Construire ensemble un processus coopératif pour son territoire », il rassemble des "
        "expériences de territoires, des paroles d'experts, des outils prêts à l'emploi et un "
        "chemin pour situer sa propre démarche. Chacun peut y puiser des idées, se situer et "
        "échanger avec ses pairs."
    ),
    "key_messages": [
        {
            "title": "Le collectif de territoire, lieu d'un « agir autrement »",
            "text": (
                "Le collectif de territoire est un lieu stratégique : il invite à repenser les "
                "places de chacun, les relations, la répartition des pouvoirs et des "
                "responsabilités, ainsi que les principes qui guident l'action commune."
            ),
        },
        {
            "title": "La coopération n'est pas un objet en soi",
            "text": (
                "Coopérer n'est pas une fin : il s'agit de coproduire de meilleures politiques "
                "publiques et de renforcer la capacité d'agir de l'ensemble du bloc local."
            ),
        },
        {
            "title": "Assumer l'interdépendance",
            "text": (
                "Mes ressources sont aussi chez l'autre, mes habitants sont aussi ses usagers, nos "
                "politiques publiques sont entremêlées. Se coordonner pour que 1 + 1 fasse 2 ne "
                "suffit plus : agir ensemble permet que 1 + 1 fasse plus que 2."
            ),
        },
        {
            "title": "Faire avec, voire faire faire",
            "text": (
                "Pour l'intercommunalité, il ne s'agit plus toujours de faire à la place des "
                "communes, mais de faire avec elles, voire de leur faire faire. On passe d'une "
                "logique de subsidiarité à une logique de coopération : une même politique se "
                "déploie à plusieurs échelons."
            ),
        },
        {
            "title": "Une voie nécessaire mais difficile",
            "text": (
                "La décentralisation repose sur l'autonomie des collectivités, pas sur la "
                "coopération. Emprunter la voie coopérative, c'est engager une transformation "
                "culturelle de longue haleine et inventer de nouvelles normes professionnelles, "
                "par l'expérimentation."
            ),
        },
        {
            "title": "Trois champs à articuler",
            "text": (
                "Un processus coopératif se travaille sur trois plans liés : le système de "
                "relations, terreau qui ouvre un potentiel ; la coopération en actes, qui le "
                "concrétise ; une vision stratégique partagée, qui donne le cap et le sens."
            ),
        },
    ],
}

# Allowed values of a territory's kind (see portal.models.TerritoryKind).
TERRITORY_KINDS = (
    "perimetropolitain",
    "retro-littoral",
    "urbain-voisin-metropole",
    "semi-rural",
    "rural",
    "urbain",
)

# The four territories accompanied by the CNFPT after the 2018 seminar.
TERRITORIES = [
    {
        "name": "Pays d'Ancenis",
        "kind": "perimetropolitain",
        "department": "44",
        "communes": 20,
        "population": 68000,
    },
    {
        "name": "Pays des Achards",
        "kind": "retro-littoral",
        "department": "85",
        "communes": 9,
        "population": 19000,
    },
    {
        "name": "Erdre et Gesvres",
        "kind": "urbain-voisin-metropole",
        "department": "44",
        "communes": 12,
        "population": 61000,
    },
    {
        "name": "Pays de Mortagne",
        "kind": "semi-rural",
        "department": "85",
        "communes": 11,
        "population": 28000,
    },
]

# Every speaker of the 2019 talks, referenced by name from VIDEOS.
EXPERTS = [
    {
        "name": "Jérôme Grolleau",
        "role": "sociologue-consultant",
        "bio": (
            "Sociologue et consultant, Jérôme Grolleau accompagne les collectifs de direction dans "
            "leurs transformations. Co-auteur avec Didier Locatelli de la synthèse du séminaire "
            "2019, il y analyse la coopération comme un « agir autrement » et décrit les seuils du "
            "chemin coopératif."
        ),
    },
    {
        "name": "Didier Locatelli",
        "role": "expert en stratégies territoriales",
        "bio": (
            "Expert en stratégies territoriales, Didier Locatelli observe l'évolution des systèmes "
            "territoriaux et des relations entre communes et intercommunalités. Il a co-rédigé la "
            "synthèse du séminaire 2019 et y éclaire un monde territorial devenu interdépendant."
        ),
    },
    {
        "name": "Jonathan Jung",
        "role": "consultant en management",
        "bio": (
            "Consultant en management et coach d'équipe, Jonathan Jung est intervenu lors de la "
            "conférence en dialogue de 2019 et a présenté, avec le CNFPT, les principes "
            "d'accompagnement des collectifs de territoire."
        ),
    },
    {
        "name": "Dominique Garnier",
        "role": "DGS d'Erdre et Gesvres",
        "bio": (
            "Directeur général des services de la communauté de communes d'Erdre et Gesvres et "
            "membre du pilotage du séminaire pour l'ADGCF, Dominique Garnier a débattu avec Jérôme "
            "Grolleau de la manière de renouveler la délibération au sein d'un collectif de "
            "directions."
        ),
    },
    {
        "name": "Frédéric De Koninck",
        "role": "DGS de Saint-Jean-le-Blanc",
        "bio": (
            "Directeur général des services de Saint-Jean-le-Blanc, Frédéric De Koninck a apporté "
            "son retour d'expérience sur la manière de prendre le temps et de s'organiser pour "
            "faire vivre la coopération."
        ),
    },
]

# The cooperation path (le chemin): its thresholds, in order.
STEPS = [
    {
        "slug": "prise-d-initiative",
        "title": "La prise d'initiative",
        "summary": (
            "Oser lancer la démarche sans attendre une commande politique : le collectif des DGS "
            "et des SG s'appuie sur plusieurs sources de légitimité et se constitue en instance."
        ),
        "body": [
            (
                "Le premier frein est souvent le soupçon d'illégitimité : de quel droit des "
                "directeurs lanceraient-ils une coopération que les élus n'ont pas demandée ? Même "
                "lorsque la commande politique fait défaut, trois sources de légitimité peuvent "
                "être invoquées."
            ),
            (
                "La légitimité stratégique, d'abord : l'évolution du système territorial et des "
                "modes de vie impose d'adapter les façons d'agir. Celle de la fonction, ensuite : "
                "ce qui se décide à l'intercommunalité ou dans la commune voisine touche vos "
                "habitants, cela vous regarde. Celle du collectif, enfin : ce n'est pas une "
                "personne isolée mais une communauté professionnelle qui s'engage."
            ),
            (
                "La légitimité ne se reçoit pas seulement, elle se conquiert : on obtient "
                "l'autorisation en s'autorisant à aller la chercher. En proposant aux élus un mode "
                "de fonctionnement, le collectif des DGS s'auto-institue comme sujet collectif."
            ),
            (
                "Un conseil : viser l'assentiment des élus plutôt que leur adhésion immédiate. "
                "L'adhésion viendra ensuite, au fil du processus."
            ),
        ],
    },
    {
        "slug": "sensibilisation",
        "title": "La sensibilisation",
        "summary": (
            "Ouvrir les esprits des élus et des encadrants, par la parole d'experts et par "
            "l'expérience concrète de l'intelligence collective."
        ),
        "body": [
            (
                "La parole d'experts, adressée aux élus comme aux encadrants des différentes "
                "collectivités, aide à contextualiser, à distinguer les notions, à bousculer les "
                "schémas de pensée et à ouvrir des possibles. Elle légitime aussi l'action "
                "coopérative au regard des évolutions territoriales et sociétales."
            ),
            (
                "L'expérience de dispositifs d'intelligence collective, vécue par tous les "
                "encadrants, complète ces apports : on s'acculture, on essaie d'autres postures, "
                "on se rencontre, on prend plaisir à échanger et on découvre ce que permet la "
                "co-construction."
            ),
            (
                "La sensibilisation est un bon levier pour amorcer la coopération quand rien ne "
                "bouge, comme pour relancer un processus qui se grippe et franchir une nouvelle "
                "étape."
            ),
        ],
    },
    {
        "slug": "processus-de-decision",
        "title": "L'inscription dans le processus de décision",
        "summary": (
            "Officialiser la place du collectif des DGS dans la préparation des décisions des "
            "élus, pour nouer gouvernance politique et gouvernance technique à l'échelle "
            "communautaire."
        ),
        "body": [
            (
                "Il s'agit de reconnaître officiellement le rôle du collectif des DGS dans la "
                "préparation en amont des instances de décision, ainsi que sa capacité à rendre un "
                "avis technique. La gouvernance politique et la gouvernance technique cessent "
                "alors d'être déconnectées."
            ),
            (
                "Devenu une étape du processus de décision, le collectif gagne en légitimité et "
                "son rôle cesse d'être flottant : plus personne ne se demande « qu'est-ce que je "
                "fais là ? ». Le DGS de commune y gagne aussi une légitimité intercommunale auprès "
                "de ses propres équipes. C'est la clé de voûte de la démarche."
            ),
            (
                "Cette inscription transpose à l'échelle communautaire le binôme historique "
                "DG-maire ; en miroir, le collectif des élus se renforce. Le DGS sort d'une "
                "relation strictement duelle avec son élu, sans rien perdre de sa loyauté."
            ),
            (
                "Reste à travailler les conditions du dialogue à chaque étape : préparation, "
                "décision, action, évaluation."
            ),
        ],
    },
    {
        "slug": "parite",
        "title": "La parité",
        "summary": (
            "Donner aux communes une place et une voix plus fortes : communes et intercommunalité "
            "sont deux expressions d'un même territoire."
        ),
        "body": [
            (
                "C'est le point commun de toutes les expériences accompagnées : les communes ont "
                "eu le sentiment d'acquérir une voix qui compte, prise en compte au même titre que "
                "les autres dans l'élaboration des propositions. Les DGS des communes se sont fait "
                "entendre."
            ),
            (
                "Cette parité conditionne l'engagement de chacun. Elle rompt avec la verticalité "
                "et avec le sentiment de déconsidération que les communes ont parfois éprouvé : "
                "pour que le bloc local tienne, chaque partie doit pouvoir y prendre part, en "
                "paroles comme en actes."
            ),
            (
                "Communes et intercommunalité ne forment pas deux strates, mais deux expressions "
                "de la même strate. Leur coopération est donc plus impérative encore qu'avec les "
                "autres échelons."
            ),
            (
                "Les effets observés : une dé-hiérarchisation des échanges, des acteurs remis à "
                "égalité autour de la table, un leadership du DGS intercommunal renforcé parce que "
                "partagé, et des arbitrages facilités plutôt qu'affaiblis."
            ),
        ],
    },
    {
        "slug": "deliberation",
        "title": "La délibération",
        "summary": (
            "Faire place à la pluralité des voix, confronter les points de vue sans s'affronter, "
            "aborder les sujets qui fâchent, pour décider mieux."
        ),
        "body": [
            (
                "La délibération introduit un principe de pluralité : des sensibilités et des "
                "expertises différentes s'entremêlent sans que l'une cherche à écraser l'autre. La "
                "réalité apparaît alors avec plus de contraste et de relief, comme en « haute "
                "définition »."
            ),
            (
                "Plus qu'une discussion courtoise, il s'agit de laisser les voix se confronter "
                "sans s'affronter, de lever les non-dits et d'aborder les sujets qui fâchent, pour "
                "pousser la réflexion plus loin plutôt que pour l'emporter."
            ),
            (
                "Cette confrontation a un but : décider, c'est-à-dire identifier les options et "
                "les stratégies et nourrir les décisions."
            ),
            (
                "Auto-institution, pluralité, parité, délibération : au cœur du collectif se joue "
                "un principe démocratique. La démocratie n'est pas seulement un cadre juridique, "
                "c'est aussi une forme de vie sociale."
            ),
        ],
    },
    {
        "slug": "formalisation",
        "title": "La formalisation",
        "summary": (
            "Écrire ensemble les règles du jeu coopératif : charte, pacte de confiance, "
            "circulation de l'information, co-pilotage. Sans étouffer l'informel."
        ),
        "body": [
            (
                "La formalisation prend plusieurs formes : une charte de fonctionnement "
                "co-construite précisant rôles, missions et procédures ; un pacte de confiance ou "
                "contrat moral qui explicite les règles relationnelles ; les étapes du processus "
                "de décision ; les règles de circulation de l'information et de co-pilotage."
            ),
            (
                "Ces écrits co-produits servent de repères pour agir et de garanties rassurantes : "
                "ce sont des constructeurs de confiance. Grâce à eux, l'instance « collectif DG » "
                "prend forme, le jeu coopératif prend corps par ses règles et la transformation "
                "culturelle trouve des points d'appui."
            ),
            (
                "La formalisation ne doit pas pour autant assécher l'informel. Attention, "
                "réciprocité, don et contre-don, plaisir partagé : c'est ce qui fait le liant et "
                "la vitalité d'un collectif par nature fragile, comme le montre le « Vis ma vie » "
                "entre DGS et SG."
            ),
        ],
    },
    {
        "slug": "extension-du-reseau",
        "title": "L'extension du réseau : le principe de nouage",
        "summary": (
            "Relier le collectif de direction aux réseaux métiers, fonctions et projets, et "
            "travailler les nœuds qui font tenir le système."
        ),
        "body": [
            (
                "Le collectif territorial de direction gagne à se connecter aux réseaux métiers, "
                "fonctions et projets, entre communes et intercommunalité comme entre communes : "
                "par des référents, des revues de projets, du co-pilotage ou un pilotage alterné."
            ),
            (
                "Il s'agit de conforter et de reconnaître les réseaux existants, d'en susciter de "
                "nouveaux et de les relier entre eux, selon une véritable stratégie de "
                "dissémination en réseau."
            ),
            (
                "Dans un système interdépendant, les nœuds, ou « hubs », sont les points "
                "stratégiques : c'est là qu'il faut porter l'effort."
            ),
        ],
    },
    {
        "slug": "facilitateur",
        "title": "La présence d'un facilitateur",
        "summary": (
            "Un tiers extérieur constitue le groupe en collectif, instaure la parité et l'aide à "
            "réfléchir sur lui-même."
        ),
        "body": [
            (
                "Tous les acteurs des expériences accompagnées saluent la présence du tiers. Par "
                "sa seule présence, il fait du groupe un collectif ; par sa manière d'intervenir, "
                "il installe la parité entre les participants ; par ses suggestions et sa posture, "
                "il amène le collectif à réfléchir sur lui-même et à construire son avenir."
            ),
            (
                "Le tiers permet de gravir une marche : il « dérange » le système pour le faire "
                "évoluer."
            ),
            (
                "Son efficacité tient à sa neutralité et à une légitimité mise au service du bloc "
                "local, d'où l'intérêt d'un intervenant extérieur missionné par le CNFPT ou une "
                "autre entité neutre. Il crée un effet d'entraînement et adopte rapidement une "
                "posture de médiateur et de coach d'équipe."
            ),
        ],
    },
    {
        "slug": "culture-de-la-cooperation",
        "title": "La culture de la coopération",
        "summary": (
            "La coopération devient une culture par l'expérience régulière de nouvelles façons "
            "d'agir, dans les directions puis dans tous les collectifs."
        ),
        "body": [
            (
                "La culture d'une organisation n'a rien d'abstrait : ce sont des manières de "
                "sentir, d'agir et de penser, plus ou moins conscientes et intériorisées."
            ),
            (
                "Les discours pédagogiques, les séminaires ou une expérience ponctuelle "
                "d'intelligence collective peuvent amorcer le changement. Mais le véritable levier "
                "reste l'expérience répétée de nouvelles façons d'agir et d'entrer en relation, "
                "grâce à des dispositifs concrets intégrés au fonctionnement quotidien."
            ),
            (
                "Tout commence au niveau des directions. Pour parler de culture, il faut pourtant "
                "que toute l'organisation soit concernée : les collectifs métiers et projets "
                "intercommunaux comme chaque collectivité. C'est en agissant sur tous ces terrains "
                "que la coopération deviendra un trait culturel du monde territorial."
            ),
        ],
    },
    {
        "slug": "points-de-vigilance",
        "title": "Les points de vigilance",
        "summary": (
            "Tout collectif coopératif est vulnérable : entretenir la confiance, alléger les "
            "contraintes pratiques, avancer par étapes et prendre le temps de la réflexivité."
        ),
        "body": [
            (
                "Lever régulièrement les non-dits et entretenir la confiance : faire le point sur "
                "le fonctionnement du groupe, organiser chaque année un séminaire avec un tiers "
                "extérieur, varier les formats de réunion (animations tournantes, ateliers "
                "thématiques, outils d'intelligence collective) et faire circuler l'information "
                "par une messagerie partagée."
            ),
            (
                "Atténuer les difficultés pratiques de temps et de déplacement : préparer les "
                "réunions et envoyer les documents en amont, délocaliser les rencontres, répartir "
                "les pilotages entre communes pour que la coopération ne dévore pas l'agenda."
            ),
            (
                "Avancer par étapes, à un rythme soutenable : consolider chaque acquis avant "
                "d'aller plus loin et tenir compte de la crainte des élus de perdre du pouvoir, en "
                "donnant des gages de loyauté (professionnalisme, transparence, renforcement de "
                "leur capacité à décider)."
            ),
            (
                "Prendre le temps de la réflexivité : revenir ensemble, régulièrement, sur ce que "
                "l'on vit, ce que l'on fait et ce que cela produit. Ces temps font partie du "
                "processus ; ils sont aussi un moyen d'apprendre. La confiance, fragile par "
                "nature, s'entretient en continu."
            ),
        ],
    },
    {
        "slug": "vision-strategique",
        "title": "Vers une vision stratégique partagée",
        "summary": (
            "Établir ensemble un diagnostic du territoire et anticiper les transitions, pour "
            "co-produire un projet qui soit celui du bloc local et non celui de la seule "
            "intercommunalité."
        ),
        "body": [
            (
                "Premier temps : un diagnostic territorial partagé. Il porte sur les différences, "
                "les liens, les discontinuités et les interdépendances internes ; sur les usagers, "
                "leurs expériences, leurs besoins et leurs conditions de vie, ce qui demande un "
                "vrai effort collectif de connaissance au-delà des seuls dispositifs de "
                "participation ; enfin sur les dynamiques démographiques, économiques, d'habitat "
                "et de métropolisation."
            ),
            (
                "Deuxième temps : adopter une posture d'anticipation face aux transitions et "
                "ruptures à venir, par exemple avec une démarche de type « Territoire 2030 » ou un "
                "collège des transitions, en associant les élus à la réflexion lors d'un séminaire."
            ),
            (
                "L'enjeu central est de co-produire un projet de territoire qui soit réellement le "
                "projet du bloc local, et non celui de l'intercommunalité seule."
            ),
        ],
    },
    {
        "slug": "cooperation-en-actes",
        "title": "Vers la coopération en actes",
        "summary": (
            "Choisir les bons objets de travail, réfléchir ensemble, puis passer en mode projet "
            "avec un pilotage souple et un portefeuille de projets communs."
        ),
        "body": [
            (
                "Mettre à l'agenda les objets les plus pertinents : projets, politiques publiques, "
                "sujets qui fâchent, opportunités, relation et information aux usagers, "
                "objets-flux comme la mobilité ou les réseaux. Sans se limiter aux sujets internes "
                "(qualité de vie au travail, management)."
            ),
            (
                "Réfléchir ensemble est une étape clé : co-élaborer le diagnostic pour se doter "
                "d'un langage commun et expliciter les désaccords, co-identifier les enjeux, "
                "co-définir le cadre de l'action commune, ses orientations et ses objectifs."
            ),
            (
                "Adopter enfin le mode projet : un pilotage « plastique » (intercommunalité, "
                "commune, co-pilotage ou alternance) et une co-production contractualisée. Se "
                "constituer un portefeuille de projets fait du bloc local un collectif qui agit et "
                "améliore l'efficacité des politiques publiques."
            ),
        ],
    },
]

# The three editions of the seminar; 2017 and 2018 programmes are reconstructed.
EDITIONS = [
    {
        "year": 2017,
        "title": "Compétents ensemble !",
        "summary": (
            "Première édition, en novembre 2017 : le CNFPT et les représentations régionales du "
            "SNDGCT et de l'ADGCF Pays de la Loire invitent les directions de communes et d'EPCI à "
            "approfondir le « travail ensemble », en plaçant les usagers des services publics "
            "locaux au centre."
        ),
        "programme": [
            ("9h00", "Accueil des directions de communes et d'intercommunalités"),
            ("9h30", "Ouverture : pourquoi travailler ensemble au service des usagers ?"),
            ("10h30", "Ateliers : le service public local vu depuis l'usager"),
            ("14h00", "Restitution croisée : des compétences à partager entre communes et EPCI"),
            ("16h30", "Clôture et perspectives"),
        ],
    },
    {
        "year": 2018,
        "title": "D'être ensemble à faire ensemble",
        "summary": (
            "En novembre 2018, le séminaire explore l'idée d'un CoDir de territoire, collectif des "
            "directions à l'échelle intercommunale : pour quoi faire, avec qui, comment ? Un "
            "vadémécum en restitue les travaux, et quatre territoires demandent ensuite un "
            "accompagnement du CNFPT."
        ),
        "programme": [
            ("9h00", "Accueil"),
            ("9h30", "Conférence : le CoDir de territoire, de quoi parle-t-on ?"),
            ("10h45", "Ateliers : pour quoi faire, avec qui, comment ?"),
            ("14h00", "Mise en commun : les repères du vadémécum"),
            ("16h30", "Clôture : vers un accompagnement de territoires volontaires"),
        ],
    },
    {
        "year": 2019,
        "title": "Construire ensemble un processus coopératif",
        "summary": (
            "L'édition 2019 s'appuie sur les expériences de quatre territoires accompagnés par le "
            "CNFPT : pourquoi coopérer au sein du bloc local, quels enseignements tirer de ces "
            "expériences, quel processus envisager selon les situations ? Il était conseillé de "
            "venir en collectif de territoire, communes et EPCI ensemble."
        ),
        "programme": [
            ("8h30-9h", "Café d'accueil"),
            (
                "9h15-10h45",
                (
                    "Conférence en dialogue, échanges et débats avec Didier Locatelli, Jérôme "
                    "Grolleau et Jonathan Jung"
                ),
            ),
            (
                "11h-12h30",
                (
                    "Ateliers « Histoires de territoire d'expériences collectives » (1re phase) : "
                    "quatre territoires partagent leur expérience accompagnée par le CNFPT"
                ),
            ),
            (
                "14h-15h30",
                "Ateliers « Histoires de territoire d'expériences collectives » (2e phase)",
            ),
            (
                "15h30-16h45",
                (
                    "Synthèse partagée : repères pour un processus enrichi de collectif de "
                    "territoire, avec l'analyse de Jérôme Grolleau et Didier Locatelli et les "
                    "principes d'accompagnement présentés par le CNFPT et Jonathan Jung"
                ),
            ),
            (
                "16h45-17h",
                (
                    "Et demain sur mon territoire ? Temps de réflexion personnel ou collectif, par "
                    "territoire, pour s'approprier la démarche"
                ),
            ),
            ("17h", "Clôture et perspectives"),
        ],
    },
]

# Practical tools and methods named by the synthesis, with a downloadable template.
# The agenda: a past session of the 2019 seminar (its replay is one of its videos) and events to
# come, dated from the day the demo is loaded (`days`), or on a fixed date (`date`).
EVENTS = [
    {
        "slug": "seminaire-2019",
        "title": "Séminaire 2019 : construire ensemble un processus coopératif",
        "kind": "seminaire",
        "date": (2019, 11, 21),
        "hours": ((8, 30), (17, 0)),
        "place": "INSET d'Angers, Angers",
        "online_url": "",
        "capacity": 120,
        "summary": (
            "La journée de l'édition 2019 : quatre territoires accompagnés par le CNFPT racontent "
            "leur collectif de territoire, puis chacun se demande ce qu'il en fera chez lui."
        ),
        "programme": [
            ("8h30-9h", "Café d'accueil"),
            ("9h15-10h45", "Conférence en dialogue, échanges et débats"),
            ("11h-12h30", "Ateliers « Histoires de territoire d'expériences collectives »"),
            ("14h-15h30", "Ateliers, deuxième phase"),
            ("15h30-16h45", "Synthèse partagée : repères pour un collectif de territoire"),
            ("16h45-17h", "Et demain sur mon territoire ?"),
        ],
        "edition": 2019,
        "replay": "introduction",
    },
    {
        "slug": "webinaire-vademecum-codir",
        "title": "Webinaire : le CoDir de territoire, retour sur le vadémécum",
        "kind": "webinaire",
        "days": -40,
        "hours": ((11, 0), (12, 0)),
        "place": "",
        "online_url": "https://visio.bloc-local.example/vademecum-codir",
        "capacity": 200,
        "summary": (
            "Une heure pour relire le vadémécum de l'édition 2018 : un collectif des directions à "
            "l'échelle intercommunale, pour quoi faire, avec qui, comment."
        ),
        "programme": [
            ("11h00", "Ce que dit le vadémécum"),
            ("11h30", "Questions des participants"),
        ],
        "edition": 2018,
        "replay": "",
    },
    {
        "slug": "webinaire-premiers-pas-collectif",
        "title": "Webinaire : les premiers pas d'un collectif de territoire",
        "kind": "webinaire",
        "days": 21,
        "hours": ((11, 0), (12, 15)),
        "place": "",
        "online_url": "https://visio.bloc-local.example/premiers-pas",
        "capacity": 150,
        "summary": (
            "Amorcer, asseoir ou structurer un collectif de territoire : deux directions "
            "accompagnées partagent ce qui les a fait démarrer et ce qu'elles referaient autrement."
        ),
        "programme": [
            ("11h00", "Deux témoignages de territoires accompagnés"),
            ("11h40", "Échanges avec les participants"),
            ("12h10", "Les ressources du portail pour continuer"),
        ],
        "edition": None,
        "replay": "",
    },
    {
        "slug": "atelier-se-situer-sur-le-chemin",
        "title": "Atelier : se situer sur le chemin de la coopération",
        "kind": "atelier",
        "days": 45,
        "hours": ((9, 30), (12, 30)),
        "place": "Délégation des Pays de la Loire du CNFPT, Angers",
        "online_url": "",
        "capacity": 12,
        "summary": (
            "Une matinée en petit groupe pour placer son territoire sur le chemin de la "
            "coopération, du désir d'expérimenter à l'entretien du collectif. Venir à deux, "
            "commune et EPCI, est conseillé."
        ),
        "programme": [
            ("9h30", "Tour de table : où en est mon territoire ?"),
            ("10h15", "Le chemin, étape par étape"),
            ("11h45", "Mes prochains pas"),
        ],
        "edition": None,
        "replay": "",
    },
    {
        "slug": "seminaire-des-directions",
        "title": "Séminaire des directions du bloc local",
        "kind": "seminaire",
        "days": 90,
        "hours": ((8, 30), (17, 0)),
        "place": "INSET d'Angers, Angers",
        "online_url": "",
        "capacity": 100,
        "summary": (
            "La nouvelle édition du séminaire réunit directions de communes et d'EPCI autour des "
            "expériences de coopération : venir en collectif de territoire est recommandé."
        ),
        "programme": [
            ("8h30", "Café d'accueil"),
            ("9h15", "Conférence en dialogue"),
            ("11h00", "Ateliers entre territoires"),
            ("15h30", "Synthèse partagée"),
            ("16h45", "Et demain sur mon territoire ?"),
        ],
        "edition": None,
        "replay": "",
    },
]

TOOLS = [
    {
        "slug": "charte-de-fonctionnement",
        "title": "Charte de fonctionnement du collectif des DGS",
        "purpose": (
            "Écrire ensemble les rôles, les missions et les procédures du collectif de directions, "
            "et son articulation avec la gouvernance politique."
        ),
        "when": (
            "Quand le collectif existe déjà et veut asseoir sa légitimité, ou quand son rôle reste "
            "flottant."
        ),
        "how": [
            (
                "Réunir le collectif des DGS et SG, si possible avec un tiers facilitateur, pour "
                "lister ce que chacun attend du collectif et ce qu'il est prêt à y apporter."
            ),
            (
                "Rédiger à plusieurs mains les rubriques : raison d'être, membres, rôle dans la "
                "préparation des décisions, circulation de l'information, règles de co-pilotage, "
                "lien avec les réseaux métiers et projets."
            ),
            (
                "Présenter le projet de charte aux élus du bureau communautaire pour obtenir leur "
                "assentiment."
            ),
            "Relire la charte chaque année lors du séminaire du collectif et l'ajuster.",
        ],
        "steps": ["formalisation", "processus-de-decision", "extension-du-reseau"],
        "document": {
            "title": "Modèle de charte de fonctionnement d'un collectif de DGS",
            "filename": "modele-charte-de-fonctionnement.txt",
            "text": (
                "CHARTE DE FONCTIONNEMENT DU COLLECTIF DES DIRECTIONS DU BLOC LOCAL\n"
                "Territoire : ......................  Date d'adoption : ..../..../........\n"
                "\n"
                "1. Raison d'être\n"
                "   Le collectif réunit les DGS, SG et DGA des communes et de\n"
                "   l'intercommunalité pour préparer ensemble les décisions et coopérer\n"
                "   au service des habitants.\n"
                "\n"
                "2. Membres\n"
                "   DGS et SG des communes, DGS et DGA de l'intercommunalité ; participation "
                "libre.\n"
                "\n"
                "3. Missions\n"
                "   - Préparer en amont les dossiers du bureau et du conseil communautaires.\n"
                "   - Rendre un avis technique sur les projets communs.\n"
                "   - Faire circuler l'information entre communes et intercommunalité.\n"
                "\n"
                "4. Fonctionnement\n"
                "   - Rythme : une réunion par mois, avant le bureau communautaire.\n"
                "   - Ordre du jour et documents envoyés 48 h à l'avance.\n"
                "   - Animation tournante ; lieu de réunion tournant entre les communes.\n"
                "\n"
                "5. Co-pilotage\n"
                "   - Chaque dossier commun a un pilote et un co-pilote (commune / EPCI),\n"
                "     le pilotage pouvant alterner d'un projet à l'autre.\n"
                "\n"
                "6. Lien avec les élus et les réseaux\n"
                "   - Compte rendu transmis au bureau communautaire.\n"
                "   - Référents désignés pour les réseaux métiers et projets.\n"
                "\n"
                "7. Évaluation : bilan annuel lors d'un séminaire avec un tiers extérieur.\n"
            ),
        },
    },
    {
        "slug": "pacte-de-confiance",
        "title": "Pacte de confiance",
        "purpose": (
            "Expliciter, sous forme de contrat moral, les règles relationnelles qui permettent à "
            "chacun de s'exposer sans crainte au sein du collectif."
        ),
        "when": (
            "Au démarrage d'un collectif, ou lorsque des non-dits et des malentendus freinent les "
            "échanges."
        ),
        "how": [
            (
                "Faire exprimer par chacun ce dont il a besoin pour parler librement et ce qu'il "
                "redoute."
            ),
            "Transformer ces besoins en quelques engagements courts, formulés positivement.",
            (
                "Faire valider le pacte par tous les membres, puis le rappeler en début de séance "
                "lorsque c'est utile."
            ),
            "Revenir sur le pacte lors des temps réflexifs pour vérifier qu'il est respecté.",
        ],
        "steps": ["formalisation", "points-de-vigilance", "deliberation"],
        "document": {
            "title": "Pacte de confiance : trame d'engagements",
            "filename": "pacte-de-confiance.txt",
            "text": (
                "PACTE DE CONFIANCE DU COLLECTIF DE DIRECTIONS\n"
                "\n"
                "Nous, membres du collectif, nous engageons à :\n"
                "\n"
                "1. Parler en notre nom, avec franchise et bienveillance.\n"
                "2. Respecter la confidentialité de ce qui se dit en réunion,\n"
                "   sauf ce que nous décidons ensemble de partager.\n"
                "3. Donner la même place à chaque voix, quelle que soit\n"
                "   la taille de la collectivité.\n"
                "4. Nous confronter sur les idées sans nous affronter entre personnes.\n"
                "5. Aborder les sujets qui fâchent plutôt que de les contourner.\n"
                "6. Ne pas utiliser la coopération au seul bénéfice de notre collectivité.\n"
                "7. Rester loyaux envers nos élus, en toute transparence.\n"
                "8. Prévenir quand un engagement ne peut pas être tenu.\n"
                "9. Faire le point régulièrement sur notre fonctionnement.\n"
                "\n"
                "Date : ..../..../........\n"
                "Signatures des membres :\n"
            ),
        },
    },
    {
        "slug": "carte-mentale",
        "title": "Carte mentale du territoire",
        "purpose": (
            "Faire dessiner à chacun « son » territoire pour révéler son histoire, les rapports "
            "entre acteurs, les échelles et les usagers."
        ),
        "when": (
            "Au début d'un accompagnement, pendant la phase d'observation, ou pour préparer un "
            "diagnostic partagé."
        ),
        "how": [
            "Placer au centre une question simple : « Mon territoire, c'est… ».",
            (
                "Laisser chacun compléter les branches : histoire, acteurs, échelles, usagers, "
                "projets, tensions."
            ),
            "Comparer les cartes et repérer les convergences, les angles morts et les désaccords.",
            "Garder la carte collective comme point de départ du diagnostic territorial.",
        ],
        "steps": ["sensibilisation", "vision-strategique", "facilitateur"],
        "document": {
            "title": "Trame de carte mentale « Mon territoire »",
            "filename": "trame-carte-mentale.txt",
            "text": (
                "CARTE MENTALE : MON TERRITOIRE, C'EST...\n"
                "\n"
                "Au centre : le nom du territoire.\n"
                "\n"
                "Branche 1 - Histoire\n"
                "  - Dates clés, fusions, projets marquants\n"
                "Branche 2 - Acteurs\n"
                "  - Élus, directions, réseaux, partenaires\n"
                "  - Qui décide ? Qui influence ?\n"
                "Branche 3 - Échelles\n"
                "  - Communes, intercommunalité, bassin de vie, métropole voisine\n"
                "Branche 4 - Usagers\n"
                "  - Qui sont-ils ? Où vivent-ils, travaillent-ils, se déplacent-ils ?\n"
                "Branche 5 - Interdépendances\n"
                "  - Ressources partagées, flux, services utilisés par les voisins\n"
                "Branche 6 - Tensions et non-dits\n"
                "  - Sujets qui fâchent, incompréhensions\n"
                "\n"
                "Consigne : 15 minutes seul, puis 30 minutes de mise en commun.\n"
                "Question de clôture : qu'avons-nous découvert ensemble ?\n"
            ),
        },
    },
    {
        "slug": "vis-ma-vie-dgs-sg",
        "title": "« Vis ma vie » DGS-SG",
        "purpose": (
            "Passer une journée dans la collectivité d'un pair pour comprendre ses contraintes, "
            "ses possibles et ce qui compte pour lui."
        ),
        "when": (
            "À tout moment, pour nourrir l'informel et la confiance entre DGS d'intercommunalité "
            "et SG de petites communes."
        ),
        "how": [
            "Former des binômes volontaires, en croisant tailles de collectivités et fonctions.",
            (
                "Chaque membre du binôme accueille l'autre une demi-journée ou une journée dans "
                "son quotidien."
            ),
            (
                "Échanger ensuite sur ce qui a surpris, puis partager quelques enseignements en "
                "réunion du collectif."
            ),
        ],
        "steps": ["formalisation", "parite", "culture-de-la-cooperation"],
        "document": {
            "title": "« Vis ma vie » : fiche d'organisation",
            "filename": "vis-ma-vie-dgs-sg.txt",
            "text": (
                "« VIS MA VIE » DGS-SG - FICHE D'ORGANISATION\n"
                "\n"
                "Binôme : ............................ / ............................\n"
                "Collectivités : ..................... / ............................\n"
                "\n"
                "Avant\n"
                "  - Fixer deux dates (accueil chez l'un, puis chez l'autre).\n"
                "  - Prévenir les élus et les équipes de la présence d'un pair.\n"
                "  - Choisir des moments représentatifs : réunion, accueil, instance.\n"
                "\n"
                "Pendant\n"
                "  - Observer sans juger ; poser des questions.\n"
                "  - Noter : contraintes, ressources, manières de faire.\n"
                "\n"
                "Après\n"
                "  - Ce qui m'a surpris : ...................................\n"
                "  - Ce que je peux emprunter : ..............................\n"
                "  - Ce que nous pourrions faire ensemble : ....................\n"
                "  - Partage en réunion du collectif le : ..../..../........\n"
            ),
        },
    },
    {
        "slug": "animations-tournantes",
        "title": "Animations tournantes et réunions délocalisées",
        "purpose": (
            "Partager la charge et la visibilité de l'animation, et faire connaître chaque commune "
            "en réunissant le collectif chez chacun."
        ),
        "when": (
            "Quand les réunions s'installent dans une routine, ou quand les mêmes voix dominent "
            "toujours."
        ),
        "how": [
            (
                "Établir un calendrier annuel où chaque membre anime une séance et accueille le "
                "collectif dans sa commune."
            ),
            (
                "Alterner les formats : réunion d'information, atelier sur un thème précis, outil "
                "d'intelligence collective."
            ),
            "Commencer chaque séance par une courte présentation de la commune d'accueil.",
        ],
        "steps": ["points-de-vigilance", "parite", "culture-de-la-cooperation"],
        "document": {
            "title": "Calendrier d'animation tournante",
            "filename": "calendrier-animation-tournante.txt",
            "text": (
                "CALENDRIER D'ANIMATION TOURNANTE - ANNÉE ........\n"
                "\n"
                "Mois       | Commune d'accueil | Animateur        | Format\n"
                "-----------|-------------------|------------------|---------------------\n"
                "Janvier    | ................  | ................ | Réunion d'information\n"
                "Février    | ................  | ................ | Atelier thématique\n"
                "Mars       | ................  | ................ | Intelligence collective\n"
                "Avril      | ................  | ................ | Réunion d'information\n"
                "Mai        | ................  | ................ | Atelier thématique\n"
                "Juin       | ................  | ................ | Bilan de mi-année\n"
                "Septembre  | ................  | ................ | Atelier thématique\n"
                "Octobre    | ................  | ................ | Réunion d'information\n"
                "Novembre   | ................  | ................ | Séminaire annuel\n"
                "Décembre   | ................  | ................ | Intelligence collective\n"
                "\n"
                "Rôle de l'animateur : préparer l'ordre du jour, distribuer la parole,\n"
                "veiller au temps, envoyer le relevé de décisions.\n"
                "Rôle de la commune d'accueil : salle, café, présentation de la commune.\n"
            ),
        },
    },
    {
        "slug": "reunion-dgs-avant-le-bureau",
        "title": "Réunion des DGS avant le bureau communautaire",
        "purpose": (
            "Inscrire le collectif des directions dans le processus de décision en préparant "
            "ensemble les dossiers soumis aux élus."
        ),
        "when": (
            "Dès que le collectif veut passer de l'échange d'informations à la préparation des "
            "décisions."
        ),
        "how": [
            (
                "Caler la réunion du collectif quelques jours avant chaque bureau ou conseil "
                "communautaire."
            ),
            "Passer en revue les dossiers inscrits et recueillir l'avis technique des communes.",
            (
                "Transmettre au bureau une note de synthèse présentant les points de convergence "
                "et de vigilance."
            ),
            "Restituer ensuite au collectif les décisions prises par les élus.",
        ],
        "steps": ["processus-de-decision", "parite"],
        "document": {
            "title": "Déroulé type de la réunion des DGS avant le bureau",
            "filename": "reunion-dgs-avant-bureau.txt",
            "text": (
                "RÉUNION DU COLLECTIF DES DGS AVANT LE BUREAU COMMUNAUTAIRE\n"
                "Date : ..../..../........   Bureau concerné : ..../..../........\n"
                "\n"
                "Durée conseillée : 1 h 30\n"
                "\n"
                "1. Tour de table express (10 min)\n"
                "   - Actualités des communes et de l'intercommunalité\n"
                "\n"
                "2. Dossiers du prochain bureau (50 min)\n"
                "   Pour chaque dossier :\n"
                "   - Présentation par le pilote\n"
                "   - Impacts pour les communes\n"
                "   - Avis technique du collectif : favorable / réservé / à approfondir\n"
                "\n"
                "3. Sujets proposés par les communes (20 min)\n"
                "\n"
                "4. Retour sur les décisions du bureau précédent (10 min)\n"
                "\n"
                "Sortie : note de synthèse transmise au président et au bureau.\n"
            ),
        },
    },
    {
        "slug": "ordre-du-jour-48-h",
        "title": "Ordre du jour 48 h à l'avance",
        "purpose": (
            "Permettre à chaque DGS ou SG de préparer les réunions, de consulter son élu et de "
            "venir avec un avis."
        ),
        "when": "Pour toute réunion du collectif inscrite dans le processus de décision.",
        "how": [
            (
                "Fixer une règle simple : l'ordre du jour et les documents partent au plus tard 48 "
                "heures avant la réunion."
            ),
            (
                "Indiquer pour chaque point s'il s'agit d'une information, d'un échange ou d'un "
                "avis à rendre."
            ),
            "Laisser un point ouvert aux sujets des communes.",
        ],
        "steps": ["processus-de-decision", "points-de-vigilance"],
        "document": {
            "title": "Modèle d'ordre du jour",
            "filename": "modele-ordre-du-jour.txt",
            "text": (
                "COLLECTIF DES DIRECTIONS - ORDRE DU JOUR\n"
                "Réunion du ..../..../........ à ....h.... - Lieu : ......................\n"
                "Envoyé le ..../..../........ (au moins 48 h avant)\n"
                "\n"
                "Point | Sujet                  | Pilote     | Nature      | Pièces jointes\n"
                "------|------------------------|------------|-------------|---------------\n"
                "1     | ...................... | .......... | Information | ..............\n"
                "2     | ...................... | .......... | Échange     | ..............\n"
                "3     | ...................... | .......... | Avis        | ..............\n"
                "4     | Sujets des communes    | Tous       | Échange     |\n"
                "\n"
                "Merci de signaler avant la réunion :\n"
                "  - votre présence ou votre absence,\n"
                "  - tout point que vous souhaitez ajouter.\n"
            ),
        },
    },
    {
        "slug": "messagerie-instantanee",
        "title": "Messagerie instantanée du collectif",
        "purpose": (
            "Faire circuler l'information rapidement entre les membres du collectif et garder le "
            "lien entre deux réunions."
        ),
        "when": (
            "Dès les premières réunions ; utile surtout dans les territoires où les distances "
            "rendent les rencontres coûteuses."
        ),
        "how": [
            (
                "Choisir un outil accessible à tous, y compris sur téléphone, et conforme aux "
                "règles de la collectivité."
            ),
            (
                "Convenir de quelques règles : sujets professionnels, pas de décision par message, "
                "réponse non obligatoire."
            ),
            (
                "Garder les sujets de fond pour les réunions et s'en servir pour les questions "
                "rapides et l'entraide."
            ),
        ],
        "steps": ["points-de-vigilance", "culture-de-la-cooperation"],
        "document": None,
    },
    {
        "slug": "fiche-de-poste-dgs",
        "title": "Fiche de poste DGS intégrant la dimension intercommunale",
        "purpose": (
            "Reconnaître dans la fiche de poste des DGS le temps et les missions consacrés au "
            "collectif de territoire."
        ),
        "when": (
            "Lors d'un recrutement, d'une révision des fiches de poste ou après l'adoption d'une "
            "charte de fonctionnement."
        ),
        "how": [
            (
                "Ajouter une mission « participation au collectif des directions du bloc local » à "
                "la fiche de poste."
            ),
            (
                "Préciser le temps estimé, les éventuels pilotages de dossiers communs et le lien "
                "avec les réseaux métiers."
            ),
            (
                "Faire valider la fiche par l'autorité territoriale pour que cette mission soit "
                "reconnue."
            ),
        ],
        "steps": ["formalisation", "processus-de-decision"],
        "document": {
            "title": "Extrait de fiche de poste : mission intercommunale du DGS",
            "filename": "fiche-de-poste-dgs-mission-intercommunale.txt",
            "text": (
                "FICHE DE POSTE - DIRECTEUR GÉNÉRAL DES SERVICES\n"
                "Extrait : mission au sein du collectif des directions du bloc local\n"
                "\n"
                "Finalité\n"
                "  Contribuer à la coopération entre la commune et l'intercommunalité\n"
                "  au service des habitants du territoire.\n"
                "\n"
                "Activités\n"
                "  - Participer aux réunions du collectif des directions.\n"
                "  - Préparer avec ses pairs les dossiers des instances communautaires.\n"
                "  - Rendre un avis technique sur les projets communs.\n"
                "  - Piloter ou co-piloter des dossiers intercommunaux.\n"
                "  - Faire le lien avec les réseaux métiers et projets.\n"
                "  - Informer le maire et les équipes des travaux du collectif.\n"
                "\n"
                "Temps estimé : ...... jours par mois.\n"
                "\n"
                "Compétences\n"
                "  - Animation de collectifs et posture de coopération.\n"
                "  - Connaissance des enjeux intercommunaux.\n"
            ),
        },
    },
    {
        "slug": "seminaire-annuel-avec-un-tiers",
        "title": "Séminaire annuel avec un tiers extérieur",
        "purpose": (
            "Prendre du recul une fois par an : retour d'expérience, bilan, perspectives, avec un "
            "intervenant neutre."
        ),
        "when": (
            "Chaque année, ou lorsque le processus coopératif se grippe et doit franchir une "
            "nouvelle étape."
        ),
        "how": [
            "Solliciter un tiers extérieur neutre, par exemple par l'intermédiaire du CNFPT.",
            (
                "Préparer le séminaire avec un petit groupe de pilotage mêlant DGS de "
                "l'intercommunalité et DGS-SG des communes."
            ),
            (
                "Consacrer une partie de la journée au fonctionnement du collectif et une autre "
                "aux projets à venir."
            ),
            "Conclure par des engagements précis et datés.",
        ],
        "steps": ["points-de-vigilance", "facilitateur", "culture-de-la-cooperation"],
        "document": {
            "title": "Programme type d'un séminaire annuel",
            "filename": "programme-seminaire-annuel.txt",
            "text": (
                "SÉMINAIRE ANNUEL DU COLLECTIF DES DIRECTIONS\n"
                "Date : ..../..../........   Lieu : ..........................\n"
                "Intervenant extérieur : ...........................\n"
                "\n"
                "9h00   Accueil\n"
                "9h30   Météo du collectif : comment chacun vit la coopération\n"
                "10h00  Retour d'expérience : ce que nous avons fait, ce que cela a produit\n"
                "11h00  Ce qui a marché, ce qui a coincé, les non-dits à lever\n"
                "12h30  Déjeuner\n"
                "14h00  Perspectives : projets et sujets à mettre à l'agenda\n"
                "15h30  Nos règles de fonctionnement : à garder, à changer\n"
                "16h30  Engagements de l'année (qui, quoi, quand)\n"
                "17h00  Clôture\n"
                "\n"
                "À préparer : bilan écrit de l'année, charte en vigueur, liste des projets.\n"
            ),
        },
    },
    {
        "slug": "conference-debat-elus",
        "title": "Conférence-débat de sensibilisation des élus",
        "purpose": (
            "Donner aux élus communaux et intercommunaux des clés de lecture sur l'interdépendance "
            "des territoires et légitimer la démarche coopérative."
        ),
        "when": "Au lancement d'une démarche, quand la commande politique est encore faible.",
        "how": [
            "Inviter un expert extérieur à présenter les transformations du monde territorial.",
            "Prévoir un long temps d'échange avec la salle plutôt qu'une conférence magistrale.",
            "Annoncer à la fin les suites proposées par le collectif des directions.",
        ],
        "steps": ["sensibilisation", "prise-d-initiative"],
        "document": None,
    },
    {
        "slug": "formation-facilitation-de-groupe",
        "title": "Formation à la facilitation de groupe",
        "purpose": (
            "Former des cadres des communes et de l'intercommunalité aux techniques d'intelligence "
            "collective pour qu'ils animent eux-mêmes les temps collectifs."
        ),
        "when": (
            "Quand le collectif veut gagner en autonomie et diffuser la culture de la coopération "
            "au-delà des directions."
        ),
        "how": [
            "Constituer un groupe mixte de cadres volontaires, communes et intercommunalité.",
            (
                "Les former aux techniques de base : recueil de la parole, travail en "
                "sous-groupes, priorisation, synthèse."
            ),
            "Les faire pratiquer en situation réelle, par exemple lors d'un séminaire des cadres.",
            "Organiser un retour d'expérience entre facilitateurs.",
        ],
        "steps": ["sensibilisation", "culture-de-la-cooperation", "extension-du-reseau"],
        "document": {
            "title": "Aide-mémoire du facilitateur",
            "filename": "aide-memoire-facilitation.txt",
            "text": (
                "AIDE-MÉMOIRE DU FACILITATEUR DE GROUPE\n"
                "\n"
                "Avant\n"
                "  - Clarifier l'objectif : informer, produire, décider ?\n"
                "  - Choisir une technique adaptée et préparer le matériel.\n"
                "  - Prévoir le temps de chaque séquence.\n"
                "\n"
                "Au démarrage\n"
                "  - Rappeler l'objectif, la durée et les règles d'échange.\n"
                "  - Faire un tour de parole court pour que chacun s'exprime.\n"
                "\n"
                "Pendant\n"
                "  - Distribuer la parole et solliciter ceux qui parlent peu.\n"
                "  - Reformuler ; noter les idées de façon visible.\n"
                "  - Faire émerger les désaccords plutôt que les taire.\n"
                "\n"
                "À la fin\n"
                "  - Synthétiser, vérifier l'accord du groupe.\n"
                "  - Noter les décisions, les pilotes et les échéances.\n"
                "  - Demander un retour rapide sur la séance.\n"
            ),
        },
    },
    {
        "slug": "regles-de-co-pilotage",
        "title": "Règles de co-pilotage et pilotage alterné",
        "purpose": (
            "Répartir le pilotage des projets communs entre communes et intercommunalité, selon "
            "les compétences et les envies de chacun."
        ),
        "when": (
            "Quand le collectif passe à la coopération en actes et se dote d'un portefeuille de "
            "projets."
        ),
        "how": [
            (
                "Pour chaque projet, désigner un pilote et un co-pilote issus de collectivités "
                "différentes."
            ),
            (
                "Choisir entre pilotage par l'intercommunalité, par une commune, co-pilotage ou "
                "alternance selon la nature du projet."
            ),
            (
                "Préciser qui rend compte à qui, à quel rythme, et comment les décisions remontent "
                "aux élus."
            ),
        ],
        "steps": ["extension-du-reseau", "cooperation-en-actes", "formalisation"],
        "document": {
            "title": "Grille de co-pilotage d'un projet commun",
            "filename": "grille-co-pilotage.txt",
            "text": (
                "GRILLE DE CO-PILOTAGE D'UN PROJET COMMUN\n"
                "\n"
                "Projet : ...............................................\n"
                "Mode de pilotage :  [ ] intercommunalité  [ ] commune\n"
                "                    [ ] co-pilotage       [ ] alternance\n"
                "\n"
                "Pilote : ............................ (collectivité : ............)\n"
                "Co-pilote : ......................... (collectivité : ............)\n"
                "Réseau métier ou projet associé : ..............................\n"
                "\n"
                "Engagements\n"
                "  - Le pilote anime, prépare et rend compte au collectif.\n"
                "  - Le co-pilote relaie auprès des communes et veille à la parité.\n"
                "  - Rythme de point d'étape : .....................\n"
                "\n"
                "Décision\n"
                "  - Instance qui décide : .....................\n"
                "  - Avis technique du collectif : date ..../..../........\n"
                "\n"
                "Évaluation\n"
                "  - Indicateurs retenus : .....................\n"
                "  - Bilan prévu le : ..../..../........\n"
            ),
        },
    },
    {
        "slug": "portefeuille-de-projets",
        "title": "Portefeuille de projets du bloc local",
        "purpose": (
            "Rassembler dans une même liste les projets que communes et intercommunalité "
            "choisissent de porter ensemble, pour passer à la coopération en actes."
        ),
        "when": "Après un diagnostic partagé, ou en préparation d'un projet de territoire.",
        "how": [
            (
                "Recenser les objets possibles : politiques publiques, sujets qui fâchent, "
                "opportunités, relation aux usagers, mobilité, réseaux."
            ),
            "Retenir quelques projets prioritaires et éviter de se limiter aux sujets internes.",
            "Pour chacun, fixer le mode de pilotage, les contributions attendues et le calendrier.",
            "Faire le point sur le portefeuille à chaque séminaire annuel.",
        ],
        "steps": ["cooperation-en-actes", "vision-strategique"],
        "document": {
            "title": "Tableau de portefeuille de projets",
            "filename": "portefeuille-de-projets.txt",
            "text": (
                "PORTEFEUILLE DE PROJETS DU BLOC LOCAL - ANNÉE ........\n"
                "\n"
                "N° | Projet        | Enjeu pour les usagers | Pilotage   | Échéance | État\n"
                "---|---------------|------------------------|------------|----------|---------\n"
                "1  | ............. | ...................... | .......... | ........ | à lancer\n"
                "2  | ............. | ...................... | .......... | ........ | en cours\n"
                "3  | ............. | ...................... | .......... | ........ | en cours\n"
                "4  | ............. | ...................... | .......... | ........ | terminé\n"
                "\n"
                "Pour chaque projet, préciser :\n"
                "  - le diagnostic partagé (en une phrase),\n"
                "  - les communes concernées,\n"
                "  - la contribution de chacun (temps, moyens, financement),\n"
                "  - la décision des élus attendue.\n"
                "\n"
                "Revue du portefeuille : à chaque séminaire annuel.\n"
            ),
        },
    },
]

# The expert talks; cues are (start, end, text) in seconds, authored for the demo.
VIDEOS = [
    {
        "slug": "introduction",
        "title": "Introduction",
        "speakers": ["Jérôme Grolleau"],
        "edition": 2019,
        "duration": 300,
        "summary": (
            "Jérôme Grolleau ouvre la journée : pourquoi parler de coopération au sein du bloc "
            "local, et ce que les quatre territoires accompagnés nous apprennent."
        ),
        "steps": ["sensibilisation"],
        "cues": [
            (
                0,
                60,
                (
                    "Bonjour à tous. Cette troisième édition prolonge le travail engagé en 2017 et "
                    "en 2018."
                ),
            ),
            (
                60,
                150,
                (
                    "Quatre territoires ont accepté d'être accompagnés. Leurs expériences, à des "
                    "stades différents, vont nourrir nos échanges."
                ),
            ),
            (
                150,
                240,
                (
                    "Nous voulons comprendre pourquoi la coopération s'impose, ce que ces "
                    "expériences nous enseignent et quel chemin emprunter."
                ),
            ),
            (
                240,
                300,
                "Il n'y a pas de modèle unique : chaque territoire trouvera sa propre trajectoire.",
            ),
        ],
    },
    {
        "slug": "un-monde-territorial-local-en-transformation",
        "title": "Un monde territorial local en transformation",
        "speakers": ["Didier Locatelli"],
        "edition": 2019,
        "duration": 720,
        "summary": (
            "Didier Locatelli décrit une triple prise de conscience : les territoires sont "
            "interdépendants, un cycle de l'intercommunalité s'achève et aucun modèle unique ne "
            "convient partout."
        ),
        "steps": ["sensibilisation", "vision-strategique"],
        "cues": [
            (
                0,
                150,
                (
                    "Nous arrivons au bout d'une logique où chaque collectivité produisait ses "
                    "politiques publiques sans regarder ce que faisaient les autres."
                ),
            ),
            (
                150,
                330,
                (
                    "Les territoires forment désormais des systèmes. Les entreprises et les "
                    "ménages, par leurs choix, les structurent bien plus que nos schémas "
                    "d'aménagement."
                ),
            ),
            (
                330,
                510,
                (
                    "Un cycle ouvert par la loi Chevènement se termine. On a cru que les communes "
                    "s'effaceraient ; on sait aujourd'hui qu'il faut partout un échelon de "
                    "proximité."
                ),
            ),
            (
                510,
                700,
                (
                    "Il faut admettre une forme de biodiversité territoriale : l'uniformisation ne "
                    "fonctionne pas, chaque territoire doit inventer son organisation."
                ),
            ),
        ],
    },
    {
        "slug": "l-agir-autrement-de-la-cooperation",
        "title": "L'agir autrement de la coopération",
        "speakers": ["Jérôme Grolleau"],
        "edition": 2019,
        "duration": 600,
        "summary": (
            "Les transformations du monde territorial constituent une épreuve pour les dirigeants "
            ": elle s'éprouve, elle doit être assumée et elle appelle à agir autrement."
        ),
        "steps": ["sensibilisation", "culture-de-la-cooperation"],
        "cues": [
            (
                0,
                140,
                (
                    "Ce que vivent aujourd'hui les équipes de direction ressemble à une épreuve "
                    "sociale, inédite et déstabilisante."
                ),
            ),
            (
                140,
                290,
                (
                    "Une épreuve, d'abord, ça s'éprouve : crainte, fatalisme, mais aussi espoir. "
                    "La charge mentale des dirigeants est forte."
                ),
            ),
            (
                290,
                440,
                (
                    "Il faut ensuite l'assumer : passer du subi à l'actif et se demander ce que "
                    "l'on peut entreprendre à partir de la situation."
                ),
            ),
            (
                440,
                600,
                (
                    "Enfin, elle appelle à agir autrement. Pas faire plus ou moins la même chose, "
                    "mais transformer sa pratique en profondeur."
                ),
            ),
        ],
    },
    {
        "slug": "reperes-des-principes-d-accompagnement",
        # Hosted on a PeerTube instance: a placeholder until the reader asks (resources/embeds.py).
        "video_url": "https://video.bloc-local.example/w/reperes-des-principes-d-accompagnement",
        "title": "Repères des principes d'accompagnement",
        "speakers": ["Jonathan Jung"],
        "edition": 2019,
        "duration": 540,
        "summary": (
            "Jonathan Jung présente la méthode commune aux quatre accompagnements : un cahier des "
            "charges, une phase d'observation par le tiers, puis des temps d'ateliers ou de "
            "séminaire."
        ),
        "steps": ["facilitateur"],
        "cues": [
            (
                0,
                120,
                (
                    "Quatre territoires, donc quatre accompagnements différents, par leur rythme, "
                    "leurs objets et leur format."
                ),
            ),
            (
                120,
                270,
                (
                    "Tout part d'un cahier des charges : le contexte, les attentes, et un petit "
                    "groupe de pilotage local qui dialogue avec le CNFPT et le tiers."
                ),
            ),
            (
                270,
                420,
                (
                    "Vient ensuite l'observation. Avec des outils comme la carte mentale, chacun "
                    "dit ce qu'est son territoire, son histoire, ses rapports de force."
                ),
            ),
            (
                420,
                540,
                (
                    "Puis les ateliers ou le séminaire : on travaille sur les postures et le "
                    "processus, et parfois on produit une charte."
                ),
            ),
        ],
    },
    {
        "slug": "le-systeme-des-relations",
        "title": "Le système des relations",
        "speakers": ["Jérôme Grolleau"],
        "edition": 2019,
        "duration": 420,
        "summary": (
            "Dépendance, contre-dépendance, indépendance : Jérôme Grolleau analyse les relations "
            "au sein du bloc local et distingue coordination et coopération."
        ),
        "steps": ["sensibilisation", "culture-de-la-cooperation"],
        "cues": [
            (0, 100, "Dans le bloc local, trois formes de relation dominent encore."),
            (
                100,
                210,
                (
                    "La dépendance de la petite commune qui a le sentiment d'avoir perdu la main ; "
                    "la contre-dépendance, où l'un gagne ce que l'autre perd."
                ),
            ),
            (
                210,
                310,
                "Et l'indépendance : à moi la stratégie, à toi la proximité. Chacun son affaire.",
            ),
            (
                310,
                420,
                (
                    "La coordination évite les dysfonctionnements. La coopération, elle, s'invente "
                    "par les acteurs eux-mêmes et produit de la valeur."
                ),
            ),
        ],
    },
    {
        "slug": "la-condition-du-desir-d-experimenter",
        "title": "La condition du désir d'expérimenter",
        "speakers": ["Jonathan Jung"],
        "edition": 2019,
        "duration": 360,
        "summary": (
            "Pour Jonathan Jung, aucune démarche coopérative ne tient sans l'envie d'expérimenter, "
            "partagée par une majorité du collectif."
        ),
        "steps": ["prise-d-initiative", "culture-de-la-cooperation"],
        "cues": [
            (
                0,
                90,
                (
                    "Dans les quatre territoires, un point commun : au départ, il y avait une "
                    "envie d'essayer."
                ),
            ),
            (
                90,
                190,
                (
                    "La coopération ne se décrète pas. Un CoDir de territoire n'a pas de "
                    "hiérarchie, chacun est libre d'y participer ou non."
                ),
            ),
            (
                190,
                290,
                (
                    "Il faut donc une adhésion d'une majorité du collectif, et un leadership qui "
                    "peut très bien être partagé."
                ),
            ),
            (290, 360, "Sans ce désir d'expérimenter, aucun outil ne fera tenir la démarche."),
        ],
    },
    {
        "slug": "enclencher",
        "title": "Enclencher…",
        "speakers": ["Jérôme Grolleau"],
        "edition": 2019,
        "duration": 300,
        "summary": (
            "Comment enclencher la démarche quand personne ne l'a demandée ? Jérôme Grolleau "
            "revient sur les sources de légitimité des directions."
        ),
        "steps": ["prise-d-initiative"],
        "cues": [
            (
                0,
                80,
                (
                    "On me demande souvent : mais qui sommes-nous pour lancer cela sans commande "
                    "politique ?"
                ),
            ),
            (
                80,
                170,
                (
                    "Vous avez une légitimité stratégique, une légitimité de fonction, et celle "
                    "que vous donne le collectif : vous n'êtes pas seuls."
                ),
            ),
            (
                170,
                250,
                (
                    "En proposant un fonctionnement aux élus, le collectif des DGS devient une "
                    "instance."
                ),
            ),
            (250, 300, "Cherchez d'abord l'assentiment des élus. L'adhésion viendra ensuite."),
        ],
    },
    {
        "slug": "la-prise-d-initiative-s-autoriser-a",
        "title": "La prise d'initiative : « s'autoriser à »",
        "speakers": ["Jérôme Grolleau"],
        "edition": 2019,
        "duration": 420,
        "summary": (
            "La légitimité ne se reçoit pas seulement, elle se conquiert : l'autorisation "
            "s'obtient quand on s'autorise à aller la chercher."
        ),
        "steps": ["prise-d-initiative", "sensibilisation"],
        "cues": [
            (
                0,
                110,
                (
                    "Prendre l'initiative, c'est d'abord lever un procès en illégitimité que l'on "
                    "se fait parfois à soi-même."
                ),
            ),
            (
                110,
                230,
                (
                    "La légitimité n'est pas seulement donnée, elle se conquiert. L'autorisation, "
                    "on l'obtient en s'autorisant à aller la chercher."
                ),
            ),
            (
                230,
                340,
                (
                    "Une conférence, un séminaire d'intelligence collective : ce sont des leviers "
                    "pour démarrer quand rien ne se passe."
                ),
            ),
            (340, 420, "Et pour relancer un processus qui se grippe."),
        ],
    },
    {
        "slug": "collectif-de-direction-et-collectif-d-elus",
        "title": "Collectif de direction et collectif d'élus",
        "speakers": ["Jérôme Grolleau"],
        "edition": 2019,
        "duration": 480,
        "summary": (
            "Quand le collectif des DGS s'inscrit dans le processus de décision, le collectif des "
            "élus se renforce en miroir et le binôme DG-maire se transpose à l'échelle "
            "communautaire."
        ),
        "steps": ["processus-de-decision", "parite"],
        "cues": [
            (
                0,
                120,
                (
                    "Inscrire le collectif des DGS dans la préparation des décisions, c'est nouer "
                    "gouvernance politique et gouvernance technique."
                ),
            ),
            (
                120,
                250,
                "On transpose le binôme historique DG-maire à l'échelle de l'intercommunalité.",
            ),
            (250, 370, "En miroir, le collectif des élus se constitue et se renforce."),
            (
                370,
                480,
                (
                    "Le DGS sort d'un face-à-face exclusif avec son élu, sans rien perdre de sa "
                    "loyauté."
                ),
            ),
        ],
    },
    {
        "slug": "deux-expressions-du-meme-territoire",
        "title": "Deux expressions du même territoire",
        "speakers": ["Didier Locatelli"],
        "edition": 2019,
        "duration": 300,
        "summary": (
            "Communes et intercommunalité ne sont pas deux strates territoriales mais deux "
            "expressions de la même strate, ce qui rend leur coopération d'autant plus impérative."
        ),
        "steps": ["parite"],
        "cues": [
            (0, 80, "On parle souvent des communes et de l'EPCI comme de deux étages."),
            (80, 170, "Ce sont en réalité deux expressions de la même strate, du même territoire."),
            (
                170,
                250,
                (
                    "Leur coopération est donc plus impérative encore qu'avec la région ou le "
                    "département."
                ),
            ),
            (250, 300, "Le bloc local doit devenir le cadre dans lequel chacun pense et agit."),
        ],
    },
    {
        "slug": "la-place-des-communes",
        "title": "La place des communes",
        "speakers": ["Jérôme Grolleau"],
        "edition": 2019,
        "duration": 360,
        "summary": (
            "Dans toutes les expériences, les communes ont acquis une voix qui compte : une parité "
            "nécessaire à l'engagement de chacun."
        ),
        "steps": ["parite"],
        "cues": [
            (
                0,
                90,
                (
                    "C'est le point commun de toutes les expériences : les communes ont eu le "
                    "sentiment d'acquérir une voix qui compte."
                ),
            ),
            (
                90,
                190,
                (
                    "Les DGS et les SG des communes se sont fait entendre, au même titre que "
                    "l'intercommunalité."
                ),
            ),
            (
                190,
                290,
                "Cette parité rompt avec la verticalité et avec le sentiment de déconsidération.",
            ),
            (
                290,
                360,
                (
                    "Pour faire tenir le bloc local, chacun doit pouvoir y prendre part, en "
                    "paroles et en actes."
                ),
            ),
        ],
    },
    {
        "slug": "du-role-des-communes",
        "title": "Du rôle des communes",
        "speakers": ["Didier Locatelli"],
        "edition": 2019,
        "duration": 540,
        "summary": (
            "Didier Locatelli revient sur l'avenir des communes : territorialisation ou "
            "restitution de compétences de proximité, deux modèles aujourd'hui en débat."
        ),
        "steps": ["parite", "vision-strategique"],
        "cues": [
            (
                0,
                130,
                (
                    "On a longtemps pensé que l'intercommunalité finirait en supracommunalité et "
                    "que les communes disparaîtraient."
                ),
            ),
            (
                130,
                270,
                (
                    "On n'en est plus sûr. Même dans les systèmes les plus intégrés, il faut un "
                    "échelon de proximité."
                ),
            ),
            (
                270,
                410,
                (
                    "Deux modèles sont en débat : la territorialisation, ou la restitution de "
                    "compétences de proximité aux communes."
                ),
            ),
            (
                410,
                540,
                (
                    "Il ne s'agit plus de faire à la place des communes, mais de faire avec elles, "
                    "voire de leur faire faire."
                ),
            ),
        ],
    },
    {
        "slug": "parite-et-pluralite",
        "title": "Parité et pluralité",
        "speakers": ["Jérôme Grolleau"],
        "edition": 2019,
        "duration": 420,
        "summary": (
            "La parité dé-hiérarchise les échanges ; la pluralité des voix donne du relief à la "
            "réalité. Ensemble, elles renforcent l'arbitrage au lieu de l'affaiblir."
        ),
        "steps": ["parite", "deliberation"],
        "cues": [
            (
                0,
                100,
                (
                    "La parité remet les acteurs à égalité autour de la table. C'est un processus "
                    "de dé-hiérarchisation."
                ),
            ),
            (
                100,
                210,
                (
                    "Contrairement à ce que l'on craint, elle ne nuit pas à l'arbitrage : elle le "
                    "renforce."
                ),
            ),
            (
                210,
                320,
                (
                    "Le leadership du DGS de l'intercommunalité en sort grandi, parce qu'il "
                    "devient partagé."
                ),
            ),
            (
                320,
                420,
                (
                    "La pluralité des voix, des sensibilités et des expertises donne une image de "
                    "la réalité en haute définition."
                ),
            ),
        ],
    },
    {
        "slug": "renouveler-la-deliberation",
        "title": "Renouveler la délibération",
        "speakers": ["Jérôme Grolleau", "Dominique Garnier"],
        "edition": 2019,
        "duration": 840,
        "summary": (
            "Débat entre Jérôme Grolleau et Dominique Garnier, DGS d'Erdre et Gesvres : comment un "
            "collectif de directions peut délibérer vraiment, pour éclairer les décisions des élus."
        ),
        "steps": ["deliberation", "processus-de-decision"],
        "cues": [
            (
                0,
                180,
                (
                    "Jérôme Grolleau : délibérer, ce n'est pas seulement discuter avec attention. "
                    "C'est confronter des points de vue pour décider."
                ),
            ),
            (
                180,
                400,
                (
                    "Dominique Garnier : chez nous, la charte a permis au collectif des DGS de "
                    "devenir une vraie étape avant les décisions des élus."
                ),
            ),
            (
                400,
                620,
                (
                    "Jérôme Grolleau : les voix se confrontent sans s'affronter. On lève les "
                    "non-dits pour aller plus loin, pas pour l'emporter."
                ),
            ),
            (
                620,
                820,
                (
                    "Dominique Garnier : il a fallu accepter que les communes pèsent autant que "
                    "l'intercommunalité dans la préparation des avis."
                ),
            ),
        ],
    },
    {
        "slug": "des-principes-democratiques",
        "title": "Des principes démocratiques",
        "speakers": ["Jérôme Grolleau"],
        "edition": 2019,
        "duration": 360,
        "summary": (
            "Auto-institution, pluralité, parité, délibération : au cœur du collectif de "
            "directions se joue un principe démocratique."
        ),
        "steps": ["deliberation"],
        "cues": [
            (
                0,
                90,
                (
                    "Auto-institution, pluralité, parité, délibération : regardez ce qui se joue "
                    "dans ces collectifs."
                ),
            ),
            (90, 190, "C'est un principe démocratique qui est à l'œuvre."),
            (
                190,
                290,
                (
                    "La démocratie n'est pas qu'un dispositif juridique et formel. C'est une forme "
                    "de vie sociale."
                ),
            ),
            (290, 360, "Un collectif de directions peut en être un lieu d'apprentissage."),
        ],
    },
    {
        "slug": "aborder-le-sujet-qui-fache",
        "title": "Aborder le sujet qui « fâche »",
        "speakers": ["Jérôme Grolleau"],
        "edition": 2019,
        "duration": 300,
        "summary": (
            "Les sujets qui fâchent font partie de la coopération : les aborder permet de lever "
            "les non-dits et de porter la réflexion plus loin."
        ),
        "steps": ["deliberation", "points-de-vigilance"],
        "cues": [
            (0, 70, "Dans tout collectif, il y a des sujets que l'on contourne."),
            (
                70,
                160,
                "Les laisser de côté, c'est laisser s'installer les malentendus et la défiance.",
            ),
            (
                160,
                240,
                (
                    "Il faut pouvoir les mettre sur la table, pour approfondir la réflexion, pas "
                    "pour faire taire l'autre."
                ),
            ),
            (240, 300, "Le sujet qui fâche peut même devenir un objet de travail commun."),
        ],
    },
    {
        "slug": "la-formalisation",
        "title": "La formalisation",
        "speakers": ["Jérôme Grolleau"],
        "edition": 2019,
        "duration": 420,
        "summary": (
            "Charte, pacte de confiance, règles de circulation de l'information et de co-pilotage "
            ": les écrits co-produits sont des constructeurs de confiance."
        ),
        "steps": ["formalisation"],
        "cues": [
            (
                0,
                100,
                (
                    "Charte de fonctionnement, pacte de confiance, étapes du processus de "
                    "décision, règles de co-pilotage…"
                ),
            ),
            (
                100,
                210,
                (
                    "Ces écrits, quand ils sont co-produits, servent de repères pour agir et de "
                    "garanties rassurantes."
                ),
            ),
            (
                210,
                320,
                (
                    "Ce sont des constructeurs de confiance. L'instance prend forme, le jeu "
                    "coopératif prend corps par ses règles."
                ),
            ),
            (320, 420, "Et la transformation culturelle se dote de points d'appui."),
        ],
    },
    {
        "slug": "l-informel",
        "title": "L'informel",
        "speakers": ["Jérôme Grolleau"],
        "edition": 2019,
        "duration": 300,
        "summary": (
            "Attention, réciprocité, plaisir partagé : l'informel fait le liant d'un collectif "
            "fragile, et la formalisation ne doit pas l'étouffer."
        ),
        "steps": ["formalisation", "culture-de-la-cooperation"],
        "cues": [
            (0, 80, "Attention à ne pas tout formaliser."),
            (
                80,
                160,
                (
                    "L'informel, c'est le don et le contre-don, l'attention à l'autre, le plaisir "
                    "d'être ensemble."
                ),
            ),
            (
                160,
                240,
                (
                    "C'est lui qui donne au collectif son liant et sa vitalité. Pensez au « Vis ma "
                    "vie » entre DGS et SG."
                ),
            ),
            (240, 300, "Un collectif reste fragile par nature : il a besoin des deux."),
        ],
    },
    {
        "slug": "de-la-notion-d-equipe",
        "title": "De la notion d'équipe",
        "speakers": ["Jonathan Jung"],
        "edition": 2019,
        "duration": 480,
        "summary": (
            "Un CoDir de territoire n'est pas un CoDir de collectivité : pas de hiérarchie, une "
            "participation libre, un retour sur investissement rarement équitable."
        ),
        "steps": ["formalisation", "culture-de-la-cooperation"],
        "cues": [
            (
                0,
                120,
                (
                    "Un CoDir de territoire n'a rien à voir avec le CoDir d'une collectivité : il "
                    "n'y a pas de hiérarchie."
                ),
            ),
            (
                120,
                240,
                (
                    "Chacun est libre d'y venir ou non, et les élus peuvent influencer ce niveau "
                    "d'engagement."
                ),
            ),
            (
                240,
                360,
                (
                    "On y contribue à un bloc local dont personne n'a la responsabilité, avec un "
                    "retour sur investissement rarement équitable."
                ),
            ),
            (
                360,
                480,
                (
                    "Faire équipe dans ces conditions demande des règles explicites et une vraie "
                    "posture de coach."
                ),
            ),
        ],
    },
    {
        "slug": "noeuds-et-articulations",
        "title": "Nœuds et articulations",
        "speakers": ["Jérôme Grolleau", "Didier Locatelli"],
        "edition": 2019,
        "duration": 600,
        "summary": (
            "Relier le collectif de direction aux réseaux métiers, fonctions et projets : dans un "
            "système interdépendant, les nœuds sont les points stratégiques."
        ),
        "steps": ["extension-du-reseau"],
        "cues": [
            (
                0,
                150,
                (
                    "Didier Locatelli : dans un système interdépendant, ce sont les nœuds, les "
                    "hubs, qu'il faut travailler."
                ),
            ),
            (
                150,
                300,
                (
                    "Jérôme Grolleau : le collectif de direction doit se connecter aux réseaux "
                    "métiers, fonctions et projets."
                ),
            ),
            (
                300,
                450,
                (
                    "Didier Locatelli : avec des référents, des revues de projets, du co-pilotage "
                    "ou un pilotage alterné."
                ),
            ),
            (
                450,
                600,
                (
                    "Jérôme Grolleau : il faut reconnaître les réseaux qui existent, en créer de "
                    "nouveaux et penser leur dissémination."
                ),
            ),
        ],
    },
    {
        "slug": "l-importance-du-tiers",
        "title": "L'importance du tiers",
        "speakers": ["Jérôme Grolleau"],
        "edition": 2019,
        "duration": 420,
        "summary": (
            "Tous les acteurs des expériences ont salué la présence du tiers : il constitue le "
            "groupe en collectif, institue la parité et le fait réfléchir sur lui-même."
        ),
        "steps": ["facilitateur"],
        "cues": [
            (
                0,
                100,
                "Tous les territoires accompagnés le disent : la présence d'un tiers a compté.",
            ),
            (
                100,
                210,
                (
                    "Par sa présence, il fait du groupe un collectif. Par sa façon d'intervenir, "
                    "il installe la parité."
                ),
            ),
            (
                210,
                320,
                (
                    "Par sa posture, il amène le collectif à réfléchir sur lui-même et à "
                    "construire son avenir."
                ),
            ),
            (
                320,
                420,
                (
                    "Le tiers dérange le système pour le faire évoluer : il permet de gravir une "
                    "marche."
                ),
            ),
        ],
    },
    {
        "slug": "de-la-formalisation-a-une-cooperation-normale",
        "title": "De la formalisation à une coopération « normale »",
        "speakers": ["Jérôme Grolleau"],
        "edition": 2019,
        "duration": 360,
        "summary": (
            "Les règles écrites ne suffisent pas : la coopération devient « normale » quand elle "
            "s'inscrit dans le fonctionnement quotidien des organisations."
        ),
        "steps": ["formalisation", "culture-de-la-cooperation"],
        "cues": [
            (0, 90, "Une charte est un point de départ, pas un point d'arrivée."),
            (
                90,
                190,
                (
                    "Ce qui transforme une culture, c'est l'expérience répétée de nouvelles façons "
                    "de faire."
                ),
            ),
            (
                190,
                290,
                (
                    "Quand la coopération s'intègre au fonctionnement quotidien, elle devient "
                    "normale, au sens de norme professionnelle."
                ),
            ),
            (
                290,
                360,
                (
                    "Cela commence dans les directions, puis gagne les réseaux métiers et chaque "
                    "collectivité."
                ),
            ),
        ],
    },
    {
        "slug": "la-duree-par-la-culture-de-cooperation",
        "title": "La durée par la culture de coopération",
        "speakers": ["Jonathan Jung"],
        "edition": 2019,
        "duration": 420,
        "summary": (
            "Pour durer, un collectif de territoire doit transformer sa culture : séminaires et "
            "discours amorcent, la pratique régulière installe."
        ),
        "steps": ["culture-de-la-cooperation"],
        "cues": [
            (
                0,
                100,
                "Un séminaire, une formation, c'est un démarreur. Ça ne suffit pas à faire durer.",
            ),
            (
                100,
                210,
                (
                    "La culture, ce sont des manières de sentir, d'agir et de penser, souvent "
                    "inconscientes."
                ),
            ),
            (210, 320, "Elles ne changent que par des dispositifs concrets, vécus régulièrement."),
            (
                320,
                420,
                (
                    "C'est à cette condition que le collectif survit aux changements de personnes "
                    "et de mandats."
                ),
            ),
        ],
    },
    {
        "slug": "la-necessaire-reflexivite",
        "title": "La nécessaire réflexivité",
        "speakers": ["Jérôme Grolleau"],
        "edition": 2019,
        "duration": 480,
        "summary": (
            "Revenir régulièrement ensemble sur ce que l'on vit et ce que l'on fait : la "
            "réflexivité est à la fois une vigilance et une manière d'apprendre."
        ),
        "steps": ["points-de-vigilance", "culture-de-la-cooperation"],
        "cues": [
            (
                0,
                120,
                (
                    "La réflexivité, c'est la forme active et collective de la vigilance que l'on "
                    "porte à la coopération."
                ),
            ),
            (
                120,
                240,
                (
                    "On revient ensemble sur ce que l'on vit, ce que l'on fait, comment et "
                    "pourquoi on le fait."
                ),
            ),
            (
                240,
                360,
                (
                    "Ces temps où l'on suspend le cours des choses font partie du processus. "
                    "Mettez-les à l'agenda."
                ),
            ),
            (
                360,
                480,
                (
                    "Ce n'est pas qu'une boucle de sécurité : c'est ainsi que l'expérience devient "
                    "un savoir partagé."
                ),
            ),
        ],
    },
    {
        "slug": "la-vulnerabilite-vue-par-jerome-grolleau",
        "title": "La vulnérabilité vue par Jérôme Grolleau",
        "speakers": ["Jérôme Grolleau"],
        "edition": 2019,
        "duration": 300,
        "summary": (
            "Tout collectif coopératif est vulnérable : en ouvrant son territoire à l'autre, "
            "chacun s'expose. La confiance s'entretient en continu."
        ),
        "steps": ["points-de-vigilance"],
        "cues": [
            (
                0,
                80,
                "La confiance est l'ingrédient majeur de la coopération. Elle est aussi fragile.",
            ),
            (80, 160, "En ouvrant son territoire à l'autre, chacun se trouve plus exposé."),
            (
                160,
                240,
                "On peut toujours craindre que l'autre utilise la relation à son seul profit.",
            ),
            (240, 300, "C'est pourquoi la confiance doit être entretenue en continu."),
        ],
    },
    {
        "slug": "la-vulnerabilite-vue-par-didier-locatelli",
        "title": "La vulnérabilité vue par Didier Locatelli",
        "speakers": ["Didier Locatelli"],
        "edition": 2019,
        "duration": 300,
        "summary": (
            "Concurrence fiscale, crainte des élus de perdre du pouvoir, manque de temps : Didier "
            "Locatelli pointe les fragilités structurelles de la coopération."
        ),
        "steps": ["points-de-vigilance"],
        "cues": [
            (0, 80, "Le logiciel de la décentralisation, c'est l'autonomie, pas la coopération."),
            (
                80,
                160,
                (
                    "La territorialisation de la fiscalité entretient une concurrence artificielle "
                    "entre territoires."
                ),
            ),
            (
                160,
                240,
                (
                    "Les élus peuvent craindre de perdre du pouvoir : donnez des gages de loyauté "
                    "et de transparence."
                ),
            ),
            (240, 300, "Avancez par étapes, à un rythme que chacun peut accepter."),
        ],
    },
    {
        "slug": "du-projet-de-territoire-au-projet-du-bloc-local",
        "title": "Du projet de territoire (intercommunal) au projet du bloc local",
        "speakers": ["Didier Locatelli"],
        "edition": 2019,
        "duration": 660,
        "summary": (
            "Diagnostic partagé, connaissance des usagers, anticipation des transitions : comment "
            "faire du projet de territoire le projet de tout le bloc local."
        ),
        "steps": ["vision-strategique", "cooperation-en-actes"],
        "cues": [
            (0, 160, "Trop souvent, le projet de territoire reste celui de l'intercommunalité."),
            (
                160,
                330,
                (
                    "Il faut commencer par un diagnostic partagé : les liens, les discontinuités, "
                    "les interdépendances internes au territoire."
                ),
            ),
            (
                330,
                500,
                (
                    "Et un vrai effort de connaissance des usagers, de leurs besoins et de leurs "
                    "usages, au-delà des dispositifs de participation."
                ),
            ),
            (
                500,
                650,
                (
                    "Anticipez les transitions à venir et associez les élus : l'enjeu est un "
                    "projet qui soit celui du bloc local."
                ),
            ),
        ],
    },
    {
        "slug": "prendre-le-temps-et-s-organiser",
        "title": "Prendre le temps et s'organiser",
        "speakers": ["Jérôme Grolleau", "Frédéric De Koninck"],
        "edition": 2019,
        "duration": 780,
        "summary": (
            "Avec le retour d'expérience de Frédéric De Koninck, DGS de Saint-Jean-le-Blanc : "
            "choisir ses objets de travail, répartir les pilotages et avancer à un rythme "
            "soutenable."
        ),
        "steps": ["cooperation-en-actes", "points-de-vigilance"],
        "cues": [
            (
                0,
                180,
                (
                    "Jérôme Grolleau : la coopération prend du temps. La question est de savoir "
                    "comment s'organiser pour qu'elle n'envahisse pas tout."
                ),
            ),
            (
                180,
                390,
                (
                    "Frédéric De Koninck : nous avons appris à choisir peu de sujets, mais des "
                    "sujets qui comptent pour les habitants."
                ),
            ),
            (
                390,
                590,
                (
                    "Frédéric De Koninck : répartir les pilotages entre communes évite que la "
                    "charge repose toujours sur les mêmes."
                ),
            ),
            (
                590,
                770,
                (
                    "Jérôme Grolleau : consolider chaque avancée avant d'en viser une autre, c'est "
                    "ce qui rend le rythme soutenable."
                ),
            ),
        ],
    },
    {
        "slug": "conclusion",
        "title": "Conclusion",
        "speakers": ["Jérôme Grolleau"],
        "edition": 2019,
        "duration": 360,
        "summary": (
            "Développer un processus coopératif, c'est travailler trois champs articulés : le "
            "système de relations, la coopération en actes et une vision stratégique partagée."
        ),
        "steps": ["cooperation-en-actes", "vision-strategique", "culture-de-la-cooperation"],
        "cues": [
            (0, 90, "Pour conclure, retenons trois champs à travailler ensemble."),
            (
                90,
                180,
                "Le système de relations, d'abord : c'est le terreau qui ouvre un potentiel.",
            ),
            (180, 270, "La coopération en actes, ensuite, qui actualise ce potentiel."),
            (
                270,
                360,
                (
                    "Et une vision stratégique partagée, qui guide l'action et donne sens aux "
                    "relations."
                ),
            ),
        ],
    },
]

# The four experience sheets, one per accompanied territory.
EXPERIENCES = [
    {
        "slug": "pays-d-ancenis-sensibiliser-tous-les-acteurs",
        "title": (
            "Dynamiser le dialogue communes-EPCI en sensibilisant tous les acteurs à la coopération"
        ),
        "territory": "Pays d'Ancenis",
        "summary": (
            "Dans le Pays d'Ancenis, l'association des DGS et SG a pris l'initiative d'une "
            "démarche en trois temps pour sensibiliser élus et cadres à la coopération, puis "
            "lancer des groupes de travail par métier."
        ),
        "challenge": (
            "Sur un territoire périmétropolitain de 20 communes et 68 000 habitants, relancer le "
            "dialogue entre les communes et l'intercommunalité en faisant partager à tous, élus "
            "comme cadres, l'intérêt de coopérer."
        ),
        "productions": [
            "Une conférence-débat de sensibilisation des élus communaux",
            (
                "Une formation à la facilitation de groupe suivie par des cadres des communes et "
                "de l'intercommunalité"
            ),
            (
                "Un séminaire des cadres des communes et de l'intercommunalité où ont été "
                "expérimentées des techniques d'intelligence collective"
            ),
            "Des groupes de travail thématiques par métier",
            "Un futur séminaire consacré aux outils et aux méthodes",
        ],
        "phases": [
            {
                "title": "Cadrage avec l'association des DGS-SG",
                "text": (
                    "L'association des DGS et SG du Pays d'Ancenis formule sa demande au CNFPT : "
                    "contexte, attentes, et constitution d'un petit groupe de pilotage local, "
                    "interlocuteur du CNFPT et du tiers."
                ),
            },
            {
                "title": "Premier temps de mobilisation : les élus",
                "text": (
                    "Une conférence-débat ouvre la réflexion des élus communaux sur "
                    "l'interdépendance des territoires et sur l'intérêt d'une coopération au sein "
                    "du bloc local."
                ),
            },
            {
                "title": "Deuxième temps : former des facilitateurs",
                "text": (
                    "Des cadres des communes et de l'intercommunalité se forment à la facilitation "
                    "de groupe pour pouvoir animer eux-mêmes des temps collectifs."
                ),
            },
            {
                "title": "Troisième temps : expérimenter en séminaire",
                "text": (
                    "Les techniques d'intelligence collective sont mises en pratique lors d'un "
                    "séminaire réunissant les cadres des communes et de l'intercommunalité."
                ),
            },
            {
                "title": "Suites : des groupes de travail par métier",
                "text": (
                    "La démarche se prolonge par des groupes de travail thématiques et la "
                    "préparation d'un séminaire consacré aux outils et méthodes."
                ),
            },
        ],
        "facilitator_role": (
            "Le tiers a aidé l'association à clarifier sa demande, a apporté des clés de lecture "
            "lors de la sensibilisation et a accompagné la montée en compétence des cadres "
            "facilitateurs, en veillant à ce que communes et intercommunalité aient la même place "
            "dans les échanges."
        ),
        "lessons": [
            {
                "kind": "success",
                "text": (
                    "L'initiative portée par une association professionnelle de DGS et SG, qui "
                    "donne au collectif une légitimité propre avant toute commande politique."
                ),
            },
            {
                "kind": "success",
                "text": (
                    "La sensibilisation de tous les niveaux, élus et cadres, plutôt que des seules "
                    "directions générales."
                ),
            },
            {
                "kind": "obstacle",
                "text": (
                    "Le nombre de communes : avec vingt communes, chaque temps collectif demande "
                    "une organisation lourde et une forte disponibilité."
                ),
            },
            {
                "kind": "echo",
                "text": (
                    "Faire vivre l'intelligence collective en situation réelle convainc davantage "
                    "qu'un discours sur la coopération."
                ),
            },
            {
                "kind": "question",
                "text": (
                    "Comment passer de la sensibilisation à des projets communs inscrits dans le "
                    "processus de décision ?"
                ),
            },
        ],
        "steps": [
            "prise-d-initiative",
            "sensibilisation",
            "culture-de-la-cooperation",
            "extension-du-reseau",
        ],
        "tools": [
            "conference-debat-elus",
            "formation-facilitation-de-groupe",
            "carte-mentale",
            "seminaire-annuel-avec-un-tiers",
        ],
        "videos": [
            "enclencher",
            "la-prise-d-initiative-s-autoriser-a",
            "l-agir-autrement-de-la-cooperation",
            "un-monde-territorial-local-en-transformation",
            "la-duree-par-la-culture-de-cooperation",
            "l-importance-du-tiers",
        ],
    },
    {
        "slug": "pays-des-achards-impliquer-chacun-dans-le-collectif",
        "title": "Impliquer chacun dans le collectif pour porter une vision commune du territoire",
        "territory": "Pays des Achards",
        "summary": (
            "Au Pays des Achards, le réseau des DGS et SG s'est organisé pour que chaque commune "
            "prenne part à l'animation : réunions avant le bureau, animations tournantes, "
            "ateliers, « Vis ma vie » et messagerie instantanée."
        ),
        "challenge": (
            "Dans un EPCI rétro-littoral de 9 communes et 19 000 habitants, situé entre deux "
            "agglomérations, impliquer chaque direction dans un collectif qui porte une vision "
            "commune du territoire, et organiser puis animer ce réseau."
        ),
        "productions": [
            "Une réunion du collectif avant chaque bureau communautaire",
            "Des animations tournantes et des réunions délocalisées dans les communes",
            "Des ateliers sur des thèmes précis",
            "Un « Vis ma vie » entre DGS et SG",
            "Une messagerie instantanée du réseau",
            (
                "En perspective : un travail intercommunalité-communes sur la compétence enfance "
                "jeunesse et sur le projet de territoire après le mandat"
            ),
        ],
        "phases": [
            {
                "title": "Cadrage et groupe de pilotage",
                "text": (
                    "La direction générale de l'intercommunalité et quelques DGS et SG de communes "
                    "expriment le contexte et leurs attentes et forment le groupe de pilotage "
                    "local."
                ),
            },
            {
                "title": "Observation et réflexivité",
                "text": (
                    "Le tiers observe le fonctionnement du réseau et invite chacun à dire comment "
                    "il voit le territoire, son histoire et la place de sa commune."
                ),
            },
            {
                "title": "Atelier de co-construction",
                "text": (
                    "Le collectif définit les règles d'organisation et d'animation du réseau : "
                    "rythme des réunions, rotation de l'animation, lieux, outils d'échange."
                ),
            },
            {
                "title": "Mise en œuvre et perspectives",
                "text": (
                    "Les nouvelles modalités sont testées, puis le collectif identifie des "
                    "chantiers communs : enfance jeunesse et projet de territoire."
                ),
            },
        ],
        "facilitator_role": (
            "Le tiers a joué un rôle de médiateur et de coach d'équipe : il a aidé le collectif à "
            "mettre des mots sur son fonctionnement, à partager l'animation entre toutes les "
            "communes et à se fixer une trajectoire."
        ),
        "lessons": [
            {
                "kind": "success",
                "text": (
                    "Des animations tournantes qui donnent à chaque commune, quelle que soit sa "
                    "taille, une place visible dans le collectif."
                ),
            },
            {
                "kind": "success",
                "text": (
                    "Des réunions calées avant le bureau communautaire, qui relient directement le "
                    "travail du collectif aux décisions des élus."
                ),
            },
            {
                "kind": "success",
                "text": (
                    "L'informel entretenu par le « Vis ma vie » et la messagerie instantanée, qui "
                    "renforcent la confiance entre deux réunions."
                ),
            },
            {
                "kind": "obstacle",
                "text": (
                    "La position entre deux agglomérations, qui tire les communes vers des bassins "
                    "de vie différents et complique la vision commune."
                ),
            },
            {
                "kind": "echo",
                "text": (
                    "Varier les formats de réunion évite l'essoufflement et fait émerger d'autres "
                    "voix."
                ),
            },
            {
                "kind": "question",
                "text": (
                    "Comment associer les élus au projet de territoire de l'après-mandat sans que "
                    "le collectif des directions paraisse décider à leur place ?"
                ),
            },
        ],
        "steps": [
            "processus-de-decision",
            "parite",
            "formalisation",
            "points-de-vigilance",
            "vision-strategique",
        ],
        "tools": [
            "reunion-dgs-avant-le-bureau",
            "animations-tournantes",
            "vis-ma-vie-dgs-sg",
            "messagerie-instantanee",
            "portefeuille-de-projets",
        ],
        "videos": [
            "l-informel",
            "parite-et-pluralite",
            "de-la-notion-d-equipe",
            "du-projet-de-territoire-au-projet-du-bloc-local",
            "prendre-le-temps-et-s-organiser",
            "le-systeme-des-relations",
        ],
    },
    {
        "slug": "erdre-et-gesvres-legitimer-le-collectif-dg",
        "title": "Acter la légitimité du collectif DG comme support de gouvernance technique",
        "territory": "Erdre et Gesvres",
        "summary": (
            "À Erdre et Gesvres, le collectif des DGS a écrit sa charte de fonctionnement : "
            "articulation avec la gouvernance politique, règles de co-pilotage, lien avec les "
            "réseaux métiers et projets, fiche de poste DGS."
        ),
        "challenge": (
            "Sur un territoire urbain voisin de la métropole, de 12 communes et 61 000 habitants, "
            "faire reconnaître le collectif des directions générales comme support de la "
            "gouvernance technique au service du projet de territoire."
        ),
        "productions": [
            "Une charte de fonctionnement des DGS",
            "L'articulation entre gouvernance technique et gouvernance politique",
            "Des règles de co-pilotage",
            "L'articulation du collectif des DGS avec les réseaux métiers et projets",
            "Une fiche de poste DGS intégrant la mission intercommunale",
            "Une mise en perspective avec les travaux du collège des transitions sociétales",
        ],
        "phases": [
            {
                "title": "Cahier des charges",
                "text": (
                    "Le collectif des DGS précise ses attentes : un cadre écrit qui donne une "
                    "place reconnue au collectif dans la préparation des décisions."
                ),
            },
            {
                "title": "Observation et diagnostic du fonctionnement",
                "text": (
                    "Le tiers aide le collectif à faire le point sur ses pratiques, sur la "
                    "circulation de l'information et sur ses liens avec les élus et les réseaux "
                    "existants."
                ),
            },
            {
                "title": "Ateliers d'écriture de la charte",
                "text": (
                    "En plusieurs séances, les DGS rédigent ensemble la charte : missions, "
                    "articulation avec le bureau communautaire, co-pilotage, lien avec les réseaux "
                    "métiers et projets."
                ),
            },
            {
                "title": "Ancrage dans les organisations",
                "text": (
                    "La mission intercommunale est inscrite dans la fiche de poste des DGS, et la "
                    "démarche est reliée aux travaux prospectifs du collège des transitions "
                    "sociétales."
                ),
            },
        ],
        "facilitator_role": (
            "Le tiers a tenu une position neutre au service du bloc local : il a garanti la parité "
            "entre DGS des communes et de l'intercommunalité pendant l'écriture et aidé le "
            "collectif à aborder les sujets sensibles de la relation aux élus."
        ),
        "lessons": [
            {
                "kind": "success",
                "text": (
                    "Une charte co-écrite qui sert de référence commune et rassure chacun sur ce "
                    "qu'il peut attendre des autres."
                ),
            },
            {
                "kind": "success",
                "text": (
                    "La reconnaissance de la mission intercommunale dans la fiche de poste des "
                    "DGS, qui rend visible le temps consacré au collectif."
                ),
            },
            {
                "kind": "obstacle",
                "text": (
                    "Le risque qu'un cadre très écrit assèche les échanges informels qui font "
                    "vivre le collectif."
                ),
            },
            {
                "kind": "echo",
                "text": (
                    "Nouer gouvernance technique et gouvernance politique évite que le collectif "
                    "des directions tourne à vide."
                ),
            },
            {
                "kind": "question",
                "text": (
                    "Comment faire vivre la charte dans la durée, lorsque les personnes et les "
                    "mandats changent ?"
                ),
            },
        ],
        "steps": [
            "processus-de-decision",
            "formalisation",
            "extension-du-reseau",
            "deliberation",
            "vision-strategique",
        ],
        "tools": [
            "charte-de-fonctionnement",
            "regles-de-co-pilotage",
            "fiche-de-poste-dgs",
            "pacte-de-confiance",
        ],
        "videos": [
            "renouveler-la-deliberation",
            "la-formalisation",
            "noeuds-et-articulations",
            "collectif-de-direction-et-collectif-d-elus",
            "de-la-formalisation-a-une-cooperation-normale",
            "reperes-des-principes-d-accompagnement",
        ],
    },
    {
        "slug": "pays-de-mortagne-entrer-dans-le-processus-de-decision",
        "title": "Amorcer la place du réseau DGS-SG dans le processus de décision",
        "territory": "Pays de Mortagne",
        "summary": (
            "Au Pays de Mortagne, le réseau des DGS et SG a commencé à s'inscrire dans le "
            "processus de décision communautaire : une réunion calée avant les conseils et un "
            "ordre du jour envoyé 48 h à l'avance."
        ),
        "challenge": (
            "Sur un territoire semi-rural de 11 communes et 28 000 habitants, amorcer le "
            "positionnement du réseau des DGS et SG dans le processus de décision, à l'échelle "
            "communautaire comme communale."
        ),
        "productions": [
            "Une réunion des DGS calée en amont des conseils communautaires",
            "Un ordre du jour transmis 48 h à l'avance",
            (
                "Une prise de conscience partagée de l'hétérogénéité des attentes selon la taille "
                "des communes, devenue un nouvel enjeu"
            ),
        ],
        "phases": [
            {
                "title": "Expression du contexte et des attentes",
                "text": (
                    "Le groupe de pilotage local décrit le fonctionnement du réseau et son souhait "
                    "de peser davantage dans la préparation des décisions."
                ),
            },
            {
                "title": "Atelier avec le collectif",
                "text": (
                    "Le réseau travaille sur sa place dans le circuit préparation, décision, "
                    "action, évaluation, et sur les conditions pratiques de sa participation."
                ),
            },
            {
                "title": "Premières règles",
                "text": (
                    "Le réseau fixe une réunion avant chaque conseil communautaire et la règle "
                    "d'un ordre du jour envoyé 48 h à l'avance."
                ),
            },
            {
                "title": "Retour réflexif",
                "text": (
                    "Un temps de bilan fait apparaître que les attentes diffèrent fortement selon "
                    "la taille des communes, ce qui ouvre un nouveau chantier pour le collectif."
                ),
            },
        ],
        "facilitator_role": (
            "Le tiers a aidé le réseau à formuler ce qu'il pouvait apporter aux élus et à mettre "
            "en débat, sans le masquer, l'écart entre les attentes des petites et des plus grandes "
            "communes."
        ),
        "lessons": [
            {
                "kind": "success",
                "text": (
                    "Des règles simples et concrètes, comme l'ordre du jour à 48 h, qui rendent la "
                    "participation de chacun possible."
                ),
            },
            {
                "kind": "obstacle",
                "text": (
                    "L'hétérogénéité des attentes selon la taille des communes : un SG de petite "
                    "commune n'attend pas la même chose du réseau qu'un DGS de ville-centre."
                ),
            },
            {
                "kind": "obstacle",
                "text": (
                    "Le temps disponible et les déplacements, particulièrement contraints pour les "
                    "petites communes."
                ),
            },
            {
                "kind": "echo",
                "text": (
                    "Avancer par petites étapes permet de gagner l'assentiment des élus avant de "
                    "viser leur adhésion."
                ),
            },
            {
                "kind": "question",
                "text": (
                    "Comment construire un collectif où chaque commune trouve son intérêt, quelle "
                    "que soit sa taille ?"
                ),
            },
        ],
        "steps": ["processus-de-decision", "parite", "prise-d-initiative", "points-de-vigilance"],
        "tools": ["reunion-dgs-avant-le-bureau", "ordre-du-jour-48-h", "animations-tournantes"],
        "videos": [
            "collectif-de-direction-et-collectif-d-elus",
            "la-place-des-communes",
            "du-role-des-communes",
            "la-condition-du-desir-d-experimenter",
            "la-vulnerabilite-vue-par-didier-locatelli",
            "la-necessaire-reflexivite",
        ],
    },
]

# Free pages linked from the footer.
PAGES = [
    {
        "slug": "mentions-legales",
        "title": "Mentions légales",
        "body": [
            (
                "Éditeur : Centre national de la fonction publique territoriale (CNFPT), "
                "établissement public, 80 rue de Reuilly, 75012 Paris. Le portail Bloc local est "
                "animé par la délégation Pays de la Loire du CNFPT et l'INSET d'Angers."
            ),
            "Directeur de la publication : le président du CNFPT.",
            (
                "Hébergement : [nom de l'hébergeur], [adresse de l'hébergeur], [téléphone de "
                "l'hébergeur]. Ces informations seront complétées lors de la mise en production."
            ),
            (
                "Sauf mention contraire, les contenus éditoriaux du portail (fiches expériences, "
                "outils, textes des pages) sont publiés sous licence Ouverte / Etalab 2.0 : vous "
                "pouvez les réutiliser librement, y compris à des fins commerciales, à condition "
                "d'en citer la source et la date de mise à jour."
            ),
            (
                "Les vidéos, photographies et documents de tiers restent soumis aux droits de "
                "leurs auteurs. Les messages publiés dans les espaces d'échange restent sous la "
                "responsabilité de leurs auteurs."
            ),
            "Pour toute question : contact@bloc-local.example.",
        ],
    },
    {
        "slug": "accessibilite",
        "title": "Accessibilité",
        "body": [
            (
                "Le CNFPT s'engage à rendre le portail Bloc local accessible, conformément à "
                "l'article 47 de la loi n° 2005-102 du 11 février 2005. Le référentiel visé est le "
                "RGAA 4.1, qui correspond au niveau AA des règles WCAG 2.1."
            ),
            (
                "État de conformité : le portail est partiellement conforme au RGAA 4.1. Des "
                "audits sont en cours ; cette déclaration sera mise à jour avec leurs résultats."
            ),
            (
                "Les vidéos sont accompagnées de sous-titres et d'une transcription complète. Les "
                "documents à télécharger sont proposés en format texte."
            ),
            (
                "Ce qui est vérifié à chaque version du portail, dans un vrai navigateur "
                "(Chromium) : l'outil axe-core sur chaque type de page (accueil, pages libres, "
                "listes et fiches expérience, vidéos, outils, chemin et étapes, séminaires, "
                "recherche avec et sans résultat, page introuvable, espaces d'échange, sujets, "
                "formulaires et notifications), en largeur d'ordinateur et de téléphone, sans "
                "erreur grave ou critique ; la validité du code HTML avec le Nu HTML Checker ; "
                "la navigation au clavier (lien d'évitement, focus visible, éléments interactifs "
                "tous atteignables)."
            ),
            (
                "Ces vérifications automatiques ne remplacent pas un audit RGAA complet, qui "
                "reste à conduire."
            ),
            (
                "Si vous ne parvenez pas à accéder à un contenu ou à un service, écrivez-nous à "
                "contact@bloc-local.example : nous vous proposerons une alternative accessible ou "
                "vous transmettrons le contenu sous une autre forme."
            ),
            (
                "Si vous constatez un défaut d'accessibilité et n'obtenez pas de réponse "
                "satisfaisante, vous pouvez saisir le Défenseur des droits (formulaire en ligne, "
                "délégué territorial ou courrier gratuit : Défenseur des droits, Libre réponse "
                "71120, 75342 Paris CEDEX 07)."
            ),
        ],
    },
    {
        "slug": "donnees-personnelles",
        "title": "Données personnelles",
        "body": [
            (
                "Le CNFPT est responsable du traitement des données personnelles collectées sur le "
                "portail Bloc local, conformément au règlement général sur la protection des "
                "données (RGPD) et à la loi Informatique et libertés."
            ),
            (
                "Données conservées : l'adresse électronique de votre compte, vos nom et prénom, "
                "les informations de profil que vous choisissez de renseigner (fonction, "
                "collectivité, territoire, réseaux), vos préférences de notification et les "
                "messages que vous publiez dans les espaces d'échange."
            ),
            (
                "Finalités : gérer votre compte, vous permettre de participer aux espaces "
                "d'échange, vous envoyer les notifications que vous avez choisies et assurer la "
                "modération. La base légale est l'exécution de la mission de service public de "
                "formation du CNFPT. Aucune donnée n'est vendue ni utilisée à des fins "
                "publicitaires."
            ),
            (
                "Durée de conservation : les données du compte sont conservées tant que le compte "
                "est actif, puis supprimées trois ans après la dernière connexion ; un e-mail vous "
                "prévient un mois avant, et il suffit de vous connecter pour garder votre compte. "
                "Les messages publiés restent dans les discussions, signés « Membre supprimé », "
                "pour préserver leur lisibilité. Les comptes de l'équipe du portail sont revus "
                "par une personne."
            ),
            (
                "Vos droits : vous pouvez accéder à vos données, les rectifier, les exporter, "
                "demander leur effacement ou vous opposer à leur traitement. L'export et la "
                "suppression sont disponibles depuis votre profil."
            ),
            (
                "Contact du délégué à la protection des données : dpo@bloc-local.example. Vous "
                "pouvez aussi adresser une réclamation à la CNIL (www.cnil.fr)."
            ),
        ],
    },
    {
        "slug": "a-propos",
        "title": "À propos",
        "body": [
            (
                "Bloc local est né du séminaire des directions du bloc local organisé par la "
                "délégation Pays de la Loire du CNFPT et l'INSET d'Angers, en partenariat avec les "
                "représentations régionales du SNDGCT (Syndicat national des directeurs généraux "
                "des collectivités territoriales) et de l'ADGCF (Association des directeurs "
                "généraux des communautés de France)."
            ),
            (
                "En 2017, « Compétents ensemble ! » a invité les directions de communes et "
                "d'intercommunalités à travailler ensemble autour des usagers. En 2018, « D'être "
                "ensemble à faire ensemble » a exploré l'idée d'un CoDir de territoire : pour quoi "
                "faire, avec qui, comment."
            ),
            (
                "À la suite de cette édition, quatre territoires (Pays d'Ancenis, Pays des "
                "Achards, Erdre et Gesvres, Pays de Mortagne) ont été accompagnés par le CNFPT. "
                "Leurs expériences ont nourri l'édition 2019, « Construire ensemble un processus "
                "coopératif pour son territoire », dont la synthèse a été rédigée par Jérôme "
                "Grolleau et Didier Locatelli."
            ),
            (
                "La démarche a été pilotée par Dominique Garnier et Vincent Lermitte pour l'ADGCF, "
                "Bénédicte Roux et Alcino De Oliveira pour le SNDGCT, Stéphanie Gross, Marie "
                "Tavernier et Bruno Gemin pour le CNFPT. La facilitation graphique est de Sandrine "
                "Barret."
            ),
            (
                "Ce portail prolonge ces travaux : il rassemble les ressources des trois éditions "
                "et offre aux DGS, SG et DGA un lieu pour échanger entre pairs et faire progresser "
                "la coopération sur leur territoire."
            ),
        ],
    },
]
