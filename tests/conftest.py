"""Shared fixtures: the demo site is loaded once per test session, each test rolls back."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.demo.loader import load_demo


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        load_demo()


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: what one test cached may be rolled back."""
    cache.clear()


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user(
        "redactrice", "redactrice@example.org", "mot-de-passe-solide"
    )
    user.groups.add(Group.objects.get(name="Rédacteurs"))
    return user


@pytest.fixture
def reviewer(django_user_model):
    user = django_user_model.objects.create_user(
        "relecteur", "relecteur@example.org", "mot-de-passe-solide"
    )
    user.groups.add(Group.objects.get(name="Relecteurs"))
    return user


@pytest.fixture
def count_queries(client):
    """GETs a URL and returns (response, number of SQL queries it ran)."""

    def run(url):
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
        assert response.status_code == 200, url
        return response, len(context.captured_queries)

    return run


def internal_links(html: str) -> set[str]:
    """The site-relative targets of a page's links, without fragments."""
    return {
        href.split("#")[0]
        for href in re.findall(r'<a [^>]*href="(/[^"]*)"', html)
        if href.split("#")[0]
    }
