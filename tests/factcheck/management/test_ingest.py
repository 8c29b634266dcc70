"""`manage.py ingest`: every input kind, idempotence, and bad input that loses nothing."""

import gzip
import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, ArticleRevision
from factcheck.models import Statement

pytestmark = pytest.mark.django_db

SAMPLES = Path(__file__).resolve().parents[3] / "samples"


def summary(out: str) -> str:
    """The command's last line: new, updated, unchanged, failed."""
    return out.strip().splitlines()[-1]


def ingest(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("ingest", *args, "--no-progress", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def ingest_failing(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError):
        call_command("ingest", *args, "--no-progress", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_ingest_founding_article_metadata():
    out, _ = ingest(str(SAMPLES / "didarnews-153318.txt"))
    assert summary(out) == "new 1, updated 0, unchanged 0, failed 0"
    article = Article.objects.get()
    assert article.news_code == "153318"
    assert article.source.name == "دیدارنیوز"
    assert article.title == "زارعپور: پیامرسانهای داخلی حافظ حریم خصوصی هستند!"
    assert article.kicker == "پس از جنجال انتشار یک تصویر از پیام رسان داخلی مطرح شد"
    assert article.published_at.isoformat() == "2023-07-26T08:43:00+00:00"
    assert article.normalized_text and article.normalized_text != article.text
    assert article.statements.count() == 11


def test_ingest_samples_twice_is_idempotent():
    first, _ = ingest(str(SAMPLES))
    counts = (Article.objects.count(), Statement.objects.count())
    second, _ = ingest(str(SAMPLES))
    assert summary(first).startswith("new 41,")
    assert summary(second) == "new 0, updated 0, unchanged 41, failed 0"
    assert (Article.objects.count(), Statement.objects.count()) == counts


def test_ingest_source_override():
    ingest(str(SAMPLES / "didarnews-153318.txt"), "--source", "دیدار")
    assert Article.objects.get().source.name == "دیدار"


def test_ingest_jsonl_bad_line_named_and_rest_ingested(tmp_path):
    records = [line for line in (SAMPLES / "fa-news-sample.jsonl").read_text().splitlines()[:3]]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join([records[0], "{not json", records[1], records[2]]) + "\n")
    out, err = ingest_failing(str(path))
    assert "batch.jsonl line 2" in err
    assert summary(out) == "new 3, updated 0, unchanged 0, failed 1"
    assert Article.objects.count() == 3


def test_a_failure_while_storing_rolls_back_that_article_only(tmp_path, monkeypatch):
    """Articles are committed in groups; one failing article leaves no row and costs the
    rest of its group nothing."""
    from factcheck import services

    records = [
        json.loads(line) for line in (SAMPLES / "fa-news-sample.jsonl").read_text().splitlines()[:3]
    ]
    doomed = records[1]["id"]
    extract = services.statements_extract

    def failing(*, article, **options):
        if article.external_id == doomed:
            raise RuntimeError("disk full")
        return extract(article=article, **options)

    monkeypatch.setattr(services, "statements_extract", failing)
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n")
    out, err = ingest_failing(str(path))
    assert "RuntimeError: disk full" in err
    assert summary(out) == "new 2, updated 0, unchanged 0, failed 1"
    assert not Article.objects.filter(external_id=doomed).exists()
    assert Article.objects.count() == 2
    assert Statement.objects.filter(article__external_id=doomed).count() == 0
    assert Statement.objects.count() > 0


def test_a_speaker_another_process_created_meanwhile_is_reused(tmp_path, monkeypatch):
    """A group's new speakers are written when the group ends; one created meanwhile by
    another process (unknown to this run's cache) makes that write fail, and the group is
    stored again with a cache that knows it: no article lost, no speaker twice."""
    from factcheck.models import Speaker
    from factcheck.services import IngestCache

    path = tmp_path / "batch.jsonl"
    path.write_text(
        "\n".join((SAMPLES / "fa-news-sample.jsonl").read_text().splitlines()[:3]) + "\n"
    )
    stale = IngestCache.preload()  # before the other process's speakers exist
    ingest(str(path))  # the other process
    speakers = set(Speaker.objects.values_list("pk", "name_key"))
    assert speakers
    Article.objects.all().delete()
    preload = IngestCache.preload
    caches = iter([stale])
    monkeypatch.setattr(IngestCache, "preload", lambda: next(caches, None) or preload())
    out, _ = ingest(str(path))
    assert summary(out) == "new 3, updated 0, unchanged 0, failed 0"
    assert set(Speaker.objects.values_list("pk", "name_key")) == speakers
    assert Statement.objects.filter(speaker__isnull=False).exists()


def test_ingest_gzipped_jsonl(tmp_path):
    path = tmp_path / "batch.jsonl.gz"
    path.write_bytes(gzip.compress((SAMPLES / "fa-news-sample.jsonl").read_bytes()))
    out, _ = ingest(str(path))
    assert summary(out).startswith("new 40,")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ],
)
def test_ingest_bad_file_clear_error_nothing_written(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    out, err = ingest_failing(str(path))
    assert name in err and message in err.lower()
    assert "Traceback" not in err
    assert summary(out).endswith("failed 1")
    assert Article.objects.count() == 0


def test_ingest_size_limit_per_article_and_per_record(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("تیتر\n" + "کلمه " * 400, encoding="utf-8")
    _, err = ingest_failing(str(big), "--max-bytes", "1000")
    assert "over the" in err and "limit" in err
    batch = tmp_path / "batch.jsonl"
    small = {
        "id": "a",
        "source": "s",
        "url": "",
        "title": "ت",
        "published": None,
        "text": "تیتر\nمتن کوتاه",
    }
    large = dict(small, id="b", text="تیتر\n" + "کلمه " * 400)
    batch.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in (small, large)))
    out, err = ingest_failing(str(batch), "--max-bytes", "1000")
    assert "batch.jsonl line 2" in err
    assert summary(out).startswith("new 1,")


