"""Persian search on each backend: spelling variants, phrases, filters, facets, sync with every
write path, a missing or damaged index, and a judged query set."""

import json
import threading
import time
from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from rest_framework.test import APIClient

from articles.models import Article
from factcheck import editorial
from factcheck.models import Claim, Speaker, Statement
from factcheck.search.index import index_dir, writer

pytestmark = pytest.mark.django_db

JUDGED = Path(__file__).resolve().parents[2] / "data" / "search" / "judged.jsonl"
whoosh_only = pytest.mark.search_backends("whoosh")


def api_search(query: str, **params) -> dict:
    response = APIClient().get("/api/v1/search/", {"q": query, **params})
    assert response.status_code == 200, response.content
    return response.json()


@pytest.mark.parametrize(
    "spelling", ["پیامرسان", "پیام‌رسان", "پيام‌رسان", "پیام رسان", "پیام‌رسان‌ها", '"حریم خصوصی"']
)
def test_spelling_variants_and_phrase_find_the_founding_claims(kb, spelling):
    founding = set(
        Claim.objects.filter(
            appearances__statement__article__news_code="153318", text__contains="حریم خصوصی"
        ).values_list("pk", flat=True)
    )
    found = {r["id"] for r in api_search(spelling, type="claim", page_size=50)["results"]}
    assert founding and founding <= found


def test_result_shape_snippets_and_facets(kb):
    body = api_search("پیام‌رسان")
    assert body["count"] == len(body["results"]) or body["count"] > len(body["results"])
    result = body["results"][0]
    assert set(result) == {"type", "id", "text", "snippet", "score", "url", "web_url"}
    assert result["url"].startswith("http://testserver/api/v1/") and result["web_url"].startswith(
        "http://testserver/"
    )
    assert "<mark" in body["results"][0]["snippet"] or any(
        "<mark" in r["snippet"] for r in body["results"]
    )
    assert set(body["facets"]) == {"type", "speaker_id", "source_id", "rating"}
    assert sum(body["facets"]["type"].values()) == body["count"]


def test_filters(kb):
    speaker = Speaker.objects.get(name="عیسی زارع‌پور")
    by_speaker = api_search("پیام‌رسان", speaker=speaker.pk, page_size=50)["results"]
    assert by_speaker and all(r["type"] in {"claim", "statement", "speaker"} for r in by_speaker)
    only_articles = api_search("پیام‌رسان", type="article")["results"]
    assert only_articles and all(r["type"] == "article" for r in only_articles)
    assert api_search("پیام‌رسان", date_before="2000-01-01T00:00:00Z")["count"] == 0


def test_published_verdict_is_searchable_by_rating(kb, django_capture_on_commit_callbacks):
    editor = User.objects.create_user("ed")
    claim = Claim.objects.filter(text__contains="حریم خصوصی").first()
    with django_capture_on_commit_callbacks(execute=True):
        editorial.verdict_create(
            claim=claim, editor=editor, rating="misleading", summary="x", publish=True
        )
    results = api_search("حریم خصوصی", rating="misleading")["results"]
    assert [r["id"] for r in results] == [claim.pk]


def test_editor_changes_reach_the_index(kb, django_capture_on_commit_callbacks):
    editor = User.objects.create_user("ed")
    statement = Statement.objects.filter(quote__contains="ماموریت دادم").get()
    with django_capture_on_commit_callbacks(execute=True):
        editorial.statement_reject(statement=statement, editor=editor, reason="آزمون")
    found = {(r["type"], r["id"]) for r in api_search("ماموریت", page_size=50)["results"]}
    assert ("statement", statement.pk) not in found
    keep = Speaker.objects.get(name="عیسی زارع‌پور")
    other = Speaker.objects.exclude(pk=keep.pk).first()
    with django_capture_on_commit_callbacks(execute=True):
        editorial.speaker_merge(keep=keep, absorb=other, editor=editor)
    assert ("speaker", other.pk) not in {
        (r["type"], r["id"]) for r in api_search(other.name)["results"]
    }


