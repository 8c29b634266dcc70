"""The editorial JSON API: who may write, verdicts, evidence, versions."""

from io import StringIO

import pytest
from django.core.management import call_command
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from factcheck.models import Claim

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


def as_editor(api, editor):
    token = Token.objects.create(user=editor)
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return api


def test_post_verdict_publish_creates_201_and_becomes_current(api, editor, claim):
    response = as_editor(api, editor).post(
        f"/api/v1/claims/{claim.pk}/verdicts/",
        {"rating": "mostly-true", "summary": "۱۲ کشور حاضر بودند", "publish": True},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["status"] == "published"
    detail = api.get(f"/api/v1/claims/{claim.pk}/").json()
    assert detail["current_verdict"]["rating"] == "mostly-true"
    assert detail["web_url"] == f"http://testserver/claims/{claim.pk}/"
    assert detail["url"] == f"http://testserver/api/v1/claims/{claim.pk}/"


def test_post_verdict_without_publish_is_a_draft_and_history_lists_all(api, editor, claim):
    api = as_editor(api, editor)
    api.post(
        f"/api/v1/claims/{claim.pk}/verdicts/",
        {"rating": "true", "summary": "الف", "publish": True},
        format="json",
    )
    draft = api.post(
        f"/api/v1/claims/{claim.pk}/verdicts/", {"rating": "false", "summary": "ب"}, format="json"
    )
    assert draft.status_code == 201 and draft.json()["status"] == "draft"
    history = api.get(f"/api/v1/claims/{claim.pk}/verdicts/").json()
    assert history["count"] == 2
    assert api.get(f"/api/v1/claims/{claim.pk}/").json()["current_verdict"]["rating"] == "true"


def test_verdict_needs_rating_and_summary(api, editor, claim):
    response = as_editor(api, editor).post(
        f"/api/v1/claims/{claim.pk}/verdicts/", {"rating": "true"}, format="json"
    )
    assert response.status_code == 400
    assert "summary" in response.json()


@pytest.mark.parametrize("method", ["post_verdict", "post_evidence", "patch"])
def test_anonymous_and_readers_cannot_write(api, reader, claim, method):
    calls = {
        "post_verdict": lambda c: c.post(
            f"/api/v1/claims/{claim.pk}/verdicts/",
            {"rating": "true", "summary": "x"},
            format="json",
        ),
        "post_evidence": lambda c: c.post(
            f"/api/v1/claims/{claim.pk}/evidence/",
            {"url": "https://a.example/x", "title": "t", "stance": "supports"},
            format="json",
        ),
        "patch": lambda c: c.patch(
            f"/api/v1/claims/{claim.pk}/", {"version": 1, "check_worthy": True}, format="json"
        ),
    }
    assert calls[method](api).status_code in (401, 403)
    api.force_authenticate(reader)
    assert calls[method](api).status_code == 403
    assert claim.verdicts.count() == 0 and claim.evidence.count() == 0


def test_post_evidence_201(api, editor, claim):
    response = as_editor(api, editor).post(
        f"/api/v1/claims/{claim.pk}/evidence/",
        {
            "url": "https://ecosecretariat.example/meeting",
            "title": "گزارش اجلاس اکو",
            "stance": "supports",
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["source_url"] == "https://ecosecretariat.example/meeting"
    assert body["added_by"] == "editor"
    assert api.get(f"/api/v1/claims/{claim.pk}/evidence/").json()["count"] == 1


def test_patch_with_stale_version_is_409_and_changes_nothing(api, editor, claim):
    api = as_editor(api, editor)
    ok = api.patch(
        f"/api/v1/claims/{claim.pk}/", {"version": 1, "check_worthy": True}, format="json"
    )
    assert ok.status_code == 200 and ok.json()["version"] == 2
    stale = api.patch(
        f"/api/v1/claims/{claim.pk}/", {"version": 1, "check_worthy": False}, format="json"
    )
    assert stale.status_code == 409
    assert stale.json()["current_version"] == 2
    assert Claim.objects.get(pk=claim.pk).check_worthy is True


def test_patch_if_match(api, editor, claim):
    api = as_editor(api, editor)
    etag = api.get(f"/api/v1/claims/{claim.pk}/")["ETag"]
    assert (
        api.patch(
            f"/api/v1/claims/{claim.pk}/", {"assign_to_me": True}, format="json", HTTP_IF_MATCH=etag
        ).status_code
        == 200
    )
    assert (
        api.patch(
            f"/api/v1/claims/{claim.pk}/", {"unassign": True}, format="json", HTTP_IF_MATCH=etag
        ).status_code
        == 412
    )
    assert (
        api.patch(f"/api/v1/claims/{claim.pk}/", {"unassign": True}, format="json").status_code
        == 428
    )
    assert Claim.objects.get(pk=claim.pk).assignee == editor


def test_drf_create_token_command(editor):
    out = StringIO()
    call_command("drf_create_token", "editor", stdout=out)
    assert Token.objects.get(user=editor).key in out.getvalue()
