"""Editors' workflows: reviewing statements, fixing speakers and claims, verdicts and evidence.

Every function is one transaction and takes the editor making the change; django-simple-history
keeps each before/after (the editor is recorded through ``_change_reason`` and
``history_user``). Edits of existing objects may name the version they started from: if
someone saved in between, :class:`EditConflict` is raised and nothing is written.
"""

from collections.abc import Iterable
from datetime import date

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model
from django.utils import timezone

from articles.models import Article

from . import nlp
from .models import (
    Claim,
    ClaimAppearance,
    Evidence,
    PromiseStatus,
    Rating,
    ReviewStatus,
    Speaker,
    SpeakerAlias,
    SpeakerRole,
    Stance,
    Statement,
    Verdict,
    VerdictStatus,
    byline_of,
)
from .services import claim_fingerprint, claims_drop_orphans, speaker_resolve


class EditConflict(Exception):
    """Someone else saved this object since the editor loaded it."""

    def __init__(self, obj: Model, expected: int):
        self.obj = obj
        self.expected = expected
        self.current = obj.version
        super().__init__(
            f"{obj._meta.verbose_name} {obj.pk} was changed by someone else "
            f"(you edited version {expected}, it is now version {obj.version}); "
            "reload it and apply your change again."
        )


def is_editor(user: AbstractBaseUser | None) -> bool:
    """Editors (the ``editors`` group) and superusers may change the knowledge base."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name=settings.EDITORS_GROUP).exists()


def _locked(model: type[Model], pk: int) -> Model:
    # Inside the transaction: PostgreSQL locks the row; SQLite serialises writers anyway.
    return model.objects.select_for_update().get(pk=pk)


def _attribute(obj: Model, editor: AbstractBaseUser, reason: str) -> Model:
    """Tell django-simple-history who makes the next save or delete of ``obj``, and why."""
    obj._history_user = editor
    obj._change_reason = reason
    return obj


def _save(obj: Model, editor: AbstractBaseUser, expected_version: int | None, reason: str) -> None:
    """Check the version the editor started from, bump it, and save with who and why."""
    if expected_version is not None and obj.version != expected_version:
        raise EditConflict(obj, expected_version)
    obj.version += 1
    _attribute(obj, editor, reason).save()


# --- statements -------------------------------------------------------------------------


@transaction.atomic
def statement_accept(
    *, statement: Statement, editor: AbstractBaseUser, expected_version: int | None = None
) -> Statement:
    statement = _locked(Statement, statement.pk)
    statement.review_status = ReviewStatus.ACCEPTED
    statement.reject_reason = ""
    statement.reviewed_by, statement.reviewed_at = editor, timezone.now()
    _save(statement, editor, expected_version, "accepted")
    return statement


@transaction.atomic
def statement_reject(
    *,
    statement: Statement,
    editor: AbstractBaseUser,
    reason: str,
    expected_version: int | None = None,
) -> Statement:
    """Reject a machine statement; it is kept (as evaluation data) but hidden from readers."""
    if not reason.strip():
        raise ValidationError({"reason": "Say why the statement is rejected."})
    statement = _locked(Statement, statement.pk)
    statement.review_status = ReviewStatus.REJECTED
    statement.reject_reason = reason.strip()
    statement.reviewed_by, statement.reviewed_at = editor, timezone.now()
    _save(statement, editor, expected_version, f"rejected: {reason.strip()}")
    return statement


@transaction.atomic
def statement_correct(
    *,
    statement: Statement,
    editor: AbstractBaseUser,
    start: int | None = None,
    end: int | None = None,
    speaker: Speaker | None = None,
    new_speaker_name: str = "",
    expected_version: int | None = None,
) -> Statement:
    """Fix a statement's span and/or speaker (an existing one, or a new name); accepts it.

    Its claims are derived again from the corrected span, under the corrected speaker.
    """
    statement = _locked(Statement, statement.pk)
    text = statement.article.text
    start = statement.start if start is None else start
    end = statement.end if end is None else end
    if not 0 <= start < end <= len(text) or not text[start:end].strip():
        raise ValidationError({"span": f"The span must lie inside the article (0..{len(text)})."})
    if new_speaker_name.strip():
        speaker = speaker_resolve(name=new_speaker_name.strip())
    changes = []
    if (start, end) != (statement.start, statement.end):
        changes.append(f"span {statement.start}-{statement.end} -> {start}-{end}")
    if speaker is not None and speaker.pk != statement.speaker_id:
        changes.append(f"speaker {statement.speaker} -> {speaker}")
        statement.speaker = speaker
    statement.start, statement.end, statement.quote = start, end, text[start:end]
    statement.review_status = ReviewStatus.ACCEPTED
    statement.reviewed_by, statement.reviewed_at = editor, timezone.now()
    _save(statement, editor, expected_version, "corrected: " + ("; ".join(changes) or "no change"))
    _claims_rederive(statement)
    return statement


def _claims_rederive(statement: Statement) -> None:
    """Replace a statement's appearances with claims split from its current span and speaker."""
    old_claims = set(statement.appearances.values_list("claim_id", flat=True))
    statement.appearances.all().delete()
    published_at = statement.article.published_at
    for candidate in nlp.split_claims(
        statement.article.text, statement.start, statement.end, statement.cue
    ):
        claim, _ = Claim.objects.get_or_create(
            speaker=statement.speaker,
            fingerprint=claim_fingerprint(candidate.text),
            defaults={
                "text": candidate.text,
                "claim_type": candidate.claim_type,
                "check_worthiness": candidate.check_worthiness,
                "worthiness_reasons": list(candidate.reasons),
                "first_seen_at": published_at,
            },
        )
        ClaimAppearance.objects.get_or_create(
            claim=claim,
            statement=statement,
            start=candidate.start,
            defaults={"end": candidate.end},
        )
    claims_drop_orphans(old_claims)