def test_admin_edit_reaches_the_index(kb, client, django_capture_on_commit_callbacks):
    admin = User.objects.create_superuser("boss", password="x" * 12)
    client.force_login(admin)
    claim = Claim.objects.filter(text__contains="حریم خصوصی").first()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/admin/factcheck/claim/{claim.pk}/change/",
            {
                "text": "ادعای بازنویسی‌شده درباره زرافه‌های آبی",
                "speaker": claim.speaker_id,
                "claim_type": claim.claim_type,
                "check_worthiness": claim.check_worthiness,
                "worthiness_reasons": "[]",
                "promise_status": "not-rated",
                "check_worthy": "unknown",
                "first_seen_at_0": "",
                "first_seen_at_1": "",
                "appearances-TOTAL_FORMS": "0",
                "appearances-INITIAL_FORMS": "0",
                "verdicts-TOTAL_FORMS": "0",
                "verdicts-INITIAL_FORMS": "0",
                "evidence-TOTAL_FORMS": "0",
                "evidence-INITIAL_FORMS": "0",
            },
        )
    claim.refresh_from_db()
    assert claim.text.startswith("ادعای بازنویسی‌شده")
    assert [r["id"] for r in api_search("زرافه")["results"]] == [claim.pk]


@whoosh_only
def test_missing_or_damaged_index_never_breaks_pages(kb, client):
    import shutil

    shutil.rmtree(index_dir())
    response = APIClient().get("/api/v1/search/", {"q": "پیام‌رسان"})
    assert response.status_code == 503 and "rebuilt" in response.json()["detail"]
    page = client.get("/search/", {"q": "پیام‌رسان"})
    assert page.status_code == 200 and "بازسازی" in page.content.decode()
    assert client.get("/").status_code == 200
    call_command("rebuild_index", "--no-progress", stdout=StringIO())
    for toc in index_dir().glob("*.toc"):
        toc.write_bytes(b"not an index")
    assert APIClient().get("/api/v1/search/", {"q": "پیام‌رسان"}).status_code == 503
    out = StringIO()
    call_command("rebuild_index", "--no-progress", stdout=out)
    assert "indexed" in out.getvalue()
    assert api_search("پیام‌رسان")["count"] > 0


@whoosh_only
def test_an_index_of_an_earlier_schema_is_rebuilt_not_misread(kb, tmp_path, monkeypatch):
    from factcheck.search import index

    current = index.schema

    def earlier():
        fields = current()
        fields.add("legacy", fields["key"])  # a field this version no longer has
        return fields

    monkeypatch.setattr(index, "schema", earlier)
    call_command("rebuild_index", "--no-progress", stdout=StringIO())
    monkeypatch.setattr(index, "schema", current)
    assert APIClient().get("/api/v1/search/", {"q": "پیام‌رسان"}).status_code == 503
    article = tmp_path / "new.txt"
    article.write_text(
        "تیتر تازه\nوزیر نیرو گفت: سدها پر است و زرافه‌ها آب دارند.", encoding="utf-8"
    )
    out = StringIO()
    call_command("ingest", str(article), "--no-progress", "--workers=0", stdout=out)
    assert "built it from the database" in out.getvalue()
    assert api_search("پیام‌رسان")["count"] > 0 and api_search("زرافه")["count"] > 0


@whoosh_only
def test_rebuild_that_loses_documents_says_so(kb, monkeypatch):
    from factcheck.search import index

    current = index.schema

    def without_body():
        fields = current()
        fields.remove("body")  # article and statement documents cannot be written
        return fields

    monkeypatch.setattr(index, "schema", without_body)
    with pytest.raises(Exception, match="body|holds"):
        call_command("rebuild_index", "--no-progress", stdout=StringIO())


