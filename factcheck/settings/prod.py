"""Production settings: everything secret or host-specific comes from the environment.

`DJANGO_SETTINGS_MODULE=factcheck.settings.prod python manage.py check --deploy` reports no
issue once the variables below are set for a public HTTPS site (see the README).
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403


def _flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _list(name: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is not set: production settings refuse to start without a secret key."
    )

DEBUG = _flag("DJANGO_DEBUG", False)
ALLOWED_HOSTS = _list("DJANGO_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = _list("DJANGO_CSRF_TRUSTED_ORIGINS")

# HTTPS ends at the proxy in front of gunicorn, which says so in X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = _flag("DJANGO_SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# HSTS binds browsers to HTTPS for this long: 0 (the default) until the site is known to
# work over HTTPS; `check --deploy` warns until it is set.
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", 0))
SECURE_HSTS_INCLUDE_SUBDOMAINS = _flag("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = _flag("DJANGO_HSTS_PRELOAD", False)
SECURE_CONTENT_TYPE_NOSNIFF = True

# Static files from STATIC_ROOT, filled by `collectstatic`: names carry a hash of the
# content (cached for ever by browsers) and gzip copies sit beside them.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = False
