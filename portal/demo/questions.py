"""The demo's questions for "se situer", by step of the path: what the step asks of a collectif,
a sign that it is reached, a point of vigilance (as `resources.blocks.QuestionBlock` holds them).
Drawn from the seminar's synthesis (2019); the highest answer is always the good news."""

QUESTIONS = {
    "prise-d-initiative": [
        ("demande", "Les DGS et SG du territoire ont-ils lancé une démarche commune sans "
         "attendre une commande des élus ?", "oui-en-partie"),
        ("signe", "Le collectif des directeurs se réunit-il comme une instance, à un rythme "
         "connu de tous ?", "oui-en-partie"),
        ("vigilance", "Avez-vous recherché l'assentiment des élus plutôt que leur adhésion "
         "immédiate ?", "oui-en-partie"),
    ],
    "sensibilisation": [
        ("demande", "Élus et encadrants ont-ils entendu la parole d'experts sur la coopération "
         "entre communes et intercommunalité ?", "oui-en-partie"),
        ("signe", "Les encadrants ont-ils vécu ensemble un temps d'intelligence collective ?",
         "oui-en-partie"),
        ("vigilance", "Quand le processus se grippe, savez-vous relancer la sensibilisation ?",
         "echelle"),
    ],
    "processus-de-decision": [
        ("demande", "Le rôle du collectif des DGS dans la préparation des décisions est-il "
         "reconnu officiellement ?", "oui-en-partie"),
        ("signe", "Le collectif rend-il un avis technique avant les instances de décision "
         "(bureau, conférence des maires) ?", "oui-en-partie"),
        ("vigilance", "Le dialogue avec les élus est-il travaillé à chaque temps : préparation, "
         "décision, action, évaluation ?", "echelle"),
    ],
    "parite": [
        ("demande", "Chaque commune, petite ou grande, a-t-elle une voix qui compte dans "
         "l'élaboration des propositions ?", "echelle"),
        ("signe", "Les DGS et SG des communes se sentent-ils entendus au même titre que "
         "l'intercommunalité ?", "echelle"),
        ("vigilance", "Les échanges échappent-ils à la verticalité entre intercommunalité et "
         "communes ?", "oui-en-partie"),
    ],
    "deliberation": [
        ("demande", "Les points de vue différents peuvent-ils se confronter sans s'affronter ?",
         "echelle"),
        ("signe", "Le collectif aborde-t-il les sujets qui fâchent et lève-t-il les non-dits ?",
         "echelle"),
        ("vigilance", "Les échanges débouchent-ils sur des options et des décisions, pas "
         "seulement sur une discussion courtoise ?", "oui-en-partie"),
    ],
    "formalisation": [
        ("demande", "Le collectif a-t-il écrit ensemble ses règles : charte de fonctionnement, "
         "pacte de confiance, circulation de l'information ?", "oui-en-partie"),
        ("signe", "Ces écrits servent-ils de repères quand une difficulté se présente ?",
         "oui-en-partie"),
        ("vigilance", "L'informel (attention, entraide, plaisir partagé) garde-t-il sa place "
         "à côté des règles ?", "echelle"),
    ],
    "extension-du-reseau": [
        ("demande", "Le collectif de direction est-il relié aux réseaux métiers, fonctions et "
         "projets du territoire ?", "oui-en-partie"),
        ("signe", "Des référents, des revues de projets ou un co-pilotage relient-ils communes "
         "et intercommunalité ?", "oui-en-partie"),
        ("vigilance", "Savez-vous quels nœuds font tenir le réseau, et y portez-vous l'effort ?",
         "echelle"),
    ],
    "facilitateur": [
        ("demande", "Un tiers extérieur et neutre accompagne-t-il ou a-t-il accompagné le "
         "collectif ?", "oui-en-partie"),
        ("signe", "Le collectif prend-il le temps de réfléchir sur lui-même avec ce tiers ?",
         "oui-en-partie"),
        ("vigilance", "La neutralité du facilitateur est-elle reconnue par tous, communes et "
         "intercommunalité ?", "echelle"),
    ],
    "culture-de-la-cooperation": [
        ("demande", "Des dispositifs concrets de coopération font-ils partie du fonctionnement "
         "quotidien ?", "echelle"),
        ("signe", "La coopération a-t-elle gagné d'autres collectifs que celui des directions "
         "(métiers, projets, chaque collectivité) ?", "oui-en-partie"),
        ("vigilance", "Au-delà d'un séminaire ponctuel, ces nouvelles façons d'agir se "
         "répètent-elles ?", "echelle"),
    ],
    "points-de-vigilance": [
        ("demande", "Le collectif fait-il régulièrement le point sur son fonctionnement, par "
         "exemple lors d'un séminaire annuel ?", "oui-en-partie"),
        ("signe", "Les réunions sont-elles préparées, les documents envoyés en amont et les "
         "pilotages répartis ?", "echelle"),
        ("vigilance", "Les élus reçoivent-ils des gages de loyauté qui apaisent la crainte de "
         "perdre du pouvoir ?", "echelle"),
    ],
    "vision-strategique": [
        ("demande", "Un diagnostic territorial a-t-il été établi ensemble, usagers et "
         "interdépendances compris ?", "oui-en-partie"),
        ("signe", "Le territoire anticipe-t-il les transitions, par exemple par une démarche "
         "de type « Territoire 2030 » ?", "oui-en-partie"),
        ("vigilance", "Le projet de territoire est-il celui du bloc local, et pas celui de la "
         "seule intercommunalité ?", "echelle"),
    ],
    "cooperation-en-actes": [
        ("demande", "Le collectif a-t-il choisi ensemble ses objets de travail, au-delà des "
         "sujets internes ?", "oui-en-partie"),
        ("signe", "Un portefeuille de projets communs est-il piloté en mode projet ?",
         "oui-en-partie"),
        ("vigilance", "Le pilotage s'adapte-t-il à chaque projet (intercommunalité, commune, "
         "co-pilotage ou alternance) ?", "echelle"),
    ],
}  # fmt: skip


def stream_value(slug: str) -> list:
    """The step's questions as its StreamField takes them."""
    return [
        ("question", {"kind": kind, "text": text, "help": "", "scale": scale})
        for kind, text, scale in QUESTIONS.get(slug, [])
    ]
