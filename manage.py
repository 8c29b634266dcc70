#!/usr/bin/env python
"""Django's command-line utility; defaults to the development settings.

A database that cannot be used (a read-only or full data folder, a server that is down) ends
a command with one line saying why, not a traceback.
"""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings.dev")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line
    from django.db import InterfaceError, OperationalError

    try:
        execute_from_command_line(sys.argv)
    except (OperationalError, InterfaceError) as error:
        from factcheck.diagnostics import explain_database_error

        sys.exit(f"error: {explain_database_error(error)}")
    except ImproperlyConfigured as error:
        sys.exit(f"error: the configuration is incomplete: {error}")


if __name__ == "__main__":
    main()
