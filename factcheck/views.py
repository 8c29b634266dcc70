"""Public pages. Views stay thin: QuerySet methods and small functions do the reading."""

from datetime import datetime, time

from django.db.models import Count, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from articles.models import Article, Source

from .charts import rating_chart, rating_counts
from .claimreview import claim_review
from .editorial import is_editor
from .forms import ClaimEditForm, ClaimFilterForm, EvidenceForm, SearchForm, VerdictForm
from .highlight import marked_segments, paragraph_around
from .history import claim_history
from .methodology import promise_scale, rating_scale
from .models import (
    Claim,
    ClaimAppearance,
    ClaimType,
    PromiseStatus,
    Rating,
    Speaker,
    Stance,
    Verdict,
)
from .pagination import paginate
from .public import role_at, same_claim_elsewhere, speaker_claims_on_topic
from .search.base import SearchRequest, SearchUnavailable
from .search.results import run_search

HOME_ROWS = 8


def home(request: HttpRequest) -> HttpResponse:
    """Latest published verdicts, the most-checked speakers and the newest articles."""
    context = {
        "checked": Claim.objects.visible()
        .checked()
        .for_listing()
        .latest_checked_first()[:HOME_ROWS],
        "speakers": Speaker.objects.most_checked()[:HOME_ROWS],
        "articles": Article.objects.with_source()
        .latest_first()
        .annotate(statement_count=Count("statements"))[:HOME_ROWS],
        "claims": Claim.objects.visible().for_listing().latest_first()[:HOME_ROWS],
    }
    return render(request, "factcheck/home.html", context)


def claim_list(request: HttpRequest) -> HttpResponse:
    filters = ClaimFilterForm(request.GET or None)
    claims = filters.filter(Claim.objects.visible().for_listing().latest_first())
    return render(
        request,
        "factcheck/claim_list.html",
        {"page": paginate(request, claims), "filters": filters},
    )


def claim_detail(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_object_or_404(
        Claim.objects.with_related().select_related("current_verdict", "assignee"), pk=pk
    )
    editor = is_editor(request.user)
    verdicts = claim.verdicts.select_related("editor").order_by("-created_at", "-id")
    if not editor:
        verdicts = verdicts.published()
    evidence = list(claim.evidence.select_related("added_by__editor_profile", "article"))
    appearances = list(claim.appearances.all())
    first = appearances[0] if appearances else None
    roles = list(claim.speaker.roles.all()) if claim.speaker else []
    context = {
        "claim": claim,
        "verdict": claim.current_verdict,
        "verdicts": verdicts,
        "appearances": appearances,
        "first_appearance": first,
        "passage": (
            paragraph_around(first.statement.article.text, first.start, first.end)
            if first
            else None
        ),
        "role": role_at(first, roles),
        "evidence_by_stance": [
            (value, label, [e for e in evidence if e.stance == value])
            for value, label in Stance.choices
        ],
        "evidence_count": len(evidence),
        "claim_review": claim_review(claim.current_verdict, request)
        if claim.current_verdict
        else None,
        "same_elsewhere": same_claim_elsewhere(claim),
        "on_topic": speaker_claims_on_topic(claim),
        "is_editor": editor,
    }
    if editor:
        context.update(
            history=claim_history(claim),
            edit_form=ClaimEditForm(
                initial={
                    "version": claim.version,
                    "promise_status": claim.promise_status,
                    "check_worthy": {None: "unknown", True: "true", False: "false"}[
                        claim.check_worthy
                    ],
                }
            ),
            verdict_form=VerdictForm(),
            evidence_form=EvidenceForm(),
        )
    return render(request, "factcheck/claim_detail.html", context)


def article_list(request: HttpRequest) -> HttpResponse:
    articles = (
        Article.objects.with_source().latest_first().annotate(statement_count=Count("statements"))
    )
    page = paginate(request, articles)
    return render(request, "articles/article_list.html", {"page": page})


def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article.objects.with_source(), pk=pk)
    statements = list(
        article.statements.visible()
        .select_related("speaker")
        .prefetch_related(
            Prefetch(
                "appearances",
                ClaimAppearance.objects.select_related("claim").only(
                    "id", "claim_id", "statement_id", "start", "end", "claim__text"
                ),
            )
        )
    )
    parts = marked_segments(
        article.text,
        ((s.start, s.end, s.pk) for s in statements),
        ((a.start, a.end, a.claim_id) for s in statements for a in s.appearances.all()),
    )
    return render(
        request,
        "articles/article_detail.html",
        {"article": article, "statements": statements, "segments": parts},
    )