def test_date_range_filters_to_the_minute(kb):
    article = Article.objects.get(title__contains="زارعپور")
    published = article.published_at
    assert published is not None
    minute = timedelta(minutes=1)
    around = {
        "date_after": (published - minute).isoformat(),
        "date_before": (published + minute).isoformat(),
    }
    found = api_search("پیام‌رسان", type="article", **around)
    assert [r["id"] for r in found["results"]] == [article.pk]
    later = api_search("پیام‌رسان", type="article", date_after=(published + minute).isoformat())
    assert article.pk not in [r["id"] for r in later["results"]]
    ancient = api_search("پیام‌رسان", type="article", date_after="0015-01-01T00:00:00Z")
    assert article.pk in [r["id"] for r in ancient["results"]]


def test_search_page_highlights_and_escapes(kb, client):
    html = client.get("/search/", {"q": "پیام‌رسان <script>"}).content.decode()
    assert '<mark class="hit' in html
    assert "<script>" not in html.split("<main", 1)[1]


@whoosh_only
def test_concurrent_writers_wait_for_the_lock(kb):
    done = []

    def second():
        with writer() as w:
            w.delete_by_term("key", "claim:0")
        done.append("second")

    with writer():
        thread = threading.Thread(target=second)
        thread.start()
        time.sleep(0.3)
        assert done == []  # waiting, not failing
    thread.join(timeout=30)
    assert done == ["second"]


def test_judged_queries_find_their_article_near_the_top(kb):
    judged = [
        json.loads(line) for line in JUDGED.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    assert len(judged) >= 20
    reciprocal_ranks = []
    for item in judged:
        expected = item["expected"]
        lookup = {k: v for k, v in expected.items() if k != "type"}
        article = Article.objects.get(**lookup)
        results = api_search(item["query"], type=expected["type"], page_size=10)["results"]
        ids = [r["id"] for r in results]
        reciprocal_ranks.append(1 / (ids.index(article.pk) + 1) if article.pk in ids else 0)
    mean_reciprocal_rank = sum(reciprocal_ranks) / len(reciprocal_ranks)
    assert mean_reciprocal_rank >= 0.8, reciprocal_ranks


@pytest.mark.search_backends("postgres")
def test_postgres_finds_a_misspelt_word_by_its_near_spellings(kb):
    founding = Article.objects.get(news_code="153318")
    found = api_search("پیامرسن", type="article")  # پیامرسان with a letter missing
    assert founding.pk in [r["id"] for r in found["results"]]
    assert any("<mark" in r["snippet"] for r in found["results"])


@pytest.mark.search_backends("postgres")
def test_postgres_rebuild_index_holds_every_document_once(kb):
    from factcheck.search.models import SearchDocument

    before = SearchDocument.objects.count()
    out = StringIO()
    call_command("rebuild_index", "--no-progress", stdout=out)
    assert out.getvalue().strip() == f"indexed {before} documents"
    visible = Statement.objects.visible().count()
    expected = Claim.objects.count() + visible + Article.objects.count() + Speaker.objects.count()
    assert SearchDocument.objects.count() == before == expected


@pytest.mark.search_backends("postgres")
def test_postgres_index_emptied_is_rebuilt_by_the_next_ingest(kb, tmp_path):
    from factcheck.search.models import SearchDocument

    SearchDocument.objects.all().delete()
    assert APIClient().get("/api/v1/search/", {"q": "پیام‌رسان"}).status_code == 503
    article = tmp_path / "new.txt"
    article.write_text("تیتر تازه\nوزیر نیرو گفت: زرافه‌ها آب دارند.", encoding="utf-8")
    out = StringIO()
    call_command("ingest", str(article), "--no-progress", "--workers=0", stdout=out)
    assert "built it from the database" in out.getvalue()
    assert api_search("پیام‌رسان")["count"] > 0 and api_search("زرافه")["count"] > 0
