"""No name typed by a member gets into an account e-mail: not as a link a mail client would
make of "www.exemple.com", not as markup in the HTML part."""

import itertools
import re

import pytest
from django.core import mail
from django.test import Client, TestCase
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts import services

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db

_numbers = itertools.count(1)

LINKY_NAMES = [
    "www.exemple.com",
    "https://exemple.com/connexion",
    "exemple.fr",
    '<a href="https://exemple.com">ici</a>',
    "<b>Anne</b>",
    "contact@exemple.com",
    "javascript:alert(1)",
    "&lt;script&gt;",
]
LINKY = st.sampled_from(LINKY_NAMES)
NAMES = st.one_of(
    LINKY,
    st.builds(
        "".join,
        st.lists(
            st.one_of(
                LINKY,
                st.sampled_from(["www.", "http://", ".com", "<", ">", '"', "&", "/", "@"]),
                st.text(min_size=1, max_size=8),
            ),
            min_size=1,
            max_size=4,
        ),
    ),
).map(lambda name: name.strip()[:150].replace("\x00", "") or "x")  # forms refuse NUL


def normalised(text: str) -> str:
    """The message with its links and one-time keys replaced, so that two sign-ups compare."""
    text = re.sub(r"https?://[^\s<>\"]+", "URL", text)
    return re.sub(r"[\w.+-]+@example\.org", "ADDRESS", text)


def parts(message) -> tuple[str, str]:
    html = next(content for content, kind in message.alternatives if kind == "text/html")
    return normalised(message.subject + message.body), normalised(html)


def sign_up(first_name: str, last_name: str):
    number = next(_numbers)
    email = f"inscrit{number}@example.org"
    mail.outbox.clear()
    # Each from its own address, under allauth's limit of sign-ups per address.
    Client(REMOTE_ADDR=f"10.9.{number // 250}.{number % 250 + 1}").post(
        "/compte/signup/",
        {"email": email, "first_name": first_name, "last_name": last_name,
         "password1": PASSWORD, "password2": PASSWORD},
    )  # fmt: skip
    (message,) = mail.outbox
    return email, message


def decisions(email: str) -> list:
    from django.contrib.auth import get_user_model

    profile = get_user_model().objects.get(email=email).profile
    mail.outbox.clear()
    for approve in (True, False):
        with TestCase.captureOnCommitCallbacks(execute=True):
            services.member_decide(profile=profile, approve=approve)
    return list(mail.outbox)


@pytest.fixture
def reference(db):
    email, confirmation = sign_up("Anne", "Martin")
    return [parts(message) for message in [confirmation, *decisions(email)]]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(first_name=NAMES, last_name=NAMES)
def test_a_typed_name_never_reaches_an_account_email(reference, first_name, last_name):
    email, confirmation = sign_up(first_name, last_name)
    messages = [confirmation, *decisions(email)]
    assert [parts(message) for message in messages] == reference
    for message in messages:
        html = next(content for content, kind in message.alternatives if kind == "text/html")
        for name in {first_name, last_name} & set(LINKY_NAMES):
            assert name not in message.body and name not in html
