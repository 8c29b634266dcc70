"""schema.org ClaimReview for a published verdict: the same object on pages and in feeds."""

from django.conf import settings
from django.http import HttpRequest

from .models import Claim, SpeakerKind, Verdict


def claim_review(verdict: Verdict, request: HttpRequest) -> dict:
    """The ClaimReview JSON-LD object of ``verdict`` (absolute URLs on the request's host)."""
    claim: Claim = verdict.claim
    appearances = [
        {
            "@type": "CreativeWork",
            "url": a.statement.article.url
            or request.build_absolute_uri(a.statement.article.get_absolute_url()),
            "headline": a.statement.article.title,
            **(
                {"datePublished": a.statement.article.published_at.isoformat()}
                if a.statement.article.published_at
                else {}
            ),
            "publisher": {"@type": "Organization", "name": a.statement.article.source.name},
        }
        for a in claim.appearances.all()
    ]
    item: dict = {"@type": "Claim"}
    if claim.speaker:
        kind = "Organization" if claim.speaker.kind == SpeakerKind.ORGANISATION else "Person"
        item["author"] = {"@type": kind, "name": claim.speaker.name}
    if appearances:
        item["appearance"] = appearances
        item["firstAppearance"] = appearances[0]
    if claim.first_seen_at:
        item["datePublished"] = claim.first_seen_at.date().isoformat()
    rating: dict = {
        "@type": "Rating",
        "bestRating": 6,
        "worstRating": 1,
        "alternateName": verdict.get_rating_display(),
    }
    if verdict.rating_value is not None:
        rating["ratingValue"] = verdict.rating_value
    organisation = {"@type": "Organization", "name": settings.FACTCHECK_ORGANISATION_NAME}
    if settings.FACTCHECK_ORGANISATION_URL:
        organisation["url"] = settings.FACTCHECK_ORGANISATION_URL
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": request.build_absolute_uri(claim.get_absolute_url()),
        "claimReviewed": claim.text,
        "itemReviewed": item,
        "reviewRating": rating,
        "author": organisation,
        "datePublished": verdict.published_at.date().isoformat() if verdict.published_at else None,
        "inLanguage": "fa",
    }
