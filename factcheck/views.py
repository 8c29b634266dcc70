"""Public pages. Views stay thin: QuerySet methods do the reading."""

import json

from django.db.models import Count, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from articles.models import Article, Source

from .claimreview import claim_review
from .editorial import is_editor
from .forms import ClaimEditForm, EvidenceForm, VerdictForm
from .highlight import segments
from .history import claim_history
from .models import Claim, ClaimAppearance, Speaker, Stance
from .pagination import paginate


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
