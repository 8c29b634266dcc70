"""WSGI entry point (production: DJANGO_SETTINGS_MODULE=factcheck.settings.prod)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings.dev")
application = get_wsgi_application()
