"""Settings shared by every environment. All state lives under FACTCHECK_DATA_DIR."""

import contextlib
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent.parent
DATA_DIR = Path(os.environ.get("FACTCHECK_DATA_DIR", BASE_DIR / "var")).resolve()
try:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
except OSError as error:
    raise ImproperlyConfigured(
        f"FACTCHECK_DATA_DIR {DATA_DIR} cannot be created ({error.strerror})"
    ) from error

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS: list[str] = []

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    # Full-text and trigram lookups of the PostgreSQL search backend (inert on SQLite).
    "django.contrib.postgres",
    "corsheaders",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "axes",
    "django_tasks_db",
    "articles",
    "factcheck",
]

AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses sign-ins from a locked-out user and address.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Login throttling: after 5 failures for one username from one address, wait an hour.
AXES_FAILURE_LIMIT = int(os.environ.get("FACTCHECK_LOGIN_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "review-queue"
LOGOUT_REDIRECT_URL = "home"

# The fact-checking organisation named as author of every ClaimReview.
FACTCHECK_ORGANISATION_NAME = os.environ.get("FACTCHECK_ORGANISATION_NAME", "راستی‌آزمایی اخبار")
FACTCHECK_ORGANISATION_URL = os.environ.get("FACTCHECK_ORGANISATION_URL", "")
EDITORS_GROUP = "editors"

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy on every response (SECURE_CSP below).
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Static files from the site itself (fonts, styles, the API docs): no other host is asked.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Records who made each change kept by django-simple-history.
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
    # Last, so it sees the views' exceptions first: an unreachable or locked database is a
    # 503 saying so (JSON under /api/), not a bare 500.
    "factcheck.middleware.DatabaseUnavailableMiddleware",
]

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["factcheck.api.permissions.EditorOrReadOnly"],
    "DEFAULT_PAGINATION_CLASS": "factcheck.api.pagination.PageNumberPagination",
    "PAGE_SIZE": 20,
    "EXCEPTION_HANDLER": "factcheck.api.errors.exception_handler",
    "DEFAULT_FILTER_BACKENDS": ["factcheck.api.backends.FilterBackend"],
    "DEFAULT_THROTTLE_CLASSES": ["factcheck.api.throttling.AnonThrottle"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
}

# Anonymous API requests per client address (DRF rate syntax); empty turns throttling off.
FACTCHECK_ANON_RATE = os.environ.get("FACTCHECK_ANON_RATE", "120/minute")

SPECTACULAR_SETTINGS = {
    "TITLE": "Persian news fact-check knowledge base API",
    "DESCRIPTION": (
        "Claims, statements, speakers, articles, sources, verdicts and evidence extracted "
        "from Persian news, with editors' verdicts. Read for everyone; writes for editors."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI's files come from the sidecar package: the docs make no external request.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "factcheck.api.schema.add_error_responses",
    ],
    "ENUM_NAME_OVERRIDES": {
        "RatingEnum": "factcheck.models.Rating",
        "StanceEnum": "factcheck.models.Stance",
        "PromiseStatusEnum": "factcheck.models.PromiseStatus",
        "SpeakerKindEnum": "factcheck.models.SpeakerKind",
        "StatementKindEnum": "factcheck.models.StatementKind",
    },
}

# Other sites may read the API from browsers; writes stay same-site (no credentials, GET only).
CORS_ALLOW_ALL_ORIGINS = True
CORS_URLS_REGEX = r"^/(api|feeds)/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False

# Pages load nothing from other hosts, and no inline script runs except the nonce'd JSON-LD.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SECURE_REFERRER_POLICY = "same-origin"

ROOT_URLCONF = "factcheck.urls"
WSGI_APPLICATION = "factcheck.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                # csp_nonce: the one inline script allowed, the ClaimReview JSON-LD, carries it.
                "django.template.context_processors.csp",
                "factcheck.context_processors.site",
            ],
        },
    },
]

# WAL lets readers and one writer work at once; writers wait instead of failing.
SQLITE_OPTIONS = {
    "timeout": 30,
    "transaction_mode": "IMMEDIATE",
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
}


