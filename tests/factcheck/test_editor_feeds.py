"""The editors' feeds page: add, change, pause and poll feeds; every change kept."""

from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from articles.models import Article, Feed

pytestmark = pytest.mark.django_db
PAGE = "/didarnews-153318.html"


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def private_urls(settings):
    settings.FACTCHECK_ALLOW_PRIVATE_URLS = True  # the test server is on 127.0.0.1


def feed_url(server, *items: str) -> str:
    return f"{server.base_url}/feed?{urlencode([('item', i) for i in items])}"


def test_only_editors_see_the_feeds(client):
    assert client.get("/review/feeds/")["Location"].startswith("/accounts/login/")
    client.force_login(User.objects.create_user("reader"))
    assert client.get("/review/feeds/").status_code == 403
    assert client.post("/review/feeds/", {"url": "https://example.com/rss"}).status_code == 403
    assert not Feed.objects.exists()


def test_an_editor_adds_a_feed_and_the_history_names_them(editor_client, editor):
    response = editor_client.post(
        "/review/feeds/",
        {
            "url": "https://www.farsnews.ir/rss",
            "source_name": "خبرگزاری فارس",
            "interval_minutes": 30,
            "active": "on",
        },
        follow=True,
    )
    feed = Feed.objects.get()
    assert (feed.source_name, feed.interval_minutes, feed.active) == ("خبرگزاری فارس", 30, True)
    assert Feed.objects.due(timezone.now()).get() == feed  # polled at the next round
    page = response.content.decode()
    assert "خوراک افزوده شد" in page and "https://www.farsnews.ir/rss" in page
    assert "۳۰ دقیقه" in page
    assert [(r.history_type, r.history_user) for r in feed.history.all()] == [("+", editor)]


@pytest.mark.parametrize(
    "fields",
    [
        {"url": "https://example.com/rss", "interval_minutes": 2},
        {"url": "not a url", "interval_minutes": 60},
        {"url": "ftp://example.com/rss", "interval_minutes": 60},
    ],
)
def test_a_bad_feed_is_refused_with_the_form_and_nothing_saved(editor_client, fields):
    response = editor_client.post("/review/feeds/", fields)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not Feed.objects.exists()


def test_the_same_address_is_not_added_twice(editor_client):
    Feed.objects.create(url="https://example.com/rss")
    response = editor_client.post(
        "/review/feeds/", {"url": "https://example.com/rss", "interval_minutes": 60}
    )
    assert "url" in response.context["form"].errors
    assert Feed.objects.count() == 1


def test_pausing_a_feed_stops_its_polls_and_is_kept(editor_client, editor):
    feed = Feed.objects.create(url="https://example.com/rss")
    editor_client.post(
        f"/review/feeds/{feed.pk}/",
        {"url": feed.url, "source_name": "", "interval_minutes": 120},  # active unticked
    )
    feed.refresh_from_db()
    assert (feed.active, feed.interval_minutes) == (False, 120)
    assert not Feed.objects.due(timezone.now()).exists()
    latest = feed.history.first()
    assert (latest.history_type, latest.history_user, latest.active) == ("~", editor, False)
    page = editor_client.get(f"/review/feeds/{feed.pk}/").content.decode()
    assert "ویرایش شد" in page and "متوقف" in page


def test_poll_now_ingests_the_feed_and_records_the_result_not_a_change(
    editor_client, http_server, private_urls
):
    feed = Feed.objects.create(
        url=feed_url(http_server, PAGE), next_poll_at=timezone.now() + timezone.timedelta(days=1)
    )
    response = editor_client.post(f"/review/feeds/{feed.pk}/poll/", follow=True)
    assert "دریافت خوراک در صف قرار گرفت" in response.content.decode()
    feed.refresh_from_db()
    assert feed.last_result.startswith("new 1")
    assert Article.objects.count() == 1
    assert feed.history.count() == 1  # the creation only: polls are not editors' changes
    assert "new 1" in editor_client.get("/review/feeds/").content.decode()


def test_a_feed_being_polled_is_not_polled_twice(editor_client):
    feed = Feed.objects.create(url="https://example.com/rss", claim="x" * 32)
    Feed.objects.filter(pk=feed.pk).update(claimed_at=timezone.now())
    response = editor_client.post(f"/review/feeds/{feed.pk}/poll/", follow=True)
    assert "هم‌اکنون در حال دریافت است" in response.content.decode()
    feed.refresh_from_db()
    assert feed.last_polled_at is None
