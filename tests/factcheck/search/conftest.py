"""Search tests run once per search backend: Whoosh always, PostgreSQL when the tests run on a
PostgreSQL database. ``@pytest.mark.search_backends("whoosh")`` keeps a test to the backends
it is about (a damaged Whoosh segment means nothing to PostgreSQL)."""

from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command

SAMPLES = Path(__file__).resolve().parents[3] / "samples"


def available_backends() -> list[str]:
    on_postgres = django_settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
    return ["whoosh", "postgres"] if on_postgres else ["whoosh"]


def pytest_generate_tests(metafunc):
    if "search_backend" not in metafunc.fixturenames:
        return
    names = available_backends()
    marker = metafunc.definition.get_closest_marker("search_backends")
    if marker is not None:
        names = [name for name in names if name in marker.args]
    metafunc.parametrize("search_backend", names, indirect=True)


@pytest.fixture
def search_backend(request, settings) -> str:
    settings.FACTCHECK_SEARCH_BACKEND = request.param
    return request.param


@pytest.fixture
def kb(search_backend, db):
    """The bundled samples ingested (and indexed by the backend under test)."""
    call_command("ingest", str(SAMPLES), "--no-progress", "--workers=0", stdout=StringIO())
