"""python manage.py reextract: the current engine again over stored articles."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.parsed import ParsedArticle
from factcheck import nlp
from factcheck.models import ReviewStatus, Statement
from factcheck.services import article_ingest

OTHER_TEXT = "تیتر خبر\nحسن روحانی روز دوشنبه گفت که دولت برنامه‌ای برای افزایش قیمت بنزین ندارد."


def _run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("reextract", "--no-progress", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_machine_statements_are_found_again_and_reviewed_ones_kept(founding_article):
    statements = list(founding_article.statements.order_by("start"))
    assert len(statements) == 11
    reviewed = statements[0]
    reviewed.review_status = ReviewStatus.ACCEPTED
    reviewed.speaker_mention = "ویراسته"
    reviewed.save()
    # What an older engine left: one statement missed, the rest at another confidence.
    statements[5].delete()
    Statement.objects.filter(pk__in=[s.pk for s in statements[1:]]).update(confidence=0.01)

    out, err = _run()

    assert "re-extracted 1 articles: 10 statements found (replacing 9), 1 reviewed" in out
    assert "index" in out and not err  # the search index is brought up to date
    now = list(founding_article.statements.order_by("start"))
    assert [(s.start, s.end) for s in now] == [(s.start, s.end) for s in statements]
    kept = now[0]
    assert (kept.pk, kept.speaker_mention) == (reviewed.pk, "ویراسته")
    assert all(s.confidence >= 0.3 for s in now[1:])


def test_a_failing_article_is_named_left_as_it_was_and_the_rest_go_on(
    founding_article, monkeypatch
):
    other, _ = article_ingest(parsed=ParsedArticle(text=OTHER_TEXT, title="تیتر خبر"))
    before = set(founding_article.statements.values_list("pk", flat=True))
    real = nlp.analyse_article

    def analyse(text):
        if "زارع" in text:
            raise ValueError("the engine broke")
        return real(text)

    monkeypatch.setattr(nlp, "analyse_article", analyse)
    with pytest.raises(CommandError, match="1 article\\(s\\) failed"):
        _run()
    assert set(founding_article.statements.values_list("pk", flat=True)) == before
    assert other.statements.get().quote == "دولت برنامه‌ای برای افزایش قیمت بنزین ندارد"


def test_the_failure_is_named_on_stderr(founding_article, monkeypatch):
    monkeypatch.setattr(nlp, "analyse_article", lambda text: 1 / 0)
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("reextract", "--no-progress", stdout=StringIO(), stderr=err)
    assert f"failed: article {founding_article.pk} (https://www.didarnews.ir" in err.getvalue()
    assert "division by zero" in err.getvalue()


def test_only_the_articles_asked_for(founding_article):
    other, _ = article_ingest(parsed=ParsedArticle(text=OTHER_TEXT, title="تیتر خبر"))
    out, _ = _run("--article", str(other.pk))
    assert "re-extracted 1 articles: 1 statements found (replacing 1)" in out
    with pytest.raises(CommandError, match="no stored article matches"):
        _run("--source", "هیچ‌کس")
    with pytest.raises(CommandError, match="not a date"):
        _run("--since", "دیروز")


def test_a_checked_claim_keeps_its_verdict_and_is_found_again(claim, editor):
    from factcheck import editorial

    editorial.verdict_create(
        claim=claim, editor=editor, rating="false", summary="نادرست", publish=True
    )
    appearances = claim.appearances.count()
    _run()
    claim.refresh_from_db()
    assert claim.verdicts.published().get().summary == "نادرست"
    # The statements it appeared in were replaced; the new ones appear in the same claim.
    assert claim.appearances.count() == appearances
