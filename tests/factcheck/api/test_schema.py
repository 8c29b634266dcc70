"""The OpenAPI schema, its offline docs, and property-based tests generated from it."""

import re

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from rest_framework.test import APIClient
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

schema = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", get_wsgi_application())


@pytest.mark.django_db
def test_schema_is_openapi_3_and_documents_errors():
    body = APIClient().get("/api/v1/schema/?format=json").json()
    assert body["openapi"].startswith("3.")
    verdicts = body["paths"]["/api/v1/claims/{id}/verdicts/"]["post"]["responses"]
    assert {"201", "400", "401", "403", "404", "405", "409", "429"} <= set(verdicts)


@pytest.mark.django_db
def test_docs_are_served_without_any_external_request(client):
    html = client.get("/api/v1/docs/").content.decode()
    assert "swagger" in html.lower()
    external = re.findall(r'(?:src|href)=["\'](https?://[^"\']+)', html)
    assert external == []
    for asset in re.findall(r'(?:src|href)=["\'](/static/[^"\']+)', html):
        assert client.get(asset).status_code == 200, asset


@pytest.fixture
def knowledge_base(sample_kb):
    """The samples; and requests that keep the test's database connection. A WSGI handler
    closes a connection left outside autocommit after each request, as a server should;
    inside a test's transaction that would close the test's own (Django's test client does
    the same as this; SQLite's in-memory connection never closes)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield sample_kb
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
@pytest.mark.django_db
def test_api_conforms_to_its_schema(case, knowledge_base):
    case.call_and_validate(
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ]
    )
