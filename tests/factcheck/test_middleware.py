"""An unreachable or locked database is a clear 503 (bench/load.py shows it on a real lock)."""

import pytest
from django.db import OperationalError
from django.urls import include, path

pytestmark = pytest.mark.django_db


def locked(request):
    raise OperationalError("database is locked")


def broken(request):
    raise ValueError("a bug, not the database")


urlpatterns = [
    path("broken/", broken),
    path("api/v1/locked/", locked),
    path("locked/", locked),
    path("", include("factcheck.urls")),
]


@pytest.fixture
def locked_urls(settings):
    settings.ROOT_URLCONF = __name__


def test_api_gets_json_503_with_retry_after(client, locked_urls):
    client.raise_request_exception = False
    response = client.get("/api/v1/locked/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response.json() == {
        "detail": "The database cannot be used right now; nothing was changed. Try again shortly."
    }


def test_page_gets_a_503_page_without_traceback(client, locked_urls):
    client.raise_request_exception = False
    response = client.get("/locked/")
    assert response.status_code == 503
    text = response.content.decode()
    assert "موقتاً در دسترس نیست" in text
    assert "Traceback" not in text and "database is locked" not in text


def test_other_errors_stay_server_errors(client, locked_urls):
    client.raise_request_exception = False
    assert client.get("/broken/").status_code == 500
