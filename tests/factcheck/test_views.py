"""The minimal public pages: addresses, right-to-left Persian, escaping, pagination."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.parsed import ParsedArticle
from factcheck.models import Claim, Speaker
from factcheck.services import article_ingest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["/", "/claims/", "/articles/", "/speakers/"])
def test_list_pages_are_persian_rtl(client, founding_article, name):
    response = client.get(name)
    assert response.status_code == 200
    assert '<html lang="fa" dir="rtl">' in response.content.decode()


def test_article_page_marks_every_statement(client, founding_article):
    html = client.get(f"/articles/{founding_article.pk}/").content.decode()
    assert html.count('<mark class="statement"') >= 11
    assert "حافظ امنیت و حریم خصوصی" in html


def test_claim_and_speaker_pages(client, founding_article):
    claim = Claim.objects.first()
    assert client.get(f"/claims/{claim.pk}/").status_code == 200
    speaker = Speaker.objects.get()
    html = client.get(f"/speakers/{speaker.pk}/").content.decode()
    assert "عیسی زارع‌پور" in html
    assert "وزیر ارتباطات و فناوری اطلاعات" in html


def test_article_text_is_escaped(client):
    text = "تیتر <script>alert(1)</script>\nعلی رضایی گفت: <b>سلام</b> به همه شما دوستان عزیز."
    article, _ = article_ingest(parsed=ParsedArticle(text=text, title="تیتر <script>"))
    html = client.get(f"/articles/{article.pk}/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html
    assert "<b>سلام</b>" not in html


def test_list_page_size_is_capped_and_queries_constant(client, founding_article):
    response = client.get("/claims/?page_size=1000")
    assert response.context["page"].paginator.per_page == 100
    with CaptureQueriesContext(connection) as few:
        client.get("/claims/?page_size=2")
    with CaptureQueriesContext(connection) as many:
        client.get("/claims/?page_size=30")
    assert len(many) == len(few)


def test_missing_objects_are_404(client):
    assert client.get("/claims/999/").status_code == 404
    assert client.get("/articles/999/").status_code == 404


@pytest.mark.parametrize("path", ["claims", "articles", "speakers", "sources"])
def test_ids_past_what_the_database_holds_are_404(client, path):
    # Beyond a 64-bit integer: PostgreSQL would refuse the value, SQLite cannot bind it.
    assert client.get(f"/{path}/{2**63}/").status_code == 404
    assert client.get(f"/{path}/{10**30}/").status_code == 404


def test_api_ids_past_what_the_database_holds_are_404(client):
    assert client.get(f"/api/v1/claims/{2**63 - 1}/").status_code == 404
    assert client.get(f"/api/v1/claims/{10**30}/").status_code == 404
    assert client.get(f"/api/v1/claims/{10**30}/verdicts/").status_code == 404
