"""Running ``manage.py`` in a subprocess, as a person at the command line does."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_manage(
    environment: dict[str, str], *args: str, timeout: float = 120, check: bool = False
) -> subprocess.CompletedProcess:
    """``python manage.py ARGS`` from the project folder with exactly ``environment``."""
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=check,
    )
