"""``?page=`` and ``?page_size=`` for every list page."""

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


def paginate(request: HttpRequest, queryset: QuerySet, default: int = DEFAULT_PAGE_SIZE) -> Page:
    """The requested page; bad or out-of-range values fall back instead of failing."""
    try:
        size = int(request.GET.get("page_size", default))
    except ValueError:
        size = default
    size = min(max(size, 1), MAX_PAGE_SIZE)
    return Paginator(queryset, size).get_page(request.GET.get("page"))
