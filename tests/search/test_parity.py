"""The same answers on every backend: a list of queries that directors type, over pages built
here, each with the first result it must give. The suite runs on SQLite, on PostgreSQL
(DATABASE_URL) and against OpenSearch (scripts/test-opensearch.sh, where the database backend
is configured beside it): every backend configured is asked, so a run compares them too.

A query searches all its words first and, when they find nothing, most of them
(`SearchQuery.relaxed`), as the search page does; the table says which of the two answered."""

import pytest
from django.conf import settings

from portal.models import StandardPage
from search import backends
from search.models import SearchDocument
from search.query import parse
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

PAGES = [
    ("Charte de fonctionnement du collectif des DGS du bocage", "Les règles du groupe."),
    ("Démarrer un collectif de DGS sur son territoire", "Réunir ses pairs une première fois."),
    ("Mutualisation des services entre communes et intercommunalité", "Un service commun."),
    ("La mise en œuvre du projet de territoire", "Du diagnostic aux actions."),
    ("Cœur de ville : revitaliser le centre-bourg", "Commerces, logement, espaces publics."),
    ("La co-construction des politiques publiques avec les habitants", "Ateliers et panels."),
    ("Une carte mentale pour préparer le séminaire", "Un outil d'animation."),
    ("Pacte financier et fiscal de l'intercommunalité", "Solidarité entre communes."),
    ("Conseil de développement : associer la société civile", "Une instance consultative."),
    ("Feuille de route du binôme maire-DGS", "Se répartir les rôles."),
    ("Transition écologique des collectivités rurales", "Sobriété, énergie, mobilités."),
    ("Modèle d'ordre du jour du comité de direction", "Un document à télécharger."),
    ("Le rôle des élus référents dans la coopération", "Qui porte quoi."),
    ("Gouvernance partagée d'une commune nouvelle", "Après la fusion."),
    ("Séminaire 2019 : construire ensemble un processus coopératif", "La synthèse."),
    ("Plan local d'urbanisme intercommunal (PLUi) et projet de territoire", "Planifier."),
    ("Accueillir un nouveau DGS : le parcours d'intégration", "Les premiers mois."),
    ("Carte des services, charge mentale des agents", "Prévenir l'épuisement."),
    ("Coopération intercommunale et contractualisation avec l'État", "Les contrats."),
    ("Évaluation des politiques publiques locales", "Mesurer les effets."),
]  # fmt: skip

# query -> the first result expected
EXPECTED = {
    "collectivite rurale": "Transition écologique des collectivités rurales",
    "charte de fonctionnement": "Charte de fonctionnement du collectif des DGS du bocage",
    "comment démarrer un collectif de DGS": "Démarrer un collectif de DGS sur son territoire",
    "mutualisation des services": "Mutualisation des services entre communes et intercommunalité",
    "mise en oeuvre": "La mise en œuvre du projet de territoire",
    "coeur de ville": "Cœur de ville : revitaliser le centre-bourg",
    "coconstruction": "La co-construction des politiques publiques avec les habitants",
    '"carte mentale"': "Une carte mentale pour préparer le séminaire",
    "pacte fiscal": "Pacte financier et fiscal de l'intercommunalité",
    "conseil de developpement": "Conseil de développement : associer la société civile",
    "feuille de route maire DGS": "Feuille de route du binôme maire-DGS",
    "modèle d'ordre du jour": "Modèle d'ordre du jour du comité de direction",
    "élus référents": "Le rôle des élus référents dans la coopération",
    "commune nouvelle gouvernance": "Gouvernance partagée d'une commune nouvelle",
    "seminaire 2019": "Séminaire 2019 : construire ensemble un processus coopératif",
    "projet de territoire -PLUi": "La mise en œuvre du projet de territoire",
    "integration nouveau DGS": "Accueillir un nouveau DGS : le parcours d'intégration",
    "coopération intercommunale État":
        "Coopération intercommunale et contractualisation avec l'État",
    "évaluation politiques publiques": "Évaluation des politiques publiques locales",
    "accueillir un nouveau DGS arrivant": "Accueillir un nouveau DGS : le parcours d'intégration",
    "l’évaluation des politiques": "Évaluation des politiques publiques locales",
}  # fmt: skip
RELAXED = {"accueillir un nouveau DGS arrivant"}  # found by most of its words, not all


@pytest.fixture
def section():
    section = StandardPageFactory(title="Parité des moteurs")
    for title, intro in PAGES:
        StandardPageFactory(parent=section, title=title, intro=intro)
    return section


def first_result(backend, query: str, documents):
    parsed = parse(query)
    for searched in (parsed, parsed.relaxed()):
        if searched is None:
            break
        hits = list(backend.search(searched.to_wagtail(), documents)[:1])
        if hits:
            return hits[0].title, searched.approximate
    return None


def test_every_backend_gives_the_same_first_result(section):
    pages = StandardPage.objects.live().descendant_of(section)
    # The search documents of these pages (OpenSearch filters on a document's id, not its page).
    keys = list(SearchDocument.objects.filter(page__in=pages).values_list("id", flat=True))
    documents = SearchDocument.objects.filter(id__in=keys)
    for name in settings.WAGTAILSEARCH_BACKENDS:
        backend = backends.backend(name)
        found = {query: first_result(backend, query, documents) for query in EXPECTED}
        assert found == {query: (title, query in RELAXED) for query, title in EXPECTED.items()}, (
            name
        )