# --- speakers ---------------------------------------------------------------------------


@transaction.atomic
def speaker_merge(*, keep: Speaker, absorb: Speaker, editor: AbstractBaseUser) -> Speaker:
    """Make ``absorb`` part of ``keep``: statements, claims, aliases and roles move over.

    A claim both speakers made (same text) becomes one claim with all appearances.
    """
    if keep.pk == absorb.pk:
        raise ValidationError("A speaker cannot be merged into itself.")
    keep, absorb = _locked(Speaker, keep.pk), _locked(Speaker, absorb.pk)
    Statement.objects.filter(speaker=absorb).update(speaker=keep)
    for claim in Claim.objects.filter(speaker=absorb):
        twin = Claim.objects.filter(speaker=keep, fingerprint=claim.fingerprint).first()
        if twin:
            claim_merge(keep=twin, absorb=claim, editor=editor)
        else:
            claim.speaker = keep
            _save(claim, editor, None, f"speaker {absorb} merged into {keep}")
    known = set(keep.aliases.values_list("name_key", flat=True))
    names = [(a.name, a.name_key) for a in absorb.aliases.all()] + [(absorb.name, absorb.name_key)]
    for name, key in names:
        if key not in known:
            SpeakerAlias.objects.create(speaker=keep, name=name, name_key=key)
            known.add(key)
    roles = {r.title_key: r for r in keep.roles.all()}
    for role in absorb.roles.all():
        mine = roles.get(role.title_key)
        if mine is None:
            SpeakerRole.objects.create(
                speaker=keep,
                title=role.title,
                title_key=role.title_key,
                first_seen=role.first_seen,
                last_seen=role.last_seen,
            )
            continue
        seen = [d for d in (mine.first_seen, mine.last_seen, role.first_seen, role.last_seen) if d]
        if seen:
            mine.first_seen, mine.last_seen = min(seen), max(seen)
            mine.save(update_fields=["first_seen", "last_seen"])
    _attribute(absorb, editor, f"merged into speaker {keep.pk} ({keep})").delete()
    _save(keep, editor, None, f"absorbed speaker {absorb.name}")
    return keep


# --- claims -----------------------------------------------------------------------------


@transaction.atomic
def claim_update(
    *,
    claim: Claim,
    editor: AbstractBaseUser,
    expected_version: int | None = None,
    **changes,
) -> Claim:
    """Change an editor's fields of a claim: check_worthy, assignee, promise_status, text, type."""
    allowed = {"check_worthy", "assignee", "promise_status", "text", "claim_type"}
    unknown = set(changes) - allowed
    if unknown:
        raise ValidationError({name: "This field cannot be edited." for name in unknown})
    if "promise_status" in changes and changes["promise_status"] not in PromiseStatus.values:
        raise ValidationError({"promise_status": "Unknown promise status."})
    claim = _locked(Claim, claim.pk)
    described = []
    for name, value in changes.items():
        if getattr(claim, name) != value:
            described.append(name)
            setattr(claim, name, value)
    _save(claim, editor, expected_version, "edited " + (", ".join(described) or "nothing"))
    return claim


@transaction.atomic
def claim_split(
    *, claim: Claim, appearances: Iterable[ClaimAppearance], text: str, editor: AbstractBaseUser
) -> Claim:
    """Move some appearances of a claim to a new claim with its own wording."""
    moving = [a for a in appearances if a.claim_id == claim.pk]
    if not moving or len(moving) >= claim.appearances.count():
        raise ValidationError("Choose some, not all, of the claim's appearances to split off.")
    text = text.strip() or moving[0].statement.article.text[moving[0].start : moving[0].end]
    new = Claim(
        speaker=claim.speaker,
        text=text,
        fingerprint=claim_fingerprint(text),
        claim_type=claim.claim_type,
        check_worthiness=claim.check_worthiness,
        worthiness_reasons=claim.worthiness_reasons,
        first_seen_at=claim.first_seen_at,
    )
    if Claim.objects.filter(speaker=claim.speaker, fingerprint=new.fingerprint).exists():
        raise ValidationError({"text": "This speaker already has a claim with this wording."})
    _attribute(new, editor, f"split from claim {claim.pk}").save()
    ClaimAppearance.objects.filter(pk__in=[a.pk for a in moving]).update(claim=new)
    _save(_locked(Claim, claim.pk), editor, None, f"split off claim {new.pk}")
    return new