def speaker_list(request: HttpRequest) -> HttpResponse:
    page = paginate(request, Speaker.objects.with_counts().order_by("-claim_count", "name"))
    return render(request, "factcheck/speaker_list.html", {"page": page})


def speaker_detail(request: HttpRequest, pk: int) -> HttpResponse:
    speaker = get_object_or_404(
        Speaker.objects.with_rating_counts().prefetch_related("aliases", "roles"), pk=pk
    )
    claims = Claim.objects.visible().filter(speaker=speaker)
    promises = claims.filter(claim_type=ClaimType.PROMISE)
    promise_counts = dict(promises.order_by().values_list("promise_status").annotate(n=Count("id")))
    return render(
        request,
        "factcheck/speaker_detail.html",
        {
            "speaker": speaker,
            "page": paginate(request, claims.for_listing().latest_first()),
            "chart": rating_chart(rating_counts(speaker)),
            "promise_record": [
                (value, label, promise_counts.get(value, 0))
                for value, label in PromiseStatus.choices
            ],
            "promises": promises.for_listing().latest_first()[:20],
            "promise_total": sum(promise_counts.values()),
        },
    )


def source_detail(request: HttpRequest, pk: int) -> HttpResponse:
    source = get_object_or_404(Source, pk=pk)
    articles = source.articles.with_source().latest_first()
    page = paginate(request, articles.annotate(statement_count=Count("statements")))
    speakers = (
        Speaker.objects.filter(statements__article__source=source)
        .annotate(quoted=Count("statements"))
        .order_by("-quoted", "name")[:10]
    )
    return render(
        request,
        "articles/source_detail.html",
        {"source": source, "page": page, "speakers": speakers, "article_count": articles.count()},
    )


def methodology(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "factcheck/methodology.html",
        {"ratings": rating_scale(), "promise_statuses": promise_scale()},
    )


def corrections(request: HttpRequest) -> HttpResponse:
    """Every published verdict that replaced an earlier one, with the reason and the old rating."""
    page = paginate(request, Verdict.objects.corrections())
    replaced = Verdict.objects.replaced_by(list(page))
    return render(
        request,
        "factcheck/corrections.html",
        {"page": page, "rows": [(v, replaced.get(v.pk)) for v in page]},
    )


def search_page(request: HttpRequest) -> HttpResponse:
    """/search/?q=...: results with highlighted snippets, facets and pages."""
    form = SearchForm(request.GET or None)
    context: dict = {"form": form, "page": None, "unavailable": False}
    if form.is_valid():
        data = form.cleaned_data
        try:
            context["page"] = run_search(
                SearchRequest(
                    data["q"],
                    types=(data["type"],) if data["type"] else (),
                    speaker=data["speaker"],
                    source=data["source"],
                    rating=data["rating"] or None,
                    date_from=_start_of(data["date_from"]),
                    date_to=_end_of(data["date_to"]),
                    page=data["page"] or 1,
                )
            )
        except SearchUnavailable:
            context["unavailable"] = True
    if context["page"]:
        context["facet_names"] = _facet_names(context["page"].facets)
        query = request.GET.copy()
        query.pop("page", None)
        context["query_string"] = query.urlencode()
    return render(request, "factcheck/search.html", context)


def _start_of(day):
    return datetime.combine(day, time.min, tzinfo=timezone.get_current_timezone()) if day else None


def _end_of(day):
    return datetime.combine(day, time.max, tzinfo=timezone.get_current_timezone()) if day else None


def _facet_names(facets: dict[str, dict[str, int]]) -> dict[str, list[tuple[str, str, int]]]:
    """Facet counts with readable labels: (value, label, count), largest first."""
    speakers = dict(
        Speaker.objects.filter(pk__in=[int(k) for k in facets.get("speaker_id", {})]).values_list(
            "pk", "name"
        )
    )
    sources = dict(
        Source.objects.filter(pk__in=[int(k) for k in facets.get("source_id", {})]).values_list(
            "pk", "name"
        )
    )
    labels = {
        "type": lambda v: TYPE_LABELS.get(v, v),
        "speaker_id": lambda v: speakers.get(int(v), v),
        "source_id": lambda v: sources.get(int(v), v),
        "rating": lambda v: dict(Rating.choices).get(v, v),
    }
    return {
        name: sorted(
            ((value, labels[name](value), n) for value, n in counts.items()), key=lambda x: -x[2]
        )[:10]
        for name, counts in facets.items()
    }


TYPE_LABELS = {"claim": "ادعا", "statement": "نقل قول", "article": "خبر", "speaker": "گوینده"}
