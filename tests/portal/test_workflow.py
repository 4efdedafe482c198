"""The "Relecture" workflow: an editor submits, a reviewer publishes; scheduled publishing."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from experiences.models import ExperienceSheetPage
from tests import factories
from tests.factories import log_in_with_two_factor

pytestmark = pytest.mark.django_db


def sheet_form_data(**overrides):
    data = {
        "title": "Un CoDir de territoire en Pays de Retz",
        "slug": "codir-pays-de-retz",
        "summary": "Les DGS se réunissent chaque mois.",
        "territory": factories.TerritoryFactory().pk,
        "challenge": "Faire vivre un collectif de directions.",
        "productions": rich_text("<p>Une charte de fonctionnement.</p>"),
        "phases": streamfield([]),
        "lessons": streamfield([]),
        "documents": inline_formset([]),
        "comments": inline_formset([]),
        "licence": "etalab-2.0",
        "last_reviewed": "2026-11-01",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_editor_submits_and_reviewer_publishes(client, editor, reviewer):
    index = factories.ExperienceIndexFactory()
    log_in_with_two_factor(client, editor)
    response = client.post(
        reverse("wagtailadmin_pages:add", args=("experiences", "experiencesheetpage", index.pk)),
        sheet_form_data(**{"action-submit": "1"}),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = ExperienceSheetPage.objects.get(slug="codir-pays-de-retz")
    assert not page.live
    workflow_state = page.current_workflow_state
    assert workflow_state.workflow.name == "Relecture"
    assert not page.permissions_for_user(editor).can_publish()

    task_state = workflow_state.current_task_state
    log_in_with_two_factor(client, reviewer)
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk)),
        {"comment": "Parfait."},
    )
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live


def test_editor_cannot_publish_directly(client, editor):
    index = factories.ExperienceIndexFactory()
    log_in_with_two_factor(client, editor)
    client.post(
        reverse("wagtailadmin_pages:add", args=("experiences", "experiencesheetpage", index.pk)),
        sheet_form_data(**{"action-publish": "1"}),
    )
    page = ExperienceSheetPage.objects.filter(slug="codir-pays-de-retz").first()
    assert page is None or not page.live


def test_negative_population_is_refused_in_french_and_keeps_the_form(client, reviewer):
    log_in_with_two_factor(client, reviewer)
    response = client.post(
        reverse("wagtailsnippets_portal_territory:add"),
        {
            "name": "Pays de Retz",
            "kind": "semi-rural",
            "department": "44",
            "communes": "9",
            "population": "-5",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "supérieure ou égale à 0" in html
    assert 'value="Pays de Retz"' in html


def test_scheduled_page_goes_live_at_its_time():
    page = factories.sheet(live=False)
    revision = page.save_revision()
    revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    revision.save()
    call_command("publish_scheduled")
    assert Page.objects.get(pk=page.pk).live


def test_review_due_report_lists_resources_not_reviewed_for_a_year(client, reviewer):
    stale = factories.tool(title="Outil jamais relu", last_reviewed=datetime.date(2020, 1, 1))
    fresh = factories.tool(title="Outil relu hier", last_reviewed=timezone.localdate())
    log_in_with_two_factor(client, reviewer)
    html = client.get(reverse("review_due_report")).content.decode()
    assert stale.title in html
    assert fresh.title not in html
