"""No N+1: a list of many rows costs as many SQL queries as a list of a few."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from factcheck.api import exports

pytestmark = pytest.mark.django_db

LISTS = ["claims", "statements", "speakers", "articles", "sources", "verdicts", "evidence"]
EXPORTS = {
    "claims.jsonl": "claims_queryset",
    "claims.csv": "claims_queryset",
    "statements.jsonl": "statements_queryset",
    "statements.csv": "statements_queryset",
    "claimreview.json": "claimreview_queryset",
}


def count_queries(client, path: str) -> int:
    return fetch(client, path)[0]


def fetch(client, path: str) -> tuple[int, bytes]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
        assert response.status_code == 200, path
        body = b"".join(response.streaming_content) if response.streaming else response.content
    return len(captured), body


@pytest.mark.parametrize("resource", LISTS)
def test_list_endpoint_queries_do_not_grow_with_rows(sample_kb, resource):
    client = APIClient()
    total = client.get(f"/api/v1/{resource}/").json()["count"]
    few = count_queries(client, f"/api/v1/{resource}/?page_size={min(5, total - 1)}")
    many = count_queries(client, f"/api/v1/{resource}/?page_size={min(100, total)}")
    assert many == few


def test_editor_lists_do_not_grow_either(sample_kb, editor):
    client = APIClient()
    client.force_authenticate(editor)
    for resource in ("claims", "statements", "verdicts"):
        assert count_queries(client, f"/api/v1/{resource}/?page_size=5") == count_queries(
            client, f"/api/v1/{resource}/?page_size=100"
        ), resource


@pytest.mark.parametrize("export", sorted(EXPORTS))
def test_export_queries_do_not_grow_with_rows(sample_kb, export, monkeypatch):
    builder_name = EXPORTS[export]
    builder = getattr(exports, builder_name)

    def first(rows):
        def limited(*args):
            queryset = builder(*args)
            ids = list(queryset.order_by("pk").values_list("pk", flat=True)[:rows])
            assert len(ids) == rows
            return queryset.filter(pk__in=ids)

        return limited

    client = APIClient()
    monkeypatch.setattr(exports, builder_name, first(5))
    few, few_body = fetch(client, f"/api/v1/exports/{export}")
    monkeypatch.setattr(exports, builder_name, first(100))
    many, many_body = fetch(client, f"/api/v1/exports/{export}")
    assert len(many_body) > 5 * len(few_body) / 2  # the export really grew
    assert many == few
