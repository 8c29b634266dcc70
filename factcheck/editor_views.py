"""Pages for editors: the review queue, statement review, merges, and claim actions.

Each POST handler validates a form and calls one factcheck.editorial function; a stale
version comes back as a message, never as a silent overwrite.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from articles.models import Article, Feed

from . import editorial
from .forms import (
    BylineForm,
    ClaimEditForm,
    ClaimMergeForm,
    ClaimSplitForm,
    CorrectStatementForm,
    EvidenceForm,
    FeedForm,
    RejectForm,
    ReviewFilterForm,
    SpeakerMergeForm,
    VerdictForm,
    VersionedForm,
)
from .models import Claim, EditorProfile, ReviewStatus, Statement, Verdict
from .pagination import paginate
from .tasks import feed_poll_enqueue


def editor_required(view: Callable) -> Callable:
    """Signed-in editors only: others are sent to sign in, or refused (403)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not editorial.is_editor(request.user):
            raise PermissionDenied("Only editors may do this.")
        return view(request, *args, **kwargs)

    return wrapper


def _report(request: HttpRequest, error: Exception) -> None:
    if isinstance(error, editorial.EditConflict):
        messages.error(request, f"تعارض ویرایش: ویرایشگر دیگری این مورد را تغییر داده است. {error}")
    elif isinstance(error, ValidationError):
        messages.error(request, " ".join(error.messages))


@editor_required
def review_queue(request: HttpRequest) -> HttpResponse:
    """Machine statements waiting for review, least confident first."""
    filters = ReviewFilterForm(request.GET or None)
    statements = (
        Statement.objects.filter(review_status=ReviewStatus.PENDING)
        .with_related()
        .order_by("confidence", "-article__published_at", "id")
    )
    if filters.is_valid():
        data = filters.cleaned_data
        if data["source"]:
            statements = statements.filter(article__source=data["source"])
        if data["speaker"]:
            statements = statements.filter(speaker=data["speaker"])
        if data["date_from"]:
            statements = statements.filter(article__published_at__date__gte=data["date_from"])
        if data["date_to"]:
            statements = statements.filter(article__published_at__date__lte=data["date_to"])
    return render(
        request,
        "factcheck/review_queue.html",
        {"page": paginate(request, statements), "filters": filters},
    )


@editor_required
def statement_review(request: HttpRequest, pk: int) -> HttpResponse:
    statement = get_object_or_404(Statement.objects.with_related(), pk=pk)
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "accept":
                form = _valid(VersionedForm(request.POST))
                editorial.statement_accept(
                    statement=statement,
                    editor=request.user,
                    expected_version=form.cleaned_data["version"],
                )
                messages.success(request, "نقل قول تأیید شد.")
            elif action == "reject":
                form = _valid(RejectForm(request.POST))
                editorial.statement_reject(
                    statement=statement,
                    editor=request.user,
                    reason=form.cleaned_data["reason"],
                    expected_version=form.cleaned_data["version"],
                )
                messages.success(request, "نقل قول رد شد و برای ارزیابی نگه داشته می‌شود.")
            elif action == "correct":
                form = _valid(CorrectStatementForm(request.POST))
                data = form.cleaned_data
                editorial.statement_correct(
                    statement=statement,
                    editor=request.user,
                    start=data["start"],
                    end=data["end"],
                    speaker=data["speaker"],
                    new_speaker_name=data["new_speaker_name"],
                    expected_version=data["version"],
                )
                messages.success(request, "نقل قول اصلاح شد.")
            else:
                messages.error(request, "کار ناشناخته.")
        except (editorial.EditConflict, ValidationError) as error:
            _report(request, error)
            return redirect("statement-review", pk=pk)
        return redirect(request.POST.get("next") or "review-queue")
    return render(
        request,
        "factcheck/statement_review.html",
        {
            "statement": statement,
            "context_before": statement.article.text[
                max(0, statement.start - 300) : statement.start
            ],
            "context_after": statement.article.text[statement.end : statement.end + 300],
            "correct_form": CorrectStatementForm(
                initial={
                    "version": statement.version,
                    "start": statement.start,
                    "end": statement.end,
                    "speaker": statement.speaker_id,
                }
            ),
            "reject_form": RejectForm(initial={"version": statement.version}),
        },
    )


def _valid(form):
    if not form.is_valid():
        raise ValidationError(
            [f"{name}: {' '.join(errors)}" for name, errors in form.errors.items()]
        )
    return form


@editor_required
def speaker_merge(request: HttpRequest) -> HttpResponse:
    form = SpeakerMergeForm(request.POST or request.GET or None)
    if request.method == "POST" and form.is_valid():
        keep = editorial.speaker_merge(
            keep=form.cleaned_data["keep"], absorb=form.cleaned_data["absorb"], editor=request.user
        )
        messages.success(request, f"گوینده‌ها در «{keep.name}» ادغام شدند.")
        return redirect(keep.get_absolute_url())
    return render(request, "factcheck/speaker_merge.html", {"form": form})


