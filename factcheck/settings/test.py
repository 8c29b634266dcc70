"""Test settings: an in-memory database (or DATABASE_URL's) and fast password hashing."""

from .base import *  # noqa: F403
from .base import DATABASE_URL, database_from_url

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
# An in-memory SQLite database, or the database DATABASE_URL names: on PostgreSQL,
# pytest-django creates and drops test_<name> beside it.
DATABASES = {
    "default": database_from_url(DATABASE_URL)
    if DATABASE_URL
    else {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Tests make many anonymous requests; the throttling test sets its own rate.
FACTCHECK_ANON_RATE = "100000/minute"

# Tasks run where they are enqueued; tests of the worker switch to the database backend.
TASKS = {
    "default": {
        "BACKEND": "django.tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default", "search"],
    }
}
