"""Public pages. Views stay thin: QuerySet methods do the reading."""

import json
from datetime import datetime, time

from django.db.models import Count, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from articles.models import Article, Source

from .claimreview import claim_review
from .editorial import is_editor
from .forms import ClaimEditForm, EvidenceForm, SearchForm, VerdictForm
from .highlight import segments
from .history import claim_history
from .models import Claim, ClaimAppearance, Rating, Speaker, Stance
from .pagination import paginate
from .search.index import SearchUnavailable
from .search.results import run_search


def home(request: HttpRequest) -> HttpResponse:
    claims = Claim.objects.visible().with_related().latest_first()[:20]
    return render(request, "factcheck/home.html", {"claims": claims})


def claim_list(request: HttpRequest) -> HttpResponse:
    page = paginate(request, Claim.objects.visible().with_related().latest_first())
    return render(request, "factcheck/claim_list.html", {"page": page})


def claim_detail(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_object_or_404(
        Claim.objects.with_related().select_related("current_verdict", "assignee"), pk=pk
    )
    editor = is_editor(request.user)
    verdicts = claim.verdicts.select_related("editor").order_by("-created_at", "-id")
    if not editor:
        verdicts = verdicts.published()
    evidence = list(claim.evidence.select_related("added_by__editor_profile", "article"))
    context = {
        "claim": claim,
        "verdict": claim.current_verdict,
        "verdicts": verdicts,
        "evidence_by_stance": [
            (label, [e for e in evidence if e.stance == value]) for value, label in Stance.choices
        ],
        "claim_review": (
            json.dumps(claim_review(claim.current_verdict, request), ensure_ascii=False)
            if claim.current_verdict
            else ""
        ),
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
            Prefetch("appearances", ClaimAppearance.objects.only("id", "claim_id", "statement_id"))
        )
    )
    parts = segments(article.text, ((s.start, s.end, s.pk) for s in statements))
    return render(
        request,
        "articles/article_detail.html",
        {"article": article, "statements": statements, "segments": parts},
    )


def speaker_list(request: HttpRequest) -> HttpResponse:
    page = paginate(request, Speaker.objects.with_counts().order_by("-claim_count", "name"))
    return render(request, "factcheck/speaker_list.html", {"page": page})


def speaker_detail(request: HttpRequest, pk: int) -> HttpResponse:
    speaker = get_object_or_404(Speaker.objects.prefetch_related("aliases", "roles"), pk=pk)
    claims = paginate(request, Claim.objects.filter(speaker=speaker).with_related().latest_first())
    return render(request, "factcheck/speaker_detail.html", {"speaker": speaker, "page": claims})


def source_detail(request: HttpRequest, pk: int) -> HttpResponse:
    source = get_object_or_404(Source, pk=pk)
    page = paginate(request, source.articles.with_source().latest_first())
    return render(request, "articles/source_detail.html", {"source": source, "page": page})


def search_page(request: HttpRequest) -> HttpResponse:
    """/search/?q=...: results with highlighted snippets, facets and pages."""
    form = SearchForm(request.GET or None)
    context: dict = {"form": form, "page": None, "unavailable": False}
    if form.is_valid():
        data = form.cleaned_data
        try:
            context["page"] = run_search(
                data["q"],
                types=[data["type"]] if data["type"] else None,
                speaker=data["speaker"],
                source=data["source"],
                rating=data["rating"] or None,
                date_from=_start_of(data["date_from"]),
                date_to=_end_of(data["date_to"]),
                page=data["page"] or 1,
                page_size=20,
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
