"""Choosing a search backend."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from factcheck.search import backends


def test_the_setting_chooses_whoosh(settings):
    settings.FACTCHECK_SEARCH_BACKEND = "whoosh"
    assert backends.current().__name__ == "factcheck.search.backends.whoosh"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs a PostgreSQL database")
def test_the_setting_chooses_postgres_on_postgresql(settings):
    settings.FACTCHECK_SEARCH_BACKEND = "postgres"
    assert backends.current().__name__ == "factcheck.search.backends.postgres"


@pytest.mark.skipif(connection.vendor == "postgresql", reason="the database is PostgreSQL here")
def test_postgres_backend_refuses_a_database_that_is_not_postgresql(settings):
    settings.FACTCHECK_SEARCH_BACKEND = "postgres"
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL"):
        backends.current()
