"""Storing articles, statements, speakers and claims."""

from datetime import UTC, datetime

import pytest

from articles.models import Article, ArticleRevision
from articles.parsed import ParsedArticle
from factcheck.models import Claim, ReviewStatus, Speaker, Statement
from factcheck.services import IngestStatus, article_ingest, speaker_resolve

pytestmark = pytest.mark.django_db

TEXT = (
    "تیتر خبر\n"
    "علی اکبر محرابیان، وزیر نیرو گفت: تابستان امسال خاموشی نخواهیم داشت. ظرفیت نیروگاه‌ها ۵ هزار مگاوات افزایش یافت.\n"
    "وی افزود: تابستان امسال خاموشی نخواهیم داشت."
)


def test_article_ingest_stores_statements_speaker_and_claims():
    article, status = article_ingest(
        parsed=ParsedArticle(text=TEXT, title="تیتر خبر"), source_name="ایسنا"
    )
    assert status == IngestStatus.NEW
    assert article.source.name == "ایسنا"
    assert article.statements.count() == 2
    speaker = Speaker.objects.get()
    assert speaker.name == "علی اکبر محرابیان"
    assert speaker.roles.get().title == "وزیر نیرو"
    # The sentence said twice by one speaker is one claim with two appearances.
    repeated = Claim.objects.get(text="تابستان امسال خاموشی نخواهیم داشت")
    assert repeated.appearances.count() == 2
    assert Claim.objects.count() == 2


def test_article_ingest_same_content_twice_adds_nothing():
    article_ingest(parsed=ParsedArticle(text=TEXT))
    _, status = article_ingest(parsed=ParsedArticle(text=TEXT))
    assert status == IngestStatus.UNCHANGED
    assert Article.objects.count() == 1
    assert Statement.objects.count() == 2


def test_article_ingest_changed_text_keeps_revision_and_reviewed_statements():
    url = "https://example.com/news/1"
    article, _ = article_ingest(parsed=ParsedArticle(text=TEXT, url=url))
    reviewed = article.statements.first()
    reviewed.review_status = ReviewStatus.ACCEPTED
    reviewed.save()
    changed = "پیش‌درآمد تازه\n" + TEXT
    article, status = article_ingest(parsed=ParsedArticle(text=changed, url=url))
    assert status == IngestStatus.UPDATED
    assert ArticleRevision.objects.get(article=article).text == TEXT
    reviewed.refresh_from_db()
    assert changed[reviewed.start : reviewed.end] == reviewed.quote
    assert article.statements.count() == 2
    assert Article.objects.count() == 1


def test_article_ingest_source_from_byline(founding_text):
    article, _ = article_ingest(parsed=ParsedArticle(text=founding_text))
    assert article.source.name == "دیدارنیوز"


def test_speaker_resolve_spelling_variants_are_one_speaker():
    first = speaker_resolve(name="عیسی زارعپور", role="وزیر ارتباطات")
    assert speaker_resolve(name="عیسی زارع‌پور") == first
    assert speaker_resolve(name="زارعپور") == first
    assert first.name == "عیسی زارع‌پور"


def test_speaker_resolve_shared_surname_not_merged():
    ali = speaker_resolve(name="علی لاریجانی")
    sadegh = speaker_resolve(name="صادق لاریجانی")
    assert ali != sadegh
    # A lone surname that fits two people is not forced onto either.
    assert speaker_resolve(name="لاریجانی") not in (ali, sadegh)


def test_speaker_resolve_role_kept_over_time():
    early = datetime(2020, 1, 1, tzinfo=UTC)
    late = datetime(2023, 1, 1, tzinfo=UTC)
    speaker_resolve(name="عیسی زارعپور", role="وزیر ارتباطات", seen_at=late)
    speaker = speaker_resolve(name="عیسی زارعپور", role="وزیر ارتباطات", seen_at=early)
    role = speaker.roles.get()
    assert (role.first_seen, role.last_seen) == (early, late)


def test_founding_article_repeated_claim_is_one_claim_near_duplicate_is_not(founding_text):
    article_ingest(parsed=ParsedArticle(text=founding_text))
    said_twice = Claim.objects.filter(text__contains="وزارت ارتباطات است", text__startswith="کامل")
    assert said_twice.count() == 1
    assert said_twice.get().appearances.count() == 2  # lead and body, کاملا / کاملاً
    variant = Claim.objects.filter(text__contains="وزارت اطلاعات است")
    assert variant.count() == 1
    assert variant.get() != said_twice.get()
