"""Search backends, one module each, chosen by settings.FACTCHECK_SEARCH_BACKEND.

Each module offers the same functions:

- ``ready()``: raises SearchUnavailable when the index cannot be written or read;
- ``write(documents, *, remove=(), remove_articles=(), bulk=False) -> int``: add or replace
  documents, drop ``(type, id)`` pairs and the statements of ``remove_articles``; returns
  how many documents it wrote;
- ``rebuild(documents) -> tuple[int, int]``: replace everything; (written, held after);
- ``search(request: SearchRequest) -> Results``: one page of hits and the facet counts.
"""

from types import ModuleType

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection


def current() -> ModuleType:
    """The configured backend module."""
    if settings.FACTCHECK_SEARCH_BACKEND == "postgres":
        if connection.vendor != "postgresql":
            raise ImproperlyConfigured(
                "FACTCHECK_SEARCH_BACKEND=postgres needs DATABASE_URL to name a PostgreSQL "
                f"database (the database is {connection.vendor})."
            )
        from . import postgres

        return postgres
    from . import whoosh

    return whoosh
