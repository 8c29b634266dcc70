"""URLs for bench/api.py: the project's, plus a bare view to compare the API against."""

from django.http import JsonResponse
from django.urls import include, path

from factcheck.models import Claim

FIELDS = [
    "id",
    "text",
    "speaker_id",
    "speaker__name",
    "claim_type",
    "check_worthiness",
    "promise_status",
    "first_seen_at",
    "current_verdict__rating",
]


def bare_claims(request):
    """The same 50 claim rows as the API's first page, straight from values()."""
    rows = list(Claim.objects.order_by("-first_seen_at", "-id").values(*FIELDS)[:50])
    return JsonResponse(
        {"count": len(rows), "results": rows}, json_dumps_params={"ensure_ascii": False}
    )


urlpatterns = [
    path("bench/bare-claims/", bare_claims),
    path("", include("factcheck.urls")),
]
