"""Editorial workflows: review, corrections, merges, verdicts, evidence, history, conflicts."""

import pytest
from django.core.exceptions import ValidationError

from factcheck import editorial
from factcheck.models import Claim, ReviewStatus, Speaker, Statement, VerdictStatus

pytestmark = pytest.mark.django_db


def test_reject_keeps_statement_with_reason_and_hides_its_claims(founding_article, editor):
    statement = founding_article.statements.first()
    editorial.statement_reject(statement=statement, editor=editor, reason="سرتیتر تکراری")
    statement.refresh_from_db()
    assert statement.review_status == ReviewStatus.REJECTED
    assert statement.reject_reason == "سرتیتر تکراری"
    assert Statement.objects.filter(pk=statement.pk).exists()  # kept as evaluation data
    assert statement.history.first().history_user == editor


def test_reject_needs_a_reason(founding_article, editor):
    with pytest.raises(ValidationError):
        editorial.statement_reject(
            statement=founding_article.statements.first(), editor=editor, reason=" "
        )


def test_correct_span_and_new_speaker_rederives_claims(founding_article, editor):
    statement = founding_article.statements.get(cue="اظهار کرد:")
    first_sentence_end = statement.quote.index(".") + statement.start
    editorial.statement_correct(
        statement=statement,
        editor=editor,
        start=statement.start,
        end=first_sentence_end,
        new_speaker_name="سخنگوی وزارت ارتباطات",
        expected_version=statement.version,
    )
    statement.refresh_from_db()
    assert statement.quote == "ما با همه کشورها برای توسعه ارتباطات و فناوری اطلاعات همکاری میکنیم"
    assert statement.speaker.name == "سخنگوی وزارت ارتباطات"
    assert statement.review_status == ReviewStatus.ACCEPTED
    claims = Claim.objects.filter(appearances__statement=statement)
    assert [c.text for c in claims] == [statement.quote]
    assert claims.get().speaker == statement.speaker
    # The claim only that sentence carried is gone; nothing was attached to it.
    assert not Claim.objects.filter(text__startswith="چندی پیش اجلاس").exists()


def test_stale_version_is_a_conflict_and_writes_nothing(founding_article, editor, other_editor):
    statement = founding_article.statements.first()
    loaded = statement.version
    editorial.statement_accept(statement=statement, editor=other_editor, expected_version=loaded)
    with pytest.raises(editorial.EditConflict):
        editorial.statement_reject(
            statement=statement, editor=editor, reason="x", expected_version=loaded
        )
    statement.refresh_from_db()
    assert statement.review_status == ReviewStatus.ACCEPTED


def test_speaker_merge_moves_everything(founding_article, editor):
    main = Speaker.objects.get()
    duplicate = Speaker.objects.create(name="ع. زارعپور", name_key="ع.زارعپور")
    moved = founding_article.statements.first()
    moved.speaker = duplicate
    moved.save()
    editorial.speaker_merge(keep=main, absorb=duplicate, editor=editor)
    assert not Speaker.objects.filter(pk=duplicate.pk).exists()
    assert Statement.objects.filter(speaker=main).count() == founding_article.statements.count()
    assert main.aliases.filter(name="ع. زارعپور").exists()


def test_claim_split_and_merge(claim, editor, founding_article):
    repeated = Claim.objects.get(text__contains="وزارت ارتباطات است", text__startswith="کامل")
    lead, body = list(repeated.appearances.all())
    with pytest.raises(ValidationError):  # identical wording would be the same claim
        editorial.claim_split(claim=repeated, appearances=[body], text="", editor=editor)
    new = editorial.claim_split(
        claim=repeated, appearances=[body], text="اطمینان درباره پیام‌رسان‌ها (متن)", editor=editor
    )
    assert repeated.appearances.count() == 1 and new.appearances.count() == 1
    editorial.claim_merge(keep=repeated, absorb=new, editor=editor)
    assert repeated.appearances.count() == 2
    assert not Claim.objects.filter(pk=new.pk).exists()


def test_verdicts_are_never_overwritten_and_latest_published_is_current(
    claim, editor, other_editor
):
    first = editorial.verdict_create(
        claim=claim, editor=editor, rating="true", summary="درست است", publish=True
    )
    draft = editorial.verdict_create(
        claim=claim, editor=other_editor, rating="false", summary="پیش‌نویس"
    )
    claim.refresh_from_db()
    assert claim.current_verdict == first and draft.status == VerdictStatus.DRAFT
    second = editorial.verdict_publish(verdict=draft, editor=other_editor)
    claim.refresh_from_db()
    assert claim.current_verdict == second
    assert second.is_correction and not first.is_correction
    assert claim.verdicts.count() == 2
    first.refresh_from_db()
    assert first.rating == "true" and first.status == VerdictStatus.PUBLISHED


def test_verdict_byline_is_the_editors_choice(claim, editor):
    from factcheck.models import EditorProfile

    EditorProfile.objects.create(user=editor, byline="راستی‌یاب")
    verdict = editorial.verdict_create(
        claim=claim, editor=editor, rating="half-true", summary="نیمه", publish=True
    )
    assert verdict.byline == "راستی‌یاب"


def test_evidence_can_point_to_an_article_of_the_knowledge_base(claim, editor, founding_article):
    evidence = editorial.evidence_add(
        claim=claim, editor=editor, title="", stance="context", article=founding_article
    )
    assert evidence.url == founding_article.url
    assert evidence.title == founding_article.title
    with pytest.raises(ValidationError):
        editorial.evidence_add(claim=claim, editor=editor, title="بی‌نشانی", stance="refutes")


def test_claim_update_marks_check_worthy_and_assigns(claim, editor):
    editorial.claim_update(
        claim=claim,
        editor=editor,
        expected_version=claim.version,
        check_worthy=True,
        assignee=editor,
    )
    claim.refresh_from_db()
    assert claim.check_worthy is True and claim.assignee == editor and claim.version == 2


def test_reingest_keeps_claims_editors_worked_on(founding_article, claim, editor):
    from articles.parsed import ParsedArticle
    from factcheck.services import article_ingest

    editorial.verdict_create(
        claim=claim, editor=editor, rating="true", summary="درست", publish=True
    )
    changed = founding_article.text.replace("از ۱۲ کشور", "از ۱۳ کشور")
    article_ingest(parsed=ParsedArticle(text=changed, url=founding_article.url))
    assert Claim.objects.filter(pk=claim.pk).exists()
    assert claim.verdicts.count() == 1