@transaction.atomic
def claim_merge(*, keep: Claim, absorb: Claim, editor: AbstractBaseUser) -> Claim:
    """Make ``absorb`` part of ``keep``: appearances, verdicts and evidence move over."""
    if keep.pk == absorb.pk:
        raise ValidationError("A claim cannot be merged into itself.")
    keep = _locked(Claim, keep.pk)
    for appearance in absorb.appearances.all():
        if keep.appearances.filter(statement=appearance.statement, start=appearance.start).exists():
            appearance.delete()
        else:
            appearance.claim = keep
            appearance.save(update_fields=["claim"])
    absorb.verdicts.update(claim=keep)
    absorb.evidence.update(claim=keep)
    if absorb.first_seen_at and (
        not keep.first_seen_at or absorb.first_seen_at < keep.first_seen_at
    ):
        keep.first_seen_at = absorb.first_seen_at
    _attribute(absorb, editor, f"merged into claim {keep.pk}").delete()
    _save(keep, editor, None, f"absorbed claim {absorb.pk}")
    claim_refresh(keep)
    return keep


def claim_refresh(claim: Claim) -> Claim:
    """Point the claim at its latest published verdict (run after every verdict change)."""
    latest = claim.verdicts.published().newest_first().first()
    if claim.current_verdict_id != (latest.pk if latest else None):
        Claim.objects.filter(pk=claim.pk).update(current_verdict=latest)
        claim.current_verdict = latest
    return claim


# --- verdicts and evidence --------------------------------------------------------------


@transaction.atomic
def verdict_create(
    *,
    claim: Claim,
    editor: AbstractBaseUser,
    rating: str,
    summary: str,
    reasoning: str = "",
    publish: bool = False,
    correction_reason: str = "",
) -> Verdict:
    """A new verdict for a claim, saved as a draft or published at once.

    It never changes an earlier verdict; publishing one after an earlier published verdict
    marks it as a correction.
    """
    if rating not in Rating.values:
        raise ValidationError({"rating": f"Unknown rating; use one of {', '.join(Rating.values)}."})
    if not summary.strip():
        raise ValidationError({"summary": "A verdict needs a summary."})
    verdict = Verdict(
        claim=claim,
        rating=rating,
        summary=summary.strip(),
        reasoning=reasoning.strip(),
        editor=editor,
        correction_reason=correction_reason.strip(),
    )
    _attribute(verdict, editor, "created").save()
    if publish:
        verdict = verdict_publish(verdict=verdict, editor=editor)
    return verdict


@transaction.atomic
def verdict_publish(
    *, verdict: Verdict, editor: AbstractBaseUser, expected_version: int | None = None
) -> Verdict:
    verdict = _locked(Verdict, verdict.pk)
    if verdict.is_published:
        raise ValidationError("This verdict is already published.")
    earlier = verdict.claim.verdicts.published().exclude(pk=verdict.pk).exists()
    verdict.status = VerdictStatus.PUBLISHED
    verdict.published_at = timezone.now()
    verdict.byline = byline_of(editor)
    verdict.is_correction = earlier
    _save(verdict, editor, expected_version, "published" + (" (correction)" if earlier else ""))
    claim_refresh(verdict.claim)
    return verdict


@transaction.atomic
def evidence_add(
    *,
    claim: Claim,
    editor: AbstractBaseUser,
    title: str,
    stance: str,
    url: str = "",
    publisher: str = "",
    published_on: date | None = None,
    excerpt: str = "",
    article: Article | None = None,
) -> Evidence:
    """Attach a document (a URL, or an article of the knowledge base) to a claim."""
    if stance not in Stance.values:
        raise ValidationError({"stance": f"Use one of {', '.join(Stance.values)}."})
    if not url and article is None:
        raise ValidationError({"url": "Give the evidence's address or choose an article."})
    if article is not None:
        url = url or article.url
        title = title or article.title
        publisher = publisher or article.source.name
        published_on = published_on or (
            article.published_at.date() if article.published_at else None
        )
    if not title.strip():
        raise ValidationError({"title": "Evidence needs a title."})
    evidence = Evidence(
        claim=claim,
        url=url,
        title=title.strip(),
        publisher=publisher.strip(),
        published_on=published_on,
        excerpt=excerpt.strip(),
        stance=stance,
        article=article,
        added_by=editor,
    )
    _attribute(evidence, editor, "added").save()
    return evidence
