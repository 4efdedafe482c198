"""E-mail settings from EMAIL_URL, read in a fresh process like a real start."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRINT = (
    "from django.conf import settings as s; "
    "print(s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_HOST_USER, "
    "s.EMAIL_HOST_PASSWORD, s.EMAIL_USE_TLS, s.EMAIL_USE_SSL)"
)


def email_settings(url: str) -> list[str]:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.dev", "EMAIL_URL": url}
    result = subprocess.run(  # noqa: S603 - our own manage.py, fixed arguments
        [sys.executable, "manage.py", "shell", "--verbosity", "0", "-c", PRINT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.split()


def test_email_url_configures_smtp_with_starttls():
    assert email_settings("smtp://bloc%40exemple.fr:s%C3%A9cret@smtp.exemple.fr:2525") == [
        "django.core.mail.backends.smtp.EmailBackend", "smtp.exemple.fr", "2525",
        "bloc@exemple.fr", "sécret", "True", "False",
    ]  # fmt: skip


def test_email_url_smtps_uses_implicit_tls_on_465():
    backend, host, port, *_credentials, tls, ssl = email_settings("smtps://smtp.exemple.fr")
    assert (host, port, tls, ssl) == ("smtp.exemple.fr", "465", "False", "True")
