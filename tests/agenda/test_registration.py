"""Registering, the waiting list and its promotions, the cancellation link of the e-mails, the
reminders, "Mes inscriptions", and registrations as personal data."""

import datetime
import re
import smtplib

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from accounts.selectors import personal_data
from accounts.services import account_delete
from agenda import services, tasks
from agenda.models import Registration, RegistrationStatus
from agenda.tokens import cancellation_token
from tests import factories
from tests.portal.test_query_counts import MAX_QUERIES

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed():` runs what a commit would once the block is over: the e-mails leave
    once the registration is committed."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def statuses(event) -> dict[str, str]:
    return {
        each.user.email: each.status
        for each in Registration.objects.filter(event=event).select_related("user")
    }


def cancel_link(message) -> str:
    return re.search(r"http://[^\s]+/evenements/annulation/[^\s/]+/", message.body).group(0)


def test_members_get_seats_until_full_then_the_waiting_list(mailoutbox, committed):
    event = factories.EventFactory(capacity=2)
    members = factories.UserFactory.create_batch(3)
    with committed():
        made = [services.register(event=event, user=member) for member in members]
    assert [each.status for each in made] == ["inscrit", "inscrit", "attente"]
    assert event.seats_left() == 0
    assert len(mailoutbox) == 3
    assert "liste d'attente" in mailoutbox[2].subject
    assert "votre inscription" in mailoutbox[0].subject


def test_registering_twice_keeps_one_registration(mailoutbox, committed):
    event = factories.EventFactory()
    member = factories.UserFactory()
    with committed():
        first = services.register(event=event, user=member)
        assert services.register(event=event, user=member) == first
    assert Registration.objects.filter(event=event).count() == 1
    assert len(mailoutbox) == 1


@pytest.mark.parametrize("closed", [{"registration_open": False}, {"past": True}])
def test_closed_or_past_events_refuse_registrations_in_french(client, closed):
    event = factories.EventFactory(**closed)
    member = factories.UserFactory()
    with pytest.raises(services.EventError):
        services.register(event=event, user=member)
    client.force_login(member)
    response = client.post(reverse("agenda:register", args=[event.pk]), follow=True)
    assert "Les inscriptions à cet événement sont closes." in response.content.decode()
    assert not Registration.objects.filter(event=event).exists()


def test_a_visitor_is_asked_to_log_in_before_registering(client):
    event = factories.EventFactory()
    response = client.post(reverse("agenda:register", args=[event.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert client.get(reverse("agenda:register", args=[event.pk])).status_code in (302, 405)


def test_member_registers_from_the_page_and_cancels(client, mailoutbox):
    event = factories.EventFactory(capacity=1)
    member = factories.UserFactory()
    client.force_login(member)
    html = client.post(reverse("agenda:register", args=[event.pk]), follow=True).content.decode()
    assert "Vous êtes inscrit. Un e-mail vous le confirme." in html
    assert "Annuler mon inscription" in html
    html = client.post(reverse("agenda:cancel_mine", args=[event.pk]), follow=True)
    assert "Votre inscription est annulée." in html.content.decode()
    assert not Registration.objects.filter(event=event).exists()


def test_cancelling_promotes_the_waiting_list_in_order_and_tells_the_promoted(
    mailoutbox, committed
):
    event = factories.EventFactory(capacity=1)
    seated, first, second = factories.UserFactory.create_batch(3)
    registration = services.register(event=event, user=seated)
    services.register(event=event, user=first)
    services.register(event=event, user=second)
    mailoutbox.clear()

    with committed():
        promoted = services.cancel(registration=registration)

    assert [each.user for each in promoted] == [first]
    assert statuses(event) == {first.email: "inscrit", second.email: "attente"}
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [first.email]
    assert "une place s'est libérée" in mailoutbox[0].subject
    assert "/evenements/annulation/" in mailoutbox[0].body


def test_the_waiting_list_goes_by_order_of_arrival_not_by_key():
    event = factories.EventFactory(capacity=1)
    seat = factories.RegistrationFactory(event=event)
    late = factories.RegistrationFactory(event=event, waiting=True)
    early = factories.RegistrationFactory(
        event=event, waiting=True, created_at=timezone.now() - datetime.timedelta(days=1)
    )
    services.cancel(registration=seat)
    late.refresh_from_db()
    early.refresh_from_db()
    assert (early.status, late.status) == ("inscrit", "attente")


def test_raising_the_capacity_and_promoting_fills_the_new_seats():
    event = factories.EventFactory(capacity=1)
    factories.RegistrationFactory(event=event)
    waiting = factories.RegistrationFactory.create_batch(3, event=event, waiting=True)
    event.capacity = 3
    event.save()
    assert len(services.promote(event=event)) == 2
    assert Registration.objects.get(pk=waiting[2].pk).status == "attente"


def test_the_cancellation_link_works_without_logging_in_after_a_confirmation(
    client, mailoutbox, committed
):
    event = factories.EventFactory(capacity=1)
    member, waiting = factories.UserFactory.create_batch(2)
    with committed():
        services.register(event=event, user=member)
    services.register(event=event, user=waiting)
    link = cancel_link(mailoutbox[0])

    page = client.get(link)
    assert page.status_code == 200
    assert "Voulez-vous vraiment annuler votre inscription" in page.content.decode()
    assert Registration.objects.filter(user=member).exists()  # nothing done on GET

    done = client.post(link)
    assert done.status_code == 200
    assert "Votre inscription à" in done.content.decode()
    assert statuses(event) == {waiting.email: "inscrit"}

    again = client.get(link)
    assert again.status_code == 410
    assert "Cette inscription est déjà annulée." in again.content.decode()
    assert client.post(link).status_code == 410


def test_the_cancellation_link_is_gone_once_the_event_has_begun(client):
    registration = factories.RegistrationFactory(event=factories.EventFactory(past=True))
    response = client.get(reverse("agenda:cancel", args=[cancellation_token(registration)]))
    assert response.status_code == 410
    assert "a commencé : ce lien n" in response.content.decode()
    assert Registration.objects.filter(pk=registration.pk).exists()


# Named: a signed value holds its time, and every test process must collect the same names.
@pytest.mark.parametrize(
    "token",
    ["abc", "1:xyz", signing.dumps(1, salt="autre"), "%00"],
    ids=["word", "colon", "other-salt", "nul"],
)
def test_a_forged_cancellation_link_is_not_found(client, token):
    assert client.get(f"/evenements/annulation/{token}/").status_code == 404


def test_a_token_of_another_kind_signed_with_our_salt_is_refused(client):
    token = signing.dumps("texte", salt="agenda.cancel")
    assert client.get(reverse("agenda:cancel", args=[token])).status_code == 404


def soon_event(**kwargs):
    start = timezone.now() + datetime.timedelta(hours=10)
    return factories.EventFactory(start=start, end=start + datetime.timedelta(hours=2), **kwargs)


def test_reminders_are_sent_once_to_the_registered_of_events_beginning_soon(mailoutbox):
    event = soon_event(capacity=1)
    registered = factories.RegistrationFactory(event=event)
    factories.RegistrationFactory(event=event, waiting=True)
    factories.RegistrationFactory(event=factories.EventFactory())  # in 30 days
    factories.RegistrationFactory(event=factories.EventFactory(past=True))

    assert tasks.send_reminders.call() == 1
    assert tasks.send_reminders.call() == 0

    assert [message.to for message in mailoutbox] == [[registered.user.email]]
    assert "rappel" in mailoutbox[0].subject
    assert "/evenements/annulation/" in mailoutbox[0].body
    registered.refresh_from_db()
    assert registered.reminded_at is not None


def test_a_failing_mail_server_leaves_the_reminder_for_the_next_run(monkeypatch, mailoutbox):
    registration = factories.RegistrationFactory(event=soon_event())

    def refuse(*args, **kwargs):
        raise smtplib.SMTPException("indisponible")

    monkeypatch.setattr("core.emails.send", refuse)
    assert tasks.send_reminders.call() == 0
    registration.refresh_from_db()
    assert registration.reminded_at is None
    monkeypatch.undo()
    assert tasks.send_reminders.call() == 1


def test_the_reminder_command_reports_what_it_sent(capsys):
    from django.core.management import call_command

    factories.RegistrationFactory(event=soon_event())
    call_command("send_event_reminders")
    assert "1 rappel(s) envoyé(s)." in capsys.readouterr().out


def test_my_registrations_lists_mine_with_my_rank_on_the_waiting_list(client):
    member = factories.UserFactory()
    full = factories.EventFactory(capacity=1, title="Complet")
    factories.RegistrationFactory(event=full)
    factories.RegistrationFactory(event=full, waiting=True)
    factories.RegistrationFactory(event=full, user=member, waiting=True)
    factories.RegistrationFactory(event=factories.EventFactory(title="Ouvert"), user=member)
    factories.RegistrationFactory(event=factories.EventFactory(title="Autrui"))
    factories.RegistrationFactory(
        event=factories.EventFactory(title="Jadis", past=True), user=member
    )
    client.force_login(member)
    html = client.get(reverse("agenda:mine")).content.decode()
    assert "Sur liste d'attente (rang 2)." in html
    assert "Ouvert" in html and "Jadis" in html and "Autrui" not in html
    assert html.index("Complet") < html.index("Jadis")


def test_my_registrations_asks_to_log_in(client):
    assert client.get(reverse("agenda:mine")).status_code == 302


def test_my_registrations_query_count_does_not_grow(client, django_assert_max_num_queries):
    member = factories.UserFactory()
    client.force_login(member)
    counts = []
    for count in (1, 15):
        for _ in range(count):
            factories.RegistrationFactory(user=member)
        with django_assert_max_num_queries(MAX_QUERIES) as captured:
            assert client.get(reverse("agenda:mine")).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]


def test_cancel_from_my_registrations_comes_back_to_them(client):
    registration = factories.RegistrationFactory()
    client.force_login(registration.user)
    response = client.post(
        reverse("agenda:cancel_mine", args=[registration.event_id]), {"next": "mine"}
    )
    assert response["Location"] == reverse("agenda:mine")


def test_registrations_are_in_the_personal_data_export():
    registration = factories.RegistrationFactory(status=RegistrationStatus.WAITING)
    exported = personal_data(registration.user)["inscriptions_aux_evenements"]
    assert exported == [
        {
            "evenement": registration.event.title,
            "debut": registration.event.start.astimezone(datetime.UTC).isoformat(),
            "statut": "Sur liste d'attente",
            "inscrit_le": registration.created_at.isoformat(),
            "rappel_envoye_le": None,
        }
    ]


def test_deleting_an_account_gives_its_seat_to_the_waiting_list(mailoutbox, committed):
    event = factories.EventFactory(capacity=1)
    seated = factories.RegistrationFactory(event=event)
    waiting = factories.RegistrationFactory(event=event, waiting=True)
    with committed():
        account_delete(user=seated.user)
    assert statuses(event) == {waiting.user.email: "inscrit"}
    assert [message.to for message in mailoutbox] == [[waiting.user.email]]
