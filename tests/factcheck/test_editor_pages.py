"""Editor pages: sign-in and throttling, permissions, review to publish, conflicts, history,
ClaimReview JSON-LD, and the admin as a write path."""

import json
import re

import pytest
from django.contrib.auth.models import User

from factcheck.models import ReviewStatus, Verdict

pytestmark = pytest.mark.django_db


def json_ld(html: str) -> dict:
    match = re.search(
        r'<script type="application/ld\+json" nonce="[^"]+">(.*?)</script>', html, re.S
    )
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(1))


def test_sign_in_and_out(client, editor):
    response = client.post(
        "/accounts/login/", {"username": "editor", "password": "correct horse battery"}
    )
    assert response.status_code == 302 and response["Location"] == "/review/"
    assert client.get("/review/").status_code == 200
    client.post("/accounts/logout/")
    assert client.get("/review/").status_code == 302


def test_sign_in_is_throttled_after_repeated_failures(client, editor):
    for _ in range(5):
        client.post("/accounts/login/", {"username": "editor", "password": "wrong"})
    response = client.post(
        "/accounts/login/", {"username": "editor", "password": "correct horse battery"}
    )
    assert response.status_code in (403, 429)
    assert "بسته" in response.content.decode()
    assert client.get("/review/").status_code == 302  # still signed out


@pytest.mark.parametrize(
    "path", ["/review/", "/review/claims/", "/review/speakers/merge/", "/accounts/byline/"]
)
def test_editor_pages_refuse_anonymous_and_readers(client, reader, founding_article, path):
    assert client.get(path).status_code == 302
    client.force_login(reader)
    assert client.get(path).status_code == 403


def test_review_queue_least_confident_first_and_filters(client, editor, founding_article):
    client.force_login(editor)
    page = client.get("/review/").context["page"]
    confidences = [s.confidence for s in page]
    assert confidences == sorted(confidences)
    assert client.get("/review/?source=999").status_code == 200


def test_accept_and_reject_through_the_page(client, editor, founding_article):
    client.force_login(editor)
    first, second = founding_article.statements.all()[:2]
    client.post(f"/review/statements/{first.pk}/", {"action": "accept", "version": first.version})
    client.post(
        f"/review/statements/{second.pk}/",
        {"action": "reject", "version": second.version, "reason": "تکراری"},
    )
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.review_status == ReviewStatus.ACCEPTED
    assert (second.review_status, second.reject_reason) == (ReviewStatus.REJECTED, "تکراری")
    # Rejected statements stay, hidden from readers' article page.
    html = client.get(founding_article.get_absolute_url()).content.decode()
    assert f'id="statement-{second.pk}"' not in html


def test_stale_form_gets_a_conflict_message_not_an_overwrite(
    client, editor, other_editor, founding_article
):
    statement = founding_article.statements.first()
    client.force_login(other_editor)
    client.post(
        f"/review/statements/{statement.pk}/", {"action": "accept", "version": statement.version}
    )
    client.force_login(editor)
    response = client.post(
        f"/review/statements/{statement.pk}/",
        {"action": "reject", "version": statement.version, "reason": "x"},
        follow=True,
    )
    assert "تعارض ویرایش" in response.content.decode()
    statement.refresh_from_db()
    assert statement.review_status == ReviewStatus.ACCEPTED


def test_publish_verdict_through_pages_shows_badge_history_and_claimreview(client, editor, claim):
    client.force_login(editor)
    client.post(
        f"/claims/{claim.pk}/evidence/",
        {"url": "https://eco.example/x", "title": "گزارش اکو", "stance": "supports"},
    )
    client.post(
        f"/claims/{claim.pk}/verdicts/",
        {
            "rating": "mostly-true",
            "summary": "حضور ۱۲ کشور تأیید شد",
            "reasoning": "فهرست شرکت‌کنندگان",
            "publish": "on",
        },
    )
    client.logout()
    html = client.get(f"/claims/{claim.pk}/").content.decode()
    assert "عمدتاً درست" in html and "حضور ۱۲ کشور تأیید شد" in html
    assert "گزارش اکو" in html
    review = json_ld(html)
    assert review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == claim.text
    assert review["reviewRating"]["alternateName"] == "عمدتاً درست"
    assert review["reviewRating"]["ratingValue"] == 5
    assert {review["reviewRating"]["bestRating"], review["reviewRating"]["worstRating"]} == {6, 1}
    item = review["itemReviewed"]
    assert item["@type"] == "Claim" and item["author"] == {
        "@type": "Person",
        "name": "عیسی زارع‌پور",
    }
    assert item["firstAppearance"]["url"] == "https://www.didarnews.ir/fa/news/153318"
    assert review["author"]["@type"] == "Organization"
    assert review["url"] == f"http://testserver/claims/{claim.pk}/"
    assert "تاریخچه تغییرات" not in html  # the change log is for editors
    client.force_login(editor)
    editor_html = client.get(f"/claims/{claim.pk}/").content.decode()
    assert "تاریخچه تغییرات" in editor_html and "editor" in editor_html


def test_claim_page_without_published_verdict_has_no_claimreview(client, claim, editor):
    client.force_login(editor)
    client.post(f"/claims/{claim.pk}/verdicts/", {"rating": "false", "summary": "پیش‌نویس"})
    client.logout()
    html = client.get(f"/claims/{claim.pk}/").content.decode()
    assert "application/ld+json" not in html and "پیش‌نویس" not in html


def test_byline_shown_to_readers_is_the_chosen_one(client, editor, claim):
    client.force_login(editor)
    client.post("/accounts/byline/", {"byline": "ناظر"})
    client.post(
        f"/claims/{claim.pk}/verdicts/", {"rating": "true", "summary": "درست", "publish": "on"}
    )
    client.logout()
    html = client.get(f"/claims/{claim.pk}/").content.decode()
    assert "ناظر" in html and ">editor<" not in html


def test_admin_publishing_a_verdict_updates_the_claim(client, claim, editor):
    admin = User.objects.create_superuser("boss", password="x" * 12)
    client.force_login(admin)
    client.post(
        "/admin/factcheck/verdict/add/",
        {
            "claim": claim.pk,
            "rating": "false",
            "summary": "از ادمین",
            "reasoning": "",
            "editor": editor.pk,
            "byline": "boss",
            "status": "published",
            "published_at_0": "2024-01-01",
            "published_at_1": "10:00:00",
            "correction_reason": "",
        },
    )
    verdict = Verdict.objects.get(summary="از ادمین")
    claim.refresh_from_db()
    assert claim.current_verdict == verdict
    assert verdict.history.first().history_user == admin
