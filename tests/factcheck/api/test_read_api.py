"""The read API: every resource, absolute URLs, filters, pagination, errors, CORS, throttling."""

import pytest
from django.test import override_settings
from rest_framework.test import APIClient

from factcheck.models import Claim, Speaker, Statement
from factcheck.nlp.text import fold_key

pytestmark = pytest.mark.django_db

RESOURCES = ["claims", "statements", "speakers", "articles", "sources", "verdicts", "evidence"]


@pytest.fixture
def api():
    return APIClient()


@pytest.mark.parametrize("resource", RESOURCES)
def test_every_resource_lists_and_details_with_absolute_urls(api, sample_kb, resource):
    listing = api.get(f"/api/v1/{resource}/").json()
    assert listing["count"] > 0
    first = listing["results"][0]
    assert first["url"] == f"http://testserver/api/v1/{resource}/{first['id']}/"
    assert first["web_url"].startswith("http://testserver/")
    detail = api.get(first["url"])
    assert detail.status_code == 200 and detail.json()["id"] == first["id"]


def test_statement_gives_offsets_into_published_text(api, sample_kb):
    body = api.get("/api/v1/statements/?page_size=1").json()["results"][0]
    article = api.get(f"/api/v1/articles/{body['article']['id']}/").json()
    assert article["text"][body["start"] : body["end"]] == body["quote"]
    assert (
        "source_url" in article and "text" not in api.get("/api/v1/articles/").json()["results"][0]
    )


def test_speaker_has_aliases_roles_and_counts_by_rating(api, sample_kb, founding_text):
    speaker = Speaker.objects.get(name="عیسی زارع‌پور")
    body = api.get(f"/api/v1/speakers/{speaker.pk}/").json()
    assert "زارعپور" in {fold_key(a) for a in body["aliases"]}
    assert body["roles"][0]["title"] == "وزیر ارتباطات و فناوری اطلاعات"
    assert set(body["claims_by_rating"]) == {
        "true",
        "mostly-true",
        "half-true",
        "misleading",
        "mostly-false",
        "false",
        "unproven",
    }
    rated = Claim.objects.filter(speaker=speaker, current_verdict__isnull=False).count()
    assert sum(body["claims_by_rating"].values()) == rated


def test_claim_filters(api, sample_kb):
    speaker = Speaker.objects.get(name="عیسی زارع‌پور")
    by_speaker = api.get(f"/api/v1/claims/?speaker={speaker.pk}").json()
    assert by_speaker["count"] == Claim.objects.filter(speaker=speaker).count()
    rated_true = api.get("/api/v1/claims/?rating=true").json()
    assert rated_true["count"] > 0
    assert all(c["current_verdict"]["rating"] == "true" for c in rated_true["results"])
    no_verdict = api.get("/api/v1/claims/?has_verdict=false").json()
    assert all(c["current_verdict"] is None for c in no_verdict["results"])
    worthy = api.get("/api/v1/claims/?min_check_worthiness=0.7").json()
    assert all(c["check_worthiness"] >= 0.7 for c in worthy["results"])
    stats = api.get("/api/v1/claims/?claim_type=statistic").json()
    assert all(c["claim_type"] == "statistic" for c in stats["results"])
    dated = api.get(
        "/api/v1/claims/?statement_date_after=2023-07-01T00:00:00Z&statement_date_before=2023-08-01T00:00:00Z"
    ).json()
    assert (
        dated["count"]
        == Claim.objects.filter(first_seen_at__year=2023, first_seen_at__month=7).count()
    )
    assert (
        api.get("/api/v1/claims/?verdict_date_after=2000-01-01T00:00:00Z").json()["count"]
        == rated_count()
    )


def rated_count():
    return Claim.objects.filter(current_verdict__isnull=False).count()


def test_ordering_and_page_size(api, sample_kb):
    body = api.get("/api/v1/claims/?ordering=-check_worthiness&page_size=500").json()
    assert len(body["results"]) == 200 and body["count"] == Claim.objects.count()
    scores = [c["check_worthiness"] for c in body["results"]]
    assert scores == sorted(scores, reverse=True)


def test_statements_hide_rejected_from_readers(api, sample_kb, editor):
    from factcheck import editorial

    statement = Statement.objects.first()
    editorial.statement_reject(statement=statement, editor=editor, reason="نادرست")
    assert api.get(f"/api/v1/statements/{statement.pk}/").status_code == 404
    api.force_authenticate(editor)
    assert api.get(f"/api/v1/statements/{statement.pk}/").json()["review_status"] == "rejected"


def test_errors_are_json(api, sample_kb):
    for path in [
        "/api/v1/claims/999999/",
        "/api/v1/no-such-thing/",
        "/api/v1/claims/?ordering=nonsense&rating=bogus",
    ]:
        response = api.get(path)
        assert response.status_code in (400, 404)
        assert response["Content-Type"].startswith("application/json"), path
    assert api.delete("/api/v1/claims/1/").status_code in (401, 403, 405)


def test_cors_allows_reading_not_writing_from_other_sites(api, sample_kb):
    response = api.get("/api/v1/claims/", HTTP_ORIGIN="https://research.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    preflight = api.options(
        "/api/v1/claims/1/verdicts/",
        HTTP_ORIGIN="https://research.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
    )
    assert "POST" not in preflight.get("Access-Control-Allow-Methods", "")


def test_anonymous_requests_are_throttled(api, sample_kb):
    from django.core.cache import cache

    cache.clear()
    with override_settings(FACTCHECK_ANON_RATE="3/minute"):
        codes = [api.get("/api/v1/sources/").status_code for _ in range(5)]
    cache.clear()
    assert codes[:3] == [200, 200, 200] and codes[3] == 429


def test_date_filters_take_any_offset_python_accepts(api, sample_kb):
    # +18:27 is valid for Python; PostgreSQL refuses offsets beyond 15:59: compared in UTC.
    def count(**params):
        response = api.get("/api/v1/articles/", params)
        assert response.status_code == 200, response.content
        return response.json()["count"]

    assert count(published_after="2018-01-01T18:27:00+18:27") == count(
        published_after="2018-01-01T00:00:00Z"
    )
    assert 0 < count(published_after="2018-01-01T00:00:00Z") < count()
    assert count(published_before="9999-12-31T23:59:00-23:59") == count(
        published_before="9999-01-01T00:00:00Z"
    )
