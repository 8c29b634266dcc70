"""What the public claim page reads beyond one QuerySet: the role held, related claims."""

from datetime import datetime

from .models import Claim, ClaimAppearance, SpeakerRole
from .search.base import SearchUnavailable
from .search.query import SearchRequest, search


def role_at(appearance: ClaimAppearance | None, roles: list[SpeakerRole]) -> str:
    """The speaker's role when the claim was made.

    The role the article itself gives wins; otherwise the known role whose span of article
    dates covers the article's date; otherwise nothing (no guessing).
    """
    if appearance is None:
        return ""
    statement = appearance.statement
    if statement.role:
        return statement.role
    when: datetime | None = statement.article.published_at
    if when is None:
        return ""
    for role in roles:
        if role.first_seen and role.last_seen and role.first_seen <= when <= role.last_seen:
            return role.title
    return ""


def same_claim_elsewhere(claim: Claim) -> list[Claim]:
    """The same sentence attributed to other speakers (claims share the folded-text key)."""
    return list(
        Claim.objects.visible()
        .filter(fingerprint=claim.fingerprint)
        .exclude(pk=claim.pk)
        .for_listing()
        .latest_first()[:10]
    )


def speaker_claims_on_topic(claim: Claim, *, limit: int = 5) -> list[Claim]:
    """Other claims by the same speaker that the search index finds closest to this one.

    Without the index (being rebuilt) it falls back to the speaker's other claims in the
    articles this claim appears in.
    """
    if claim.speaker_id is None:
        return []
    try:
        request = SearchRequest(
            claim.text, types=("claim",), speaker=claim.speaker_id, page_size=limit + 1
        )
        found = search(request)
        ids = [hit.obj_id for hit in found.hits if hit.obj_id != claim.pk][:limit]
    except SearchUnavailable:
        articles = claim.appearances.values("statement__article_id")
        ids = list(
            Claim.objects.filter(
                speaker_id=claim.speaker_id, appearances__statement__article_id__in=articles
            )
            .exclude(pk=claim.pk)
            .values_list("pk", flat=True)
            .distinct()[:limit]
        )
    found_claims = Claim.objects.visible().filter(pk__in=ids).for_listing().in_bulk()
    return [found_claims[pk] for pk in ids if pk in found_claims]