def database_from_url(url: str) -> dict:
    """DATABASES["default"] for a DATABASE_URL (postgres://..., sqlite:///...)."""
    config = dj_database_url.parse(url)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = {**SQLITE_OPTIONS, **config.get("OPTIONS", {})}
    elif config["ENGINE"] == "django.db.backends.postgresql":
        # Keep a connection for a minute instead of opening one per request, and check it
        # before reuse, so a restarted server costs one failed check rather than an error.
        config["CONN_MAX_AGE"] = int(os.environ.get("DATABASE_CONN_MAX_AGE", 60))
        config["CONN_HEALTH_CHECKS"] = True
    return config


DATABASE_URL = os.environ.get("DATABASE_URL", "").strip()
DATABASES = {
    "default": database_from_url(DATABASE_URL)
    if DATABASE_URL
    else {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": DATA_DIR / "factcheck.sqlite3",
        "OPTIONS": SQLITE_OPTIONS,
    }
}

# Full-text search: "whoosh" (an index under DATA_DIR/search) or "postgres" (tables in the
# PostgreSQL database itself; needs DATABASE_URL to name a PostgreSQL database).
FACTCHECK_SEARCH_BACKEND = os.environ.get("FACTCHECK_SEARCH_BACKEND", "whoosh").strip().lower()
if FACTCHECK_SEARCH_BACKEND not in {"whoosh", "postgres"}:
    raise ImproperlyConfigured(
        f"FACTCHECK_SEARCH_BACKEND is {FACTCHECK_SEARCH_BACKEND!r}: use 'whoosh' or 'postgres'."
    )
if FACTCHECK_SEARCH_BACKEND == "postgres" and "postgresql" not in DATABASES["default"]["ENGINE"]:
    raise ImproperlyConfigured(
        "FACTCHECK_SEARCH_BACKEND=postgres needs DATABASE_URL to name a PostgreSQL database."
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "fa"
TIME_ZONE = "Asia/Tehran"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
# collectstatic fills it in production; WhiteNoise wants it. On a read-only data folder the
# database error that follows explains the problem better than this mkdir would.
with contextlib.suppress(OSError):
    STATIC_ROOT.mkdir(exist_ok=True)
STATICFILES_DIRS = [BASE_DIR / "static"]
# Serve straight from the app folders (no collectstatic) unless production says otherwise.
WHITENOISE_USE_FINDERS = True

# Background work (django.tasks). "database": tasks are stored in the database and run by
# `manage.py db_worker` (make run starts one); "immediate": each task runs at once in the
# process that enqueues it (no worker needed, as before tasks existed).
FACTCHECK_TASKS = os.environ.get("FACTCHECK_TASKS", "database")
_TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django.tasks.backends.immediate.ImmediateBackend",
}
if FACTCHECK_TASKS not in _TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"FACTCHECK_TASKS={FACTCHECK_TASKS!r}: use one of {', '.join(_TASK_BACKENDS)}"
    )
TASKS = {
    "default": {
        "BACKEND": _TASK_BACKENDS[FACTCHECK_TASKS],
        # "search" holds every write to the Whoosh index: exactly one worker runs it.
        "QUEUES": ["default", "search"],
    }
}

# Fetch tasks and feed polling refuse private and loopback addresses unless this is on.
FACTCHECK_ALLOW_PRIVATE_URLS = os.environ.get("FACTCHECK_ALLOW_PRIVATE_URLS", "").lower() in {
    "1",
    "true",
    "yes",
    "on",
}

# Ingestion limits; both can be overridden by the environment.
FACTCHECK_MAX_ARTICLE_BYTES = int(os.environ.get("FACTCHECK_MAX_ARTICLE_BYTES", 5 * 1024 * 1024))
FACTCHECK_FETCH_TIMEOUT = float(os.environ.get("FACTCHECK_FETCH_TIMEOUT", 20))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    # The task worker says which task it runs and how it ended (once: not again via root).
    "loggers": {
        name: {"handlers": ["console"], "level": "INFO", "propagate": False}
        for name in ("django.tasks", "django_tasks_db")
    },
}
