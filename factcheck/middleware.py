"""A database that cannot be reached or stays locked is a 503 with a clear message, not a 500.

The database may be restarting, unreachable, on a data folder that is read-only or full, or
(SQLite) held by another writer longer than the busy timeout; the log says which. Each request opens its own connection, so the site recovers by itself once
the database is back; until then readers get a page (or JSON under /api/) saying so, with
Retry-After, and nothing half-written (the request's transaction was rolled back).
"""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string

from .diagnostics import explain_database_error

log = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30
MESSAGE = "The database cannot be used right now; nothing was changed. Try again shortly."


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        log.error(
            "database unavailable for %s %s: %s",
            request.method,
            request.path,
            explain_database_error(exception),
        )
        if request.path.startswith("/api/"):
            response = JsonResponse({"detail": MESSAGE}, status=503)
        else:
            response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