def test_ingest_missing_path_is_named():
    _, err = ingest_failing("/no/such/file.txt")
    assert "/no/such/file.txt" in err and "no such file" in err


def test_ingest_changed_url_content_keeps_revision(http_server):
    url = f"{http_server.base_url}/didarnews-153318.html"
    ingest(url, "--allow-private")
    article = Article.objects.get()
    article.text = article.text + "\nجمله‌ای که بعدا حذف شد."
    article.content_hash = "stale"
    article.save()
    out, _ = ingest(url, "--allow-private")
    assert summary(out).startswith("new 0, updated 1")
    assert ArticleRevision.objects.filter(article=article).count() == 1
    assert Article.objects.count() == 1


def test_ingest_url_keeps_zwnj_and_finds_statements(http_server):
    out, _ = ingest(f"{http_server.base_url}/didarnews-153318.html", "--allow-private")
    assert summary(out).startswith("new 1,")
    article = Article.objects.get()
    assert "\u200c" in article.text
    assert article.url
    assert article.statements.exists()
    assert "نظر:" not in article.text


def test_ingest_private_url_refused_without_flag(http_server):
    _, err = ingest_failing(f"{http_server.base_url}/didarnews-153318.html")
    assert "private" in err.lower() or "loopback" in err.lower()
    assert Article.objects.count() == 0


def test_ingest_unreachable_url_is_a_clear_failure(http_server):
    _, err = ingest_failing(f"{http_server.base_url}/status/404", "--allow-private")
    assert "404" in err


def test_ingest_feed_fetches_each_entry(tmp_path, http_server):
    base = http_server.base_url
    feed = tmp_path / "feed.rss"
    feed.write_text(
        f"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>دیدارنیوز</title>
        <item><title>یک</title><link>{base}/didarnews-153318.html</link></item>
        <item><title>دو</title><link>{base}/status/500</link></item>
        </channel></rss>""",
        encoding="utf-8",
    )
    out, err = ingest_failing(str(feed), "--allow-private")
    assert summary(out) == "new 1, updated 0, unchanged 0, failed 1"
    assert "500" in err
    assert Article.objects.get().source.name


def test_extract_statements_prints_json_lines_without_database(founding_text):
    out = StringIO()
    path = SAMPLES / "didarnews-153318.txt"
    call_command("extract_statements", str(path), stdout=out)
    [line] = out.getvalue().splitlines()
    record = json.loads(line)
    assert record["file"] == str(path)
    assert len(record["statements"]) == 11
    first = record["statements"][0]
    assert set(first) == {
        "speaker",
        "role",
        "speaker_mention",
        "quote",
        "start",
        "end",
        "kind",
        "cue",
        "confidence",
    }
    for statement in record["statements"]:
        assert founding_text[statement["start"] : statement["end"]] == statement["quote"]
    assert Article.objects.count() == 0


def test_add_editor_creates_account_in_group_with_byline():
    from django.contrib.auth.models import User

    from factcheck.editorial import is_editor

    out = StringIO()
    call_command("add_editor", "sara", "--byline", "ناظر", stdout=out)
    user = User.objects.get(username="sara")
    assert is_editor(user) and user.editor_profile.byline == "ناظر"
    assert "password" in out.getvalue()


@pytest.mark.django_db(transaction=True)
def test_a_group_whose_commit_fails_is_reported_failed_and_leaves_nothing(tmp_path, monkeypatch):
    """The commit itself can fail (a full disk: SQLite writes the WAL at commit): the whole
    group is reported failed, with the database's reason and no traceback, and none of it is
    stored. A foreign key checked at commit (deferred on SQLite and PostgreSQL) stands in
    for the full disk here; bench/load.py fills a real one."""
    from factcheck import services

    records = [
        json.loads(line) for line in (SAMPLES / "fa-news-sample.jsonl").read_text().splitlines()[:3]
    ]
    extract = services.statements_extract

    def dangling(*, article, **options):
        if article.external_id == records[1]["id"]:
            ArticleRevision.objects.create(article_id=10**9, text="x", content_hash="x")
        return extract(article=article, **options)

    monkeypatch.setattr(services, "statements_extract", dangling)
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n")
    out, err = ingest_failing(str(path))
    assert summary(out) == "new 0, updated 0, unchanged 0, failed 3"
    assert err.count("not stored, the database refused the write") == 3
    assert "Traceback" not in err
    assert not Article.objects.exists() and not Statement.objects.exists()
    monkeypatch.undo()
    out, _ = ingest(str(path))
    assert summary(out) == "new 3, updated 0, unchanged 0, failed 0"
