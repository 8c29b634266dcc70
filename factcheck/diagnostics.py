"""What is wrong when the database cannot be used, said for the person running the site.

The driver's words ("unable to open database file", "connection refused") name the symptom;
an operator needs the cause: a data folder that is read-only or full, a SQLite file locked by
another process, a PostgreSQL server that is down. Used by ``manage.py`` (instead of a
traceback) and by the 503 middleware (in the log).
"""

import os
import shutil
from pathlib import Path

from django.conf import settings
from django.db import connection

FULL_BELOW_BYTES = 1 << 20


def data_folder_problem(folder: Path) -> str:
    """Why ``folder`` cannot hold the knowledge base, or "" if it can."""
    if not folder.exists():
        return f"the data folder {folder} does not exist"
    if not os.access(folder, os.W_OK):
        return (
            f"the data folder {folder} is read-only: the database and the search index are "
            "written there (make it writable, or set FACTCHECK_DATA_DIR to a writable folder)"
        )
    if shutil.disk_usage(folder).free < FULL_BELOW_BYTES:
        return f"the data folder {folder} is full: free some space on its disk"
    return ""


def explain_database_error(error: Exception) -> str:
    """One line: the cause of a database error, as far as it can be told, and what to do."""
    if connection.vendor == "sqlite":
        problem = data_folder_problem(Path(settings.DATABASES["default"]["NAME"]).parent)
        if problem:
            return problem
        if "locked" in str(error):
            return (
                "the SQLite database stayed locked by another process longer than the busy "
                f"timeout ({error}); nothing was changed, try again"
            )
        return f"the SQLite database cannot be used: {error}"
    if problem := data_folder_problem(settings.DATA_DIR):
        return problem
    return (
        f"the database server cannot be reached or refused the request: {' '.join(str(error).split())} "
        "(check DATABASE_URL and that the server is running; nothing was changed)"
    )