@editor_required
@require_POST
def claim_edit(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_object_or_404(Claim, pk=pk)
    try:
        data = _valid(ClaimEditForm(request.POST)).cleaned_data
        changes: dict = {}
        if "check_worthy" in request.POST:
            changes["check_worthy"] = data["check_worthy"]
        if data["assign_to_me"]:
            changes["assignee"] = request.user
        if data["unassign"]:
            changes["assignee"] = None
        if data["promise_status"]:
            changes["promise_status"] = data["promise_status"]
        editorial.claim_update(
            claim=claim, editor=request.user, expected_version=data["version"], **changes
        )
        messages.success(request, "ادعا به‌روز شد.")
    except (editorial.EditConflict, ValidationError) as error:
        _report(request, error)
    return redirect(claim.get_absolute_url())


@editor_required
@require_POST
def verdict_new(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_object_or_404(Claim, pk=pk)
    try:
        data = _valid(VerdictForm(request.POST)).cleaned_data
        verdict = editorial.verdict_create(claim=claim, editor=request.user, **data)
        messages.success(
            request, "حکم منتشر شد." if verdict.is_published else "پیش‌نویس حکم ذخیره شد."
        )
    except ValidationError as error:
        _report(request, error)
    return redirect(claim.get_absolute_url())


@editor_required
@require_POST
def verdict_publish(request: HttpRequest, pk: int, verdict_pk: int) -> HttpResponse:
    verdict = get_object_or_404(Verdict, pk=verdict_pk, claim_id=pk)
    try:
        version = int(request.POST.get("version", verdict.version))
        editorial.verdict_publish(verdict=verdict, editor=request.user, expected_version=version)
        messages.success(request, "حکم منتشر شد.")
    except (editorial.EditConflict, ValidationError, ValueError) as error:
        if isinstance(error, ValueError):
            messages.error(request, "نسخه نامعتبر است.")
        else:
            _report(request, error)
    return redirect(verdict.claim.get_absolute_url())


@editor_required
@require_POST
def evidence_new(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_object_or_404(Claim, pk=pk)
    try:
        data = dict(_valid(EvidenceForm(request.POST)).cleaned_data)
        article_id = data.pop("article")
        article = (
            get_object_or_404(Article.objects.select_related("source"), pk=article_id)
            if article_id
            else None
        )
        editorial.evidence_add(claim=claim, editor=request.user, article=article, **data)
        messages.success(request, "شاهد افزوده شد.")
    except ValidationError as error:
        _report(request, error)
    return redirect(claim.get_absolute_url())


@editor_required
@require_POST
def claim_split(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_object_or_404(Claim, pk=pk)
    form = ClaimSplitForm(request.POST)
    form.fields["appearances"].choices = [(a.pk, a.pk) for a in claim.appearances.all()]
    try:
        data = _valid(form).cleaned_data
        new = editorial.claim_split(
            claim=claim,
            appearances=claim.appearances.filter(pk__in=data["appearances"]),
            text=data["text"],
            editor=request.user,
        )
        messages.success(request, "ادعا جدا شد.")
        return redirect(new.get_absolute_url())
    except ValidationError as error:
        _report(request, error)
    return redirect(claim.get_absolute_url())


@editor_required
@require_POST
def claim_merge(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_object_or_404(Claim, pk=pk)
    try:
        data = _valid(ClaimMergeForm(request.POST)).cleaned_data
        absorb = get_object_or_404(Claim, pk=data["absorb"])
        editorial.claim_merge(keep=claim, absorb=absorb, editor=request.user)
        messages.success(request, "ادعاها ادغام شدند.")
    except ValidationError as error:
        _report(request, error)
    return redirect(claim.get_absolute_url())


@editor_required
def byline(request: HttpRequest) -> HttpResponse:
    """The name readers see on this editor's verdicts."""
    profile, _ = EditorProfile.objects.get_or_create(user=request.user)
    form = BylineForm(request.POST or None, initial={"byline": profile.byline})
    if request.method == "POST" and form.is_valid():
        profile.byline = form.cleaned_data["byline"].strip()
        profile.save()
        messages.success(request, "نام نمایشی ذخیره شد.")
        return redirect("byline")
    return render(request, "factcheck/byline.html", {"form": form})


@editor_required
def claims_desk(request: HttpRequest) -> HttpResponse:
    """Claims assigned to this editor, and claims not yet judged, most check-worthy first."""
    mine = Claim.objects.filter(assignee=request.user).with_related().order_by("-check_worthiness")
    minimum = _number(request.GET.get("min"), default=0.5)
    undecided = (
        Claim.objects.visible()
        .filter(check_worthy__isnull=True, current_verdict__isnull=True)
        .filter(check_worthiness__gte=minimum)
        .with_related()
        .order_by("-check_worthiness", "-first_seen_at")
    )
    return render(
        request,
        "factcheck/claims_desk.html",
        {"mine": mine[:100], "page": paginate(request, undecided), "minimum": minimum},
    )


def _number(value: str | None, *, default: float) -> float:
    try:
        return float(value) if value is not None else default
    except ValueError:
        return default


@editor_required
def feeds(request: HttpRequest) -> HttpResponse:
    """The feeds the worker polls, with how their last poll went, and a form to add one."""
    form = FeedForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "خوراک افزوده شد؛ نخستین دریافت در نوبت بعدی زمان‌بند است.")
        return redirect("feeds")
    page = paginate(request, Feed.objects.order_by("-active", "url"))
    return render(request, "factcheck/feeds.html", {"form": form, "page": page})


@editor_required
def feed_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change a feed's address, publisher, interval or pause it; its history below."""
    feed = get_object_or_404(Feed, pk=pk)
    form = FeedForm(request.POST or None, instance=feed)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "خوراک ذخیره شد.")
        return redirect("feeds")
    history = feed.history.select_related("history_user").order_by("-history_date")[:20]
    return render(
        request, "factcheck/feed_edit.html", {"form": form, "feed": feed, "history": history}
    )


@editor_required
@require_POST
def feed_poll_now(request: HttpRequest, pk: int) -> HttpResponse:
    """Queue a poll of this feed now, whatever its schedule."""
    feed = get_object_or_404(Feed, pk=pk)
    if feed_poll_enqueue(feed.pk, force=True):
        messages.success(request, "دریافت خوراک در صف قرار گرفت.")
    else:
        messages.warning(request, "این خوراک هم‌اکنون در حال دریافت است.")
    return redirect("feeds")
