"""Values every page template needs: the site's name and the page's canonical address."""

from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict:
    """``site_name`` and ``canonical_url``: this page's absolute address, keeping only ``?page=``."""
    canonical = request.build_absolute_uri(request.path)
    page = request.GET.get("page", "")
    if page.isdigit() and int(page) > 1:
        canonical += f"?page={int(page)}"
    return {"site_name": settings.FACTCHECK_ORGANISATION_NAME, "canonical_url": canonical}
